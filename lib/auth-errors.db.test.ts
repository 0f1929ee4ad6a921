// C36: a real SQLITE_BUSY, as the Prisma client surfaces it through the driver adapter, is recognised by
// isBusyError and becomes 503 + Retry-After in route handlers (not a generic 500).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { handleRoute, isBusyError } from "@/lib/errors";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/databases";
import { sqlitePath } from "@/scripts/migrate.mjs";

describe("C36: SQLITE_BUSY from Prisma is a BusyError", () => {
  let t: TestDatabase;
  let other: Database.Database;
  beforeAll(async () => {
    t = await createTestDatabase("sqlite");
    await t.db.organisation.count(); // open the app's connection before the lock is taken
    other = new Database(sqlitePath(t.url));
    other.exec("BEGIN IMMEDIATE");
  });
  afterAll(async () => {
    if (other.inTransaction) other.exec("ROLLBACK");
    other.close();
    await t.drop();
  });

  it("an interactive transaction that cannot start, and a single write, are both busy; a route answers 503", async () => {
    const inTransaction = await t.db.$transaction(async (tx) => tx.organisation.create({ data: { name: "Busy GmbH" } })).then(
      () => null,
      (e: unknown) => e,
    );
    expect(inTransaction).not.toBeNull();
    expect(isBusyError(inTransaction)).toBe(true);

    const single = await t.db.organisation.create({ data: { name: "Busy AG" } }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(single).not.toBeNull();
    expect(isBusyError(single)).toBe(true);

    const res = await handleRoute(async () => {
      throw single;
    })();
    expect(res.status).toBe(503);
    expect(res.headers.get("Retry-After")).not.toBeNull();
    expect(await res.json()).toEqual({ code: "errors.busy" });

    other.exec("ROLLBACK");
    expect((await t.db.organisation.create({ data: { name: "After GmbH" } })).name).toBe("After GmbH");
  }, 30_000);
});
