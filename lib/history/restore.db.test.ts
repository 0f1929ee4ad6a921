// Restoring older revisions (C33) on SQLite and PostgreSQL: vendor (with locations, certifications and
// sub-processors), agreement, TOM, TIA and activity (with recipients and transfers). Each restore writes one
// new revision ("revert", with the reason) and one audit event, a stale version is a conflict that writes
// nothing, another organisation's entry is a miss, and the organisation's audit chain stays valid.
import { afterAll, beforeAll, expect, it } from "vitest";
import { verifyAuditChain, type Actor } from "@/lib/audit";
import { createTestDatabase, describeEachProvider, type TestDatabase } from "@/lib/testing/databases";
import { createTomTx, restoreTomRevisionTx, updateTomTx } from "@/lib/toms/mutations";
import { tomCreateSchema, tomUpdateSchema } from "@/lib/toms/schema";
import { createTiaTx, restoreTiaRevisionTx, updateTiaTx } from "@/lib/tias/mutations";
import { tiaCreateSchema, tiaUpdateSchema } from "@/lib/tias/schema";
import { createDpaTx, restoreDpaRevisionTx, updateDpaTx } from "@/lib/agreements/mutations";
import { dpaCreateSchema, dpaUpdateSchema } from "@/lib/agreements/schema";
import { addCertificationTx, addLocationTx, addSubProcessorTx, createVendorTx, removeLocationTx, restoreVendorRevisionTx, updateVendorTx } from "@/lib/vendors/mutations";
import { certificationSchema, locationSchema, subProcessorSchema, vendorCreateSchema, vendorUpdateSchema } from "@/lib/vendors/schema";
import { addRecipientTx, addTransferTx, archiveTransferTx, removeRecipientTx, updateTransferTx } from "@/lib/recipients/mutations";
import { recipientCreateSchema, transferCreateSchema, transferUpdateSchema } from "@/lib/recipients/schema";
import { restoreRevisionTx } from "@/lib/activities/mutations";
import { loadActivitySnapshot, recipientsFromSnapshotJson } from "@/lib/activities/snapshot";
import { createActivity, createOrganisation } from "@/e2e/factories";

const dana: Actor = { id: null, name: "Dana Datenschutz" };
let n = 0;
const uniq = () => `${Date.now().toString(36)}-${++n}`;

