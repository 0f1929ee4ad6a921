// Cover-sheet edit on SQLite and PostgreSQL: every field saved, optimistic concurrency, revision + audit in the
// same transaction and none on failure, unknown country refused, another organisation's id is a miss, an
// archived organisation is a miss, the VIEWER role lacks the permission, the chain verifies.
import { afterAll, beforeAll, expect, it } from "vitest";
import { verifyAuditChain, type Actor } from "@/lib/audit";
import { can } from "@/lib/domain/permissions";
import { createTestDatabase, describeEachProvider, type TestDatabase } from "@/lib/testing/databases";
import { updateOrganisationTx } from "@/lib/organisations/mutations";
import { organisationUpdateSchema } from "@/lib/organisations/schema";
import { createOrganisation } from "@/e2e/factories";

const dana: Actor = { id: null, name: "Dana Datenschutz" };

const form = (over: Record<string, string | undefined> = {}) =>
  organisationUpdateSchema.parse({
    name: "Müller & Söhne GmbH",
    legalForm: "GmbH",
    street: "Hauptstraße 1",
    postalCode: "10115",
    city: "Berlin",
    country: "DE",
    phone: "+49 30 123456",
    email: "info@mueller.example",
    website: "https://mueller.example",
    management: "Maria Müller (Geschäftsführerin)",
    headOfDataProcessing: "Max Müller",
    euRepresentative: undefined,
    dpoName: "Dr. Dana Datenschutz",
    dpoCompany: "Datenschutz Extern GmbH",
    dpoExternal: "on",
    dpoEmail: "dsb@extern.example",
    dpoPhone: "+49 89 9876",
    dpoAddress: "Leopoldstraße 2, 80802 München",
    supervisoryAuthority: "Berliner Beauftragte für Datenschutz und Informationsfreiheit",
    actsAsController: "on",
    actsAsProcessor: "on",
    employeeCount: "250",
    requireFourEyes: "on",
    defaultReviewMonths: "24",
    version: "1",
    ...over,
  });

