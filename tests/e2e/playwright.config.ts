import { defineConfig } from '@playwright/test';

// Runs against a live ./run.sh (scripts/run-e2e.sh sets MARQUEE_E2E_URL); no browser download:
// Debian's chromium drives every project.
const baseURL = process.env.MARQUEE_E2E_URL ?? 'http://127.0.0.1:5080';

export default defineConfig({
  testDir: './specs',
  globalSetup: './support/global-setup.ts',
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  workers: Number(process.env.MARQUEE_E2E_WORKERS ?? 4),
  timeout: 120_000,
  expect: { timeout: 10_000 },
  outputDir: process.env.MARQUEE_E2E_OUTPUT ?? 'test-results',
  reporter: [
    ['list'],
    ['json', { outputFile: process.env.MARQUEE_E2E_REPORT ?? 'test-results/report.json' }],
  ],
  use: {
    baseURL,
    locale: 'pt-BR',
    timezoneId: 'America/Sao_Paulo',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    launchOptions: {
      executablePath: process.env.MARQUEE_E2E_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    { name: 'phone', use: { browserName: 'chromium', viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 } },
    { name: 'desktop', use: { browserName: 'chromium', viewport: { width: 1280, height: 800 } } },
  ],
});
