import { describe, it, expect } from "vitest";
import fc from "fast-check";
import versionJson from "../../prisma/reference/version.json";
import countriesJson from "../../prisma/reference/countries.json";
import legalSourcesJson from "../../prisma/reference/legal-sources.json";
import adequacyJson from "../../prisma/reference/adequacy-decisions.json";
import instrumentsJson from "../../prisma/reference/transfer-instruments.json";
import { addDays, isEea, referenceSnapshotFromJson, type Day } from "./reference";
import {
  compareLevels,
  evaluateTransfer,
  TRANSFER_MECHANISMS,
  TRANSFER_RISK_MESSAGE_KEYS,
  worstLevel,
  type DpfCheckFacts,
  type TiaFacts,
  type TransferContext,
  type TransferFacts,
  type VendorFacts,
} from "./transfer-risk";

const ref = referenceSnapshotFromJson({
  version: versionJson,
  countries: countriesJson,
  legalSources: legalSourcesJson,
  adequacyDecisions: adequacyJson,
  transferInstruments: instrumentsJson,
});
const KNOWN_SOURCES = new Set(legalSourcesJson.sources.map((s) => s.identifier));

const D = (day: Day) => new Date(`${day}T00:00:00.000Z`);

// Days from 2010 to 2032: spans every boundary in the reference data.
const dayArb = fc.integer({ min: 0, max: 8400 }).map((n) => addDays("2010-01-01", n));
const optionalDayArb = fc.option(dayArb, { nil: null });

const EEA_CANDIDATES = ["DE", "FR", "IE", "NL", "AT", "HR", "GB", "NO", "IS", "LI", "GR", "EL", "RE", "AX", "FI", "PL", "BG"];
const THIRD = ["US", "CH", "CA", "JP", "IL", "KR", "BR", "NZ", "IN", "CN", "GB", "GI", "AR", "UY"];
const countryArb = fc.constantFrom(...EEA_CANDIDATES, ...THIRD);

const tiaArb: fc.Arbitrary<TiaFacts | null> = fc.option(
  fc.record({
    assessedAt: optionalDayArb.map((d) => (d ? D(d) : null)),
    nextReviewAt: optionalDayArb.map((d) => (d ? D(d) : null)),
    conclusion: fc.constantFrom("GO" as const, "GO_WITH_MEASURES" as const, "STOP" as const, null),
  }),
  { nil: null },
);

const factsArb: fc.Arbitrary<TransferFacts> = fc.record({
  id: fc.constant("t"),
  destinationCountry: fc.option(countryArb, { nil: null }),
  internationalOrganisation: fc.option(fc.constantFrom("European Patent Organisation", "WHO"), { nil: null, freq: 8 }),
  access: fc.constantFrom("STORAGE" as const, "REMOTE_ACCESS" as const, "BOTH" as const),
  mechanism: fc.constantFrom(...TRANSFER_MECHANISMS),
  contractConcludedAt: optionalDayArb.map((d) => (d ? D(d) : null)),
  isRegular: fc.boolean(),
  importerSubjectToGdpr: fc.boolean(),
  art49Assessment: fc.option(fc.constantFrom("documented", " "), { nil: null }),
  saInformedAt: optionalDayArb.map((d) => (d ? D(d) : null)),
  tia: tiaArb,
  supplementaryMeasures: fc.option(fc.constantFrom("encryption", ""), { nil: null }),
});

const dpfCheckArb: fc.Arbitrary<DpfCheckFacts> = fc.record({
  status: fc.constantFrom("ACTIVE" as const, "INACTIVE" as const, "NOT_LISTED" as const),
  coversHr: fc.boolean(),
  coversNonHr: fc.boolean(),
  checkedAt: dayArb.map(D),
  nextCertificationDue: optionalDayArb.map((d) => (d ? D(d) : null)),
});

const vendorArb = (country: fc.Arbitrary<string>): fc.Arbitrary<VendorFacts> =>
  fc.record({
    country: fc.option(country, { nil: null }),
    parentCountry: fc.option(countryArb, { nil: null }),
    dpfChecks: fc.array(dpfCheckArb, { maxLength: 3 }),
    locations: fc.array(fc.record({ country, purpose: fc.constantFrom("STORAGE" as const, "PROCESSING" as const, "SUPPORT" as const, "REMOTE_ACCESS" as const) }), {
      maxLength: 3,
    }),
    subProcessors: fc.array(
      fc.record({ name: fc.constantFrom("A", "B"), country: fc.option(country, { nil: null }), access: fc.constantFrom("STORAGE" as const, "REMOTE_ACCESS" as const) }),
      { maxLength: 3 },
    ),
  });

const contextArb = (vendor: fc.Arbitrary<VendorFacts | null>): fc.Arbitrary<TransferContext> =>
  fc.record({
    exporterRole: fc.constantFrom("CONTROLLER" as const, "PROCESSOR" as const),
    importerRole: fc.constantFrom("CONTROLLER" as const, "PROCESSOR" as const, null),
    dataIncludesHr: fc.boolean(),
    consentForTrackingOrHosting: fc.boolean(),
    importerSector: fc.constantFrom("PRIVATE" as const, "PUBLIC" as const, undefined),
    vendor,
    coveredCountries: fc.array(countryArb, { maxLength: 2 }),
  });

const anyContextArb = contextArb(fc.option(vendorArb(countryArb), { nil: null }));

