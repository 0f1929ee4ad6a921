import { describe, it, expect } from "vitest";
import versionJson from "../../prisma/reference/version.json";
import countriesJson from "../../prisma/reference/countries.json";
import legalSourcesJson from "../../prisma/reference/legal-sources.json";
import adequacyJson from "../../prisma/reference/adequacy-decisions.json";
import instrumentsJson from "../../prisma/reference/transfer-instruments.json";
import dpiaListsJson from "../../prisma/reference/dpia-lists.json";
import {
  addDays,
  adequacyCoverageEnd,
  adequacyFor,
  adequacyHistory,
  countryRef,
  instrument,
  instrumentValidOn,
  isEea,
  legalSource,
  normalizeCountry,
  referenceSnapshotFromJson,
  toDay,
} from "./reference";

const ref = referenceSnapshotFromJson({
  version: versionJson,
  countries: countriesJson,
  legalSources: legalSourcesJson,
  adequacyDecisions: adequacyJson,
  transferInstruments: instrumentsJson,
  dpiaLists: dpiaListsJson,
});

describe("referenceSnapshotFromJson", () => {
  it("reads the wrapped JSON files", () => {
    expect(ref.version).toBe(versionJson.version);
    expect(ref.countries.size).toBe(countriesJson.countries.length);
    expect(ref.adequacyDecisions).toHaveLength(adequacyJson.decisions.length);
    expect(ref.instruments.size).toBe(instrumentsJson.instruments.length);
    expect(ref.dpiaLists.map((l) => l.code)).toEqual(["ART35_3", "WP248", "DSK_MUSS"]);
    expect(ref.legalSources.size).toBe(legalSourcesJson.sources.length);
  });

  it("reads unwrapped arrays and database rows with Date values alike", () => {
    const fromRows = referenceSnapshotFromJson({
      version: "9.9",
      countries: [{ code: "de", eeaFrom: new Date("1958-01-01T00:00:00.000Z"), eeaTo: null }],
      adequacyDecisions: [
        {
          countryCode: "CH",
          organisationName: null,
          source: "2000/518/EC",
          scope: "FULL",
          validFrom: new Date("2000-07-26T00:00:00.000Z"),
          entryIntoForce: "2000-08-25T00:00:00.000Z",
          validTo: null,
        },
      ],
      transferInstruments: [],
    });
    expect(fromRows.version).toBe("9.9");
    expect(isEea(fromRows, "DE", "2000-01-01")).toBe(true);
    expect(adequacyFor(fromRows, { country: "CH" }, "2000-08-24")).toBeNull();
    expect(adequacyFor(fromRows, { country: "CH" }, "2000-08-25")?.effectiveFrom).toBe("2000-08-25");
  });

  it("rejects an unknown adequacy scope and a decision naming both country and organisation", () => {
    const base = { version: "1", countries: [], transferInstruments: [] };
    const row = { countryCode: "CH", organisationName: null, source: "x", scope: "FULL", validFrom: "2000-01-01" };
    expect(() => referenceSnapshotFromJson({ ...base, adequacyDecisions: [{ ...row, scope: "EVERYTHING" }] })).toThrow(/scope/);
    expect(() => referenceSnapshotFromJson({ ...base, adequacyDecisions: [{ ...row, organisationName: "WHO" }] })).toThrow(/country or an organisation/);
  });
});

describe("days", () => {
  it("toDay takes Dates, days and ISO date-times as UTC days", () => {
    expect(toDay(new Date("2023-07-10T23:59:59.999Z"))).toBe("2023-07-10");
    expect(toDay("2023-07-10")).toBe("2023-07-10");
    expect(toDay("2023-07-10T12:00:00Z")).toBe("2023-07-10");
  });

  it("toDay rejects invalid dates", () => {
    expect(() => toDay("2023-02-30")).toThrow();
    expect(() => toDay("yesterday")).toThrow();
    expect(() => toDay(new Date(Number.NaN))).toThrow();
  });

  it("addDays crosses months and years", () => {
    expect(addDays("2022-12-27", 1)).toBe("2022-12-28");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2025-01-01", -1)).toBe("2024-12-31");
  });
});

