// Recipients and transfers of an activity on SQLite and PostgreSQL: each change bumps the activity's version,
// sends a released activity back to review and writes one activity revision + one audit event; stale
// versions conflict; ids of another organisation are refused without a write.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/audit";
import { createTestDatabase, describeEachProvider, type TestDatabase } from "@/lib/testing/databases";
import { addRecipientTx, addTransferTx, archiveTransferTx, removeRecipientTx, updateRecipientTx, updateTransferTx } from "@/lib/recipients/mutations";
import { recipientCreateSchema, recipientUpdateSchema, transferCreateSchema, transferUpdateSchema } from "@/lib/recipients/schema";
import { createActivity, createOrganisation, createTia, createVendor } from "@/e2e/factories";

const dana: Actor = { id: null, name: "Dana Datenschutz" };

describeEachProvider("recipient and transfer mutations", (provider) => {
  let t: TestDatabase;
  let orgA: string;
  let orgB: string;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
    orgA = (await createOrganisation(t.db)).id;
    orgB = (await createOrganisation(t.db)).id;
    await t.db.country.upsert({ where: { code: "US" }, create: { code: "US", nameDe: "Vereinigte Staaten", nameEn: "United States" }, update: {} });
  });
  afterAll(async () => { await t.drop(); });

  const history = async (activityId: string) => ({
    revisions: await t.db.revision.count({ where: { entityType: "Activity", entityId: activityId } }),
    events: await t.db.auditEvent.count({ where: { entityType: "Activity", entityId: activityId } }),
  });

  it("adds a processor recipient with a US SCC transfer; the activity records each change", async () => {
    const vendor = await createVendor(t.db, orgA, { country: "US" });
    const activity = await createActivity(t.db, orgA, { status: "RELEASED", dataCategories: [{ categoryCode: "CONTACT_DATA" }] });
    const dc = await t.db.activityDataCategory.findFirstOrThrow({ where: { activityId: activity.id } });
    const h0 = await history(activity.id);
    const v0 = (await t.db.processingActivity.findUniqueOrThrow({ where: { id: activity.id } })).version;

    const r = await t.db.$transaction((tx) => addRecipientTx(tx, dana, orgA, activity.id, recipientCreateSchema.parse({ kind: "VENDOR", vendorId: vendor.id, role: "PROCESSOR", service: "Hosting", dataCategoryIds: dc.id })));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const a1 = await t.db.processingActivity.findUniqueOrThrow({ where: { id: activity.id } });
    expect(a1.version).toBe(v0 + 1);
    expect(a1.status).toBe("IN_REVIEW");
    expect(a1.searchText).toContain(vendor.name.toLowerCase());

    const tr = await t.db.$transaction((tx) => addTransferTx(tx, dana, orgA, activity.id, transferCreateSchema.parse({ recipientId: r.id, destinationCountry: "US", access: "STORAGE", mechanism: "SCC_2021_M2", contractConcludedAt: "2026-01-15", isRegular: "on", evidenceUrl: "https://example.com/scc.pdf" })));
    expect(tr.ok).toBe(true);
    if (!tr.ok) return;
    expect(await t.db.transfer.findUniqueOrThrow({ where: { id: tr.id } })).toMatchObject({ destinationCountry: "US", mechanism: "SCC_2021_M2", isRegular: true, organisationId: orgA, version: 1 });

    const upd = transferUpdateSchema.parse({ transferId: tr.id, version: "1", destinationCountry: "US", access: "BOTH", mechanism: "SCC_2021_M2" });
    expect((await t.db.$transaction((tx) => updateTransferTx(tx, dana, orgA, activity.id, upd))).ok).toBe(true);
    expect(await t.db.$transaction((tx) => updateTransferTx(tx, dana, orgA, activity.id, { ...upd, access: "STORAGE" }))).toEqual({ ok: false, error: "conflict" });
    expect((await t.db.$transaction((tx) => updateRecipientTx(tx, dana, orgA, activity.id, recipientUpdateSchema.parse({ recipientId: r.id, version: "1", kind: "VENDOR", vendorId: vendor.id, role: "PROCESSOR", service: "Hosting und Support" })))).ok).toBe(true);
    expect((await t.db.$transaction((tx) => archiveTransferTx(tx, dana, orgA, activity.id, tr.id, 2))).ok).toBe(true);
    expect((await t.db.transfer.findUniqueOrThrow({ where: { id: tr.id } })).archivedAt).not.toBeNull();
    expect((await t.db.$transaction((tx) => removeRecipientTx(tx, dana, orgA, activity.id, r.id))).ok).toBe(true);

    const actions = (await t.db.revision.findMany({ where: { entityType: "Activity", entityId: activity.id }, orderBy: { version: "asc" }, select: { action: true } })).map((x) => x.action);
    expect(actions.slice(-6)).toEqual(["recipient.add", "transfer.add", "transfer.update", "recipient.update", "transfer.archive", "recipient.remove"]);
    expect(await history(activity.id)).toEqual({ revisions: h0.revisions + 6, events: h0.events + 6 });
  });

  it("refuses ids of another organisation and invalid destinations without writing", async () => {
    const foreignVendor = await createVendor(t.db, orgB);
    const foreignActivity = await createActivity(t.db, orgB);
    const foreignTia = await createTia(t.db, orgB);
    const activity = await createActivity(t.db, orgA);
    const vendor = await createVendor(t.db, orgA);
    const events = await t.db.auditEvent.count();
    expect(await t.db.$transaction((tx) => addRecipientTx(tx, dana, orgA, activity.id, recipientCreateSchema.parse({ kind: "VENDOR", vendorId: foreignVendor.id, role: "PROCESSOR" })))).toEqual({ ok: false, error: "not-found", field: "vendorId" });
    expect(await t.db.$transaction((tx) => addRecipientTx(tx, dana, orgA, foreignActivity.id, recipientCreateSchema.parse({ kind: "VENDOR", vendorId: vendor.id, role: "PROCESSOR" })))).toEqual({ ok: false, error: "not-found" });
    const r = await t.db.$transaction((tx) => addRecipientTx(tx, dana, orgA, activity.id, recipientCreateSchema.parse({ kind: "VENDOR", vendorId: vendor.id, role: "PROCESSOR" })));
    if (!r.ok) throw new Error("add failed");
    const base = { recipientId: r.id, destinationCountry: "US", access: "STORAGE", mechanism: "DPF" };
    expect(await t.db.$transaction((tx) => addTransferTx(tx, dana, orgA, activity.id, transferCreateSchema.parse({ ...base, viaVendorId: foreignVendor.id })))).toEqual({ ok: false, error: "not-found", field: "viaVendorId" });
    expect(await t.db.$transaction((tx) => addTransferTx(tx, dana, orgA, activity.id, transferCreateSchema.parse({ ...base, tiaId: foreignTia.id })))).toEqual({ ok: false, error: "not-found", field: "tiaId" });
    expect(await t.db.$transaction((tx) => addTransferTx(tx, dana, orgA, activity.id, transferCreateSchema.parse({ ...base, destinationCountry: "QQ" })))).toEqual({ ok: false, error: "not-found", field: "destinationCountry" });
    expect(transferCreateSchema.safeParse({ recipientId: r.id, access: "STORAGE", mechanism: "DPF" }).success).toBe(false);
    expect(transferCreateSchema.safeParse({ ...base, evidenceUrl: "javascript:alert(1)" }).success).toBe(false);
    expect(recipientCreateSchema.safeParse({ kind: "VENDOR", role: "PROCESSOR" }).success).toBe(false);
    expect(recipientCreateSchema.safeParse({ kind: "CATEGORY", role: "OTHER", categoryCode: "X", extra: "1" }).success).toBe(false);
    expect(await t.db.auditEvent.count()).toBe(events + 1);
    expect(await t.db.transfer.count({ where: { recipientId: r.id } })).toBe(0);
  });
  it("each child change writes the activity snapshot with the recipients and all their transfers (archived ones included)", async () => {
    const vendor = await createVendor(t.db, orgA, { country: "US" });
    const activity = await createActivity(t.db, orgA);
    const r = await t.db.$transaction((tx) => addRecipientTx(tx, dana, orgA, activity.id, recipientCreateSchema.parse({ kind: "VENDOR", vendorId: vendor.id, role: "PROCESSOR", service: "Hosting" })));
    if (!r.ok) throw new Error("add failed");
    const tr = await t.db.$transaction((tx) => addTransferTx(tx, dana, orgA, activity.id, transferCreateSchema.parse({ recipientId: r.id, destinationCountry: "US", access: "STORAGE", mechanism: "DPF" })));
    if (!tr.ok) throw new Error("add failed");
    expect((await t.db.$transaction((tx) => archiveTransferTx(tx, dana, orgA, activity.id, tr.id, 1))).ok).toBe(true);
    const rev = await t.db.revision.findFirstOrThrow({ where: { entityType: "Activity", entityId: activity.id }, orderBy: { version: "desc" } });
    const snapshot = rev.snapshot as { recipients: { id: string; service: string; transfers: Record<string, unknown>[] }[] };
    expect(snapshot.recipients.map((x) => [x.id, x.service])).toEqual([[r.id, "Hosting"]]);
    const row = await t.db.transfer.findUniqueOrThrow({ where: { id: tr.id } });
    const stored = snapshot.recipients[0]?.transfers[0];
    expect(Object.keys(stored ?? {}).sort()).toEqual(Object.keys(row).sort());
    expect(stored).toMatchObject({ id: tr.id, mechanism: "DPF", archivedAt: row.archivedAt?.toISOString(), createdAt: row.createdAt.toISOString() });
  });
});
