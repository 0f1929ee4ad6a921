// Vendor mutations on SQLite and PostgreSQL: create/update with optimistic concurrency, archive/restore,
// one revision + one audit event per success and none on failure, child lists, cross-organisation ids refused.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/audit";
import { verifyAuditChain } from "@/lib/audit";
import { createTestDatabase, describeEachProvider, type TestDatabase } from "@/lib/testing/databases";
import {
  addContactTx,
  addDpfCheckTx,
  addLocationTx,
  addSubProcessorTx,
  createVendorTx,
  disableContactTx,
  removeLocationTx,
  setVendorArchivedTx,
  updateVendorTx,
} from "@/lib/vendors/mutations";
import { contactSchema, dpfCheckSchema, subProcessorSchema, vendorCreateSchema, vendorUpdateSchema, type VendorCreateInput } from "@/lib/vendors/schema";
import { createOrganisation, createVendor } from "@/e2e/factories";

const dana: Actor = { id: null, name: "Dana Datenschutz" };
let n = 0;
const base = (over: Partial<VendorCreateInput> = {}): VendorCreateInput => vendorCreateSchema.parse({ name: `Cloud GmbH ${++n}`, kind: "PROCESSOR", country: "US", ...over });

describeEachProvider("vendor mutations", (provider) => {
  let t: TestDatabase;
  let orgA: string;
  let orgB: string;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
    orgA = (await createOrganisation(t.db)).id;
    orgB = (await createOrganisation(t.db)).id;
    for (const [code, de, en] of [["US", "Vereinigte Staaten", "United States"], ["IE", "Irland", "Ireland"], ["DE", "Deutschland", "Germany"], ["FR", "Frankreich", "France"]] as const) {
      await t.db.country.upsert({ where: { code }, create: { code, nameDe: de, nameEn: en }, update: {} });
    }
  });
  afterAll(async () => { await t.drop(); });

  const counts = async (entityId: string) => ({
    revisions: await t.db.revision.count({ where: { entityType: "Vendor", entityId } }),
    events: await t.db.auditEvent.count({ where: { entityType: "Vendor", entityId } }),
  });

  it("creates a vendor with revision v1 and one audit event; a duplicate name is refused without a write", async () => {
    const input = base();
    const r = await t.db.$transaction((tx) => createVendorTx(tx, dana, orgA, input));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const v = await t.db.vendor.findUniqueOrThrow({ where: { id: r.id } });
    expect(v).toMatchObject({ name: input.name, country: "US", version: 1, organisationId: orgA });
    expect(v.searchText).toContain("cloud gmbh");
    expect(await counts(r.id)).toEqual({ revisions: 1, events: 1 });
    const before = await t.db.auditEvent.count();
    const dup = await t.db.$transaction((tx) => createVendorTx(tx, dana, orgA, input));
    expect(dup).toEqual({ ok: false, error: "duplicate", field: "name" });
    expect(await t.db.auditEvent.count()).toBe(before);
    // The same name in another organisation is fine.
    expect((await t.db.$transaction((tx) => createVendorTx(tx, dana, orgB, input))).ok).toBe(true);
  });

  it("refuses an unknown country code", async () => {
    const r = await t.db.$transaction((tx) => createVendorTx(tx, dana, orgA, base({ country: "QQ" })));
    expect(r).toEqual({ ok: false, error: "not-found", field: "country" });
  });

  it("updates with the current version; a stale version is a conflict without a write", async () => {
    const v = await createVendor(t.db, orgA, { country: "DE" });
    const update = vendorUpdateSchema.parse({ name: v.name, kind: "PROCESSOR", country: "IE", city: "Dublin", version: "1", reason: "Sitz verlegt" });
    const r = await t.db.$transaction((tx) => updateVendorTx(tx, dana, orgA, v.id, update));
    expect(r).toEqual({ ok: true, id: v.id });
    const after = await t.db.vendor.findUniqueOrThrow({ where: { id: v.id } });
    expect(after).toMatchObject({ country: "IE", city: "Dublin", version: 2 });
    const rev = await t.db.revision.findFirstOrThrow({ where: { entityId: v.id, version: 2 } });
    expect(rev.reason).toBe("Sitz verlegt");
    expect(rev.changes).toMatchObject({ country: { old: "DE", new: "IE" } });
    const c = await counts(v.id);
    const stale = await t.db.$transaction((tx) => updateVendorTx(tx, dana, orgA, v.id, { ...update, city: "Cork" }));
    expect(stale).toMatchObject({ ok: false, error: "conflict", conflict: { by: "Dana Datenschutz", version: 2, changes: { city: { old: "Dublin", new: "Cork" } } } });
    expect(await counts(v.id)).toEqual(c);
    expect((await t.db.vendor.findUniqueOrThrow({ where: { id: v.id } })).city).toBe("Dublin");
  });

  it("exactly one of 20 parallel saves with the same version wins", async () => {
    const v = await createVendor(t.db, orgA);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        t.db.$transaction((tx) => updateVendorTx(tx, dana, orgA, v.id, vendorUpdateSchema.parse({ name: v.name, kind: "PROCESSOR", city: `Stadt ${i}`, version: "1" }))),
      ),
    );
    const ok = results.filter((r) => r.status === "fulfilled" && r.value.ok);
    expect(ok).toHaveLength(1);
    for (const r of results) if (r.status === "fulfilled" && !r.value.ok) expect(r.value.error).toBe("conflict");
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect((await t.db.vendor.findUniqueOrThrow({ where: { id: v.id } })).version).toBe(2);
    expect(await counts(v.id)).toEqual({ revisions: 2, events: 2 });
    expect((await verifyAuditChain(t.db, orgA)).ok).toBe(true);
  });

  it("archives and restores (never deletes), each with a revision and an audit event", async () => {
    const v = await createVendor(t.db, orgA);
    const a = await t.db.$transaction((tx) => setVendorArchivedTx(tx, dana, orgA, v.id, 1, true));
    expect(a.ok).toBe(true);
    expect((await t.db.vendor.findUniqueOrThrow({ where: { id: v.id } })).archivedAt).not.toBeNull();
    // Editing an archived vendor: not found; archiving twice: conflict.
    expect((await t.db.$transaction((tx) => updateVendorTx(tx, dana, orgA, v.id, vendorUpdateSchema.parse({ name: v.name, kind: "OTHER", version: "2" })))).ok).toBe(false);
    expect(await t.db.$transaction((tx) => setVendorArchivedTx(tx, dana, orgA, v.id, 2, true))).toEqual({ ok: false, error: "conflict" });
    const r = await t.db.$transaction((tx) => setVendorArchivedTx(tx, dana, orgA, v.id, 2, false));
    expect(r.ok).toBe(true);
    const after = await t.db.vendor.findUniqueOrThrow({ where: { id: v.id } });
    expect(after).toMatchObject({ archivedAt: null, version: 3 });
    const actions = (await t.db.auditEvent.findMany({ where: { entityId: v.id }, orderBy: { seq: "asc" }, select: { action: true } })).map((e) => e.action);
    expect(actions).toEqual(["vendor.create", "vendor.archive", "vendor.restore"]);
  });

  it("refuses a vendor id of organisation B used in organisation A (not found, nothing written)", async () => {
    const foreign = await createVendor(t.db, orgB);
    const events = await t.db.auditEvent.count();
    const upd = await t.db.$transaction((tx) => updateVendorTx(tx, dana, orgA, foreign.id, vendorUpdateSchema.parse({ name: "Übernahme", kind: "PROCESSOR", version: "1" })));
    expect(upd).toEqual({ ok: false, error: "not-found" });
    expect(await t.db.$transaction((tx) => setVendorArchivedTx(tx, dana, orgA, foreign.id, 1, true))).toEqual({ ok: false, error: "not-found" });
    expect(await t.db.$transaction((tx) => addLocationTx(tx, dana, orgA, foreign.id, { country: "DE", purpose: "STORAGE" }))).toEqual({ ok: false, error: "not-found" });
    // A sub-processor pointing at B's vendor from A's vendor.
    const own = await createVendor(t.db, orgA);
    const sub = await t.db.$transaction((tx) => addSubProcessorTx(tx, dana, orgA, own.id, subProcessorSchema.parse({ subVendorId: foreign.id, access: "STORAGE" })));
    expect(sub).toEqual({ ok: false, error: "not-found", field: "subVendorId" });
    expect(await t.db.auditEvent.count()).toBe(events + 1); // only createVendor(own)
    expect((await t.db.vendor.findUniqueOrThrow({ where: { id: foreign.id } })).name).toBe(foreign.name);
  });

  it("child lists: locations, append-only DPF checks, sub-processors and contacts each write a vendor revision", async () => {
    const v = await createVendor(t.db, orgA);
    const sub = await createVendor(t.db, orgA, { country: "IE" });
    expect((await t.db.$transaction((tx) => addLocationTx(tx, dana, orgA, v.id, { country: "US", city: "Ashburn", purpose: "STORAGE" }))).ok).toBe(true);
    const loc = await t.db.vendorLocation.findFirstOrThrow({ where: { vendorId: v.id } });
    const check = dpfCheckSchema.parse({ status: "ACTIVE", checkedAt: "2026-11-01", coversNonHr: "on", frameworks: ["EU_US", "SWISS_US"], listUrl: "https://www.dataprivacyframework.gov/list" });
    expect((await t.db.$transaction((tx) => addDpfCheckTx(tx, dana, orgA, v.id, check))).ok).toBe(true);
    expect((await t.db.$transaction((tx) => addDpfCheckTx(tx, dana, orgA, v.id, { ...check, status: "INACTIVE", checkedAt: new Date("2026-11-20T00:00:00Z") }))).ok).toBe(true);
    const checks = await t.db.dpfCheck.findMany({ where: { vendorId: v.id }, orderBy: { checkedAt: "asc" } });
    expect(checks.map((c) => [c.status, c.checkedByName, c.frameworks])).toEqual([["ACTIVE", "Dana Datenschutz", "EU_US,SWISS_US"], ["INACTIVE", "Dana Datenschutz", "EU_US,SWISS_US"]]);
    const s = await t.db.$transaction((tx) => addSubProcessorTx(tx, dana, orgA, v.id, subProcessorSchema.parse({ subVendorId: sub.id, service: "Hosting", access: "BOTH" })));
    expect(s.ok).toBe(true);
    expect(await t.db.subProcessor.findFirstOrThrow({ where: { vendorId: v.id } })).toMatchObject({ name: sub.name, country: "IE", subVendorId: sub.id });
    expect(await t.db.$transaction((tx) => addSubProcessorTx(tx, dana, orgA, v.id, subProcessorSchema.parse({ subVendorId: v.id, access: "BOTH" })))).toMatchObject({ ok: false, error: "invalid" });
    const contact = contactSchema.parse({ email: "  Privacy@Example.COM ", name: "Pat", canSignIn: "on" });
    expect((await t.db.$transaction((tx) => addContactTx(tx, dana, orgA, v.id, contact))).ok).toBe(true);
    const stored = await t.db.vendorContact.findFirstOrThrow({ where: { vendorId: v.id } });
    expect(stored.email).toBe("privacy@example.com");
    expect(await t.db.$transaction((tx) => addContactTx(tx, dana, orgA, v.id, contact))).toEqual({ ok: false, error: "duplicate", field: "email" });
    expect((await t.db.$transaction((tx) => disableContactTx(tx, dana, orgA, v.id, stored.id))).ok).toBe(true);
    expect((await t.db.vendorContact.findUniqueOrThrow({ where: { id: stored.id } })).disabledAt).not.toBeNull();
    expect((await t.db.$transaction((tx) => removeLocationTx(tx, dana, orgA, v.id, loc.id))).ok).toBe(true);
    // A location id of another vendor is not found.
    const otherLoc = await createVendor(t.db, orgA, { locations: [{ country: "FR" }] });
    const otherLocId = (await t.db.vendorLocation.findFirstOrThrow({ where: { vendorId: otherLoc.id } })).id;
    expect(await t.db.$transaction((tx) => removeLocationTx(tx, dana, orgA, v.id, otherLocId))).toEqual({ ok: false, error: "not-found" });
    const revisions = await t.db.revision.findMany({ where: { entityId: v.id }, orderBy: { version: "asc" }, select: { version: true, action: true } });
    expect(revisions.map((r) => r.action)).toEqual(["create", "location.add", "dpfCheck.add", "dpfCheck.add", "subProcessor.add", "contact.add", "contact.disable", "location.remove"]);
    expect(revisions.map((r) => r.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(await counts(v.id)).toEqual({ revisions: 8, events: 8 });
    expect((await t.db.vendor.findUniqueOrThrow({ where: { id: v.id } })).searchText).toContain((sub.name).toLowerCase());
  });
});