describeEachProvider("restoring revisions", (provider) => {
  let t: TestDatabase;
  let orgA: string;
  let orgB: string;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
    orgA = (await createOrganisation(t.db)).id;
    orgB = (await createOrganisation(t.db)).id;
    for (const [code, de, en] of [["US", "Vereinigte Staaten", "United States"], ["IE", "Irland", "Ireland"], ["IN", "Indien", "India"]] as const) {
      await t.db.country.upsert({ where: { code }, create: { code, nameDe: de, nameEn: en }, update: {} });
    }
  });
  afterAll(async () => { await t.drop(); });

  const counts = async (entityType: string, entityId: string) => ({
    revisions: await t.db.revision.count({ where: { entityType, entityId } }),
    events: await t.db.auditEvent.count({ where: { entityType, entityId } }),
  });
  const latest = (entityType: string, entityId: string) => t.db.revision.findFirstOrThrow({ where: { entityType, entityId }, orderBy: { version: "desc" } });
  const chainOk = async () => expect((await verifyAuditChain(t.db, orgA)).ok).toBe(true);
  const ok = <T extends { ok: boolean }>(r: T): T => { expect(r).toMatchObject({ ok: true }); return r; };

  it("TOM: restores version 1 as version 3; a stale version conflicts without a write; another organisation is a miss", async () => {
    const r = ok(await t.db.$transaction((tx) => createTomTx(tx, dana, orgA, tomCreateSchema.parse({ code: `TOM-${uniq()}`, category: "CONFIDENTIALITY", title: "Zutrittskontrolle", description: "Chipkarten" }))));
    if (!r.ok) return;
    const v1 = await t.db.technicalOrganisationalMeasure.findUniqueOrThrow({ where: { id: r.id } });
    ok(await t.db.$transaction((tx) => updateTomTx(tx, dana, orgA, r.id, tomUpdateSchema.parse({ code: v1.code, category: "AVAILABILITY_RESILIENCE", title: "Zutritt neu", version: "1" }))));
    const before = await counts("Tom", r.id);

    expect(await t.db.$transaction((tx) => restoreTomRevisionTx(tx, dana, orgA, r.id, { version: 1, revision: 1, reason: "Fehler" }))).toMatchObject({ ok: false, error: "conflict" });
    expect(await t.db.$transaction((tx) => restoreTomRevisionTx(tx, dana, orgB, r.id, { version: 2, revision: 1, reason: "x" }))).toEqual({ ok: false, error: "not-found" });
    expect(await t.db.$transaction((tx) => restoreTomRevisionTx(tx, dana, orgA, r.id, { version: 2, revision: 9, reason: "x" }))).toEqual({ ok: false, error: "not-found" });
    expect(await counts("Tom", r.id)).toEqual(before);

    ok(await t.db.$transaction((tx) => restoreTomRevisionTx(tx, dana, orgA, r.id, { version: 2, revision: 1, reason: "Änderung war falsch" })));
    const now = await t.db.technicalOrganisationalMeasure.findUniqueOrThrow({ where: { id: r.id } });
    expect(now).toMatchObject({ category: "CONFIDENTIALITY", title: "Zutrittskontrolle", description: "Chipkarten", version: 3 });
    const rev = await latest("Tom", r.id);
    expect(rev).toMatchObject({ version: 3, action: "revert", reason: "Änderung war falsch" });
    expect(rev.changes).toMatchObject({ title: { old: "Zutritt neu", new: "Zutrittskontrolle" }, restoredFromVersion: { old: null, new: 1 } });
    expect(await counts("Tom", r.id)).toEqual({ revisions: before.revisions + 1, events: before.events + 1 });
    expect((await t.db.auditEvent.findFirstOrThrow({ where: { entityId: r.id }, orderBy: { seq: "desc" } })).action).toBe("tom.revert");
    await chainOk();
  });

  it("TIA: restores the earlier assessment; a stale version conflicts", async () => {
    const r = ok(await t.db.$transaction((tx) => createTiaTx(tx, dana, orgA, tiaCreateSchema.parse({ title: "TIA Cloud", destinationCountry: "US", dataFormat: "CLEAR", conclusion: "GO_WITH_MEASURES", supplementaryMeasures: "Verschlüsselung", assessedAt: "2026-05-01" }))));
    if (!r.ok) return;
    ok(await t.db.$transaction((tx) => updateTiaTx(tx, dana, orgA, r.id, tiaUpdateSchema.parse({ title: "TIA Cloud", destinationCountry: "IN", dataFormat: "CLEAR", conclusion: "STOP", version: "1" }))));
    const before = await counts("Tia", r.id);
    expect(await t.db.$transaction((tx) => restoreTiaRevisionTx(tx, dana, orgA, r.id, { version: 1, revision: 1, reason: "x" }))).toMatchObject({ ok: false, error: "conflict" });
    expect(await counts("Tia", r.id)).toEqual(before);
    ok(await t.db.$transaction((tx) => restoreTiaRevisionTx(tx, dana, orgA, r.id, { version: 2, revision: 1, reason: "Neubewertung verworfen" })));
    const now = await t.db.transferImpactAssessment.findUniqueOrThrow({ where: { id: r.id } });
    expect(now).toMatchObject({ destinationCountry: "US", conclusion: "GO_WITH_MEASURES", version: 3 });
    expect(now.assessedAt?.toISOString()).toBe("2026-05-01T00:00:00.000Z");
    expect(await latest("Tia", r.id)).toMatchObject({ action: "revert", reason: "Neubewertung verworfen" });
    expect(await counts("Tia", r.id)).toEqual({ revisions: before.revisions + 1, events: before.events + 1 });
    await chainOk();
  });

  it("agreement: restores fields and covered activities; a stale version conflicts", async () => {
    const vendor = ok(await t.db.$transaction((tx) => createVendorTx(tx, dana, orgA, vendorCreateSchema.parse({ name: `AVV-Anbieter ${uniq()}`, kind: "PROCESSOR" }))));
    if (!vendor.ok) return;
    const a1 = await createActivity(t.db, orgA);
    const a2 = await createActivity(t.db, orgA);
    const r = ok(await t.db.$transaction((tx) => createDpaTx(tx, dana, orgA, dpaCreateSchema.parse({ vendorId: vendor.id, title: "AVV Hosting", status: "SIGNED", signedAt: "2026-03-01", art28a: "on", activityIds: [a1.id, a2.id] }))));
    if (!r.ok) return;
    ok(await t.db.$transaction((tx) => updateDpaTx(tx, dana, orgA, r.id, dpaUpdateSchema.parse({ vendorId: vendor.id, title: "AVV Hosting v2", status: "IN_NEGOTIATION", activityIds: a1.id, version: "1" }))));
    const before = await counts("DataProcessingAgreement", r.id);
    expect(await t.db.$transaction((tx) => restoreDpaRevisionTx(tx, dana, orgA, r.id, { version: 1, revision: 1, reason: "x" }))).toEqual({ ok: false, error: "conflict" });
    expect(await counts("DataProcessingAgreement", r.id)).toEqual(before);
    ok(await t.db.$transaction((tx) => restoreDpaRevisionTx(tx, dana, orgA, r.id, { version: 2, revision: 1, reason: "Falsche Fassung" })));
    const now = await t.db.dataProcessingAgreement.findUniqueOrThrow({ where: { id: r.id }, include: { activities: true } });
    expect(now).toMatchObject({ title: "AVV Hosting", status: "SIGNED", art28a: true, version: 3 });
    expect(now.signedAt?.toISOString()).toBe("2026-03-01T00:00:00.000Z");
    expect(now.activities.map((x) => x.activityId).sort()).toEqual([a1.id, a2.id].sort());
    expect(await latest("DataProcessingAgreement", r.id)).toMatchObject({ action: "revert", reason: "Falsche Fassung" });
    expect(await counts("DataProcessingAgreement", r.id)).toEqual({ revisions: before.revisions + 1, events: before.events + 1 });
    await chainOk();
  });

  it("vendor: restores fields, locations, certifications and sub-processors under their old ids", async () => {
    const v = ok(await t.db.$transaction((tx) => createVendorTx(tx, dana, orgA, vendorCreateSchema.parse({ name: `Cloud GmbH ${uniq()}`, kind: "PROCESSOR", country: "US", city: "Seattle" }))));
    if (!v.ok) return;
    ok(await t.db.$transaction((tx) => addLocationTx(tx, dana, orgA, v.id, locationSchema.parse({ country: "US", city: "Ashburn", purpose: "STORAGE" }))));
    ok(await t.db.$transaction((tx) => addCertificationTx(tx, dana, orgA, v.id, certificationSchema.parse({ name: "ISO/IEC 27001", validUntil: "2027-06-30" }))));
    ok(await t.db.$transaction((tx) => addSubProcessorTx(tx, dana, orgA, v.id, subProcessorSchema.parse({ name: "Support Ltd", country: "IN", access: "REMOTE_ACCESS" }))));
    const v4 = await t.db.vendor.findUniqueOrThrow({ where: { id: v.id }, include: { locations: true, certifications: true, subProcessors: true } });
    expect(v4.version).toBe(4);
    const location = v4.locations[0];
    if (!location) throw new Error("no location");
    ok(await t.db.$transaction((tx) => removeLocationTx(tx, dana, orgA, v.id, location.id)));
    ok(await t.db.$transaction((tx) => updateVendorTx(tx, dana, orgA, v.id, vendorUpdateSchema.parse({ name: v4.name, kind: "PROCESSOR", country: "IE", city: "Dublin", version: "5" }))));
    const before = await counts("Vendor", v.id);

    expect(await t.db.$transaction((tx) => restoreVendorRevisionTx(tx, dana, orgA, v.id, { version: 5, revision: 4, reason: "x" }))).toMatchObject({ ok: false, error: "conflict" });
    expect(await t.db.$transaction((tx) => restoreVendorRevisionTx(tx, dana, orgB, v.id, { version: 6, revision: 4, reason: "x" }))).toEqual({ ok: false, error: "not-found" });
    expect(await counts("Vendor", v.id)).toEqual(before);

    ok(await t.db.$transaction((tx) => restoreVendorRevisionTx(tx, dana, orgA, v.id, { version: 6, revision: 4, reason: "Umzug war ein Irrtum" })));
    const now = await t.db.vendor.findUniqueOrThrow({ where: { id: v.id }, include: { locations: true, certifications: true, subProcessors: true } });
    expect(now).toMatchObject({ country: "US", city: "Seattle", version: 7 });
    expect(now.locations.map((l) => ({ id: l.id, city: l.city }))).toEqual([{ id: location.id, city: "Ashburn" }]);
    expect(now.certifications.map((c) => c.id)).toEqual(v4.certifications.map((c) => c.id));
    expect(now.subProcessors.map((s) => [s.id, s.name, s.country])).toEqual(v4.subProcessors.map((s) => [s.id, s.name, s.country]));
    expect(now.searchText).toContain("ashburn");
    const rev = await latest("Vendor", v.id);
    expect(rev).toMatchObject({ version: 7, action: "revert", reason: "Umzug war ein Irrtum" });
    expect(rev.changes).toMatchObject({ country: { old: "IE", new: "US" }, restoredFromVersion: { new: 4 } });
    expect(await counts("Vendor", v.id)).toEqual({ revisions: before.revisions + 1, events: before.events + 1 });
    await chainOk();
  });

  it("activity: the snapshot holds recipients with all transfer columns; a restore brings back a removed recipient and an archived transfer", async () => {
    const vendor = ok(await t.db.$transaction((tx) => createVendorTx(tx, dana, orgA, vendorCreateSchema.parse({ name: `Empfänger ${uniq()}`, kind: "PROCESSOR", country: "US" }))));
    if (!vendor.ok) return;
    const activity = await createActivity(t.db, orgA, { dataCategories: [{ categoryCode: "CONTACT_DATA" }] });
    const dc = await t.db.activityDataCategory.findFirstOrThrow({ where: { activityId: activity.id } });
    const r1 = ok(await t.db.$transaction((tx) => addRecipientTx(tx, dana, orgA, activity.id, recipientCreateSchema.parse({ kind: "VENDOR", vendorId: vendor.id, role: "PROCESSOR", service: "Hosting", dataCategoryIds: dc.id }))));
    if (!r1.ok) return;
    const tr = ok(await t.db.$transaction((tx) => addTransferTx(tx, dana, orgA, activity.id, transferCreateSchema.parse({ recipientId: r1.id, destinationCountry: "US", access: "STORAGE", mechanism: "SCC_2021_M2", contractConcludedAt: "2026-01-15", isRegular: "on" }))));
    if (!tr.ok) return;
    const good = await latest("Activity", activity.id);
    const snap = recipientsFromSnapshotJson(good.snapshot);
    expect(snap).toHaveLength(1);
    const transferSnap = snap?.[0]?.transfers[0];
    expect(Object.keys(transferSnap ?? {}).sort()).toEqual(Object.keys(await t.db.transfer.findUniqueOrThrow({ where: { id: tr.id } })).sort());
    expect(transferSnap).toMatchObject({ id: tr.id, mechanism: "SCC_2021_M2", contractConcludedAt: "2026-01-15T00:00:00.000Z", archivedAt: null });
    expect(snap?.[0]).toMatchObject({ id: r1.id, kind: "VENDOR", vendorId: vendor.id, service: "Hosting", dataCategoryCodes: ["CONTACT_DATA"] });

    // Later: the transfer is changed, then archived, a second recipient is added, the first removed.
    ok(await t.db.$transaction((tx) => updateTransferTx(tx, dana, orgA, activity.id, transferUpdateSchema.parse({ transferId: tr.id, version: "1", destinationCountry: "US", access: "BOTH", mechanism: "DPF" }))));
    ok(await t.db.$transaction((tx) => archiveTransferTx(tx, dana, orgA, activity.id, tr.id, 2)));
    const other = ok(await t.db.$transaction((tx) => createVendorTx(tx, dana, orgA, vendorCreateSchema.parse({ name: `Support ${uniq()}`, kind: "PROCESSOR" }))));
    if (!other.ok) return;
    const r2 = ok(await t.db.$transaction((tx) => addRecipientTx(tx, dana, orgA, activity.id, recipientCreateSchema.parse({ kind: "VENDOR", vendorId: other.id, role: "PROCESSOR" }))));
    if (!r2.ok) return;
    const t2 = ok(await t.db.$transaction((tx) => addTransferTx(tx, dana, orgA, activity.id, transferCreateSchema.parse({ recipientId: r2.id, destinationCountry: "IN", access: "STORAGE", mechanism: "NONE_STATED" }))));
    if (!t2.ok) return;
    ok(await t.db.$transaction((tx) => removeRecipientTx(tx, dana, orgA, activity.id, r1.id)));
    expect(await t.db.transfer.count({ where: { id: tr.id } })).toBe(0);
    const current = (await t.db.processingActivity.findUniqueOrThrow({ where: { id: activity.id } })).version;
    const before = await counts("Activity", activity.id);

    const stale = await t.db.$transaction((tx) => restoreRevisionTx(tx, dana, orgA, activity.id, { version: current - 1, revision: good.version }));
    expect(stale).toMatchObject({ ok: false, kind: "conflict" });
    expect(await counts("Activity", activity.id)).toEqual(before);

    ok(await t.db.$transaction((tx) => restoreRevisionTx(tx, dana, orgA, activity.id, { version: current, revision: good.version })));
    const back = await t.db.transfer.findUniqueOrThrow({ where: { id: tr.id } });
    expect(back).toMatchObject({ recipientId: r1.id, mechanism: "SCC_2021_M2", access: "STORAGE", archivedAt: null, organisationId: orgA });
    expect(back.contractConcludedAt?.toISOString()).toBe("2026-01-15T00:00:00.000Z");
    const recipient = await t.db.recipient.findUniqueOrThrow({ where: { id: r1.id }, include: { dataCategories: true } });
    expect(recipient).toMatchObject({ vendorId: vendor.id, service: "Hosting" });
    expect(recipient.dataCategories.map((d) => d.dataCategoryId)).toEqual([dc.id]);
    // The recipient added later is removed (Recipient has no archivedAt); its transfer went with it.
    expect(await t.db.recipient.count({ where: { id: r2.id } })).toBe(0);
    const after = await t.db.$transaction((tx) => loadActivitySnapshot(tx, orgA, activity.id));
    expect(after?.snapshot.recipients.map((r) => [r.id, r.transfers.map((x) => [x.id, x.archivedAt])])).toEqual([[r1.id, [[tr.id, null]]]]);
    const rev = await latest("Activity", activity.id);
    expect(rev.action).toBe("revert");
    expect(rev.changes).toHaveProperty("recipients");
    expect((await t.db.processingActivity.findUniqueOrThrow({ where: { id: activity.id } })).searchText).toContain("empfanger");
    expect(await counts("Activity", activity.id)).toEqual({ revisions: before.revisions + 1, events: before.events + 1 });
    await chainOk();
  });

  it("activity: a transfer added after the restored version is archived, not deleted", async () => {
    const activity = await createActivity(t.db, orgA);
    const vendor = ok(await t.db.$transaction((tx) => createVendorTx(tx, dana, orgA, vendorCreateSchema.parse({ name: `Hoster ${uniq()}`, kind: "PROCESSOR" }))));
    if (!vendor.ok) return;
    const r = ok(await t.db.$transaction((tx) => addRecipientTx(tx, dana, orgA, activity.id, recipientCreateSchema.parse({ kind: "VENDOR", vendorId: vendor.id, role: "PROCESSOR" }))));
    if (!r.ok) return;
    const good = await latest("Activity", activity.id);
    const tr = ok(await t.db.$transaction((tx) => addTransferTx(tx, dana, orgA, activity.id, transferCreateSchema.parse({ recipientId: r.id, destinationCountry: "US", access: "STORAGE", mechanism: "DPF" }))));
    if (!tr.ok) return;
    const current = (await t.db.processingActivity.findUniqueOrThrow({ where: { id: activity.id } })).version;
    ok(await t.db.$transaction((tx) => restoreRevisionTx(tx, dana, orgA, activity.id, { version: current, revision: good.version })));
    const row = await t.db.transfer.findUniqueOrThrow({ where: { id: tr.id } });
    expect(row.archivedAt).not.toBeNull();
    await chainOk();
  });
});
