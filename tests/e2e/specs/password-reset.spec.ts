import { expectAccessible } from '../support/a11y';
import { expect, test } from '../support/fixtures';
import { newestMailTo, resetLink } from '../support/mail';
import { signIn } from '../support/ui';

test('a forgotten password is reset through the mailed link', async ({ page, user, mailDir }) => {
  await page.goto('/esqueci-senha');
  await page.getByLabel('E-mail').fill(user.email);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Enviar link' }).click();
  await expect(page.getByText('Se houver uma conta com este e-mail')).toBeVisible();

  let link: string | undefined;
  await expect.poll(async () => (link = resetLink((await newestMailTo(mailDir, user.email)) ?? '')), { timeout: 20_000 }).toBeTruthy();
  await page.goto(link!);
  await expect(page).toHaveURL(/\/reset-password\?token=/);
  const newPassword = 'E2e-Reset-2026-Nova!';
  await page.getByLabel('Nova senha', { exact: true }).fill(newPassword);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Redefinir senha' }).click();
  await expect(page.getByText('Senha redefinida. Entre com a nova senha.')).toBeVisible();

  await signIn(page, { ...user, password: newPassword });
});
