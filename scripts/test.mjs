// `npm test`: everything needed to trust a change — schema sync check, type check, lint, unit tests,
// integration tests on SQLite and PostgreSQL, end-to-end tests in Chromium. Runs every suite even when
// one fails, writes .test-results/summary.json and ends with "N passed, N failed".
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { ensureBuilt, ensureGenerated, ensureInstalled, root, run } from "./lib/setup.mjs";

const started = Date.now();
process.env.NEXT_TELEMETRY_DISABLED = "1";
const results = path.join(root, ".test-results");
mkdirSync(results, { recursive: true });

ensureInstalled();
ensureGenerated();

if (!existsSync("/usr/bin/chromium")) {
  if (process.getuid?.() === 0) {
    console.log("▸ installing Debian's chromium for the end-to-end tests (apt-get)");
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    if (spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env }).status !== 0 ||
        spawnSync("apt-get", ["install", "-y", "-qq", "chromium", "fonts-dejavu-core"], { stdio: "inherit", env }).status !== 0) {
      console.error("✗ apt-get install chromium failed");
      process.exit(1);
    }
  } else {
    console.error("✗ End-to-end tests need Chromium at /usr/bin/chromium: run `sudo apt-get install chromium fonts-dejavu-core` and retry.");
    process.exit(1);
  }
}

const suites = {};
const timing = {};
function gate(name, cmd, args) {
  const t = Date.now();
  console.log(`\n▸ ${name}`);
  const ok = run(cmd, args) === 0;
  suites[name] = { passed: ok ? 1 : 0, failed: ok ? 0 : 1, kind: "check" };
  timing[name] = Date.now() - t;
}
function vitest(project) {
  const t = Date.now();
  const out = path.join(results, `${project}.json`);
  rmSync(out, { force: true });
  console.log(`\n▸ ${project} tests (vitest)`);
  const status = run("npx", ["--no-install", "vitest", "run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${out}`]);
  const r = existsSync(out) ? JSON.parse(readFileSync(out, "utf8")) : null;
  suites[project] = r
    ? { passed: r.numPassedTests, failed: r.numFailedTests + (status !== 0 && r.numFailedTests === 0 ? 1 : 0), skipped: r.numPendingTests + r.numTodoTests }
    : { passed: 0, failed: 1 };
  timing[project] = Date.now() - t;
}

gate("schema-sync", "node", ["scripts/sync-postgres-schema.mjs", "--check"]);
gate("typecheck", "npx", ["--no-install", "tsc", "--noEmit"]);
gate("lint", "npx", ["--no-install", "eslint", ".", "--max-warnings", "0"]);
vitest("unit");
vitest("db");

{
  const t = Date.now();
  console.log("\n▸ build (for the end-to-end tests)");
  ensureBuilt();
  console.log("\n▸ end-to-end tests (Playwright, Chromium)");
  const out = path.join(results, "e2e.json");
  rmSync(out, { force: true });
  const status = run("npx", ["--no-install", "playwright", "test"]);
  const r = existsSync(out) ? JSON.parse(readFileSync(out, "utf8")) : null;
  suites.e2e = r
    ? { passed: r.stats.expected, failed: r.stats.unexpected + r.stats.flaky + (status !== 0 && r.stats.unexpected === 0 ? 1 : 0), skipped: r.stats.skipped }
    : { passed: 0, failed: 1 };
  timing.e2e = Date.now() - t;
}

const passed = Object.values(suites).reduce((n, s) => n + s.passed, 0);
const failed = Object.values(suites).reduce((n, s) => n + s.failed, 0);
writeFileSync(path.join(results, "summary.json"), JSON.stringify({ suites, timing, seconds: (Date.now() - started) / 1000 }, null, 2));
console.log("\nSuite results:");
for (const [name, s] of Object.entries(suites)) {
  console.log(`  ${name.padEnd(12)} ${String(s.passed).padStart(4)} passed  ${String(s.failed).padStart(3)} failed${s.skipped ? `  ${s.skipped} skipped` : ""}  (${(timing[name] / 1000).toFixed(1)} s)`);
}
console.log(`npm test took ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
