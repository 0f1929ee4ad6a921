// Applies the committed SQL migrations (prisma/migrations/<provider>/<name>/migration.sql) in name
// order. Each migration runs in one transaction and is recorded in _app_migrations with its SHA-256;
// a second run is a no-op, and an applied migration whose file changed is refused.
// Usage: node scripts/migrate.mjs            (DATABASE_URL or file:./data/register.db)
// Import: import { migrate } from "./scripts/migrate.mjs"; await migrate(url)
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const DEFAULT_DATABASE_URL = "file:./data/register.db";

export const isPostgresUrl = (url) => /^postgres(ql)?:\/\//.test(url);

/** file:./data/register.db → absolute path (relative paths resolve against the repository root). */
export function sqlitePath(url) {
  const p = url.replace(/^file:/, "").replace(/\?.*$/, "");
  return path.isAbsolute(p) ? p : path.resolve(root, p);
}

function readMigrations(provider, baseDir = path.join(root, "prisma", "migrations")) {
  const dir = path.join(baseDir, provider);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

function checkApplied(applied, migrations) {
  const byName = new Map(migrations.map((m) => [m.name, m]));
  for (const row of applied) {
    const m = byName.get(row.name);
    if (!m) throw new Error(`database has migration ${row.name}, which this code does not know (newer database?)`);
    if (m.checksum !== row.checksum) throw new Error(`migration ${row.name} was edited after it was applied`);
  }
}

async function migrateSqlite(url, log, baseDir) {
  const { default: Database } = await import("better-sqlite3");
  const file = sqlitePath(url);
  mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = FULL");
    db.pragma("foreign_keys = ON");
    db.pragma("busy_timeout = 5000");
    db.exec(`CREATE TABLE IF NOT EXISTS "_app_migrations" ("name" TEXT PRIMARY KEY, "checksum" TEXT NOT NULL, "appliedAt" TEXT NOT NULL)`);
    const migrations = readMigrations("sqlite", baseDir);
    const applied = db.prepare(`SELECT name, checksum FROM "_app_migrations" ORDER BY name`).all();
    checkApplied(applied, migrations);
    const done = new Set(applied.map((r) => r.name));
    let count = 0;
    for (const m of migrations) {
      if (done.has(m.name)) continue;
      // Prisma's SQLite migrations rebuild tables (copy, DROP, rename). With foreign keys ON the DROP
      // would cascade-delete child rows, and PRAGMA foreign_keys is ignored inside a transaction: switch
      // them off around it and check the result before committing.
      db.pragma("foreign_keys = OFF");
      db.exec("BEGIN IMMEDIATE");
      try {
        db.exec(m.sql);
        const violations = db.prepare("PRAGMA foreign_key_check").all();
        if (violations.length > 0) throw new Error(`foreign key violations after migration: ${JSON.stringify(violations.slice(0, 5))}`);
        db.prepare(`INSERT INTO "_app_migrations" (name, checksum, appliedAt) VALUES (?, ?, ?)`).run(m.name, m.checksum, new Date().toISOString());
        db.exec("COMMIT");
      } catch (e) {
        db.exec("ROLLBACK");
        throw new Error(`migration ${m.name} failed: ${e.message}`);
      } finally {
        db.pragma("foreign_keys = ON");
      }
      count++;
      log(`applied ${m.name}`);
    }
    return { applied: count, total: migrations.length };
  } finally {
    db.close();
  }
}

async function migratePostgres(url, log, baseDir) {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // Several app instances may start at once: one migrates, the others wait.
    await client.query("SELECT pg_advisory_lock(724301)");
    await client.query(`CREATE TABLE IF NOT EXISTS "_app_migrations" ("name" TEXT PRIMARY KEY, "checksum" TEXT NOT NULL, "appliedAt" TIMESTAMPTZ NOT NULL)`);
    const migrations = readMigrations("postgres", baseDir);
    const { rows: applied } = await client.query(`SELECT name, checksum FROM "_app_migrations" ORDER BY name`);
    checkApplied(applied, migrations);
    const done = new Set(applied.map((r) => r.name));
    let count = 0;
    for (const m of migrations) {
      if (done.has(m.name)) continue;
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query(`INSERT INTO "_app_migrations" (name, checksum, "appliedAt") VALUES ($1, $2, now())`, [m.name, m.checksum]);
        await client.query("COMMIT");
      } catch (e) {
        await client.query("ROLLBACK");
        throw new Error(`migration ${m.name} failed: ${e.message}`);
      }
      count++;
      log(`applied ${m.name}`);
    }
    await client.query("SELECT pg_advisory_unlock(724301)");
    return { applied: count, total: migrations.length };
  } finally {
    await client.end();
  }
}

/**
 * @param {string} [url]
 * @param {{ log?: (message: string) => void; migrationsDir?: string }} [options]  migrationsDir: tests only
 * @returns {Promise<{ applied: number; total: number }>}
 */
export async function migrate(url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL, { log = () => {}, migrationsDir = undefined } = {}) {
  return isPostgresUrl(url) ? migratePostgres(url, log, migrationsDir) : migrateSqlite(url, log, migrationsDir);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  migrate(url, { log: (m) => console.log(`[migrate] ${m}`) })
    .then((r) => console.log(`[migrate] ${r.applied} applied, ${r.total} known (${isPostgresUrl(url) ? "PostgreSQL" : "SQLite"})`))
    .catch((e) => {
      console.error(`[migrate] ${e.message}`);
      process.exit(1);
    });
}
