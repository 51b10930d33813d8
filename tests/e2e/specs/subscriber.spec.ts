import { asUser, demoUser, unique } from '../support/api';
import { expectAccessible } from '../support/a11y';
import { expect, test } from '../support/fixtures';
import { signIn } from '../support/ui';

interface Movie { id: number; title: string; genreIds: number[]; }

test('a subscriber subscribes, sees only the movies their package unlocks, marks two watched and reads the report', async ({ page, request, user }) => {
  // A package of one genre, made for this test, and movies in and out of that genre from the catalog.
  const manager = await asUser(request, demoUser('manager'));
  const catalog: Movie[] = [];
  for (let page = 1; page <= 3; page++) catalog.push(...(await manager.get(`/catalog/movies?pageSize=100&pageNumber=${page}`)).data);
  const unlocked = 16; // Animation
  const animated = catalog.filter((m) => m.genreIds.includes(unlocked));
  const outside = catalog.find((m) => !m.genreIds.includes(unlocked))!;
  // Two animated movies sharing no other genre, so Animation is the report's most watched theme.
  const inside = animated.flatMap((a, i) => animated.slice(i + 1).map((b) => [a, b]))
    .find(([a, b]) => a.genreIds.filter((g) => b.genreIds.includes(g)).length === 1)!;
  expect(inside, 'two animated movies with no other genre in common').toBeTruthy();
  const name = unique('Animação E2E');
  await manager.post('/packages', { name, genreIds: [unlocked], description: 'Só animação.', priceCents: 1990 });

  await signIn(page, user);
  await page.goto('/pacotes');
  await page.getByRole('button', { name: `Assinar ${name}` }).click();
  await expect(page.getByRole('button', { name: `Cancelar assinatura de ${name}` })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Meus gêneros' }).getByText('Animation')).toBeVisible();
  await expectAccessible(page);

  await page.goto('/meus-filmes');
  // The genre filter offers only the subscriber's genres.
  await expect(page.getByLabel('Gênero').locator('option')).toHaveText(['Todos os meus gêneros', 'Animation']);
  await page.getByLabel('Título').fill(outside.title);
  await page.getByRole('button', { name: 'Buscar' }).click();
  await expect(page.getByText('Nenhum filme encontrado.')).toBeVisible();
  await page.getByLabel('Título').fill(inside[0].title);
  await page.getByRole('button', { name: 'Buscar' }).click();
  await expect(page.getByRole('link', { name: inside[0].title, exact: true })).toBeVisible();
  await expectAccessible(page);

  // One click marks, the button says so; a second movie too.
  const first = page.getByRole('button', { name: `Assistido: ${inside[0].title}` });
  await expect(first).toHaveAttribute('aria-pressed', 'false');
  await first.click();
  await expect(first).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('link', { name: inside[0].title, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: inside[0].title })).toBeVisible();
  await page.goto(`/meus-filmes/${inside[1].id}`);
  const second = page.getByRole('button', { name: `Assistido: ${inside[1].title}` });
  await second.click();
  await expect(second).toHaveAttribute('aria-pressed', 'true');

  await page.goto('/assistidos');
  const report = page.getByRole('region', { name: 'Seu relatório' });
  await expect(report.getByText('2 filmes assistidos')).toBeVisible();
  await expect(report.getByText('Animation (2 filmes)')).toBeVisible();
  await expect(report.getByText(inside[1].title)).toBeVisible();
  await expect(page.getByRole('link', { name: inside[0].title })).toBeVisible();
  await expectAccessible(page);
});

test('a customer who types a staff or admin address is told plainly it is not theirs', async ({ page, user }) => {
  await signIn(page, user);
  await expect(page.getByRole('link', { name: 'Equipe' })).toHaveCount(0);
  for (const path of ['/equipe/pacotes', '/admin/usuarios']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: 'Sem permissão' })).toBeVisible();
  }
  await expectAccessible(page);
});