describe("property: adding a valid TIA never makes a verdict worse (EDPB Rec. 01/2020)", () => {
  it("holds for any transfer, context and as-of day", () => {
    fc.assert(
      fc.property(
        factsArb,
        anyContextArb,
        dayArb,
        fc.integer({ min: 0, max: 2000 }),
        fc.option(fc.integer({ min: 0, max: 2000 }), { nil: null }),
        fc.constantFrom("GO" as const, "GO_WITH_MEASURES" as const),
        (t, c, asOf, ageDays, reviewInDays, conclusion) => {
          const without = evaluateTransfer({ ...t, tia: null }, c, D(asOf), ref);
          const validTia: TiaFacts = {
            assessedAt: D(addDays(asOf, -ageDays)),
            nextReviewAt: reviewInDays === null ? null : D(addDays(asOf, reviewInDays)),
            conclusion,
          };
          const withTia = evaluateTransfer({ ...t, tia: validTia }, c, D(asOf), ref);
          expect(compareLevels(withTia.verdict, without.verdict)).toBeLessThanOrEqual(0);
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe("property: a transfer inside the EEA is never critical (Art. 44 not engaged)", () => {
  const eeaOn = (country: string, day: Day) => isEea(ref, country, day);

  // Destination and every vendor location and sub-processor in the EEA on the as-of day.
  const eeaCase = fc
    .tuple(dayArb, fc.constantFrom(...EEA_CANDIDATES))
    .filter(([asOf, destination]) => eeaOn(destination, asOf))
    .chain(([asOf, destination]) => {
      const eeaNow = EEA_CANDIDATES.filter((c) => eeaOn(c, asOf));
      return fc.tuple(fc.constant(asOf), fc.constant(destination), factsArb, contextArb(fc.option(vendorArb(fc.constantFrom(...eeaNow)), { nil: null })));
    });

  it("EEA destination (as of its membership), no remote access, no non-EEA chain", () => {
    fc.assert(
      fc.property(eeaCase, ([asOf, destination, t, c]) => {
        const v = evaluateTransfer({ ...t, destinationCountry: destination, internationalOrganisation: null, access: "STORAGE" }, c, D(asOf), ref);
        expect(v.verdict).not.toBe("critical");
      }),
      { numRuns: 3000 },
    );
  });

  it("and not even with access from abroad or a third-country chain (those are attention at most)", () => {
    fc.assert(
      fc.property(factsArb, anyContextArb, dayArb, fc.constantFrom(...EEA_CANDIDATES), (t, c, asOf, destination) => {
        fc.pre(eeaOn(destination, asOf));
        const v = evaluateTransfer({ ...t, destinationCountry: destination, internationalOrganisation: null }, c, D(asOf), ref);
        expect(v.verdict).not.toBe("critical");
      }),
      { numRuns: 3000 },
    );
  });
});

describe("property: every verdict is explained (legal-reference §6.11)", () => {
  it("has reasons, is their worst level, lists them worst first, with declared keys and known citations", () => {
    fc.assert(
      fc.property(factsArb, anyContextArb, dayArb, (t, c, asOf) => {
        const v = evaluateTransfer(t, c, D(asOf), ref);
        expect(v.reasons.length).toBeGreaterThan(0);
        expect(v.verdict).toBe(worstLevel(v.reasons.map((r) => r.level)));
        expect(v.asOf).toBe(asOf);
        expect(v.referenceVersion).toBe(versionJson.version);
        for (let i = 1; i < v.reasons.length; i++) {
          const prev = v.reasons[i - 1];
          const cur = v.reasons[i];
          if (prev && cur) expect(compareLevels(prev.level, cur.level)).toBeGreaterThanOrEqual(0);
        }
        for (const r of v.reasons) {
          expect(TRANSFER_RISK_MESSAGE_KEYS).toContain(r.messageKey);
          if (r.fixKey !== null) expect(TRANSFER_RISK_MESSAGE_KEYS).toContain(r.fixKey);
          expect(r.citations.length).toBeGreaterThan(0);
          for (const cite of r.citations) if (cite.kind !== "article") expect(KNOWN_SOURCES).toContain(cite.identifier);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it("is deterministic and does not modify its inputs", () => {
    fc.assert(
      fc.property(factsArb, anyContextArb, dayArb, (t, c, asOf) => {
        const before = JSON.stringify([t, c]);
        const a = evaluateTransfer(t, c, D(asOf), ref);
        const b = evaluateTransfer(t, c, D(asOf), ref);
        expect(b).toEqual(a);
        expect(JSON.stringify([t, c])).toBe(before);
      }),
      { numRuns: 500 },
    );
  });
});

describe("property: invalidated instruments stay critical after invalidation (CJEU C-311/18, C-362/14)", () => {
  it("Privacy Shield after 15.7.2020 and Safe Harbor after 5.10.2015 are critical to any third country", () => {
    fc.assert(
      fc.property(factsArb, anyContextArb, fc.integer({ min: 1, max: 5000 }), fc.constantFrom("PRIVACY_SHIELD" as const, "SAFE_HARBOR" as const), (t, c, after, m) => {
        const validTo = instrumentsJson.instruments.find((i) => i.code === m)?.validTo;
        if (!validTo) throw new Error(`no ${m} row`);
        const asOf = addDays(validTo, after);
        const v = evaluateTransfer({ ...t, mechanism: m, destinationCountry: "US", internationalOrganisation: null }, c, D(asOf), ref);
        expect(v.verdict).toBe("critical");
        expect(v.reasons.some((r) => r.ruleId === "TR16" && r.level === "critical")).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
