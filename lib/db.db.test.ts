import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { createTestDatabase, describeEachProvider, type TestDatabase } from "@/lib/testing/databases";
import { sqlitePath } from "@/scripts/migrate.mjs";

const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

describe("C36: SQLite connection pragmas", () => {
  let t: TestDatabase;
  beforeAll(async () => { t = await createTestDatabase("sqlite"); });
  afterAll(async () => { await t.drop(); });

  it("opens with journal_mode=WAL, synchronous=FULL, foreign_keys=ON and busy_timeout >= 5000", async () => {
    const [jm] = await t.db.$queryRaw<{ journal_mode: string }[]>`PRAGMA journal_mode`;
    const [sync] = await t.db.$queryRaw<{ synchronous: bigint | number }[]>`PRAGMA synchronous`;
    const [fk] = await t.db.$queryRaw<{ foreign_keys: bigint | number }[]>`PRAGMA foreign_keys`;
    const [bt] = await t.db.$queryRaw<{ timeout: bigint | number }[]>`PRAGMA busy_timeout`;
    expect(jm?.journal_mode).toBe("wal");
    expect(Number(sync?.synchronous)).toBe(2);
    expect(Number(fk?.foreign_keys)).toBe(1);
    expect(Number(bt?.timeout)).toBeGreaterThanOrEqual(5000);
  });

  it("a writer blocked longer than busy_timeout gets SQLITE_BUSY as an error, and the next write succeeds", async () => {
    const other = new Database(sqlitePath(t.url));
    other.pragma("busy_timeout = 0");
    other.exec("BEGIN IMMEDIATE");
    const started = Date.now();
    await expect(
      t.db.$transaction(async (tx) => tx.organisation.create({ data: { name: "Blocked GmbH" } })),
    ).rejects.toThrow(/busy|locked|timed out/i);
    expect(Date.now() - started).toBeGreaterThanOrEqual(4500);
    other.exec("ROLLBACK");
    other.close();
    const org = await t.db.$transaction(async (tx) => tx.organisation.create({ data: { name: "After Busy GmbH" } }));
    expect(await t.db.organisation.count({ where: { id: org.id } })).toBe(1);
  }, 30_000);
});

describeEachProvider("C31: acknowledged writes survive interleaved rolled-back transactions", (provider) => {
  let t: TestDatabase;
  beforeAll(async () => { t = await createTestDatabase(provider); });
  afterAll(async () => { await t.drop(); });

  it("stored == acked for 100 ordinary writes interleaved with transactions that await non-DB work and roll back", async () => {
    const acked: string[] = [];
    const rolledBack: Promise<unknown>[] = [];
    const writes: Promise<void>[] = [];
    for (let i = 0; i < 100; i++) {
      if (i % 10 === 0) {
        rolledBack.push(
          t.db
            .$transaction(async (tx) => {
              await tx.organisation.create({ data: { name: `rollback-${i}` } });
              await pause(); // foreign await inside the transaction: the pattern that lost writes
              await pause();
              throw new Error("roll back on purpose");
            })
            .catch((e: Error) => e.message),
        );
      }
      writes.push(
        t.db.organisation.create({ data: { name: `acked-${i}` } }).then((o) => {
          acked.push(o.id);
        }),
      );
      if (i % 3 === 0) await pause();
    }
    await Promise.all(writes);
    const outcomes = await Promise.all(rolledBack);
    expect(outcomes.every((m) => m === "roll back on purpose")).toBe(true);
    const stored = await t.db.organisation.findMany({ where: { name: { startsWith: "acked-" } }, select: { id: true } });
    expect(new Set(stored.map((o) => o.id))).toEqual(new Set(acked));
    expect(acked).toHaveLength(100);
    expect(await t.db.organisation.count({ where: { name: { startsWith: "rollback-" } } })).toBe(0);
  }, 60_000);
});
