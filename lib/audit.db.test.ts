// C34: the audit trail is written inside the transaction, append-only, hash-chained, gap-free under
// concurrency, and the verifier finds tampering. Runs on SQLite and PostgreSQL.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db";
import { INSTANCE_CHAIN, listAuditChains, recordAudit, recordRevision, verifyAuditChain, type Actor } from "@/lib/audit";
import { GENESIS_HASH, chainHash, canonicalJson, verifyChain, type StoredAuditEvent } from "@/lib/domain/audit-hash";
import { toJsonValue } from "@/lib/domain/diff";
import { createTestDatabase, describeEachProvider, type Provider, type TestDatabase } from "@/lib/testing/databases";
import { runVerifyAudit } from "@/scripts/verify-audit";
import { sqlitePath } from "@/scripts/migrate.mjs";

const dana: Actor = { id: "user-dana", name: "Dana Datenschutz", ip: "203.0.113.7" };
const cli: Actor = { id: null, name: "cli:root" };

/** Appends `n` events to the chain of `organisationId`, one committed transaction each. */
async function appendEvents(db: Db, organisationId: string | null, n: number) {
  const results: { seq: number; hash: string }[] = [];
  for (let i = 0; i < n; i++) {
    results.push(
      await db.$transaction(async (tx) =>
        recordAudit(tx, dana, { action: "activity.update", entityType: "ProcessingActivity", entityId: `pa-${i}`, organisationId, changes: { name: { old: `v${i}`, new: `v${i + 1}` } } }),
      ),
    );
  }
  return results;
}

async function storedChain(db: Db, chainId: string): Promise<StoredAuditEvent[]> {
  const rows = await db.auditEvent.findMany({ where: { chainId }, orderBy: { seq: "asc" }, omit: { id: true } });
  return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
}

