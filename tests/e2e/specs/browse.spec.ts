import { availableSeats } from '../support/api';
import { expectAccessible } from '../support/a11y';
import { expect, test } from '../support/fixtures';
import { seatButton, signIn } from '../support/ui';

test('now playing leads to a movie, its showtimes and the seat picker, every page accessible', async ({ page, request, showtimeFor }) => {
  const showtime = await showtimeFor(5);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Em cartaz' })).toBeVisible();
  await expect(page.getByLabel('Cinema')).toBeVisible();
  await expectAccessible(page);

  // The showtime's own São Paulo day: the movie page opens on today, which late at night may have none left.
  const day = new Date(showtime.startsAt).toLocaleDateString('en-CA', { timeZone: 'America/Sao_Paulo' });
  await page.goto(`/filmes/${showtime.movieId}?data=${day}`);
  await expect(page.getByRole('heading', { name: showtime.movieTitle })).toBeVisible();
  await expect(page.getByRole('link', { name: /\d{1,2}:\d{2}/ }).first()).toBeVisible();
  await expectAccessible(page);

  const [seat] = await availableSeats(request, showtime.id, 1);
  await page.goto(`/sessoes/${showtime.id}`);
  await expect(seatButton(page, seat.seat)).toBeVisible();
  await expectAccessible(page);

  for (const path of ['/entrar', '/cadastro', '/esqueci-senha']) {
    await page.goto(path);
    await expect(page.getByLabel('E-mail')).toBeVisible();
    await expectAccessible(page);
  }
});

test('signing out from the header', async ({ page, user }) => {
  await signIn(page, user);
  await page.goto('/pedidos');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Sair' }).click();
  await expect(page.getByRole('link', { name: 'Entrar' }).first()).toBeVisible();
});
