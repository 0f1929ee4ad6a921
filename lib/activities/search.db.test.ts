// The register search on SQLite and PostgreSQL: full-text terms (AND, accent-insensitive, LIKE wildcards and
// SQL text matched literally), every facet with its disjunctive counts, archived entries hidden by default,
// sort, page, and the membership scope; the cached total and facet counts change with every audited write.
import { afterAll, beforeAll, expect, it } from "vitest";
import { workflowStepTx } from "@/lib/activities/mutations";
import { searchActivities, type ActivitySearchResult } from "@/lib/activities/search";
import { derivedCacheEnabled } from "@/lib/derived-cache";
import { parseActivityFilters } from "@/lib/domain/activity-filters";
import { createTestDatabase, describeEachProvider, type TestDatabase } from "@/lib/testing/databases";
import { addMembership, createActivity, createDepartment, createOrganisation, createUser, createVendor } from "@/e2e/factories";

const asOf = new Date("2026-11-23T12:00:00Z");
const days = (n: number) => new Date(asOf.getTime() + n * 86_400_000);

describeEachProvider("register search", (provider) => {
  let t: TestDatabase;
  let orgId: string;
  let otherOrgId: string;
  let memberId: string;
  let outsiderId: string;
  let hrId: string;
  let itId: string;
  let cloudVendorId: string;

  const search = (params: Record<string, string>, userId?: string): Promise<ActivitySearchResult> =>
    searchActivities(t.db, orgId, parseActivityFilters(params), { asOf, userId });
  const refs = (r: ActivitySearchResult) => r.rows.map((row) => row.referenceNumber).sort();
  const counts = (r: ActivitySearchResult, key: keyof ActivitySearchResult["facets"]) =>
    Object.fromEntries(r.facets[key].map((v) => [v.value, v.count]));

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    for (const [code, de, en] of [["US", "Vereinigte Staaten", "United States"], ["IN", "Indien", "India"], ["DE", "Deutschland", "Germany"]] as const) {
      await t.db.country.upsert({ where: { code }, create: { code, nameDe: de, nameEn: en }, update: {} });
    }
    orgId = (await createOrganisation(t.db)).id;
    otherOrgId = (await createOrganisation(t.db)).id;
    memberId = (await createUser(t.db, { email: `member-${provider}@example.test` })).id;
    outsiderId = (await createUser(t.db, { email: `outsider-${provider}@example.test` })).id;
    await addMembership(t.db, memberId, orgId, "VIEWER");
    hrId = (await createDepartment(t.db, orgId, { name: "Personal" })).id;
    itId = (await createDepartment(t.db, orgId, { name: "IT" })).id;
    cloudVendorId = (await createVendor(t.db, orgId, { name: "Wolkig Cloud Inc." })).id;
    const payrollVendorId = (await createVendor(t.db, orgId, { name: "Lohn Service GmbH" })).id;

    await createActivity(t.db, orgId, {
      referenceNumber: "A-01",
      name: "Lohnabrechnung für Herrn Müller",
      description: "Gehaltszahlung 100% pünktlich",
      departmentId: hrId,
      status: "RELEASED",
      nextReviewAt: days(-10),
      purposes: [{ description: "Entgeltabrechnung", legalBases: [{ basisCode: "ART6_1_B" }, { basisCode: "ART6_1_C" }] }],
      dataCategories: [{ categoryCode: "HEALTH", description: "Krankmeldungen (Gesundheitsdaten)", isSpecialCategory: true }],
      recipients: [{ kind: "VENDOR", role: "PROCESSOR", vendorId: payrollVendorId, transfers: [{ destinationCountry: "IN", mechanism: "SCC_2021_M2" }] }],
    });
    await createActivity(t.db, orgId, {
      referenceNumber: "A-02",
      name: "Bewerbermanagement in der Cloud",
      description: "snake_case Feld",
      departmentId: hrId,
      status: "DRAFT",
      role: "JOINT_CONTROLLER",
      dpiaDecision: "REQUIRED",
      nextReviewAt: days(10),
      purposes: [{ description: "Auswahl von Bewerbern", legalBases: [{ basisCode: "ART6_1_A" }] }],
      recipients: [{ kind: "VENDOR", role: "PROCESSOR", vendorId: cloudVendorId, transfers: [{ destinationCountry: "US", mechanism: "DPF" }, { destinationCountry: "IN", mechanism: "SCC_2021_M2" }] }],
    });
    await createActivity(t.db, orgId, {
      referenceNumber: "A-03",
      name: "Ticketsystem Cloud",
      description: "x' OR 1=1 -- Kommentar",
      departmentId: itId,
      status: "RELEASED",
      role: "PROCESSOR",
      nextReviewAt: days(100),
      purposes: [{ description: "Support", legalBases: [{ basisCode: "ART6_1_A" }] }],
      recipients: [{ kind: "VENDOR", role: "PROCESSOR", vendorId: cloudVendorId, transfers: [{ destinationCountry: "US", mechanism: "SCC_2021_M2" }] }],
    });
    await createActivity(t.db, orgId, { referenceNumber: "A-04", name: "Altes Cloud-Archiv", status: "ARCHIVED", archivedAt: days(-100) });
    await createActivity(t.db, otherOrgId, { referenceNumber: "B-01", name: "Fremde Cloud" });
  });
  afterAll(async () => {
    await t.drop();
  });

  it("lists the organisation's active entries by default, archived only on request", async () => {
    expect(refs(await search({}))).toEqual(["A-01", "A-02", "A-03"]);
    expect(refs(await search({ archived: "1" }))).toEqual(["A-01", "A-02", "A-03", "A-04"]);
    expect(refs(await search({ status: "ARCHIVED" }))).toEqual(["A-04"]);
    expect((await search({})).total).toBe(3);
  });

  it("requires every term (AND), case- and accent-insensitive", async () => {
    expect(refs(await search({ q: "cloud" }))).toEqual(["A-02", "A-03"]);
    expect(refs(await search({ q: "CLOUD ticket" }))).toEqual(["A-03"]);
    expect(refs(await search({ q: "muller" }))).toEqual(["A-01"]);
    expect(refs(await search({ q: "Müller" }))).toEqual(["A-01"]);
    expect(refs(await search({ q: "gesundheit" }))).toEqual(["A-01"]);
    expect(refs(await search({ q: "wolkig" }))).toEqual(["A-02", "A-03"]);
    expect(refs(await search({ q: "nirgendwo" }))).toEqual([]);
  });

  it("matches %, _ and SQL text literally (C25)", async () => {
    expect(refs(await search({ q: "%" }))).toEqual(["A-01"]);
    expect(refs(await search({ q: "100%" }))).toEqual(["A-01"]);
    expect(refs(await search({ q: "_" }))).toEqual(["A-02"]);
    expect(refs(await search({ q: "' OR 1=1 --" }))).toEqual(["A-03"]);
    expect(refs(await search({ q: "'; DROP TABLE \"ProcessingActivity\"; --" }))).toEqual([]);
    expect(await t.db.processingActivity.count()).toBe(5);
  });

  it("filters by every facet", async () => {
    expect(refs(await search({ department: hrId }))).toEqual(["A-01", "A-02"]);
    expect(refs(await search({ status: "RELEASED" }))).toEqual(["A-01", "A-03"]);
    expect(refs(await search({ role: "PROCESSOR" }))).toEqual(["A-03"]);
    expect(refs(await search({ basis: "ART6_1_A" }))).toEqual(["A-02", "A-03"]);
    expect(refs(await search({ special: "yes" }))).toEqual(["A-01"]);
    expect(refs(await search({ special: "no" }))).toEqual(["A-02", "A-03"]);
    expect(refs(await search({ vendor: cloudVendorId }))).toEqual(["A-02", "A-03"]);
    expect(refs(await search({ country: "US" }))).toEqual(["A-02", "A-03"]);
    expect(refs(await search({ mechanism: "SCC_2021_M2" }))).toEqual(["A-01", "A-02", "A-03"]);
    expect(refs(await search({ dpia: "REQUIRED" }))).toEqual(["A-02"]);
    expect(refs(await search({ review: "overdue" }))).toEqual(["A-01"]);
    expect(refs(await search({ review: "due30" }))).toEqual(["A-02"]);
    expect(refs(await search({ basis: "ART6_1_A", status: "RELEASED" }))).toEqual(["A-03"]);
  });

  it("matches country and mechanism on the same transfer", async () => {
    expect(refs(await search({ country: "US", mechanism: "SCC_2021_M2" }))).toEqual(["A-03"]);
    expect(refs(await search({ country: "IN", mechanism: "SCC_2021_M2" }))).toEqual(["A-01", "A-02"]);
    expect(refs(await search({ country: "US", mechanism: "ADEQUACY" }))).toEqual([]);
  });

  it("counts facet values disjunctively: the search and every other facet apply, the facet itself does not", async () => {
    const all = await search({});
    expect(counts(all, "status")).toEqual({ RELEASED: 2, DRAFT: 1 });
    expect(counts(all, "department")).toEqual({ [hrId]: 2, [itId]: 1 });
    expect(counts(all, "role")).toEqual({ CONTROLLER: 1, JOINT_CONTROLLER: 1, PROCESSOR: 1 });
    expect(counts(all, "basis")).toEqual({ ART6_1_A: 2, ART6_1_B: 1, ART6_1_C: 1 });
    expect(counts(all, "special")).toEqual({ yes: 1, no: 2 });
    expect(counts(all, "country")).toEqual({ US: 2, IN: 2 });
    expect(counts(all, "mechanism")).toEqual({ SCC_2021_M2: 3, DPF: 1 });
    expect(counts(all, "dpia")).toEqual({ PENDING: 2, REQUIRED: 1 });
    expect(counts(all, "review")).toEqual({ overdue: 1, due30: 1 });
    expect(all.facets.vendor.find((v) => v.value === cloudVendorId)).toEqual({ value: cloudVendorId, count: 2, label: { de: "Wolkig Cloud Inc.", en: "Wolkig Cloud Inc." } });
    expect(all.facets.country.find((v) => v.value === "US")?.label).toEqual({ de: "Vereinigte Staaten", en: "United States" });

    const us = await search({ country: "US" });
    expect(counts(us, "country")).toEqual({ US: 2, IN: 2 });
    expect(counts(us, "status")).toEqual({ RELEASED: 1, DRAFT: 1 });
    expect(counts(us, "mechanism")).toEqual({ DPF: 1, SCC_2021_M2: 1 });

    const cloud = await search({ q: "cloud", status: "DRAFT" });
    expect(counts(cloud, "status")).toEqual({ RELEASED: 1, DRAFT: 1 });
    expect(counts(cloud, "department")).toEqual({ [hrId]: 1 });
  });

  it("lists a selected value with no results with count 0", async () => {
    const r = await search({ country: "DE" });
    expect(r.total).toBe(0);
    expect(r.facets.country.find((v) => v.value === "DE")).toMatchObject({ count: 0, label: { de: "Deutschland", en: "Germany" } });
  });

  it("sorts by every key in both directions", async () => {
    const order = async (params: Record<string, string>) => (await search(params)).rows.map((r) => r.referenceNumber);
    expect(await order({})).toEqual(["A-01", "A-02", "A-03"]);
    expect(await order({ dir: "desc" })).toEqual(["A-03", "A-02", "A-01"]);
    expect(await order({ sort: "name" })).toEqual(["A-02", "A-01", "A-03"]);
    expect(await order({ sort: "status" })).toEqual(["A-02", "A-01", "A-03"]);
    expect(await order({ sort: "nextReview" })).toEqual(["A-01", "A-02", "A-03"]);
    expect(await order({ sort: "nextReview", dir: "desc" })).toEqual(["A-03", "A-02", "A-01"]);
    expect((await order({ sort: "updated" })).length).toBe(3);
  });

  it("returns the row details and clamps the page", async () => {
    const r = await search({ q: "lohnabrechnung", page: "99" });
    expect(r.page).toBe(1);
    expect(r.rows[0]).toMatchObject({
      referenceNumber: "A-01",
      departmentName: "Personal",
      texts: ["Gehaltszahlung 100% pünktlich", "Entgeltabrechnung"],
      recipientCount: 1,
      thirdCountryTransferCount: 1,
      isReviewOverdue: true,
      isArchived: false,
    });
  });

  it("shows nothing to a user who is not a member of the organisation", async () => {
    expect((await search({}, memberId)).total).toBe(3);
    const outsider = await search({}, outsiderId);
    expect(outsider.total).toBe(0);
    expect(outsider.facets.status).toEqual([]);
  });

  it("serves page, total and facet counts from the cache until a write, and the write's figures right after it", async () => {
    expect(derivedCacheEnabled()).toBe(true);
    const ownOrgId = (await createOrganisation(t.db)).id;
    const actor = { id: memberId, name: "Mia Member" };
    const id = (await createActivity(t.db, ownOrgId, { referenceNumber: "C-01", name: "Cache-Probe", status: "DRAFT" })).id;
    await createActivity(t.db, ownOrgId, { referenceNumber: "C-02", name: "Cache-Probe zwei", status: "RELEASED" });
    const probe = () => searchActivities(t.db, ownOrgId, parseActivityFilters({ status: "DRAFT" }), { asOf });
    const before = await probe();
    expect(before.total).toBe(1);
    expect(counts(before, "status")).toEqual({ DRAFT: 1, RELEASED: 1 });
    const all = () => searchActivities(t.db, ownOrgId, parseActivityFilters({}), { asOf });
    expect((await all()).rows.find((r) => r.id === id)?.status).toBe("DRAFT");

    // A change that bypasses the audit chain is not seen: the figures really come from the cache.
    await t.db.processingActivity.updateMany({ where: { organisationId: ownOrgId, referenceNumber: "C-02" }, data: { status: "DRAFT" } });
    const cached = await probe();
    expect(cached.total).toBe(1);
    expect(counts(cached, "status")).toEqual({ DRAFT: 1, RELEASED: 1 });
    await t.db.processingActivity.updateMany({ where: { organisationId: ownOrgId, referenceNumber: "C-02" }, data: { status: "RELEASED" } });

    // The mutation appends to the organisation's audit chain in its transaction: the next read counts anew.
    const outcome = await t.db.$transaction((tx) => workflowStepTx(tx, actor, ownOrgId, id, "submit", { version: 1 }));
    expect(outcome.ok).toBe(true);
    const after = await probe();
    expect(after.total).toBe(0);
    expect(counts(after, "status")).toEqual({ IN_REVIEW: 1, RELEASED: 1, DRAFT: 0 });
    expect(after.rows).toEqual([]);
    const allAfter = await all();
    expect(counts(allAfter, "status")).toEqual({ IN_REVIEW: 1, RELEASED: 1 });
    expect(allAfter.rows.find((r) => r.id === id)?.status).toBe("IN_REVIEW");
  });
});
