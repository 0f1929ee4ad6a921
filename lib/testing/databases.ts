// Test databases for the integration suite (*.db.test.ts): a fresh, migrated SQLite file or a fresh
// PostgreSQL database per call, dropped afterwards. PostgreSQL tests run when a server answers on
// PG_TEST_URL (default 127.0.0.1:5432); otherwise they are skipped with a one-line notice, except in
// CI (CI=true), where an absent server fails the run.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { describe } from "vitest";
import { createDb, type Db } from "@/lib/db";
import { migrate } from "@/scripts/migrate.mjs";

export type Provider = "sqlite" | "postgresql";
export const PG_ADMIN_URL = process.env.PG_TEST_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export type TestDatabase = { provider: Provider; url: string; db: Db; drop: () => Promise<void> };

export async function createTestDatabase(provider: Provider): Promise<TestDatabase> {
  if (provider === "sqlite") {
    const dir = mkdtempSync(path.join(tmpdir(), "vvt-test-"));
    const url = `file:${path.join(dir, "test.db")}`;
    await migrate(url);
    const db = createDb(url);
    return { provider, url, db, drop: async () => { await db.$disconnect(); rmSync(dir, { recursive: true, force: true }); } };
  }
  const name = `vvt_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = PG_ADMIN_URL.replace(/\/[^/?]*(\?.*)?$/, `/${name}$1`);
  await migrate(url);
  const db = createDb(url);
  return {
    provider, url, db,
    drop: async () => {
      await db.$disconnect();
      const a = new pg.Client({ connectionString: PG_ADMIN_URL });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await a.end();
    },
  };
}

let pgAvailable: boolean | undefined;
async function postgresAnswers(): Promise<boolean> {
  if (pgAvailable !== undefined) return pgAvailable;
  const c = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.query("SELECT 1");
    pgAvailable = true;
  } catch {
    pgAvailable = false;
  } finally {
    await c.end().catch(() => {});
  }
  return pgAvailable;
}

const pgReachable = await postgresAnswers();
if (!pgReachable) {
  const where = PG_ADMIN_URL.replace(/\/\/([^@]*@)?/, "//");
  if (process.env.CI === "true") throw new Error(`PostgreSQL integration tests need a server at ${where}; none answered (CI=true).`);
  console.warn(`[db tests] PostgreSQL at ${where} did not answer: PostgreSQL integration tests skipped.`);
}

/** Runs the same describe block on SQLite and on PostgreSQL. */
export function describeEachProvider(title: string, body: (provider: Provider) => void) {
  describe(`${title} [sqlite]`, () => body("sqlite"));
  (pgReachable ? describe : describe.skip)(`${title} [postgresql]`, () => body("postgresql"));
}
