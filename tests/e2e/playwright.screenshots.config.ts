import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// Not a test suite: walks the app as each role and saves the screenshots docs/design.md shows
// (scripts/screenshots.sh). Same browser, viewports and live run as the browser suite.
export default defineConfig({
  ...base,
  testDir: './screenshots',
  testMatch: '*.screens.ts',
  workers: 1,
  reporter: [['list']],
  globalSetup: undefined,
});
