// TIA mutations on SQLite and PostgreSQL: create/update with optimistic concurrency, vendor and country re-checked,
// archive/restore, revision + audit per success and none on failure, cross-organisation ids refused, chain verifies.
import { afterAll, beforeAll, expect, it } from "vitest";
import { verifyAuditChain, type Actor } from "@/lib/audit";
import { createTestDatabase, describeEachProvider, type TestDatabase } from "@/lib/testing/databases";
import { createTiaTx, setTiaArchivedTx, updateTiaTx } from "@/lib/tias/mutations";
import { tiaCreateSchema, tiaUpdateSchema } from "@/lib/tias/schema";
import { createOrganisation, createVendor } from "@/e2e/factories";

const dana: Actor = { id: null, name: "Dana Datenschutz" };

describeEachProvider("TIA mutations", (provider) => {
  let t: TestDatabase;
  let orgA: string;
  let orgB: string;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
    for (const [code, de, en] of [["US", "Vereinigte Staaten", "United States"], ["IN", "Indien", "India"]] as const) {
      await t.db.country.upsert({ where: { code }, create: { code, nameDe: de, nameEn: en }, update: {} });
    }
    orgA = (await createOrganisation(t.db)).id;
    orgB = (await createOrganisation(t.db)).id;
  });
  afterAll(async () => { await t.drop(); });

  const counts = async (entityId: string) => ({
    revisions: await t.db.revision.count({ where: { entityType: "Tia", entityId } }),
    events: await t.db.auditEvent.count({ where: { entityType: "Tia", entityId } }),
  });
  const create = async (orgId: string, over: Record<string, string> = {}) => {
    const r = await t.db.$transaction((tx) => createTiaTx(tx, dana, orgId, tiaCreateSchema.parse({ title: "TIA Support", dataFormat: "CLEAR", ...over })));
    if (!r.ok) throw new Error("create failed");
    return r.id;
  };

  it("creates a TIA with every field; updates with the current version only; a stale save names who changed it", async () => {
    const vendor = await createVendor(t.db, orgA, { name: "Cloud Inc." });
    const input = tiaCreateSchema.parse({
      title: "TIA Cloud Inc. (USA)", vendorId: vendor.id, destinationCountry: "US", importerRole: "PROCESSOR", mechanism: "SCC_2021_M2", dataFormat: "ENCRYPTED",
      lawsAssessed: "FISA 702, EO 12333, EO 14086", practicalExperience: "Keine Behördenanfragen laut Transparenzbericht", supplementaryMeasures: "Schlüssel in der EU",
      residualRisk: "gering", conclusion: "GO_WITH_MEASURES", signedOffBy: "Dana Datenschutz", assessedAt: "2026-02-01", nextReviewAt: "2027-02-01", documentUrl: "https://docs.example.com/tia.pdf",
    });
    const r = await t.db.$transaction((tx) => createTiaTx(tx, dana, orgA, input));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const stored = await t.db.transferImpactAssessment.findUniqueOrThrow({ where: { id: r.id } });
    expect(stored).toMatchObject({
      vendorId: vendor.id, destinationCountry: "US", importerRole: "PROCESSOR", mechanism: "SCC_2021_M2", dataFormat: "ENCRYPTED", conclusion: "GO_WITH_MEASURES",
      assessedAt: new Date("2026-02-01T00:00:00.000Z"), nextReviewAt: new Date("2027-02-01T00:00:00.000Z"), version: 1, organisationId: orgA,
    });
    expect(stored.searchText).toContain("cloud inc");
    expect(stored.searchText).toContain("vereinigte staaten");
    expect(await counts(r.id)).toEqual({ revisions: 1, events: 1 });

    const update = tiaUpdateSchema.parse({ title: "TIA Cloud Inc.", destinationCountry: "IN", dataFormat: "CLEAR", conclusion: "STOP", version: "1", reason: "Neubewertung" });
    expect(await t.db.$transaction((tx) => updateTiaTx(tx, dana, orgA, r.id, update))).toEqual({ ok: true, id: r.id });
    expect(await t.db.transferImpactAssessment.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({ title: "TIA Cloud Inc.", vendorId: null, destinationCountry: "IN", conclusion: "STOP", lawsAssessed: null, version: 2 });
    const stale = await t.db.$transaction((tx) => updateTiaTx(tx, dana, orgA, r.id, { ...update, title: "stale" }));
    expect(stale).toMatchObject({ ok: false, error: "conflict", conflict: { by: "Dana Datenschutz", version: 2 } });
    expect(await counts(r.id)).toEqual({ revisions: 2, events: 2 });
  });

  it("exactly one of 20 parallel saves wins", async () => {
    const id = await create(orgA);
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) =>
      t.db.$transaction((tx) => updateTiaTx(tx, dana, orgA, id, tiaUpdateSchema.parse({ title: `TIA ${i}`, dataFormat: "CLEAR", version: "1" })))));
    expect(results.filter((x) => x.status === "fulfilled" && x.value.ok)).toHaveLength(1);
    expect((await t.db.transferImpactAssessment.findUniqueOrThrow({ where: { id } })).version).toBe(2);
    expect(await counts(id)).toEqual({ revisions: 2, events: 2 });
  });

  it("refuses a vendor of another organisation, an unknown country and foreign TIA ids without writing", async () => {
    const foreignVendor = await createVendor(t.db, orgB);
    const foreignTia = await create(orgB);
    const own = await create(orgA);
    const events = await t.db.auditEvent.count();
    expect(await t.db.$transaction((tx) => createTiaTx(tx, dana, orgA, tiaCreateSchema.parse({ title: "X", dataFormat: "CLEAR", vendorId: foreignVendor.id })))).toEqual({ ok: false, error: "not-found", field: "vendorId" });
    expect(await t.db.$transaction((tx) => createTiaTx(tx, dana, orgA, tiaCreateSchema.parse({ title: "X", dataFormat: "CLEAR", destinationCountry: "QQ" })))).toEqual({ ok: false, error: "not-found", field: "destinationCountry" });
    expect(await t.db.$transaction((tx) => updateTiaTx(tx, dana, orgA, own, tiaUpdateSchema.parse({ title: "X", dataFormat: "CLEAR", vendorId: foreignVendor.id, version: "1" })))).toEqual({ ok: false, error: "not-found", field: "vendorId" });
    expect(await t.db.$transaction((tx) => updateTiaTx(tx, dana, orgA, foreignTia, tiaUpdateSchema.parse({ title: "X", dataFormat: "CLEAR", version: "1" })))).toEqual({ ok: false, error: "not-found" });
    expect(await t.db.$transaction((tx) => setTiaArchivedTx(tx, dana, orgA, foreignTia, 1, true))).toEqual({ ok: false, error: "not-found" });
    expect(await t.db.auditEvent.count()).toBe(events);
    expect(await t.db.revision.count({ where: { entityType: "Tia", entityId: { in: [own, foreignTia] } } })).toBe(2);
  });

  it("archives and restores (never deletes); validates conclusion, review order, URLs and extra fields; the chain verifies", async () => {
    const id = await create(orgA);
    expect(await t.db.$transaction((tx) => setTiaArchivedTx(tx, dana, orgA, id, 1, true))).toEqual({ ok: true, id });
    expect(await t.db.$transaction((tx) => updateTiaTx(tx, dana, orgA, id, tiaUpdateSchema.parse({ title: "X", dataFormat: "CLEAR", version: "2" })))).toEqual({ ok: false, error: "not-found" });
    expect(await t.db.$transaction((tx) => setTiaArchivedTx(tx, dana, orgA, id, 1, false))).toEqual({ ok: false, error: "conflict" });
    expect(await t.db.$transaction((tx) => setTiaArchivedTx(tx, dana, orgA, id, 2, false))).toEqual({ ok: true, id });
    expect(await t.db.transferImpactAssessment.findUniqueOrThrow({ where: { id } })).toMatchObject({ archivedAt: null, version: 3 });
    expect(await counts(id)).toEqual({ revisions: 3, events: 3 });
    expect(tiaCreateSchema.safeParse({ title: "S", dataFormat: "CLEAR", conclusion: "GO_WITH_MEASURES" }).success).toBe(false);
    expect(tiaCreateSchema.safeParse({ title: "S", dataFormat: "CLEAR", assessedAt: "2026-05-01", nextReviewAt: "2026-04-01" }).success).toBe(false);
    expect(tiaCreateSchema.safeParse({ title: "S", dataFormat: "CLEAR", documentUrl: "javascript:alert(1)" }).success).toBe(false);
    expect(tiaCreateSchema.safeParse({ title: "S", dataFormat: "CLEAR", mechanism: "ADEQUACY" }).success).toBe(false);
    expect(tiaCreateSchema.safeParse({ title: "S", dataFormat: "CLEAR", organisationId: orgB }).success).toBe(false);
    expect((await verifyAuditChain(t.db, orgA)).ok).toBe(true);
    expect((await verifyAuditChain(t.db, orgB)).ok).toBe(true);
  });
});
