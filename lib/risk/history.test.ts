// registerAsOf: the risk inputs of a past day rebuilt from revisions (issue 4, 30-day trend; Art. 5(2)
// accountability: the register's earlier state is evidence, so the trend compares with what was recorded).
import { describe, expect, it } from "vitest";
import { registerAsOf, type RevisionRow } from "@/lib/risk/history";
import type { RiskInputs } from "@/lib/risk/load";

const T = new Date("2026-11-01T23:59:59.999Z");
const before = new Date("2026-10-15T10:00:00Z");
const after = new Date("2026-11-20T10:00:00Z");

const transferSnap = (id: string, recipientId: string, mechanism: string, extra: Record<string, unknown> = {}) => ({
  id, organisationId: "org", recipientId, destinationCountry: "US", internationalOrganisation: null, access: "STORAGE", viaVendorId: null,
  mechanism, mechanismNote: null, contractConcludedAt: null, isRegular: true, importerSubjectToGdpr: false, art49Assessment: null,
  saInformedAt: null, tiaId: null, tiaReference: null, tiaDate: null, supplementaryMeasures: null, evidenceUrl: null, note: null,
  version: 1, archivedAt: null, createdAt: before.toISOString(), updatedAt: before.toISOString(), createdById: null, updatedById: null, ...extra,
});

const activitySnap = (name: string, recipients: unknown[] | undefined, extra: Record<string, unknown> = {}) => ({
  referenceNumber: `VT-${name}`, name, departmentId: null, role: "CONTROLLER", status: "RELEASED", archivedAt: null,
  dataSubjects: [{ categoryCode: "EMPLOYEES", note: null }], dataCategories: [{ categoryCode: "CONTACT" }],
  ...(recipients ? { recipients } : {}), ...extra,
});

const recipientSnap = (id: string, activityId: string, vendorId: string, transfers: unknown[]) => ({
  id, organisationId: "org", activityId, kind: "VENDOR", vendorId, departmentId: null, categoryCode: null, role: "PROCESSOR", service: null,
  version: 1, createdAt: before.toISOString(), updatedAt: before.toISOString(), dataCategoryCodes: [], transfers,
});

/** Today's rows: activity A's transfer now under SCC module 2 (it was Privacy Shield on T). */
function current(): RiskInputs {
  return {
    transfers: [
      { id: "tA", recipientId: "rA", destinationCountry: "US", internationalOrganisation: null, access: "STORAGE", viaVendorId: null, mechanism: "SCC_2021_M2", contractConcludedAt: after, isRegular: true, importerSubjectToGdpr: false, art49Assessment: null, saInformedAt: null, tiaId: "tia1", tiaReference: null, tiaDate: null, supplementaryMeasures: null },
      { id: "tN", recipientId: "rN", destinationCountry: "US", internationalOrganisation: null, access: "STORAGE", viaVendorId: null, mechanism: "NONE_STATED", contractConcludedAt: null, isRegular: true, importerSubjectToGdpr: false, art49Assessment: null, saInformedAt: null, tiaId: null, tiaReference: null, tiaDate: null, supplementaryMeasures: null },
      { id: "tL", recipientId: "rL", destinationCountry: "IN", internationalOrganisation: null, access: "STORAGE", viaVendorId: null, mechanism: "NONE_STATED", contractConcludedAt: null, isRegular: true, importerSubjectToGdpr: false, art49Assessment: null, saInformedAt: null, tiaId: null, tiaReference: null, tiaDate: null, supplementaryMeasures: null },
    ],
    recipients: [
      { id: "rA", activityId: "A", kind: "VENDOR", vendorId: "v1", departmentId: null, categoryCode: null, role: "PROCESSOR" },
      { id: "rN", activityId: "N", kind: "VENDOR", vendorId: "v1", departmentId: null, categoryCode: null, role: "PROCESSOR" },
      { id: "rL", activityId: "L", kind: "VENDOR", vendorId: "v1", departmentId: null, categoryCode: null, role: "PROCESSOR" },
    ],
    activities: [
      { id: "A", name: "A now", referenceNumber: "VT-A", departmentId: null, role: "CONTROLLER", dataSubjects: [], dataCategories: [] },
      { id: "N", name: "N", referenceNumber: "VT-N", departmentId: null, role: "CONTROLLER", dataSubjects: [], dataCategories: [] },
      { id: "L", name: "Legacy", referenceNumber: "VT-L", departmentId: null, role: "CONTROLLER", dataSubjects: [], dataCategories: [] },
    ],
    vendors: [{ id: "v1", name: "Vendor now", country: "US", parentCountry: null, dpfChecks: [{ status: "ACTIVE", coversHr: true, coversNonHr: true, checkedAt: after, nextCertificationDue: null }], locations: [], subProcessors: [] }],
    tias: [{ id: "tia1", assessedAt: after, nextReviewAt: null, conclusion: "GO" }],
    departments: [],
  };
}

const rev = (entityType: string, entityId: string, version: number, createdAt: Date, snapshot: unknown): RevisionRow => ({ entityType, entityId, version, createdAt, snapshot });

