// TOM mutations on SQLite and PostgreSQL: create/update with optimistic concurrency, unique code per organisation,
// archive/restore, revision + audit per success and none on failure, cross-organisation ids refused, chain verifies.
import { afterAll, beforeAll, expect, it } from "vitest";
import { verifyAuditChain, type Actor } from "@/lib/audit";
import { createTestDatabase, describeEachProvider, type TestDatabase } from "@/lib/testing/databases";
import { createTomTx, setTomArchivedTx, updateTomTx } from "@/lib/toms/mutations";
import { tomCreateSchema, tomUpdateSchema } from "@/lib/toms/schema";
import { createOrganisation } from "@/e2e/factories";

const dana: Actor = { id: null, name: "Dana Datenschutz" };
let n = 0;
const code = () => `TOM-T-${++n}`;

describeEachProvider("TOM mutations", (provider) => {
  let t: TestDatabase;
  let orgA: string;
  let orgB: string;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
    orgA = (await createOrganisation(t.db)).id;
    orgB = (await createOrganisation(t.db)).id;
  });
  afterAll(async () => { await t.drop(); });

  const counts = async (entityId: string) => ({
    revisions: await t.db.revision.count({ where: { entityType: "Tom", entityId } }),
    events: await t.db.auditEvent.count({ where: { entityType: "Tom", entityId } }),
  });
  const create = async (orgId: string, over: Record<string, string> = {}) => {
    const r = await t.db.$transaction((tx) => createTomTx(tx, dana, orgId, tomCreateSchema.parse({ code: code(), category: "CONFIDENTIALITY", title: "Zutrittskontrolle", ...over })));
    if (!r.ok) throw new Error("create failed");
    return r.id;
  };

  it("creates a measure; updates with the current version only; a stale save names who changed it", async () => {
    const input = tomCreateSchema.parse({ code: "TOM-ENC-01", category: "PSEUDONYMISATION_ENCRYPTION", title: "Festplattenverschlüsselung", description: "AES-256", documentUrl: "https://docs.example.com/tom.pdf" });
    const r = await t.db.$transaction((tx) => createTomTx(tx, dana, orgA, input));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const stored = await t.db.technicalOrganisationalMeasure.findUniqueOrThrow({ where: { id: r.id } });
    expect(stored).toMatchObject({ code: "TOM-ENC-01", category: "PSEUDONYMISATION_ENCRYPTION", description: "AES-256", version: 1, organisationId: orgA });
    expect(stored.searchText).toContain("festplattenverschlusselung");
    expect(await counts(r.id)).toEqual({ revisions: 1, events: 1 });

    const update = tomUpdateSchema.parse({ code: "TOM-ENC-01", category: "PSEUDONYMISATION_ENCRYPTION", title: "Verschlüsselung der Datenträger", version: "1", reason: "Titel präzisiert" });
    expect(await t.db.$transaction((tx) => updateTomTx(tx, dana, orgA, r.id, update))).toEqual({ ok: true, id: r.id });
    expect(await t.db.technicalOrganisationalMeasure.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({ title: "Verschlüsselung der Datenträger", description: null, version: 2 });
    const stale = await t.db.$transaction((tx) => updateTomTx(tx, dana, orgA, r.id, { ...update, title: "stale" }));
    expect(stale).toMatchObject({ ok: false, error: "conflict", conflict: { by: "Dana Datenschutz", version: 2 } });
    if (!stale.ok && stale.conflict) expect(stale.conflict.changes.title).toEqual({ old: "Verschlüsselung der Datenträger", new: "stale" });
    expect(await counts(r.id)).toEqual({ revisions: 2, events: 2 });
    const revision = await t.db.revision.findFirstOrThrow({ where: { entityType: "Tom", entityId: r.id, version: 2 } });
    expect(revision).toMatchObject({ action: "update", reason: "Titel präzisiert" });
  });

  it("exactly one of 20 parallel saves wins", async () => {
    const id = await create(orgA);
    const current = await t.db.technicalOrganisationalMeasure.findUniqueOrThrow({ where: { id } });
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) =>
      t.db.$transaction((tx) => updateTomTx(tx, dana, orgA, id, tomUpdateSchema.parse({ code: current.code, category: "INTEGRITY", title: `Eingabekontrolle ${i}`, version: "1" })))));
    expect(results.filter((x) => x.status === "fulfilled" && x.value.ok)).toHaveLength(1);
    expect((await t.db.technicalOrganisationalMeasure.findUniqueOrThrow({ where: { id } })).version).toBe(2);
    expect(await counts(id)).toEqual({ revisions: 2, events: 2 });
  });

  it("refuses a code already used in the organisation (create and update) without writing; other organisations may reuse it", async () => {
    const id = await create(orgA, { code: "TOM-DUP" });
    const other = await create(orgA);
    const events = await t.db.auditEvent.count();
    expect(await t.db.$transaction((tx) => createTomTx(tx, dana, orgA, tomCreateSchema.parse({ code: "TOM-DUP", category: "OTHER", title: "X" })))).toEqual({ ok: false, error: "duplicate", field: "code" });
    expect(await t.db.$transaction((tx) => updateTomTx(tx, dana, orgA, other, tomUpdateSchema.parse({ code: "TOM-DUP", category: "OTHER", title: "X", version: "1" })))).toEqual({ ok: false, error: "duplicate", field: "code" });
    expect(await t.db.auditEvent.count()).toBe(events);
    expect(await counts(other)).toEqual({ revisions: 1, events: 1 });
    expect(id).not.toBe(other);
    await create(orgB, { code: "TOM-DUP" });
  });

  it("of 5 parallel creates with one code exactly one wins; the others are a duplicate or a P2002 (mapped to `code` by the action)", async () => {
    const results = await Promise.allSettled(Array.from({ length: 5 }, () =>
      t.db.$transaction((tx) => createTomTx(tx, dana, orgA, tomCreateSchema.parse({ code: "TOM-RACE", category: "OTHER", title: "Race" })))));
    expect(results.filter((x) => x.status === "fulfilled" && x.value.ok)).toHaveLength(1);
    for (const x of results) {
      if (x.status === "fulfilled" && !x.value.ok) expect(x.value).toEqual({ ok: false, error: "duplicate", field: "code" });
      else if (x.status === "rejected") expect((x.reason as { code?: unknown }).code).toBe("P2002");
    }
    expect(await t.db.technicalOrganisationalMeasure.count({ where: { organisationId: orgA, code: "TOM-RACE" } })).toBe(1);
  });

  it("refuses ids of another organisation without writing", async () => {
    const foreign = await create(orgB);
    const events = await t.db.auditEvent.count();
    expect(await t.db.$transaction((tx) => updateTomTx(tx, dana, orgA, foreign, tomUpdateSchema.parse({ code: "X-1", category: "OTHER", title: "X", version: "1" })))).toEqual({ ok: false, error: "not-found" });
    expect(await t.db.$transaction((tx) => setTomArchivedTx(tx, dana, orgA, foreign, 1, true))).toEqual({ ok: false, error: "not-found" });
    expect(await t.db.auditEvent.count()).toBe(events);
    expect(await t.db.technicalOrganisationalMeasure.findUniqueOrThrow({ where: { id: foreign } })).toMatchObject({ title: "Zutrittskontrolle", archivedAt: null, version: 1 });
  });

  it("archives and restores (never deletes); an archived measure cannot be edited; URLs must be http(s); the chain verifies", async () => {
    const id = await create(orgA);
    expect(await t.db.$transaction((tx) => setTomArchivedTx(tx, dana, orgA, id, 1, true))).toEqual({ ok: true, id });
    expect(await t.db.$transaction((tx) => setTomArchivedTx(tx, dana, orgA, id, 2, true))).toEqual({ ok: false, error: "conflict" });
    expect(await t.db.$transaction((tx) => updateTomTx(tx, dana, orgA, id, tomUpdateSchema.parse({ code: "X-2", category: "OTHER", title: "X", version: "2" })))).toEqual({ ok: false, error: "not-found" });
    expect(await t.db.$transaction((tx) => setTomArchivedTx(tx, dana, orgA, id, 2, false))).toEqual({ ok: true, id });
    expect(await t.db.technicalOrganisationalMeasure.findUniqueOrThrow({ where: { id } })).toMatchObject({ archivedAt: null, version: 3 });
    expect(await counts(id)).toEqual({ revisions: 3, events: 3 });
    const actions = await t.db.auditEvent.findMany({ where: { entityType: "Tom", entityId: id }, orderBy: { seq: "asc" }, select: { action: true } });
    expect(actions.map((a) => a.action)).toEqual(["tom.create", "tom.archive", "tom.restore"]);
    expect(tomCreateSchema.safeParse({ code: "U", category: "OTHER", title: "U", documentUrl: "javascript:alert(1)" }).success).toBe(false);
    expect(tomCreateSchema.safeParse({ code: "U", category: "OTHER", title: "U", extra: "x" }).success).toBe(false);
    expect((await verifyAuditChain(t.db, orgA)).ok).toBe(true);
    expect((await verifyAuditChain(t.db, orgB)).ok).toBe(true);
  });
});
