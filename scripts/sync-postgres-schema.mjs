// Derives prisma/postgres/schema.prisma from the SQLite source schema (provider and output swapped).
// `--check` exits 1 when the committed PostgreSQL schema is out of date (run by the test suite).
import { readFileSync, writeFileSync, mkdirSync, existsSync } from "node:fs";

const source = readFileSync("prisma/schema.prisma", "utf8");
const derived =
  "// GENERATED from prisma/schema.prisma by `npm run sync-schema`. Do not edit.\n" +
  source
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('output   = "generated/sqlite"', 'output   = "../generated/postgres"');
if (derived === source) throw new Error("provider/output lines not found in prisma/schema.prisma");
const target = "prisma/postgres/schema.prisma";
if (process.argv.includes("--check")) {
  const current = existsSync(target) ? readFileSync(target, "utf8") : "";
  if (current !== derived) {
    console.error(`${target} is out of date: run npm run sync-schema`);
    process.exit(1);
  }
} else {
  mkdirSync("prisma/postgres", { recursive: true });
  writeFileSync(target, derived);
}
