import { test as base, expect } from '@playwright/test';
import { registerUser, showtimeForSlot, type Showtime, type User } from './api';

interface Fixtures {
  /** A customer of this test alone, registered through the API. */
  user: User;
  /** The showtime of a slot no other test (of either project) uses. */
  showtimeFor: (slot: number) => Promise<Showtime>;
  /** The mail pickup folder of the live run. */
  mailDir: string;
}

export const test = base.extend<Fixtures>({
  user: async ({ request }, use, testInfo) => {
    await use(await registerUser(request, testInfo.project.name));
  },
  showtimeFor: async ({ request }, use, testInfo) => {
    const projectIndex = testInfo.config.projects.findIndex((p) => p.name === testInfo.project.name);
    await use((slot) => showtimeForSlot(request, projectIndex, slot));
  },
  mailDir: async ({}, use) => {
    const dir = process.env.MARQUEE_E2E_MAIL_DIR;
    if (!dir) throw new Error('MARQUEE_E2E_MAIL_DIR is not set');
    await use(dir);
  },
});

export { expect };
