// The vendor list search on SQLite and PostgreSQL: full-text terms (AND, accent-insensitive, LIKE wildcards
// and SQL text matched literally), every facet (country over seat, locations and sub-processors; DPA status of
// the non-archived agreements; latest DPF check; certification; used by non-archived activities) with its
// disjunctive counts, archived vendors hidden by default, sort, page, the membership scope, and the cached
// facts invalidated by every audited write.
import { afterAll, beforeAll, expect, it } from "vitest";
import { recordAudit } from "@/lib/audit";
import { clearDerivedCache } from "@/lib/derived-cache";
import { parseVendorFilters } from "@/lib/domain/vendor-filters";
import { toSearchText } from "@/lib/domain/search-text";
import { searchVendors, type VendorSearchResult } from "@/lib/vendors/search";
import { createTestDatabase, describeEachProvider, type TestDatabase } from "@/lib/testing/databases";
import { addMembership, createActivity, createDpa, createOrganisation, createUser, createVendor } from "@/e2e/factories";

describeEachProvider("vendor search", (provider) => {
  let t: TestDatabase;
  let orgId: string;
  let otherOrgId: string;
  let memberId: string;
  let outsiderId: string;
  let wolkeId: string;

  const search = (params: Record<string, string>, userId?: string): Promise<VendorSearchResult> => searchVendors(t.db, orgId, parseVendorFilters(params), { userId });
  const names = (r: VendorSearchResult) => r.rows.map((row) => row.name);
  const counts = (r: VendorSearchResult, key: keyof VendorSearchResult["facets"]) => Object.fromEntries(r.facets[key].map((v) => [v.value, v.count]));

  beforeAll(async () => {
    clearDerivedCache();
    t = await createTestDatabase(provider);
    for (const [code, de, en] of [["US", "Vereinigte Staaten", "United States"], ["IE", "Irland", "Ireland"], ["DE", "Deutschland", "Germany"], ["IN", "Indien", "India"]] as const) {
      await t.db.country.upsert({ where: { code }, create: { code, nameDe: de, nameEn: en }, update: {} });
    }
    orgId = (await createOrganisation(t.db)).id;
    otherOrgId = (await createOrganisation(t.db)).id;
    memberId = (await createUser(t.db, { email: `vmember-${provider}@example.test` })).id;
    outsiderId = (await createUser(t.db, { email: `voutsider-${provider}@example.test` })).id;
    await addMembership(t.db, memberId, orgId, "VIEWER");

    const wolke = await createVendor(t.db, orgId, {
      name: "Wolke Inc.",
      country: "US",
      services: "Cloud-Hosting 100% verfügbar",
      locations: [{ country: "IE", city: "Dublin", purpose: "STORAGE" }],
      certifications: [{ name: "ISO/IEC 27001" }, { name: "SOC 2 Type II" }],
      dpfCheck: { status: "INACTIVE", checkedAt: new Date("2026-01-01T00:00:00Z") },
    });
    wolkeId = wolke.id;
    // A later check counts: ACTIVE.
    await t.db.dpfCheck.create({ data: { vendorId: wolkeId, status: "ACTIVE", checkedAt: new Date("2026-06-01T00:00:00Z"), checkedByName: "Test" } });
    await createDpa(t.db, orgId, wolkeId, { status: "DRAFT" });
    await createDpa(t.db, orgId, wolkeId, { status: "SIGNED" });

    const lohn = await createVendor(t.db, orgId, { name: "Lohnbüro Müller GmbH", country: "DE", city: "Köln", certifications: [{ name: "ISO/IEC 27001" }], subProcessors: [{ name: "Druck Indien", country: "IN" }] });
    await createDpa(t.db, orgId, lohn.id, { status: "SIGNED", archivedAt: new Date("2026-02-01T00:00:00Z") });
    await createDpa(t.db, orgId, lohn.id, { status: "IN_NEGOTIATION" });
    await createVendor(t.db, orgId, { name: "snake_case Versand Ltd", country: "US", kind: "SUB_PROCESSOR", services: "x' OR 1=1 --" });
    await createVendor(t.db, orgId, { name: "Alt Cloud AG", country: "US", archivedAt: new Date("2026-03-01T00:00:00Z") });
    await createVendor(t.db, otherOrgId, { name: "Fremde Wolke", country: "US" });

    await createActivity(t.db, orgId, { name: "Hosting", recipients: [{ kind: "VENDOR", role: "PROCESSOR", vendorId: wolkeId }] });
    await createActivity(t.db, orgId, { name: "Webshop", recipients: [{ kind: "VENDOR", role: "PROCESSOR", vendorId: wolkeId }, { kind: "VENDOR", role: "PROCESSOR", vendorId: lohn.id }] });
    await createActivity(t.db, orgId, { name: "Archiviert", archivedAt: new Date("2026-03-01T00:00:00Z"), status: "ARCHIVED", recipients: [{ kind: "VENDOR", role: "PROCESSOR", vendorId: wolkeId }] });
  });
  afterAll(async () => {
    await t.drop();
  });

  it("lists the organisation's active vendors by name, archived only on request, with their facts", async () => {
    const r = await search({});
    expect(names(r)).toEqual(["Lohnbüro Müller GmbH", "snake_case Versand Ltd", "Wolke Inc."]);
    expect(r.total).toBe(3);
    expect(names(await search({ archived: "1" }))).toEqual(["Alt Cloud AG", "Lohnbüro Müller GmbH", "snake_case Versand Ltd", "Wolke Inc."]);
    expect(r.rows.find((x) => x.id === wolkeId)).toMatchObject({
      country: { de: "Vereinigte Staaten", en: "United States" },
      countryCode: "US",
      dpaStatus: "SIGNED",
      dpfStatus: "ACTIVE",
      certifications: ["ISO/IEC 27001", "SOC 2 Type II"],
      activityCount: 2,
      isArchived: false,
    });
    expect(r.rows.find((x) => x.name.startsWith("Lohn"))).toMatchObject({ dpaStatus: "IN_NEGOTIATION", dpfStatus: null, activityCount: 1 });
  });

  it("requires every term (AND), case- and accent-insensitive; wildcards and SQL text literally (C25)", async () => {
    expect(names(await search({ q: "muller koln" }))).toEqual(["Lohnbüro Müller GmbH"]);
    expect(names(await search({ q: "MÜLLER" }))).toEqual(["Lohnbüro Müller GmbH"]);
    expect(names(await search({ q: "dublin" }))).toEqual(["Wolke Inc."]);
    expect(names(await search({ q: "indien" }))).toEqual(["Lohnbüro Müller GmbH"]);
    expect(names(await search({ q: "wolke muller" }))).toEqual([]);
    expect(names(await search({ q: "_" }))).toEqual(["snake_case Versand Ltd"]);
    expect(names(await search({ q: "100%" }))).toEqual(["Wolke Inc."]);
    expect(names(await search({ q: "%" }))).toEqual(["Wolke Inc."]);
    expect(names(await search({ q: "' OR 1=1" }))).toEqual(["snake_case Versand Ltd"]);
    expect(names(await search({ q: "'; DROP TABLE \"Vendor\"; --" }))).toEqual([]);
  });

  it("filters by every facet", async () => {
    expect(names(await search({ country: "US" }))).toEqual(["snake_case Versand Ltd", "Wolke Inc."]);
    expect(names(await search({ country: "IE" }))).toEqual(["Wolke Inc."]);
    expect(names(await search({ country: "IN" }))).toEqual(["Lohnbüro Müller GmbH"]);
    expect(names(await search({ kind: "SUB_PROCESSOR" }))).toEqual(["snake_case Versand Ltd"]);
    expect(names(await search({ dpa: "SIGNED" }))).toEqual(["Wolke Inc."]);
    expect(names(await search({ dpa: "NONE" }))).toEqual(["snake_case Versand Ltd"]);
    expect(names(await search({ dpf: "ACTIVE" }))).toEqual(["Wolke Inc."]);
    expect(names(await search({ dpf: "INACTIVE" }))).toEqual([]);
    expect(names(await search({ dpf: "NONE" }))).toEqual(["Lohnbüro Müller GmbH", "snake_case Versand Ltd"]);
    expect(names(await search({ certification: "ISO/IEC 27001" }))).toEqual(["Lohnbüro Müller GmbH", "Wolke Inc."]);
    expect(names(await search({ certification: "NONE" }))).toEqual(["snake_case Versand Ltd"]);
    expect(names(await search({ used: "yes" }))).toEqual(["Lohnbüro Müller GmbH", "Wolke Inc."]);
    expect(names(await search({ used: "no" }))).toEqual(["snake_case Versand Ltd"]);
  });

  it("counts facet values disjunctively", async () => {
    const all = await search({});
    expect(counts(all, "country")).toEqual({ US: 2, DE: 1, IE: 1, IN: 1 });
    expect(all.facets.country.find((v) => v.value === "IE")?.label).toEqual({ de: "Irland", en: "Ireland" });
    expect(counts(all, "dpa")).toEqual({ IN_NEGOTIATION: 1, SIGNED: 1, NONE: 1 });
    expect(counts(all, "dpf")).toEqual({ ACTIVE: 1, NONE: 2 });
    expect(counts(all, "certification")).toEqual({ "ISO/IEC 27001": 2, "SOC 2 Type II": 1, NONE: 1 });
    expect(counts(all, "used")).toEqual({ yes: 2, no: 1 });
    const us = await search({ country: "US", used: "yes" });
    expect(names(us)).toEqual(["Wolke Inc."]);
    expect(counts(us, "country")).toEqual({ US: 1, DE: 1, IE: 1, IN: 1 });
    expect(counts(us, "used")).toEqual({ yes: 1, no: 1 });
    expect(counts(us, "kind")).toEqual({ PROCESSOR: 1 });
  });

  it("sorts by activities and by country, pages", async () => {
    expect(names(await search({ sort: "activities", dir: "desc" }))).toEqual(["Wolke Inc.", "Lohnbüro Müller GmbH", "snake_case Versand Ltd"]);
    expect(names(await search({ sort: "country" }))).toEqual(["Lohnbüro Müller GmbH", "snake_case Versand Ltd", "Wolke Inc."]);
    expect(await search({ page: "7" })).toMatchObject({ page: 1, pageCount: 1 });
  });

  it("returns nothing to a non-member and never another organisation's vendors", async () => {
    expect(names(await search({}, memberId))).toHaveLength(3);
    expect(await search({}, outsiderId)).toMatchObject({ rows: [], total: 0 });
    expect(names(await search({ q: "fremde" }))).toEqual([]);
  });

  it("an audited write makes the cached facts unreachable; an unaudited one is not seen", async () => {
    expect(names(await search({ q: "neu" }))).toEqual([]);
    // Not audited (bypasses the house rule): the cache still answers.
    const sneaky = await t.db.vendor.create({ data: { organisationId: orgId, name: "Neu Ohne Audit", searchText: toSearchText(["Neu Ohne Audit"]) } });
    expect(names(await search({ q: "neu" }))).toEqual([]);
    // Any audited write of the organisation.
    await t.db.$transaction((tx) => recordAudit(tx, { id: null, name: "Test" }, { action: "vendor.create", entityType: "Vendor", entityId: sneaky.id, organisationId: orgId }));
    expect(names(await search({ q: "neu" }))).toEqual(["Neu Ohne Audit"]);
    // A vendor created the normal way (audited) is found at once.
    await createVendor(t.db, orgId, { name: "Neuer Wolkendienst" });
    expect(names(await search({ q: "neu" }))).toEqual(["Neu Ohne Audit", "Neuer Wolkendienst"]);
  });
});