describeEachProvider("C34 audit trail", (provider) => {
  let t: TestDatabase;
  beforeAll(async () => { t = await createTestDatabase(provider); });
  afterAll(async () => { await t.drop(); });

  it("(a) writes exactly one event per committed transaction, and the chain verifies", async () => {
    const results = await appendEvents(t.db, "org-a", 3);
    expect(results.map((r) => r.seq)).toEqual([1, 2, 3]);
    const events = await storedChain(t.db, "org-a");
    expect(events).toHaveLength(3);
    expect(events[0]?.prevHash).toBe(GENESIS_HASH);
    expect(events[1]?.prevHash).toBe(events[0]?.hash);
    expect(verifyChain(events)).toEqual({ ok: true, head: results[2] });
    expect(await verifyAuditChain(t.db, "org-a")).toEqual({ ok: true, count: 3, head: results[2] });
    expect(await t.db.auditChainHead.findUnique({ where: { chainId: "org-a" }, select: { seq: true, hash: true } })).toEqual(results[2]);
  });

  it("(a) keeps one chain per organisation plus the instance chain", async () => {
    const [org] = await appendEvents(t.db, "org-b", 1);
    const instance = await t.db.$transaction(async (tx) =>
      recordAudit(tx, cli, { action: "user.create", entityType: "User", entityId: "u1", organisationId: null }),
    );
    expect(org?.seq).toBe(1);
    expect(instance.seq).toBe(1);
    const row = await t.db.auditEvent.findFirstOrThrow({ where: { chainId: INSTANCE_CHAIN } });
    expect(row).toMatchObject({ organisationId: null, actorId: null, actorName: "cli:root", ip: null, changes: null });
    expect(await verifyAuditChain(t.db, INSTANCE_CHAIN)).toMatchObject({ ok: true, count: 1 });
  });

  it("(a) a rolled-back transaction leaves no event and does not move the head", async () => {
    const before = await t.db.auditChainHead.findUniqueOrThrow({ where: { chainId: "org-a" } });
    await expect(
      t.db.$transaction(async (tx) => {
        await recordAudit(tx, dana, { action: "activity.update", entityType: "ProcessingActivity", entityId: "x", organisationId: "org-a" });
        throw new Error("validation failed after the audit call");
      }),
    ).rejects.toThrow("validation failed");
    await expect(
      t.db.$transaction(async (tx) => {
        await recordAudit(tx, dana, { action: "activity.create", entityType: "ProcessingActivity", entityId: "y", organisationId: "org-new" });
        throw new Error("roll back a new chain");
      }),
    ).rejects.toThrow("roll back");
    expect(await t.db.auditEvent.count({ where: { chainId: "org-a" } })).toBe(3);
    expect(await t.db.auditChainHead.findUniqueOrThrow({ where: { chainId: "org-a" } })).toEqual(before);
    expect(await t.db.auditEvent.count({ where: { chainId: "org-new" } })).toBe(0);
    expect(await t.db.auditChainHead.count({ where: { chainId: "org-new" } })).toBe(0);
    const [next] = await appendEvents(t.db, "org-a", 1);
    expect(next?.seq).toBe(4);
    expect(await verifyAuditChain(t.db, "org-a")).toMatchObject({ ok: true, count: 4 });
  });

  it("hashes exactly what it stores: Dates, nested JSON, Unicode and instants read back to the same hash", async () => {
    const at = new Date("2026-03-29T01:59:59.999Z"); // DST edge in Europe/Berlin
    const changes = {
      name: { old: "Müller – Bewerbermanagement", new: "Mueller 🚀 Bewerber\u0301" },
      releasedAt: { old: null, new: new Date("2026-11-23T17:58:54.204Z") },
      purposes: { old: [], new: [{ description: "Vertragserfüllung", legalBases: ["ART6_1_B"] }] },
      count: { old: 1, new: 2.5 },
      dropped: undefined,
    };
    const r = await t.db.$transaction(async (tx) =>
      recordAudit(tx, dana, { action: "activity.update", entityType: "ProcessingActivity", entityId: "pa-json", organisationId: "org-json", changes, at }),
    );
    const row = await t.db.auditEvent.findFirstOrThrow({ where: { chainId: "org-json", seq: r.seq }, omit: { id: true } });
    expect(row.createdAt.toISOString()).toBe(at.toISOString());
    expect(row.changes).toEqual(toJsonValue(changes));
    expect(canonicalJson(row.changes)).toBe(canonicalJson(toJsonValue(changes)));
    expect(row.hash).toBe(r.hash);
    expect(chainHash(row.prevHash, { ...row, createdAt: row.createdAt.toISOString() })).toBe(r.hash);
    expect(await verifyAuditChain(t.db, "org-json")).toEqual({ ok: true, count: 1, head: r });
  });

  it("recordRevision stores the snapshot after the change and the field diff", async () => {
    const snapshot = { id: "pa-1", name: "Bewerbermanagement", version: 2, releasedAt: new Date("2026-01-02T03:04:05.006Z"), purposes: [{ description: "Auswahl" }] };
    await t.db.$transaction(async (tx) =>
      recordRevision(tx, dana, { entityType: "ProcessingActivity", entityId: "pa-1", organisationId: "org-a", version: 2, action: "update", snapshot, changes: { name: { old: "Bewerber", new: "Bewerbermanagement" } }, reason: "Tippfehler" }),
    );
    const rev = await t.db.revision.findUniqueOrThrow({ where: { entityType_entityId_version: { entityType: "ProcessingActivity", entityId: "pa-1", version: 2 } } });
    expect(rev).toMatchObject({ organisationId: "org-a", action: "update", reason: "Tippfehler", authorId: "user-dana", authorName: "Dana Datenschutz" });
    expect(rev.snapshot).toEqual(toJsonValue(snapshot));
    expect(rev.changes).toEqual({ name: { old: "Bewerber", new: "Bewerbermanagement" } });
  });

  it("(b) raw UPDATE and DELETE on AuditEvent and Revision fail with append-only", async () => {
    const attempts = [
      t.db.$executeRaw`UPDATE "AuditEvent" SET "actorName" = ${"Mallory"} WHERE "chainId" = ${"org-a"}`,
      t.db.$executeRaw`DELETE FROM "AuditEvent" WHERE "chainId" = ${"org-a"}`,
      t.db.$executeRaw`UPDATE "Revision" SET "authorName" = ${"Mallory"} WHERE "entityId" = ${"pa-1"}`,
      t.db.$executeRaw`DELETE FROM "Revision" WHERE "entityId" = ${"pa-1"}`,
    ];
    if (provider === "postgresql") attempts.push(t.db.$executeRaw`TRUNCATE "AuditEvent"`, t.db.$executeRaw`TRUNCATE "Revision"`);
    for (const attempt of attempts) await expect(attempt).rejects.toThrow(/append-only/);
    expect(await t.db.auditEvent.count({ where: { chainId: "org-a", actorName: "Dana Datenschutz" } })).toBe(4);
    expect(await t.db.revision.count({ where: { entityId: "pa-1", authorName: "Dana Datenschutz" } })).toBe(1);
    expect(await verifyAuditChain(t.db, "org-a")).toMatchObject({ ok: true, count: 4 });
  });

  it("(d) 50 concurrent committing transactions (and 10 failing ones) on one chain: seq 1..50 gap-free, chain verifies", async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const runs = Array.from({ length: 60 }, (_, i) =>
      t.db
        .$transaction(async (tx) => {
          inFlight++;
          maxInFlight = Math.max(maxInFlight, inFlight);
          try {
            const r = await recordAudit(tx, dana, { action: "activity.update", entityType: "ProcessingActivity", entityId: `c-${i}`, organisationId: "org-busy", changes: { i: { old: null, new: i } } });
            if (i % 6 === 5) throw new Error("fails after its audit event");
            return r;
          } finally {
            inFlight--;
          }
        })
        .then((r) => ({ ok: true as const, r }), (e: Error) => ({ ok: false as const, message: e.message })),
    );
    const outcomes = await Promise.all(runs);
    const committed = outcomes.flatMap((o) => (o.ok ? [o.r.seq] : []));
    expect(outcomes.filter((o) => !o.ok).map((o) => (o.ok ? "" : o.message))).toEqual(Array(10).fill("fails after its audit event"));
    expect(committed.sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, k) => k + 1));
    const events = await storedChain(t.db, "org-busy");
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 50 }, (_, k) => k + 1));
    expect(new Set(events.map((e) => e.prevHash)).size).toBe(50);
    expect(await verifyAuditChain(t.db, "org-busy")).toMatchObject({ ok: true, count: 50, head: { seq: 50 } });
    // PostgreSQL: the transactions really overlapped (the head row lock serialised them);
    // SQLite: the adapter's gate runs one transaction at a time.
    if (provider === "postgresql") expect(maxInFlight).toBeGreaterThan(1);
    else expect(maxInFlight).toBe(1);
  });

  it("lists every chain and the verifier reports each one", async () => {
    const chains = await listAuditChains(t.db);
    expect(chains).toEqual(["instance", "org-a", "org-b", "org-busy", "org-json"]);
    const report = await runVerifyAudit(t.db);
    expect(report.ok).toBe(true);
    expect(report.lines).toHaveLength(5);
    const head = await t.db.auditChainHead.findUniqueOrThrow({ where: { chainId: "org-busy" } });
    expect(report.lines).toContain(`chain org-busy: ok, 50 events, head 50/${head.hash}`);
    expect((await runVerifyAudit(t.db, "org-a")).lines).toEqual([expect.stringMatching(/^chain org-a: ok, 4 events, head 4\/[0-9a-f]{64}$/)]);
  });
});

