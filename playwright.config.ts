import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './scripts/chromium';

/** Browser tests run against the production build, served by `npm start` on a throwaway embedded database. */
export const E2E_PORT = Number(process.env.E2E_PORT || 3100);
export const E2E_DATA_DIR = path.resolve(`.tmp/e2e-data-${E2E_PORT}`);
const baseURL = `http://localhost:${E2E_PORT}`;

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  timeout: 60_000,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  use: {
    baseURL,
    trace: 'on-first-retry',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_FLAGS,
    },
  },
  projects: [
    { name: 'chromium', use: { ...devices['Desktop Chrome'] }, testIgnore: /page-cache\.spec\.ts/u },
    // Counts what the page cache keeps: it runs after the others, whose imports would expire pages under it.
    {
      name: 'page cache',
      use: { ...devices['Desktop Chrome'] },
      testMatch: /page-cache\.spec\.ts/u,
      dependencies: ['chromium'],
    },
  ],
  webServer: {
    command: `rm -rf "${E2E_DATA_DIR}" && npm start`,
    url: baseURL,
    timeout: 300_000,
    reuseExistingServer: false,
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    stdout: 'pipe',
    env: {
      PORT: String(E2E_PORT),
      DATA_DIR: E2E_DATA_DIR,
      SITE_URL: baseURL,
      NEXT_TELEMETRY_DISABLED: '1',
      DATABASE_URL: '',
    },
  },
});
