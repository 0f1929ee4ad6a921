// Own vocabulary terms on SQLite and PostgreSQL: create (code derived from the German label, unique beside the
// built-in terms), update with optimistic concurrency on the last-change time, archive/restore, revision + audit
// per success and none on failure, built-in terms and another organisation's terms are a miss, the special-
// category mark only on personal-data categories, VIEWER lacks the permission, the chain verifies.
import { afterAll, beforeAll, expect, it } from "vitest";
import { verifyAuditChain, type Actor } from "@/lib/audit";
import { can } from "@/lib/domain/permissions";
import { createTestDatabase, describeEachProvider, type TestDatabase } from "@/lib/testing/databases";
import { createTermTx, setTermArchivedTx, updateTermTx } from "@/lib/vocabulary/mutations";
import { termArchiveSchema, termCreateSchema, termUpdateSchema } from "@/lib/vocabulary/schema";
import { createOrganisation } from "@/e2e/factories";

const dana: Actor = { id: null, name: "Dana Datenschutz" };
let n = 0;

describeEachProvider("Vocabulary term mutations", (provider) => {
  let t: TestDatabase;
  let orgA: string;
  let orgB: string;
  let builtIn: { id: string; updatedAt: Date };
  beforeAll(async () => {
    t = await createTestDatabase(provider);
    orgA = (await createOrganisation(t.db)).id;
    orgB = (await createOrganisation(t.db)).id;
    builtIn =
      (await t.db.vocabularyTerm.findFirst({ where: { organisationId: null, kind: "DATA_CATEGORY", code: "HEALTH" }, select: { id: true, updatedAt: true } })) ??
      (await t.db.vocabularyTerm.create({ data: { kind: "DATA_CATEGORY", code: "HEALTH", labelDe: "Gesundheitsdaten", labelEn: "Health data", isSpecialCategory: true }, select: { id: true, updatedAt: true } }));
  });
  afterAll(async () => { await t.drop(); });

  const counts = async (entityId: string) => ({
    revisions: await t.db.revision.count({ where: { entityType: "VocabularyTerm", entityId } }),
    events: await t.db.auditEvent.count({ where: { entityType: "VocabularyTerm", entityId } }),
  });
  const stampOf = async (id: string) => (await t.db.vocabularyTerm.findUniqueOrThrow({ where: { id } })).updatedAt.toISOString();
  const create = async (orgId: string, over: Record<string, string> = {}) => {
    const label = `Eigene Kategorie ${++n}`;
    const r = await t.db.$transaction((tx) => createTermTx(tx, dana, orgId, termCreateSchema.parse({ kind: "DATA_SUBJECT", labelDe: label, labelEn: `Own category ${n}`, ...over })));
    if (!r.ok) throw new Error("create failed");
    return r.id;
  };

  it("creates an own personal-data category with the special-category mark; it is offered beside the built-in terms", async () => {
    const r = await t.db.$transaction((tx) => createTermTx(tx, dana, orgA, termCreateSchema.parse({ kind: "DATA_CATEGORY", labelDe: "Biometrische Zugangsdaten", labelEn: "Biometric access data", citation: "Art. 9 Abs. 1 DSGVO", isSpecialCategory: "on" })));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(await t.db.vocabularyTerm.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({
      organisationId: orgA, kind: "DATA_CATEGORY", code: "ORG_BIOMETRISCHE_ZUGANGSDATEN", labelEn: "Biometric access data", isSpecialCategory: true, archivedAt: null,
    });
    expect(await counts(r.id)).toEqual({ revisions: 1, events: 1 });
    expect((await t.db.auditEvent.findFirstOrThrow({ where: { entityType: "VocabularyTerm", entityId: r.id } })).action).toBe("vocabulary.create");
    // The same label in another organisation is independent.
    const other = await t.db.$transaction((tx) => createTermTx(tx, dana, orgB, termCreateSchema.parse({ kind: "DATA_CATEGORY", labelDe: "Biometrische Zugangsdaten", labelEn: "Biometric access data" })));
    expect(other.ok).toBe(true);
    // What the activity form's picker reads: built-in and own live terms of the organisation (lib/activities/editor-queries.ts).
    const picker = await t.db.vocabularyTerm.findMany({ where: { kind: "DATA_CATEGORY", archivedAt: null, OR: [{ organisationId: null }, { organisationId: orgA }] }, select: { code: true, organisationId: true } });
    expect(picker.filter((p) => p.code === "ORG_BIOMETRISCHE_ZUGANGSDATEN")).toEqual([{ code: "ORG_BIOMETRISCHE_ZUGANGSDATEN", organisationId: orgA }]);
    expect(picker.some((p) => p.code === "HEALTH")).toBe(true);
  });

  it("refuses a German label already used by a live term of the kind (built-in or own), and the special mark outside data categories", async () => {
    const events = await t.db.auditEvent.count();
    expect(await t.db.$transaction((tx) => createTermTx(tx, dana, orgA, termCreateSchema.parse({ kind: "DATA_CATEGORY", labelDe: "gesundheitsdaten", labelEn: "Health" })))).toEqual({ ok: false, error: "duplicate", field: "labelDe" });
    const id = await create(orgA, { labelDe: "Lieferanten" });
    expect(await t.db.$transaction((tx) => createTermTx(tx, dana, orgA, termCreateSchema.parse({ kind: "DATA_SUBJECT", labelDe: "Lieferanten", labelEn: "Suppliers" })))).toEqual({ ok: false, error: "duplicate", field: "labelDe" });
    expect(await t.db.auditEvent.count()).toBe(events + 1);
    expect(termCreateSchema.safeParse({ kind: "DATA_SUBJECT", labelDe: "A", labelEn: "A", isSpecialCategory: "on" }).success).toBe(false);
    expect(await t.db.$transaction((tx) => updateTermTx(tx, dana, orgA, id, termUpdateSchema.parse({ labelDe: "Lieferanten", labelEn: "Suppliers", isSpecialCategory: "on", stamp: new Date().toISOString() })))).toEqual({ ok: false, error: "not-found", field: "isSpecialCategory" });
    expect(termCreateSchema.safeParse({ kind: "DATA_SUBJECT", labelDe: "A", labelEn: "A", code: "HACK" }).success).toBe(false);
    expect(termCreateSchema.safeParse({ kind: "DATA_SUBJECT", labelDe: "A" }).success).toBe(false);
  });

  it("updates the labels with the current stamp only; the code stays; a stale save names who changed it", async () => {
    const id = await create(orgA);
    const code = (await t.db.vocabularyTerm.findUniqueOrThrow({ where: { id } })).code;
    const stamp = await stampOf(id);
    const update = termUpdateSchema.parse({ labelDe: "Beschäftigte im Außendienst", labelEn: "Field staff", stamp });
    expect(await t.db.$transaction((tx) => updateTermTx(tx, dana, orgA, id, update))).toEqual({ ok: true, id });
    expect(await t.db.vocabularyTerm.findUniqueOrThrow({ where: { id } })).toMatchObject({ labelDe: "Beschäftigte im Außendienst", labelEn: "Field staff", code });
    expect(await stampOf(id)).not.toBe(stamp);
    const stale = await t.db.$transaction((tx) => updateTermTx(tx, dana, orgA, id, { ...update, labelDe: "stale" }));
    expect(stale).toMatchObject({ ok: false, error: "conflict", conflict: { by: "Dana Datenschutz", version: 2 } });
    expect(await counts(id)).toEqual({ revisions: 2, events: 2 });
    const revision = await t.db.revision.findFirstOrThrow({ where: { entityType: "VocabularyTerm", entityId: id, version: 2 } });
    expect(revision).toMatchObject({ action: "update", organisationId: orgA });
    expect(revision.changes).toMatchObject({ labelEn: { new: "Field staff" } });
  });

  it("exactly one of 10 parallel saves wins", async () => {
    const id = await create(orgA);
    const stamp = await stampOf(id);
    const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) =>
      t.db.$transaction((tx) => updateTermTx(tx, dana, orgA, id, termUpdateSchema.parse({ labelDe: `Parallel ${n}-${i}`, labelEn: `Parallel ${i}`, stamp })))));
    expect(results.filter((x) => x.status === "fulfilled" && x.value.ok)).toHaveLength(1);
    expect(await counts(id)).toEqual({ revisions: 2, events: 2 });
  });

  it("built-in terms and another organisation's terms are a miss; nothing is written", async () => {
    const foreign = await create(orgB);
    const events = await t.db.auditEvent.count();
    const upd = (stamp: string) => termUpdateSchema.parse({ labelDe: "Übernahme", labelEn: "Takeover", stamp });
    expect(await t.db.$transaction((tx) => updateTermTx(tx, dana, orgA, foreign, upd(new Date().toISOString())))).toEqual({ ok: false, error: "not-found" });
    expect(await t.db.$transaction((tx) => setTermArchivedTx(tx, dana, orgA, foreign, new Date(), true))).toEqual({ ok: false, error: "not-found" });
    expect(await t.db.$transaction((tx) => updateTermTx(tx, dana, orgA, builtIn.id, upd(builtIn.updatedAt.toISOString())))).toEqual({ ok: false, error: "not-found" });
    expect(await t.db.$transaction((tx) => setTermArchivedTx(tx, dana, orgA, builtIn.id, builtIn.updatedAt, true))).toEqual({ ok: false, error: "not-found" });
    expect(await t.db.auditEvent.count()).toBe(events);
    expect(await t.db.vocabularyTerm.findUniqueOrThrow({ where: { id: builtIn.id } })).toMatchObject({ labelDe: "Gesundheitsdaten", archivedAt: null });
  });

  it("archives and restores (never deletes); an archived term cannot be edited; a stale archive is refused; the chain verifies", async () => {
    const id = await create(orgA);
    const s1 = termArchiveSchema.parse({ stamp: await stampOf(id) }).stamp;
    expect(await t.db.$transaction((tx) => setTermArchivedTx(tx, dana, orgA, id, s1, true))).toEqual({ ok: true, id });
    expect((await t.db.vocabularyTerm.findUniqueOrThrow({ where: { id } })).archivedAt).not.toBeNull();
    expect(await t.db.$transaction((tx) => setTermArchivedTx(tx, dana, orgA, id, s1, false))).toEqual({ ok: false, error: "conflict" });
    const s2 = new Date(await stampOf(id));
    expect(await t.db.$transaction((tx) => setTermArchivedTx(tx, dana, orgA, id, s2, true))).toEqual({ ok: false, error: "conflict" });
    expect(await t.db.$transaction((tx) => updateTermTx(tx, dana, orgA, id, termUpdateSchema.parse({ labelDe: "X", labelEn: "X", stamp: s2.toISOString() })))).toEqual({ ok: false, error: "not-found" });
    expect(await t.db.$transaction((tx) => setTermArchivedTx(tx, dana, orgA, id, s2, false))).toEqual({ ok: true, id });
    expect((await t.db.vocabularyTerm.findUniqueOrThrow({ where: { id } })).archivedAt).toBeNull();
    expect(await counts(id)).toEqual({ revisions: 3, events: 3 });
    const revisions = await t.db.revision.findMany({ where: { entityType: "VocabularyTerm", entityId: id }, orderBy: { version: "asc" }, select: { version: true, action: true } });
    expect(revisions).toEqual([{ version: 1, action: "create" }, { version: 2, action: "archive" }, { version: 3, action: "restore" }]);
    const actions = await t.db.auditEvent.findMany({ where: { entityType: "VocabularyTerm", entityId: id }, orderBy: { seq: "asc" }, select: { action: true } });
    expect(actions.map((a) => a.action)).toEqual(["vocabulary.create", "vocabulary.archive", "vocabulary.restore"]);
    expect((await verifyAuditChain(t.db, orgA)).ok).toBe(true);
    expect((await verifyAuditChain(t.db, orgB)).ok).toBe(true);
  });

  it("restoring is refused when a live term took the German label meanwhile", async () => {
    const id = await create(orgA, { labelDe: "Praktikanten" });
    expect((await t.db.$transaction((tx) => setTermArchivedTx(tx, dana, orgA, id, new Date(0), true)))).toEqual({ ok: false, error: "conflict" });
    expect(await t.db.$transaction(async (tx) => setTermArchivedTx(tx, dana, orgA, id, new Date((await tx.vocabularyTerm.findUniqueOrThrow({ where: { id } })).updatedAt), true))).toEqual({ ok: true, id });
    await create(orgA, { labelDe: "Praktikanten" });
    expect(await t.db.$transaction(async (tx) => setTermArchivedTx(tx, dana, orgA, id, (await tx.vocabularyTerm.findUniqueOrThrow({ where: { id } })).updatedAt, false))).toEqual({ ok: false, error: "duplicate", field: "labelDe" });
  });

  it("only DPO, ADMIN and EDITOR maintain the vocabulary; a VIEWER is refused", () => {
    const member = (role: "DPO" | "EDITOR" | "VIEWER") => ({ id: "u", isAdmin: false, memberships: [{ orgId: orgA, role }], vendorContacts: [] });
    expect(can(member("VIEWER"), "vocabulary:write", orgA)).toBe(false);
    expect(can(member("EDITOR"), "vocabulary:write", orgA)).toBe(true);
    expect(can(member("DPO"), "vocabulary:write", orgB)).toBe(false);
  });
});