/**
 * A database where the append-only triggers are off, as an attacker with file or superuser access
 * would have it. SQLite: an online backup of the file with the triggers dropped in the copy.
 * PostgreSQL: the triggers of the test database itself disabled (the test connects as superuser).
 */
async function tamperableCopy(t: TestDatabase): Promise<{ db: Db; drop: () => Promise<void> }> {
  if (t.provider === "postgresql") {
    await t.db.$executeRaw`ALTER TABLE "AuditEvent" DISABLE TRIGGER ALL`;
    return { db: t.db, drop: async () => { await t.db.$executeRaw`ALTER TABLE "AuditEvent" ENABLE TRIGGER ALL`; } };
  }
  const dir = mkdtempSync(path.join(tmpdir(), "vvt-tamper-"));
  const file = path.join(dir, "copy.db");
  const source = new Database(sqlitePath(t.url), { readonly: true });
  await source.backup(file);
  source.close();
  const copy = new Database(file);
  copy.exec(`DROP TRIGGER "AuditEvent_append_only_update"; DROP TRIGGER "AuditEvent_append_only_delete";`);
  copy.close();
  const db = createDb(`file:${file}`);
  return { db, drop: async () => { await db.$disconnect(); rmSync(dir, { recursive: true, force: true }); } };
}

