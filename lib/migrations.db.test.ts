// The migration runner (scripts/migrate.mjs): idempotent, refuses edited migrations, and a SQLite table
// rebuild (Prisma's copy/drop/rename pattern) keeps the rows of child tables.
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { migrate } from "@/scripts/migrate.mjs";

const work = mkdtempSync(path.join(tmpdir(), "vvt-migrations-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function copyMigrations(): string {
  const dir = mkdtempSync(path.join(work, "m-"));
  cpSync(path.resolve(import.meta.dirname, "../prisma/migrations"), dir, { recursive: true });
  return dir;
}

describe("scripts/migrate.mjs on SQLite", () => {
  it("applies every migration once; a second run is a no-op", async () => {
    const url = `file:${path.join(work, "idem.db")}`;
    const first = await migrate(url);
    expect(first.applied).toBe(first.total);
    expect(await migrate(url)).toEqual({ applied: 0, total: first.total });
  });

  it("refuses to run when an applied migration was edited afterwards", async () => {
    const dir = copyMigrations();
    const url = `file:${path.join(work, "edited.db")}`;
    await migrate(url, { migrationsDir: dir });
    const init = path.join(dir, "sqlite");
    const first = readdirSync(init).sort()[0]!;
    appendFileSync(path.join(init, first, "migration.sql"), "\n-- edited\n");
    await expect(migrate(url, { migrationsDir: dir })).rejects.toThrow(/edited after it was applied/);
  });

  it("keeps child rows when a migration rebuilds a parent table (foreign keys off during the migration)", async () => {
    const dir = copyMigrations();
    const url = `file:${path.join(work, "rebuild.db")}`;
    await migrate(url, { migrationsDir: dir });
    const file = url.slice("file:".length);
    const raw = new Database(file);
    raw.prepare(`INSERT INTO "User" (id, email, updatedAt) VALUES ('u1', 'a@example.com', '2026-01-01T00:00:00.000Z')`).run();
    raw.prepare(`INSERT INTO "Session" (id, sessionToken, userId, expires, updatedAt) VALUES ('s1', 't1', 'u1', '2030-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`).run();
    raw.close();
    // The shape Prisma's diff produces for a SQLite column change.
    const rebuild = path.join(dir, "sqlite", "29990101000000_rebuild_user");
    mkdirSync(rebuild);
    const columns = `"id", "name", "email", "emailVerified", "image", "isAdmin", "disabledAt", "locale", "createdAt", "updatedAt"`;
    writeFileSync(path.join(rebuild, "migration.sql"), `PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_User" ("id" TEXT NOT NULL PRIMARY KEY, "name" TEXT, "email" TEXT NOT NULL, "emailVerified" DATETIME, "image" TEXT, "isAdmin" BOOLEAN NOT NULL DEFAULT false, "disabledAt" DATETIME, "locale" TEXT, "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP, "updatedAt" DATETIME NOT NULL);
INSERT INTO "new_User" (${columns}) SELECT ${columns} FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
`);
    expect((await migrate(url, { migrationsDir: dir })).applied).toBe(1);
    const after = new Database(file);
    expect(after.prepare(`SELECT count(*) AS n FROM "Session"`).get()).toEqual({ n: 1 });
    expect(after.pragma("foreign_keys", { simple: true })).toBe(1);
    after.close();
  });
});
