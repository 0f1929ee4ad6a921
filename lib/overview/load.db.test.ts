// lib/overview/load on both databases: the start-page DTO (register health input) from batched queries,
// and the risk rows of a subset of activities or vendors, which must equal the whole-register evaluation
// restricted to them.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDatabase, describeEachProvider, type TestDatabase } from "@/lib/testing/databases";
import { loadReferenceData } from "@/lib/reference-data/load";
import { createActivity, createDpa, createOrganisation, createTia, createVendor, type ActivityInput, type TransferInput } from "@/e2e/factories";
import { loadReferenceSnapshot, loadRiskRows } from "@/lib/risk/load";
import { summarizeByVendor } from "@/lib/domain/risk-summary";
import { healthCounts, registerGaps, reviewsDue } from "@/lib/domain/start-page";
import type { ReferenceSnapshot } from "@/lib/domain/reference";
import { loadActivityRiskRows, loadStartPageActivities, loadVendorRiskRows } from "./load";

const day = (d: string) => new Date(`${d}T00:00:00Z`);
const AS_OF = day("2025-06-01");

describeEachProvider("lib/overview/load", (provider) => {
  let t: TestDatabase;
  let ref: ReferenceSnapshot;
  let orgId: string;
  const ids: Record<string, string> = {};
  const id = (key: string): string => ids[key] ?? "";

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    await loadReferenceData(t.db);
    ref = await loadReferenceSnapshot(t.db);
    const org = await createOrganisation(t.db, { name: "Übersicht GmbH", street: "Hauptstr. 1", city: "Berlin", email: "info@example.org" });
    orgId = org.id;
    const other = await createOrganisation(t.db, { name: "Andere GmbH" });

    const us = await createVendor(t.db, orgId, { name: "Cloud Inc.", country: "US", kind: "PROCESSOR" });
    const reseller = await createVendor(t.db, orgId, {
      name: "Reseller GmbH",
      country: "DE",
      kind: "PROCESSOR",
      subProcessors: [{ name: "Cloud Inc.", country: "US", subVendorId: us.id }],
    });
    const eu = await createVendor(t.db, orgId, { name: "Hosting GmbH", country: "DE", kind: "PROCESSOR" });
    ids.us = us.id;
    ids.reseller = reseller.id;
    ids.eu = eu.id;
    const tia = await createTia(t.db, orgId, { title: "TIA Cloud", assessedAt: day("2024-01-10"), nextReviewAt: day("2030-01-01"), conclusion: "GO", vendorId: us.id });

    const to = (vendorId: string, mechanism: TransferInput["mechanism"], extra: Partial<TransferInput> = {}): ActivityInput["recipients"] => [
      { kind: "VENDOR", role: "PROCESSOR", vendorId, transfers: [{ destinationCountry: "US", mechanism, ...extra }] },
    ];
    const base: ActivityInput = {
      dataSubjects: ["EMPLOYEES"],
      dataCategories: [{ categoryCode: "IDENTITY", retentionPeriod: "10 Jahre", retentionMonths: 120 }],
      generalTomDescription: "siehe TOM-Anlage",
    };
    const none = await createActivity(t.db, orgId, { ...base, referenceNumber: "A-NONE", name: "Keine Garantie", recipients: to(us.id, "NONE_STATED"), nextReviewAt: day("2025-05-01") });
    const scc = await createActivity(t.db, orgId, { ...base, referenceNumber: "A-SCC", name: "SCC ohne TIA", recipients: to(us.id, "SCC_2021_M2"), nextReviewAt: day("2025-06-20") });
    const ok = await createActivity(t.db, orgId, { ...base, referenceNumber: "A-OK", name: "SCC mit TIA", recipients: to(us.id, "SCC_2021_M2", { tiaId: tia.id }), nextReviewAt: day("2025-09-01") });
    const gap = await createActivity(t.db, orgId, {
      referenceNumber: "A-GAP",
      name: "Lückenhaft",
      purposes: [],
      dataCategories: [{ categoryCode: "HEALTH", retentionPeriod: null }],
      recipients: [{ kind: "VENDOR", role: "PROCESSOR", vendorId: eu.id }],
      noThirdCountryTransfer: true,
    });
    const viaReseller = await createActivity(t.db, orgId, {
      ...base,
      referenceNumber: "A-RESELLER",
      name: "Über Reseller",
      recipients: [{ kind: "VENDOR", role: "PROCESSOR", vendorId: reseller.id, transfers: [{ destinationCountry: "DE", mechanism: "NOT_A_TRANSFER" }] }],
    });
    Object.assign(ids, { none: none.id, scc: scc.id, ok: ok.id, gap: gap.id, viaReseller: viaReseller.id });
    // A DPA with Hosting GmbH that covers another activity only: the gap activity has none.
    await createDpa(t.db, orgId, eu.id, { status: "SIGNED", signedAt: day("2024-01-01"), activityIds: [viaReseller.id] });
    // A DPA with Cloud Inc. linked to no activity: it covers all of them.
    await createDpa(t.db, orgId, us.id, { status: "SIGNED", signedAt: day("2024-01-01") });

    const archived = await createActivity(t.db, orgId, { ...base, referenceNumber: "A-ARCH", name: "Archiviert", recipients: to(us.id, "NONE_STATED"), status: "ARCHIVED", archivedAt: new Date() });
    ids.archived = archived.id;
    const foreign = await createActivity(t.db, other.id, { ...base, referenceNumber: "B-1", name: "Fremd", recipients: [] });
    ids.foreign = foreign.id;
  }, 120_000);
  afterAll(async () => {
    await t.drop();
  });

  it("loads every live activity as the register-health DTO (archived and other organisations left out)", async () => {
    const list = await loadStartPageActivities(t.db, orgId);
    expect(list.map((a) => a.referenceNumber)).toEqual(["A-GAP", "A-NONE", "A-OK", "A-RESELLER", "A-SCC"]);
    const none = list.find((a) => a.id === id("none"));
    expect(none).toMatchObject({ organisation: { name: "Übersicht GmbH", hasContactDetails: true }, dataSubjects: ["EMPLOYEES"], noThirdCountryTransfer: false });
    expect(none?.transfers).toEqual([expect.objectContaining({ destinationCountry: "US", mechanism: "NONE_STATED" })]);
    expect(none?.recipients[0]?.agreements).toEqual([expect.objectContaining({ status: "SIGNED" })]);
  });

  it("feeds the start page: gaps, health counts (DPA scope per activity) and due reviews", async () => {
    const list = await loadStartPageActivities(t.db, orgId);
    expect(registerGaps(list)).toEqual([{ id: id("gap"), name: "Lückenhaft", referenceNumber: "A-GAP", missing: ["purposes", "dataSubjects", "retention", "toms"] }]);
    const health = healthCounts(list, AS_OF);
    // Hosting GmbH's DPA covers another activity only; Reseller GmbH has none.
    expect(list.find((a) => a.id === id("gap"))?.recipients[0]?.agreements).toEqual([]);
    expect(health.dpaMissing).toEqual({ findings: 2, activities: 2 });
    expect(health.specialCategoryWithoutCondition).toEqual({ findings: 1, activities: 1 });
    const reviews = reviewsDue(list, AS_OF, 30);
    expect(reviews.overdue.map((r) => r.referenceNumber)).toEqual(["A-NONE"]);
    expect(reviews.dueSoon.map((r) => r.referenceNumber)).toEqual(["A-SCC"]);
  });

  it("evaluates only the requested activities, with the same verdicts as the whole register", async () => {
    const all = await loadRiskRows(t.db, orgId, AS_OF, ref);
    const wanted = [id("none"), id("ok"), id("archived"), id("foreign")];
    const subset = await loadActivityRiskRows(t.db, orgId, wanted, AS_OF, ref);
    expect(subset.rows.map((r) => r.activityRef).sort()).toEqual(["A-NONE", "A-OK"]);
    for (const row of subset.rows) {
      expect(row).toEqual(all.rows.find((r) => r.transferId === row.transferId));
    }
    expect(subset.rows.find((r) => r.activityRef === "A-NONE")?.verdict.verdict).toBe("critical");
    expect(subset.rows.find((r) => r.activityRef === "A-OK")?.verdict.verdict).toBe("ok");
    expect(await loadActivityRiskRows(t.db, orgId, [], AS_OF, ref)).toEqual({ rows: [], edges: [], departments: [] });
  });

  it("gives a vendor's risk over its sub-processor chain, as the whole-register summary does", async () => {
    const all = await loadRiskRows(t.db, orgId, AS_OF, ref);
    const whole = new Map(summarizeByVendor(all.rows, all.edges).map((v) => [v.vendorId, v]));
    const subset = await loadVendorRiskRows(t.db, orgId, [id("reseller"), id("eu")], AS_OF, ref);
    const part = new Map(summarizeByVendor(subset.rows, subset.edges).map((v) => [v.vendorId, v]));
    const reseller = part.get(id("reseller"));
    expect(reseller).toMatchObject({ chainVerdict: "critical", verdict: "critical", chainVendorIds: [id("us")] });
    const expected = whole.get(id("reseller"));
    expect(reseller?.directVerdict).toBe(expected?.directVerdict);
    expect(reseller?.counts).toEqual(expected?.counts);
    expect(part.get(id("eu"))).toBeUndefined();
  });
});
