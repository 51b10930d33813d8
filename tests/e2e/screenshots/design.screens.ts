import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { asUser, availableSeats, demoUser, registerUser, showtimeForSlot } from '../support/api';
import { expect, test } from '../support/fixtures';
import { holdSeats, openSeatPicker, signIn } from '../support/ui';

const out = process.env.MARQUEE_SCREENSHOTS_DIR ?? join(process.cwd(), '..', '..', 'docs', 'design', 'screenshots');
mkdirSync(out, { recursive: true });

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('domcontentloaded');
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: join(out, `${name}-${page.viewportSize()!.width}.png`), fullPage: true });
}

test('moviegoer and subscriber pages', async ({ page, request }, testInfo) => {
  testInfo.setTimeout(240_000);
  const user = await registerUser(request, 'screens');
  const showtime = await showtimeForSlot(request, testInfo.config.projects.findIndex((p) => p.name === testInfo.project.name), 19);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
  await shot(page, 'home');
  await page.goto(`/filmes/${showtime.movieId}`);
  await expect(page.getByRole('link', { name: /^Sessão das/ }).first()).toBeVisible();
  await shot(page, 'movie');
  await page.goto('/entrar');
  await shot(page, 'sign-in');
  await page.goto('/cadastro');
  await shot(page, 'register');
  await signIn(page, user);
  // The simulator refuses about half the payments: buy until one is approved, to show its QR tickets.
  for (let attempt = 0; attempt < 8; attempt++) {
    const seats = (await availableSeats(request, showtime.id, 2)).map((s) => s.seat);
    await openSeatPicker(page, showtime.id, seats[0]);
    if (attempt === 0) await shot(page, 'seat-picker');
    await holdSeats(page, seats);
    if (attempt === 0) await shot(page, 'seat-picker-held');
    await page.getByRole('link', { name: 'Continuar' }).click();
    await expect(page.getByRole('button', { name: 'Pagar' })).toBeVisible();
    if (attempt === 0) await shot(page, 'checkout');
    await page.getByRole('button', { name: 'Pagar' }).click();
    const final = page.getByText(/Aprovado|Recusado/).first();
    await expect(final).toBeVisible({ timeout: 45_000 });
    if ((await final.textContent())!.includes('Aprovado')) break;
  }
  await expect(page.getByRole('img', { name: /QR code do ingresso/ }).first()).toBeVisible();
  await shot(page, 'order');
  await page.goto('/pedidos');
  await shot(page, 'orders');

  const customer = await asUser(request, user);
  const packages = (await customer.get('/packages')).data as { id: string }[];
  for (const p of packages.slice(0, 2)) await customer.post('/users/me/subscriptions', { packageId: p.id });
  await page.goto('/pacotes');
  await expect(page.getByText('Assinado').first()).toBeVisible();
  await shot(page, 'packages');
  await page.goto('/meus-filmes');
  const toggles = page.getByRole('button', { name: /^Assistido: / });
  await expect(toggles.first()).toBeVisible();
  await toggles.nth(0).click();
  await toggles.nth(1).click();
  await expect(toggles.nth(1)).toHaveAttribute('aria-pressed', 'true');
  await shot(page, 'my-movies');
  await page.goto('/assistidos');
  await expect(page.getByText('2 filmes assistidos')).toBeVisible();
  await shot(page, 'watched');
  await page.goto('/equipe');
  await shot(page, 'not-allowed');
});

test('staff pages', async ({ page }) => {
  await signIn(page, demoUser('manager'));
  await page.goto('/equipe');
  await shot(page, 'staff');
  await page.goto('/equipe/cinemas');
  await page.getByRole('link').filter({ hasText: 'Marquee' }).nth(1).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Salas' })).toBeVisible();
  await shot(page, 'staff-cinema');
  await page.goto('/equipe/sessoes');
  await page.getByLabel('Cinema').selectOption({ index: 1 });
  await expect(page.getByRole('region', { name: 'Programação do dia' }).getByRole('heading', { level: 3 }).first()).toBeVisible();
  await shot(page, 'staff-showtimes');
  await page.goto('/equipe/bomboniere');
  await expect(page.getByRole('heading', { name: 'Produtos' })).toBeVisible();
  await shot(page, 'staff-concessions');
  await page.goto('/equipe/pacotes');
  await expect(page.getByRole('button', { name: /^Editar / }).first()).toBeVisible();
  await shot(page, 'staff-packages');
  await page.goto('/equipe/reembolsos');
  await shot(page, 'staff-refunds');
});

test('admin pages', async ({ page }) => {
  await signIn(page, demoUser('admin'));
  await page.goto('/admin');
  await shot(page, 'admin');
  await page.goto('/admin/usuarios');
  await expect(page.getByRole('group').first()).toBeVisible();
  await shot(page, 'admin-users');
  await page.goto('/admin/falhas');
  await shot(page, 'admin-dead-letters');
  await page.goto('/admin/relatorios');
  await expect(page.getByRole('table')).toBeVisible();
  await shot(page, 'admin-reports');
  await page.goto('/admin/capacidade');
  await expect(page.getByRole('img', { name: /^Gráfico de linha/ })).toBeVisible();
  await shot(page, 'admin-capacity');
});
