import { asUser, demoUser, paymentsUrl, registerUser, unique } from '../support/api';
import { expectAccessible } from '../support/a11y';
import { expect, test } from '../support/fixtures';
import { signIn } from '../support/ui';

test('an admin retries a dead-lettered order and promotes a user to manager', async ({ page, request, user }, testInfo) => {
  testInfo.setTimeout(180_000);
  // A product at a price no other test charges, and a provider that fails every charge of that amount.
  const manager = await asUser(request, demoUser('manager'));
  const category = await manager.post('/categories', { name: unique('Falhas') });
  const amount = 1001 + 2 * Math.floor(Math.random() * 4000);
  const product = await manager.post('/products', { name: unique('Bala'), categoryId: category.id, priceCents: amount, stock: 10 });
  const faults = `${paymentsUrl()}/v1/faults`;
  expect((await request.post(faults, { data: { failAmountCents: amount } })).ok()).toBeTruthy();
  let orderId: string;
  try {
    const customer = await asUser(request, user);
    const order = await customer.post('/orders', { items: [{ productId: product.id, quantity: 1 }] }, { 'Idempotency-Key': `e2e-${unique('dl')}` });
    orderId = order.id;
    await expect.poll(async () => (await customer.get(`/orders/${orderId}`)).deadLettered, { timeout: 90_000 }).toBe(true);
  } finally {
    await request.post(faults, { data: { recoverAmountCents: amount } });
  }

  await signIn(page, demoUser('admin'));
  await page.getByRole('link', { name: 'Administração' }).click();
  await page.getByRole('link', { name: 'Pagamentos com falha' }).click();
  const retry = page.getByRole('button', { name: `Tentar de novo o pedido ${orderId}` });
  await expect(retry).toBeVisible();
  await expectAccessible(page);
  await retry.click();
  await expect(page.getByRole('status')).toContainText(`Pedido ${orderId}:`);
  await expect(retry).toHaveCount(0);

  const promoted = await registerUser(request, 'promoted');
  await page.getByRole('link', { name: 'Administração' }).click();
  await page.getByRole('link', { name: 'Usuários e papéis' }).click();
  await page.getByLabel('E-mail').fill(promoted.email);
  await page.getByRole('button', { name: 'Buscar' }).click();
  // The search has answered once only that account is listed; a box ticked in the list before it may be redrawn unticked.
  await expect(page.getByRole('group', { name: /^Papéis de / })).toHaveCount(1);
  const roles = page.getByRole('group', { name: new RegExp(`^Papéis de ${promoted.email}`) });
  await roles.getByRole('checkbox', { name: 'Gerente' }).check();
  await roles.getByRole('button', { name: `Salvar papéis de ${promoted.email}` }).click();
  await expect(page.getByText(`Papéis de ${promoted.email} salvos.`)).toBeVisible();
  await expectAccessible(page);
  expect((await (await asUser(request, promoted)).get('/users/me')).roles).toEqual(expect.arrayContaining(['customer', 'manager']));
});

test('an admin sees every watch report and the capacity forecast as charts', async ({ page }) => {
  await signIn(page, demoUser('admin'));
  await page.goto('/admin/relatorios');
  await expect(page.getByRole('table', { name: 'Relatórios de assistidos' })).toBeVisible();
  await expectAccessible(page);
  await page.goto('/admin/capacidade');
  await expect(page.getByRole('img', { name: /^Gráfico de linha das próximas 168 horas/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /^Gráfico de barras de \d+ sessões/ })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Abrir o Orleans Dashboard' })).toHaveAttribute('href', '/dashboard/');
  await expectAccessible(page);
});
