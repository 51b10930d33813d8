import { availableSeats, registerUser, seatStatus } from '../support/api';
import { expectAccessible } from '../support/a11y';
import { expect, test } from '../support/fixtures';
import { holdSeats, openSeatPicker, seatButton, signIn, AVAILABLE } from '../support/ui';

test("a seat held in one browser appears held in another within a second, without a reload", async ({ browser, page, request, user, showtimeFor }) => {
  const showtime = await showtimeFor(2);
  const [seat] = (await availableSeats(request, showtime.id, 1)).map((s) => s.seat);
  const other = await browser.newContext();
  try {
    const otherPage = await other.newPage();
    await signIn(otherPage, await registerUser(request, 'watcher'));
    await openSeatPicker(otherPage, showtime.id, seat);
    await expect(seatButton(otherPage, seat)).toHaveAccessibleName(AVAILABLE);

    await signIn(page, user);
    await openSeatPicker(page, showtime.id, seat);
    await holdSeats(page, [seat]);
    await expect(seatButton(otherPage, seat)).not.toHaveAccessibleName(AVAILABLE, { timeout: 1000 });
    await expect(seatButton(otherPage, seat)).toBeDisabled({ timeout: 1000 });

    await page.getByRole('button', { name: 'Liberar poltronas' }).click();
    await expect(seatButton(otherPage, seat)).toHaveAccessibleName(AVAILABLE, { timeout: 2000 });
    await expect.poll(() => seatStatus(request, showtime.id, seat)).toBe('available');
  } finally {
    await other.close();
  }
});

test('a hold that expires frees its seats on screen', async ({ page, request, user, showtimeFor }, testInfo) => {
  testInfo.setTimeout(180_000);
  const showtime = await showtimeFor(3);
  const seats = (await availableSeats(request, showtime.id, 2)).map((s) => s.seat);
  await signIn(page, user);
  await openSeatPicker(page, showtime.id, seats[0]);
  await holdSeats(page, seats);
  // The countdown is announced politely.
  const countdown = page.locator('[aria-live]').filter({ hasText: /\d+:\d{2}/ }).first();
  await expect(countdown).toBeVisible();
  const [, minutes, seconds] = (await countdown.textContent())!.match(/(\d+):(\d{2})/)!;
  expect(Number(minutes) * 60 + Number(seconds), 'the live run shortens holds to 30 s (Cinema__HoldDuration=00:00:30)').toBeLessThanOrEqual(60);
  await expectAccessible(page);
  for (const seat of seats) expect(await seatStatus(request, showtime.id, seat)).toBe('held');
  // The run shortens holds to 30 s (Cinema__HoldDuration); the seats come back by themselves.
  for (const seat of seats) await expect(seatButton(page, seat)).toHaveAccessibleName(AVAILABLE, { timeout: 90_000 });
  await expect(page.getByRole('link', { name: 'Continuar' })).toBeHidden();
  await expect(page.getByText('Sua reserva expirou. As poltronas foram liberadas.')).toBeVisible();
  for (const seat of seats) expect(await seatStatus(request, showtime.id, seat)).toBe('available');
});
