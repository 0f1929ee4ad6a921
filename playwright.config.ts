import { defineConfig } from "@playwright/test";
import path from "node:path";

// End-to-end tests in Debian's Chromium (never a downloaded browser) against the production build,
// served on 127.0.0.1 and browsed as localhost (next-auth needs one host name, stack-notes trap 8).
const PORT = Number(process.env.E2E_PORT ?? 3100);
const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 2526);
const dir = path.resolve(import.meta.dirname, ".test-results", "e2e");
process.env.E2E_DATABASE_URL = `file:${path.join(dir, "register.db")}`;
process.env.E2E_OUTBOX = path.join(dir, "outbox.jsonl");
process.env.E2E_BASE_URL = `http://localhost:${PORT}`;

export default defineConfig({
  testDir: "e2e",
  testMatch: /.*\.spec\.ts$/,
  outputDir: ".test-results/e2e/artifacts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: ".test-results/e2e.json" }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    locale: "de-DE",
    timezoneId: "Europe/Berlin",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: [
    {
      command: "node scripts/smtp-sink.mjs",
      port: SMTP_PORT,
      reuseExistingServer: false,
      env: { SMTP_SINK_PORT: String(SMTP_PORT), SMTP_SINK_FILE: process.env.E2E_OUTBOX },
    },
    {
      command: "node scripts/e2e-server.mjs",
      url: `http://127.0.0.1:${PORT}/healthz`,
      reuseExistingServer: false,
      timeout: 300_000,
      stdout: "pipe",
      env: {
        PORT: String(PORT),
        DATABASE_URL: process.env.E2E_DATABASE_URL,
        AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-0123456789",
        AUTH_URL: `http://localhost:${PORT}`,
        AUTH_TRUST_HOST: "true",
        SMTP_HOST: "127.0.0.1",
        SMTP_PORT: String(SMTP_PORT),
        SMTP_SECURE: "false",
        MAIL_FROM: "VVT <vvt@localhost>",
        NEXT_TELEMETRY_DISABLED: "1",
      },
    },
  ],
});