describe("registerAsOf (Art. 5(2): the trend compares with the register as recorded on the earlier day)", () => {
  it("takes an activity's recipients and transfers from its newest revision on or before the day", () => {
    const revisions = [
      rev("Activity", "A", 1, before, activitySnap("A then", [recipientSnap("rA", "A", "v1", [transferSnap("tA", "rA", "PRIVACY_SHIELD")])])),
      rev("Activity", "A", 2, after, activitySnap("A now", [recipientSnap("rA", "A", "v1", [transferSnap("tA", "rA", "SCC_2021_M2")])])),
    ];
    const then = registerAsOf(current(), revisions, T);
    expect(then.activities.find((a) => a.id === "A")).toMatchObject({ name: "A then", dataSubjects: [{ categoryCode: "EMPLOYEES" }] });
    expect(then.transfers.find((t) => t.id === "tA")).toMatchObject({ mechanism: "PRIVACY_SHIELD", tiaId: null, contractConcludedAt: null });
    expect(then.recipients.filter((r) => r.activityId === "A")).toEqual([{ id: "rA", activityId: "A", kind: "VENDOR", vendorId: "v1", departmentId: null, categoryCode: null, role: "PROCESSOR" }]);
  });

  it("leaves out an activity whose history starts after the day (it did not exist yet)", () => {
    const then = registerAsOf(current(), [rev("Activity", "N", 1, after, null)], T);
    expect(then.activities.map((a) => a.id)).not.toContain("N");
    expect(then.transfers.map((t) => t.id)).not.toContain("tN");
  });

  it("includes an activity archived since (live on the day) and leaves out one archived before the day", () => {
    const liveThen = rev("Activity", "Z", 1, before, activitySnap("Z", [recipientSnap("rZ", "Z", "v1", [transferSnap("tZ", "rZ", "NONE_STATED")])]));
    const archivedThen = rev("Activity", "Y", 2, before, activitySnap("Y", [recipientSnap("rY", "Y", "v1", [transferSnap("tY", "rY", "NONE_STATED")])], { archivedAt: before.toISOString(), status: "ARCHIVED" }));
    const then = registerAsOf(current(), [liveThen, archivedThen], T);
    expect(then.activities.map((a) => a.id)).toContain("Z");
    expect(then.transfers.map((t) => t.id)).toContain("tZ");
    expect(then.activities.map((a) => a.id)).not.toContain("Y");
    expect(then.transfers.map((t) => t.id)).not.toContain("tY");
  });

  it("leaves out a transfer archived on or before the day, keeps one archived later", () => {
    const snap = activitySnap("A", [
      recipientSnap("rA", "A", "v1", [transferSnap("t1", "rA", "NONE_STATED", { archivedAt: before.toISOString() }), transferSnap("t2", "rA", "NONE_STATED", { archivedAt: after.toISOString() })]),
    ]);
    const then = registerAsOf(current(), [rev("Activity", "A", 3, before, snap)], T);
    expect(then.transfers.filter((t) => t.recipientId === "rA").map((t) => t.id)).toEqual(["t2"]);
  });

  it("takes entries without any revision as they are today", () => {
    const then = registerAsOf(current(), [], T);
    expect(then).toEqual({ ...current(), transfers: [...current().transfers].sort((a, b) => a.id.localeCompare(b.id)) });
  });

  it("keeps today's recipients for an activity revision written before snapshots carried them", () => {
    const then = registerAsOf(current(), [rev("Activity", "L", 1, before, activitySnap("Legacy then", undefined))], T);
    expect(then.activities.find((a) => a.id === "L")?.name).toBe("Legacy then");
    expect(then.transfers.map((t) => t.id)).toContain("tL");
  });

  it("takes a vendor's DPF checks and a TIA from their revisions on or before the day", () => {
    const vendorThen = { name: "Vendor then", country: "US", parentCountry: null, dpfChecks: [{ status: "NOT_LISTED", coversHr: false, coversNonHr: true, checkedAt: before.toISOString(), nextCertificationDue: null }], locations: [{ country: "IN", purpose: "SUPPORT" }], subProcessors: [{ name: "Sub", country: "CN", access: "REMOTE_ACCESS", subVendorId: null }] };
    const tiaThen = { assessedAt: before.toISOString(), nextReviewAt: null, conclusion: "STOP", archivedAt: null };
    const then = registerAsOf(current(), [rev("Vendor", "v1", 1, before, vendorThen), rev("Tia", "tia1", 1, before, tiaThen)], T);
    expect(then.vendors).toEqual([
      {
        id: "v1", name: "Vendor then", country: "US", parentCountry: null,
        dpfChecks: [{ status: "NOT_LISTED", coversHr: false, coversNonHr: true, checkedAt: before, nextCertificationDue: null }],
        locations: [{ country: "IN", purpose: "SUPPORT" }],
        subProcessors: [{ name: "Sub", country: "CN", access: "REMOTE_ACCESS", subVendorId: null }],
      },
    ]);
    expect(then.tias).toEqual([{ id: "tia1", assessedAt: before, nextReviewAt: null, conclusion: "STOP" }]);
  });

  it("leaves out a vendor and a TIA created after the day", () => {
    const then = registerAsOf(current(), [rev("Vendor", "v1", 1, after, null), rev("Tia", "tia1", 1, after, null)], T);
    expect(then.vendors).toEqual([]);
    expect(then.tias).toEqual([]);
  });
});