function tamperingSuite(provider: Provider) {
  let t: TestDatabase;
  let copy: { db: Db; drop: () => Promise<void> };
  beforeAll(async () => {
    t = await createTestDatabase(provider);
    for (const chain of ["edited", "deleted", "rehashed", "truncated", "intact"]) await appendEvents(t.db, chain, 5);
    copy = await tamperableCopy(t);
  });
  afterAll(async () => {
    await copy.drop();
    await t.drop();
  });

  it("an edited event (actorName changed) breaks the chain at its seq", async () => {
    expect(await copy.db.$executeRaw`UPDATE "AuditEvent" SET "actorName" = ${"Someone Else"} WHERE "chainId" = ${"edited"} AND "seq" = ${3}`).toBe(1);
    expect(await verifyAuditChain(copy.db, "edited")).toEqual({ ok: false, brokenAtSeq: 3, reason: "hash-mismatch" });
  });

  it("a deleted middle event is reported as a gap at its seq", async () => {
    expect(await copy.db.$executeRaw`DELETE FROM "AuditEvent" WHERE "chainId" = ${"deleted"} AND "seq" = ${2}`).toBe(1);
    expect(await verifyAuditChain(copy.db, "deleted")).toEqual({ ok: false, brokenAtSeq: 2, reason: "seq-gap" });
  });

  it("an edited event with a recomputed hash breaks the link to the next event", async () => {
    const row = await copy.db.auditEvent.findFirstOrThrow({ where: { chainId: "rehashed", seq: 2 }, omit: { id: true } });
    const forged = chainHash(row.prevHash, { ...row, actorName: "Someone Else", createdAt: row.createdAt.toISOString() });
    expect(await copy.db.$executeRaw`UPDATE "AuditEvent" SET "actorName" = ${"Someone Else"}, "hash" = ${forged} WHERE "chainId" = ${"rehashed"} AND "seq" = ${2}`).toBe(1);
    expect(await verifyAuditChain(copy.db, "rehashed")).toEqual({ ok: false, brokenAtSeq: 3, reason: "prev-mismatch" });
  });

  it("a deleted last event no longer matches the chain head", async () => {
    expect(await copy.db.$executeRaw`DELETE FROM "AuditEvent" WHERE "chainId" = ${"truncated"} AND "seq" = ${5}`).toBe(1);
    expect(await verifyAuditChain(copy.db, "truncated")).toEqual({ ok: false, brokenAtSeq: 5, reason: "seq-gap" });
  });

  it("the verifier prints the broken chains and fails; untouched chains stay ok", async () => {
    const report = await runVerifyAudit(copy.db);
    expect(report.ok).toBe(false);
    expect(report.lines).toEqual([
      "chain deleted: BROKEN at seq 2 (seq-gap)",
      "chain edited: BROKEN at seq 3 (hash-mismatch)",
      expect.stringMatching(/^chain intact: ok, 5 events, head 5\/[0-9a-f]{64}$/),
      "chain rehashed: BROKEN at seq 3 (prev-mismatch)",
      "chain truncated: BROKEN at seq 5 (seq-gap)",
    ]);
    if (provider === "sqlite") expect((await runVerifyAudit(t.db)).ok).toBe(true); // the original is untouched
  });
}

describeEachProvider("C34 (c) tampering is detected", (provider) => {
  describe("triggers bypassed", () => tamperingSuite(provider));
});
