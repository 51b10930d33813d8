import { expect, test } from '../support/fixtures';
import { expectAccessible } from '../support/a11y';

test('signing in with Google goes to the provider and back, signed in where the user was headed', async ({ page }) => {
  await page.goto('/entrar?volta=%2Fpedidos');
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Entrar com Google' }).click();

  await expect(page).toHaveURL(/\/pedidos$/);
  await expect(page.getByRole('button', { name: 'Sair' })).toBeVisible();
  await expect(page.getByRole('link', { name: /^Google / })).toBeVisible();
  expect(page.url()).not.toContain('id_token');
});

test('a callback this browser did not ask for is refused and signs nobody in', async ({ page }) => {
  await page.goto('/entrar/google#id_token=a.b.c&state=forged');

  await expect(page.getByRole('alert')).toHaveText('Não foi possível entrar com o Google. Tente de novo.');
  await expect(page.getByRole('link', { name: 'Entrar', exact: true })).toBeVisible();
  await expectAccessible(page);
});
