// Agreement (AVV) mutations on SQLite and PostgreSQL: create/update with optimistic concurrency, covered
// activities, archive/restore, revision + audit per success and none on failure, cross-organisation ids refused.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/audit";
import { createTestDatabase, describeEachProvider, type TestDatabase } from "@/lib/testing/databases";
import { createDpaTx, setDpaArchivedTx, updateDpaTx } from "@/lib/agreements/mutations";
import { dpaCreateSchema, dpaUpdateSchema } from "@/lib/agreements/schema";
import { createActivity, createOrganisation, createVendor } from "@/e2e/factories";

const dana: Actor = { id: null, name: "Dana Datenschutz" };

describeEachProvider("agreement mutations", (provider) => {
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
    revisions: await t.db.revision.count({ where: { entityType: "DataProcessingAgreement", entityId } }),
    events: await t.db.auditEvent.count({ where: { entityType: "DataProcessingAgreement", entityId } }),
  });

  it("creates an AVV with checklist and covered activities; updates with the current version only", async () => {
    const vendor = await createVendor(t.db, orgA);
    const a1 = await createActivity(t.db, orgA);
    const a2 = await createActivity(t.db, orgA);
    const input = dpaCreateSchema.parse({ vendorId: vendor.id, title: "AVV Hosting", status: "SIGNED", signedAt: "2026-03-01", art28a: "on", art28c: "on", sccMechanism: "SCC_2021_M2", documentUrl: "https://docs.example.com/avv.pdf", activityIds: [a1.id, a2.id] });
    const r = await t.db.$transaction((tx) => createDpaTx(tx, dana, orgA, input));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const stored = await t.db.dataProcessingAgreement.findUniqueOrThrow({ where: { id: r.id }, include: { activities: true } });
    expect(stored).toMatchObject({ status: "SIGNED", art28a: true, art28b: false, art28c: true, sccMechanism: "SCC_2021_M2", version: 1 });
    expect(stored.activities.map((a) => a.activityId).sort()).toEqual([a1.id, a2.id].sort());
    expect(await counts(r.id)).toEqual({ revisions: 1, events: 1 });

    const update = dpaUpdateSchema.parse({ vendorId: vendor.id, title: "AVV Hosting v2", status: "SIGNED", signedAt: "2026-03-01", art28a: "on", art28b: "on", activityIds: a1.id, version: "1" });
    expect(await t.db.$transaction((tx) => updateDpaTx(tx, dana, orgA, r.id, update))).toEqual({ ok: true, id: r.id });
    const after = await t.db.dataProcessingAgreement.findUniqueOrThrow({ where: { id: r.id }, include: { activities: true } });
    expect(after).toMatchObject({ title: "AVV Hosting v2", art28b: true, art28c: false, version: 2 });
    expect(after.activities.map((a) => a.activityId)).toEqual([a1.id]);
    expect(await t.db.$transaction((tx) => updateDpaTx(tx, dana, orgA, r.id, { ...update, title: "stale" }))).toEqual({ ok: false, error: "conflict" });
    expect(await counts(r.id)).toEqual({ revisions: 2, events: 2 });
  });

  it("exactly one of 20 parallel saves wins", async () => {
    const vendor = await createVendor(t.db, orgA);
    const r = await t.db.$transaction((tx) => createDpaTx(tx, dana, orgA, dpaCreateSchema.parse({ vendorId: vendor.id, title: "AVV", status: "DRAFT" })));
    if (!r.ok) throw new Error("create failed");
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) =>
      t.db.$transaction((tx) => updateDpaTx(tx, dana, orgA, r.id, dpaUpdateSchema.parse({ vendorId: vendor.id, title: `AVV ${i}`, status: "DRAFT", version: "1" })))));
    expect(results.filter((x) => x.status === "fulfilled" && x.value.ok)).toHaveLength(1);
    expect(await counts(r.id)).toEqual({ revisions: 2, events: 2 });
  });

  it("refuses a vendor or an activity of another organisation without writing", async () => {
    const foreignVendor = await createVendor(t.db, orgB);
    const foreignActivity = await createActivity(t.db, orgB);
    const vendor = await createVendor(t.db, orgA);
    const events = await t.db.auditEvent.count();
    expect(await t.db.$transaction((tx) => createDpaTx(tx, dana, orgA, dpaCreateSchema.parse({ vendorId: foreignVendor.id, title: "X", status: "DRAFT" })))).toEqual({ ok: false, error: "not-found", field: "vendorId" });
    expect(await t.db.$transaction((tx) => createDpaTx(tx, dana, orgA, dpaCreateSchema.parse({ vendorId: vendor.id, title: "X", status: "DRAFT", activityIds: [foreignActivity.id] })))).toEqual({ ok: false, error: "not-found", field: "activityIds" });
    const bDpa = await t.db.$transaction((tx) => createDpaTx(tx, dana, orgB, dpaCreateSchema.parse({ vendorId: foreignVendor.id, title: "B", status: "DRAFT" })));
    if (!bDpa.ok) throw new Error("create failed");
    expect(await t.db.$transaction((tx) => setDpaArchivedTx(tx, dana, orgA, bDpa.id, 1, true))).toEqual({ ok: false, error: "not-found" });
    expect(await t.db.auditEvent.count()).toBe(events + 1);
  });

  it("archives and restores; a signed AVV needs a signing date; URLs must be http(s)", async () => {
    const vendor = await createVendor(t.db, orgA);
    const r = await t.db.$transaction((tx) => createDpaTx(tx, dana, orgA, dpaCreateSchema.parse({ vendorId: vendor.id, title: "Archiv", status: "DRAFT" })));
    if (!r.ok) throw new Error("create failed");
    expect((await t.db.$transaction((tx) => setDpaArchivedTx(tx, dana, orgA, r.id, 1, true))).ok).toBe(true);
    expect((await t.db.$transaction((tx) => setDpaArchivedTx(tx, dana, orgA, r.id, 2, false))).ok).toBe(true);
    expect(await t.db.dataProcessingAgreement.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({ archivedAt: null, version: 3 });
    expect(dpaCreateSchema.safeParse({ vendorId: vendor.id, title: "S", status: "SIGNED" }).success).toBe(false);
    expect(dpaCreateSchema.safeParse({ vendorId: vendor.id, title: "S", status: "DRAFT", documentUrl: "javascript:alert(1)" }).success).toBe(false);
  });
});
