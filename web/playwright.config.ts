import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

// E2E_PORT lets two runs on one machine (for example two people at work) keep apart.
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;

// Every run starts from an empty embedded database, which the API seeds with the demo collection.
// The config is also loaded by each worker; the environment variable keeps them on one folder.
process.env.LMR_E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'lmr-e2e-'));
const dataDir = process.env.LMR_E2E_DATA_DIR;

const chromium = {
  browserName: 'chromium' as const,
  // Debian's chromium: Playwright must never download a browser on our machines.
  launchOptions: {
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  },
};

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: [['list'], ['json', { outputFile: '../.test-results/e2e.json' }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'desktop', use: { ...chromium, viewport: { width: 1280, height: 800 } } },
    { name: 'phone', use: { ...chromium, viewport: { width: 390, height: 844 }, hasTouch: true } },
    // The classroom tablet, held upright.
    { name: 'tablet', use: { ...chromium, viewport: { width: 768, height: 1024 }, hasTouch: true } },
  ],
  webServer: {
    // The way the README starts the product: build everything, then one server for API and portal.
    command: 'npm start',
    cwd: '..',
    // Warnings and errors only: a line per GraphQL operation would bury the test report.
    env: { PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' },
    url: `${baseURL}/health/ready`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
