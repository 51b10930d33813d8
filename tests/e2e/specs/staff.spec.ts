import { asUser, demoUser, saoPauloDay, unique } from '../support/api';
import { expectAccessible } from '../support/a11y';
import { expect, test } from '../support/fixtures';
import { holdSeats, seatButton, signIn } from '../support/ui';

test('a manager draws an auditorium and schedules a showtime, and a customer then sees it and buys it', async ({ page, browser, request, user }, testInfo) => {
  testInfo.setTimeout(300_000);
  const cinema = unique('Cine E2E');
  const day = saoPauloDay(3);
  await signIn(page, demoUser('manager'));

  await page.getByRole('link', { name: 'Equipe' }).click();
  await page.getByRole('link', { name: 'Cinemas e salas' }).click();
  // The API's per-field messages appear next to their fields.
  await page.getByRole('button', { name: 'Criar' }).click();
  await expect(page.getByLabel('Nome')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Nome')).toHaveAccessibleDescription(/Name/);
  await page.getByLabel('Nome').fill(cinema);
  await page.getByLabel('Bairro').fill('Pinheiros');
  await page.getByLabel('Endereço').fill('Rua dos Pinheiros, 1000');
  await page.getByRole('button', { name: 'Criar' }).click();
  await page.getByRole('link', { name: cinema }).click();
  await expect(page.getByRole('heading', { level: 1, name: cinema })).toBeVisible();

  // A 3 × 6 room: a wheelchair place and its companion seat in front, by mouse and by keyboard, and an aisle.
  await page.getByLabel('Nome').fill('Sala Acessível');
  await page.getByLabel('Fileiras').fill('3');
  await page.getByLabel('Fileiras').press('Tab');
  await page.getByLabel('Posições por fileira').fill('6');
  await page.getByLabel('Posições por fileira').press('Tab');
  await page.getByRole('radio', { name: 'Cadeirante' }).check();
  await page.getByRole('button', { name: 'Fileira A, posição 1: Padrão' }).click();
  await expect(page.getByRole('button', { name: 'Fileira A, posição 1: Cadeirante' })).toBeVisible();
  await page.getByRole('button', { name: 'Fileira A, posição 1: Cadeirante' }).press('ArrowRight');
  await page.keyboard.press('c');
  await expect(page.getByRole('button', { name: 'Fileira A, posição 2: Acompanhante' })).toBeFocused();
  for (const row of ['A', 'B', 'C']) {
    await page.getByRole('button', { name: `Fileira ${row}, posição 4: Padrão` }).focus();
    await page.keyboard.press(' ');
  }
  await expect(page.getByText('15 poltronas')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Criar sala' }).click();
  await expect(page.getByText('Cadastro concluído: Sala Acessível.')).toBeVisible();
  await expect(page.getByText('15 lugares')).toBeVisible();

  await page.goto('/equipe/sessoes');
  await expect(page.getByRole('heading', { level: 1, name: 'Sessões' })).toBeVisible();
  await page.getByLabel('Cinema').selectOption({ label: cinema });
  await page.getByLabel('Dia', { exact: true }).fill(day);
  await page.getByLabel('Sala').selectOption({ label: 'Sala Acessível (15 lugares)' });
  await page.getByLabel('Buscar filme no catálogo').fill('Finding Nemo');
  await page.getByRole('button', { name: 'Buscar' }).click();
  await page.getByRole('button', { name: /^Escolher Finding Nemo/ }).click();
  await expect(page.getByText('Filme escolhido: Finding Nemo')).toBeVisible();
  await page.getByLabel('Data', { exact: true }).fill(day);
  await page.getByLabel('Horário').fill('15:00');
  await page.getByRole('button', { name: 'Programar sessão' }).click();
  await expect(page.getByText(/^Sessão de Finding Nemo programada para/)).toBeVisible();
  // The same slot again collides, and the page says with what.
  await page.getByLabel('Horário').fill('16:00');
  await page.getByRole('button', { name: 'Programar sessão' }).click();
  await expect(page.getByRole('alert')).toContainText(/Conflita com Finding Nemo, das .*15:00 às /);
  await expect(page.getByRole('region', { name: 'Programação do dia' }).getByText('Finding Nemo')).toBeVisible();
  await expectAccessible(page);

  // A customer finds it on the day's programme and buys a seat (the simulator refuses about half: retry on refusal).
  const { baseURL, viewport, locale, timezoneId } = testInfo.project.use;
  const customerContext = await browser.newContext({ baseURL, viewport, locale, timezoneId });
  const customer = await customerContext.newPage();
  await signIn(customer, user);
  await customer.goto(`/?data=${day}`);
  await customer.getByLabel('Cinema').selectOption({ label: `${cinema} — Pinheiros` });
  await customer.getByRole('link', { name: 'Finding Nemo' }).click();
  await customer.getByRole('link', { name: `Sessão das 15:00, ${cinema}` }).click();
  await expect(seatButton(customer, 'A1')).toHaveAccessibleName(/cadeirante, disponível$/);
  const seatPicker = customer.url();
  let approved = false;
  // Seats are numbered around the aisle: B4 is the seat after the gap.
  for (const seat of ['B1', 'B2', 'B3', 'B4', 'B5', 'C1', 'C2', 'C3', 'C4', 'C5', 'A3', 'A4']) {
    await customer.goto(seatPicker);
    await holdSeats(customer, [seat]);
    await customer.getByRole('link', { name: 'Continuar' }).click();
    await customer.getByRole('button', { name: 'Pagar' }).click();
    const final = customer.getByText(/Aprovado|Recusado/).first();
    await expect(final).toBeVisible({ timeout: 45_000 });
    if ((await final.textContent())!.includes('Aprovado')) { approved = true; break; }
  }
  expect(approved, 'one of the orders was approved').toBeTruthy();
  await expect(customer.getByRole('img', { name: /QR code do ingresso/ })).toBeVisible();
  await customerContext.close();
});

test("a manager's edit of a package someone changed meanwhile is refused with a dialog that reloads it", async ({ page, request }) => {
  const manager = await asUser(request, demoUser('manager'));
  const name = unique('Pacote E2E');
  const created = await manager.post('/packages', { name, genreIds: [28], description: 'Como era.', priceCents: 2990 });
  await signIn(page, demoUser('manager'));
  await page.goto('/equipe/pacotes');
  await page.getByRole('button', { name: `Editar ${name}` }).click();
  await expect(page.getByLabel('Descrição')).toHaveValue('Como era.');

  // Someone else saves first.
  const current = await request.get(`/api/v1/packages/${created.id}`);
  const theirs = await manager.put(`/packages/${created.id}`, { name, genreIds: [28], description: 'Mudado por outra pessoa.', priceCents: 3490 },
    { 'If-Match': current.headers()['etag'] });
  expect(theirs.status()).toBe(200);

  await page.getByLabel('Descrição').fill('Minha mudança.');
  await page.getByRole('button', { name: 'Salvar' }).click();
  const dialog = page.getByRole('dialog', { name: 'Este pacote mudou' });
  await expect(dialog).toBeVisible();
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Recarregar' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByLabel('Descrição')).toHaveValue('Mudado por outra pessoa.');
  await expect(page.getByLabel('Preço (R$)')).toHaveValue('34,90');
  // Nothing of the stale edit reached the package.
  expect((await manager.get(`/packages/${created.id}`)).description).toBe('Mudado por outra pessoa.');
});

test('a manager adds products one after another, each on sale at the price typed, however the keypad writes it', async ({ page }) => {
  const [first, second] = [unique('Pipoca E2E'), unique('Refri E2E')];
  await signIn(page, demoUser('manager'));
  await page.goto('/equipe/bomboniere');
  await expect(page.getByRole('heading', { level: 1, name: 'Bomboniere' })).toBeVisible();
  const create = page.getByRole('region', { name: 'Novo produto' }).getByRole('button', { name: 'Criar', exact: true });

  // A phone set to English types a dot for the decimal point.
  await page.getByLabel('Nome').fill(first);
  await page.getByLabel('Preço (R$)').fill('12.50');
  await page.getByLabel('Estoque').fill('5');
  await create.click();
  await expect(page.getByText('Alterações salvas.')).toBeVisible();
  const firstItem = page.getByRole('listitem').filter({ hasText: first });
  await expect(firstItem).toContainText(/R\$\s12,50/);
  await expect(firstItem).not.toContainText('Fora de venda');

  // The form starts over as a new product would: on sale, nothing of the last one left.
  await expect(page.getByLabel('À venda')).toBeChecked();
  await expect(page.getByLabel('Nome')).toHaveValue('');
  await page.getByLabel('Nome').fill(second);
  await page.getByLabel('Preço (R$)').fill('oito reais');
  await create.click();
  await expect(page.getByLabel('Preço (R$)')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Digite um valor em reais, como 32,50.')).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('Preço (R$)').fill('8,00');
  await create.click();
  const secondItem = page.getByRole('listitem').filter({ hasText: second });
  await expect(secondItem).toContainText(/R\$\s8,00/);
  await expect(secondItem).not.toContainText('Fora de venda');
});