describe("isEea (dated membership, countries.json)", () => {
  it("EU, EFTA-EEA and EU territories are EEA; CH, US are not", () => {
    for (const c of ["DE", "FR", "IS", "LI", "NO", "AX", "RE"]) expect(isEea(ref, c, "2024-01-01")).toBe(true);
    for (const c of ["CH", "US", "GL", "XX"]) expect(isEea(ref, c, "2024-01-01")).toBe(false);
  });

  it("membership dates are inclusive: GB until 31.12.2020, HR from 1.7.2013", () => {
    expect(isEea(ref, "GB", "2020-12-31")).toBe(true);
    expect(isEea(ref, "GB", "2021-01-01")).toBe(false);
    expect(isEea(ref, "HR", "2013-06-30")).toBe(false);
    expect(isEea(ref, "HR", "2013-07-01")).toBe(true);
  });

  it("codes are normalised (lower case, EL, UK)", () => {
    expect(normalizeCountry(" el ")).toBe("GR");
    expect(normalizeCountry("uk")).toBe("GB");
    expect(isEea(ref, "el", "2024-01-01")).toBe(true);
    expect(countryRef(ref, "uk")?.nameEn).toBe("United Kingdom");
  });
});

describe("adequacyFor / adequacyCoverageEnd (adequacy-decisions.json)", () => {
  it("the newest version in force wins where versions overlap (UK December 2025)", () => {
    expect(adequacyFor(ref, { country: "GB" }, "2025-06-27")?.source).toBe("2021/1772");
    expect(adequacyFor(ref, { country: "GB" }, "2025-06-28")?.source).toBe("UK-2025-EXTENSION");
    expect(adequacyFor(ref, { country: "GB" }, "2025-12-18")?.source).toBe("UK-2025-EXTENSION");
    expect(adequacyFor(ref, { country: "GB" }, "2025-12-19")?.source).toBe("UK-2025-RENEWAL");
    expect(adequacyHistory(ref, { country: "GB" })).toHaveLength(3);
  });

  it("coverage follows successive versions to its end", () => {
    expect(adequacyCoverageEnd(ref, { country: "GB" }, "2021-07-01")).toBe("2031-12-27");
    expect(adequacyCoverageEnd(ref, { country: "CH" }, "2021-07-01")).toBeNull();
    expect(adequacyCoverageEnd(ref, { country: "IN" }, "2021-07-01")).toBeUndefined();
  });

  it("international organisations are found by name, case and spacing aside", () => {
    expect(adequacyFor(ref, { organisation: "european  patent organisation" }, "2025-08-01")?.source).toBe("EPORG-2025");
    expect(adequacyFor(ref, { organisation: "WHO" }, "2025-08-01")).toBeNull();
  });

  it("US adequacy exists only with the DPF scope, from 10.7.2023", () => {
    expect(adequacyFor(ref, { country: "US" }, "2023-07-09")).toBeNull();
    expect(adequacyFor(ref, { country: "US" }, "2023-07-10")?.scope).toBe("DPF_CERTIFIED_ONLY");
  });
});

describe("instrument / legalSource", () => {
  it("instrument validity is inclusive of validTo (Privacy Shield last usable 15.7.2020)", () => {
    const ps = instrument(ref, "PRIVACY_SHIELD");
    if (!ps) throw new Error("no PRIVACY_SHIELD");
    expect(instrumentValidOn(ps, "2020-07-15")).toBe(true);
    expect(instrumentValidOn(ps, "2020-07-16")).toBe(false);
    expect(instrument(ref, "NOPE")).toBeNull();
  });

  it("legal sources by identifier", () => {
    expect(legalSource(ref, "C-311/18")?.adoptedOn).toBe("2020-07-16");
    expect(legalSource(ref, "C-311/18")?.kind).toBe("JUDGMENT");
  });
});
