// `npm run test:fixtures`: the tests that read ../shared/fixtures (FIXTURES_DIR overrides the location).
// Writes .test-results/fixtures-summary.json for .ci/run and ends with "N passed, N failed".
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ensureGenerated, ensureInstalled, root, run } from "./lib/setup.mjs";

const fixtures = path.resolve(process.env.FIXTURES_DIR ?? path.join(root, "..", "shared", "fixtures"));
const results = path.join(root, ".test-results");
mkdirSync(results, { recursive: true });
const summaryFile = path.join(results, "fixtures-summary.json");
rmSync(summaryFile, { force: true });
if (!existsSync(path.join(fixtures, "registers"))) {
  console.error(`✗ fixtures not found at ${fixtures} (set FIXTURES_DIR)`);
  writeFileSync(summaryFile, JSON.stringify({ passed: 0, failed: 1 }));
  process.exit(1);
}
ensureInstalled();
ensureGenerated();
const out = path.join(results, "fixtures.json");
rmSync(out, { force: true });
const status = run("npx", ["--no-install", "vitest", "run", "--project", "fixtures", "--reporter=default", "--reporter=json", `--outputFile.json=${out}`], { env: { FIXTURES_DIR: fixtures } });
const r = existsSync(out) ? JSON.parse(readFileSync(out, "utf8")) : null;
const summary = r ? { passed: r.numPassedTests, failed: r.numFailedTests + (status !== 0 && r.numFailedTests === 0 ? 1 : 0) } : { passed: 0, failed: 1 };
writeFileSync(summaryFile, JSON.stringify(summary));
console.log(`${summary.passed} passed, ${summary.failed} failed`);
process.exit(summary.failed > 0 ? 1 : 0);