describeEachProvider("Organisation cover sheet", (provider) => {
  let t: TestDatabase;
  let orgA: string;
  let orgB: string;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
    await t.db.country.upsert({ where: { code: "DE" }, create: { code: "DE", nameDe: "Deutschland", nameEn: "Germany" }, update: {} });
    orgA = (await createOrganisation(t.db, { name: "Alt GmbH", dpoName: "Alter DSB" })).id;
    orgB = (await createOrganisation(t.db)).id;
  });
  afterAll(async () => { await t.drop(); });

  const counts = async (orgId: string) => ({
    revisions: await t.db.revision.count({ where: { entityType: "Organisation", entityId: orgId } }),
    events: await t.db.auditEvent.count({ where: { entityType: "Organisation", entityId: orgId } }),
  });

  it("saves every field with the current version; revision and audit event written; a stale save names who changed it", async () => {
    expect(await counts(orgA)).toEqual({ revisions: 1, events: 1 });
    expect(await t.db.$transaction((tx) => updateOrganisationTx(tx, dana, orgA, { ...form(), reason: "Vorblatt aktualisiert" }))).toEqual({ ok: true, id: orgA });
    const stored = await t.db.organisation.findUniqueOrThrow({ where: { id: orgA } });
    expect(stored).toMatchObject({
      name: "Müller & Söhne GmbH", city: "Berlin", euRepresentative: null, dpoExternal: true, dpoCompany: "Datenschutz Extern GmbH",
      actsAsProcessor: true, employeeCount: 250, requireFourEyes: true, defaultReviewMonths: 24, version: 2, updatedById: null,
    });
    expect(stored.searchText).toContain("muller & sohne gmbh");
    expect(await counts(orgA)).toEqual({ revisions: 2, events: 2 });
    const revision = await t.db.revision.findFirstOrThrow({ where: { entityType: "Organisation", entityId: orgA, version: 2 } });
    expect(revision).toMatchObject({ action: "update", reason: "Vorblatt aktualisiert", organisationId: orgA, authorName: "Dana Datenschutz" });
    expect(revision.changes).toMatchObject({ name: { old: "Alt GmbH", new: "Müller & Söhne GmbH" }, dpoName: { old: "Alter DSB", new: "Dr. Dana Datenschutz" } });
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { entityType: "Organisation", entityId: orgA }, orderBy: { seq: "desc" } });
    expect(event.action).toBe("organisation.update");

    const stale = await t.db.$transaction((tx) => updateOrganisationTx(tx, dana, orgA, form({ name: "Veraltet GmbH" })));
    expect(stale).toMatchObject({ ok: false, error: "conflict", conflict: { by: "Dana Datenschutz", version: 2 } });
    if (!stale.ok && stale.conflict) expect(stale.conflict.changes.name).toEqual({ old: "Müller & Söhne GmbH", new: "Veraltet GmbH" });
    expect(await counts(orgA)).toEqual({ revisions: 2, events: 2 });

    // An edit clears optional fields and checkboxes.
    expect(await t.db.$transaction((tx) => updateOrganisationTx(tx, dana, orgA, form({ version: "2", dpoCompany: undefined, dpoExternal: undefined, actsAsProcessor: undefined, employeeCount: undefined })))).toEqual({ ok: true, id: orgA });
    expect(await t.db.organisation.findUniqueOrThrow({ where: { id: orgA } })).toMatchObject({ dpoCompany: null, dpoExternal: false, actsAsProcessor: false, employeeCount: null, version: 3 });
  });

  it("exactly one of 10 parallel saves wins", async () => {
    const id = (await createOrganisation(t.db)).id;
    const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => t.db.$transaction((tx) => updateOrganisationTx(tx, dana, id, form({ name: `Parallel ${i} GmbH` })))));
    expect(results.filter((x) => x.status === "fulfilled" && x.value.ok)).toHaveLength(1);
    expect((await t.db.organisation.findUniqueOrThrow({ where: { id } })).version).toBe(2);
    expect(await counts(id)).toEqual({ revisions: 2, events: 2 });
  });

  it("refuses an unknown country, an unknown organisation and an archived one without writing", async () => {
    const events = await t.db.auditEvent.count();
    const current = (await t.db.organisation.findUniqueOrThrow({ where: { id: orgB } })).version;
    expect(await t.db.$transaction((tx) => updateOrganisationTx(tx, dana, orgB, form({ country: "XX", version: String(current) })))).toEqual({ ok: false, error: "not-found", field: "country" });
    expect(await t.db.$transaction((tx) => updateOrganisationTx(tx, dana, "no-such-org", form()))).toEqual({ ok: false, error: "not-found" });
    const archived = (await createOrganisation(t.db, { archivedAt: new Date() })).id;
    const before = await t.db.auditEvent.count();
    expect(await t.db.$transaction((tx) => updateOrganisationTx(tx, dana, archived, form()))).toEqual({ ok: false, error: "not-found" });
    expect(await t.db.auditEvent.count()).toBe(before);
    expect(before).toBe(events + 1); // only the factory's create event of the archived organisation
    expect((await t.db.organisation.findUniqueOrThrow({ where: { id: orgB } })).version).toBe(current);
  });

  it("the form is strict, needs a name, a role and a review interval within bounds", () => {
    expect(organisationUpdateSchema.safeParse({ ...form(), extra: "x" }).success).toBe(false);
    const errors = (over: Record<string, string | undefined>) => {
      const r = organisationUpdateSchema.safeParse({ name: "A", country: "DE", defaultReviewMonths: "12", actsAsController: "on", version: "1", ...over });
      return r.success ? [] : r.error.issues.map((i) => i.path.join("."));
    };
    expect(errors({})).toEqual([]);
    expect(errors({ name: undefined })).toEqual(["name"]);
    expect(errors({ actsAsController: undefined })).toEqual(["actsAsController"]);
    expect(errors({ defaultReviewMonths: "0" })).toEqual(["defaultReviewMonths"]);
    expect(errors({ website: "javascript:alert(1)" })).toEqual(["website"]);
    expect(errors({ dpoEmail: "kein" })).toEqual(["dpoEmail"]);
  });

  it("only DPO and ADMIN manage the cover sheet; EDITOR and VIEWER are refused; the chain verifies", async () => {
    const member = (role: "ADMIN" | "DPO" | "EDITOR" | "VIEWER") => ({ id: "u", isAdmin: false, memberships: [{ orgId: orgA, role }], vendorContacts: [] });
    expect(can(member("VIEWER"), "organisation:manage", orgA)).toBe(false);
    expect(can(member("EDITOR"), "organisation:manage", orgA)).toBe(false);
    expect(can(member("DPO"), "organisation:manage", orgA)).toBe(true);
    expect(can(member("DPO"), "organisation:manage", orgB)).toBe(false);
    expect((await verifyAuditChain(t.db, orgA)).ok).toBe(true);
  });
});
