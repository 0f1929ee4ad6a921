import { describe, it, expect } from "vitest";
import { HEALTH_CODES, type HealthActivity } from "./register-health";
import { daysBefore, emptyHealthCounts, healthCounts, registerGaps, reviewsDue, riskTrend, trend } from "./start-page";

const D = (day: string) => new Date(`${day}T00:00:00.000Z`);
const TODAY = new Date("2025-03-10T14:30:00.000Z");

function activity(over: Partial<HealthActivity & { name: string; referenceNumber: string }> = {}): HealthActivity & { name: string; referenceNumber: string } {
  return {
    id: "a1",
    name: "Lohnabrechnung",
    referenceNumber: "VT-001",
    role: "CONTROLLER",
    organisation: { name: "Muster GmbH", hasContactDetails: true },
    jointControllers: [],
    clientControllerName: null,
    processingCategories: null,
    purposes: [{ id: "p1", description: "Lohnabrechnung", legalBases: [{ code: "ART6_1_B" }] }],
    dataSubjects: ["EMPLOYEES"],
    dataCategories: [{ id: "c1", code: "IDENTITY", isSpecialCategory: false, retentionPeriod: "10 Jahre", retentionMonths: 120 }],
    recipients: [{ id: "r1", name: "DATEV eG", kind: "VENDOR", role: "PROCESSOR", agreements: [{ status: "SIGNED", signedAt: D("2024-01-01"), termEndsAt: null, nextReviewAt: D("2026-01-01") }] }],
    transfers: [],
    noThirdCountryTransfer: true,
    generalTomDescription: "siehe TOM-Anlage",
    tomCount: 0,
    texts: [],
    ...over,
  };
}

describe("daysBefore", () => {
  it("counts calendar days back from the start of the UTC day", () => {
    expect(daysBefore(TODAY, 30).toISOString()).toBe("2025-02-08T00:00:00.000Z");
    expect(daysBefore(D("2024-03-30"), 30).toISOString()).toBe("2024-02-29T00:00:00.000Z");
  });
});

describe("reviewsDue", () => {
  const a = (id: string, day: string | null) => ({ id, name: id, referenceNumber: id, nextReviewAt: day ? D(day) : null });

  it("splits overdue (before today) and due within 30 days (today to day 30), earliest first", () => {
    const r = reviewsDue([a("later", "2025-04-09"), a("tooLate", "2025-04-10"), a("today", "2025-03-10"), a("yesterday", "2025-03-09"), a("old", "2024-12-01"), a("none", null)], TODAY);
    expect(r.overdue.map((x) => [x.id, x.days])).toEqual([
      ["old", -99],
      ["yesterday", -1],
    ]);
    expect(r.dueSoon.map((x) => [x.id, x.days])).toEqual([
      ["today", 0],
      ["later", 30],
    ]);
  });

  it("honours another window", () => {
    expect(reviewsDue([a("x", "2025-03-20")], TODAY, 7).dueSoon).toEqual([]);
  });
});

describe("registerGaps (Art. 30 fields per activity)", () => {
  it("lists only activities with missing fields, with their keys in Art. 30 order", () => {
    const gaps = registerGaps([
      activity(),
      activity({ id: "a2", name: "Bewerbung", referenceNumber: "VT-002", purposes: [], dataCategories: [{ id: "c2", code: "IDENTITY", isSpecialCategory: false, retentionPeriod: null, retentionMonths: null }] }),
    ]);
    expect(gaps).toEqual([{ id: "a2", name: "Bewerbung", referenceNumber: "VT-002", missing: ["purposes", "retention"] }]);
  });

  it("uses Art. 30(2) for processor records", () => {
    const gaps = registerGaps([activity({ role: "PROCESSOR", clientControllerName: null, processingCategories: "Hosting" })]);
    expect(gaps[0]?.missing).toEqual(["clientController"]);
  });
});

describe("healthCounts", () => {
  it("starts at zero for every code", () => {
    expect(Object.keys(emptyHealthCounts()).sort()).toEqual([...HEALTH_CODES].sort());
  });

  it("counts findings and the activities affected per code", () => {
    const special = activity({
      id: "a2",
      dataCategories: [
        { id: "c1", code: "HEALTH", isSpecialCategory: true, retentionPeriod: null, retentionMonths: null },
        { id: "c2", code: "BIOMETRIC", isSpecialCategory: true, retentionPeriod: null, retentionMonths: null },
      ],
      recipients: [{ id: "r1", name: "Cloud GmbH", kind: "VENDOR", role: "PROCESSOR", agreements: [] }],
    });
    const counts = healthCounts([activity(), special], TODAY);
    expect(counts.specialCategoryWithoutCondition).toEqual({ findings: 2, activities: 1 });
    expect(counts.retentionMissing).toEqual({ findings: 2, activities: 1 });
    expect(counts.dpaMissing).toEqual({ findings: 1, activities: 1 });
    expect(counts.consentAndLegitimateInterest).toEqual({ findings: 0, activities: 0 });
  });
});

describe("trend", () => {
  it("gives the change and its direction", () => {
    expect(trend(5, 3)).toEqual({ now: 5, then: 3, delta: 2, direction: "up" });
    expect(trend(1, 3)).toEqual({ now: 1, then: 3, delta: -2, direction: "down" });
    expect(trend(2, 2).direction).toBe("same");
  });

  it("compares critical and attention counts", () => {
    const r = riskTrend({ critical: 4, attention: 1, info: 0, ok: 3 }, { critical: 2, attention: 1, info: 9, ok: 0 });
    expect(r.critical.delta).toBe(2);
    expect(r.attention.direction).toBe("same");
  });
});
