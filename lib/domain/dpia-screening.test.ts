import { describe, it, expect } from "vitest";
import versionJson from "../../prisma/reference/version.json";
import countriesJson from "../../prisma/reference/countries.json";
import adequacyJson from "../../prisma/reference/adequacy-decisions.json";
import instrumentsJson from "../../prisma/reference/transfer-instruments.json";
import dpiaListsJson from "../../prisma/reference/dpia-lists.json";
import { referenceSnapshotFromJson, type DpiaListSnapshot } from "./reference";
import { listsInForce, screenDpia, type DpiaRedFlags } from "./dpia-screening";

const lists = referenceSnapshotFromJson({
  version: versionJson,
  countries: countriesJson,
  adequacyDecisions: adequacyJson,
  transferInstruments: instrumentsJson,
  dpiaLists: dpiaListsJson,
}).dpiaLists;

const NO_FLAGS: DpiaRedFlags = { specialCategories: false, employeesOrChildren: false, ai: false, tracking: false, largeScale: false };
const AS_OF = new Date("2025-01-01T00:00:00.000Z");
const screen = (criteria: string[], over: { redFlags?: Partial<DpiaRedFlags>; orgHasDpo?: boolean } = {}) =>
  screenDpia({ criteria, redFlags: { ...NO_FLAGS, ...over.redFlags }, orgHasDpo: over.orgHasDpo ?? true }, lists, AS_OF);

const list = (code: string): DpiaListSnapshot => {
  const l = lists.find((x) => x.code === code);
  if (!l) throw new Error(`no list ${code}`);
  return l;
};

describe("Art. 35(3) GDPR cases: a DPIA is always required", () => {
  it.each([
    ["ART35_3_A", "a"],
    ["ART35_3_B", "b"],
    ["ART35_3_C", "c"],
  ])("%s (Art. 35(3)(%s)) → required, citing the letter", (code, letter) => {
    const r = screen([code]);
    expect(r.verdict).toBe("required");
    expect(r.reasons).toEqual([{ code, listCode: "ART35_3", listVersion: "2016/679", itemNo: letter, hard: true, verified: true }]);
    expect(r.consequences).toEqual(["dpia", "prior-consultation-art36", "review-35-11"]);
  });
});

describe("DSK Muss-Liste 1.1 (17.10.2018): each item makes a DPIA required", () => {
  const dsk = list("DSK_MUSS");

  it("has 17 items numbered 1–17", () => {
    expect(dsk.items.map((i) => i.itemNo)).toEqual(Array.from({ length: 17 }, (_, i) => String(i + 1)));
    expect(dsk.version).toBe("1.1");
  });

  it.each(Array.from({ length: 17 }, (_, i) => i + 1))("DSK item %i → required, citing item number and list version", (n) => {
    const r = screen([`DSK_${n}`]);
    expect(r.verdict).toBe("required");
    const item = dsk.items.find((i) => i.code === `DSK_${n}`);
    expect(r.reasons).toEqual([{ code: `DSK_${n}`, listCode: "DSK_MUSS", listVersion: "1.1", itemNo: String(n), hard: true, verified: item?.verified }]);
  });

  it("unverified items (2, 15, 16) carry verified = false for the UI notice", () => {
    expect(dsk.items.filter((i) => !i.verified).map((i) => i.itemNo)).toEqual(["2", "15", "16"]);
    expect(screen(["DSK_15"]).reasons[0]?.verified).toBe(false);
  });
});

describe("WP248 rev.01 criteria: two or more → likely, one → check, none → not indicated", () => {
  it("0 criteria → not-indicated, no consequences", () => {
    const r = screen([]);
    expect([r.verdict, r.wp248Count, r.consequences]).toEqual(["not-indicated", 0, []]);
  });

  it.each(Array.from({ length: 9 }, (_, i) => `WP248_${i + 1}`))("1 criterion (%s) → check", (code) => {
    const r = screen([code]);
    expect([r.verdict, r.wp248Count]).toEqual(["check", 1]);
    expect(r.consequences).toEqual([]);
  });

  it("2 criteria → likely (DPIA, Art. 36 if a high residual risk remains, review under 35(11))", () => {
    const r = screen(["WP248_4", "WP248_7"]);
    expect([r.verdict, r.wp248Count]).toEqual(["likely", 2]);
    expect(r.consequences).toEqual(["dpia", "prior-consultation-art36", "review-35-11"]);
  });

  it("all 9 criteria → likely, not required (only hard items make it required)", () => {
    expect(screen(Array.from({ length: 9 }, (_, i) => `WP248_${i + 1}`)).verdict).toBe("likely");
  });

  it("each WP248 code maps to its own criterion label (labels not shifted by one)", () => {
    const wp = list("WP248");
    const expected: [string, RegExp][] = [
      ["WP248_1", /scoring/i],
      ["WP248_2", /automated decision-making/i],
      ["WP248_3", /systematic monitoring/i],
      ["WP248_4", /sensitive data/i],
      ["WP248_5", /large scale/i],
      ["WP248_6", /matching or combining/i],
      ["WP248_7", /vulnerable/i],
      ["WP248_8", /innovative/i],
      ["WP248_9", /prevents data subjects/i],
    ];
    expect(wp.items.map((i) => i.code)).toEqual(expected.map(([c]) => c));
    for (const [code, label] of expected) {
      const item = wp.items.find((i) => i.code === code);
      expect(item?.itemNo).toBe(code.slice("WP248_".length));
      expect(item?.textEn).toMatch(label);
      for (const [other, otherLabel] of expected) if (other !== code && otherLabel.source !== label.source) expect(item?.textEn).not.toMatch(otherLabel);
    }
    for (const [code] of expected) expect(screen([code]).reasons[0]).toMatchObject({ code, itemNo: code.slice(6), listCode: "WP248", hard: false });
  });
});

describe("consequences (§ 38(1) s. 2 BDSG; Art. 36; Art. 35(11))", () => {
  it("required without a DPO recorded → DPO mandatory under § 38 BDSG", () => {
    expect(screen(["ART35_3_B"], { orgHasDpo: false }).consequences).toEqual(["dpia", "dpo-mandatory-38-bdsg", "prior-consultation-art36", "review-35-11"]);
  });

  it("required with a DPO → no § 38 consequence", () => {
    expect(screen(["ART35_3_B"], { orgHasDpo: true }).consequences).not.toContain("dpo-mandatory-38-bdsg");
  });

  it("likely without a DPO → no § 38 consequence (only a required DPIA triggers it)", () => {
    expect(screen(["WP248_1", "WP248_2"], { orgHasDpo: false }).consequences).not.toContain("dpo-mandatory-38-bdsg");
  });

  it("hard reasons are listed before WP248 criteria", () => {
    const r = screen(["WP248_3", "DSK_11", "WP248_8"]);
    expect(r.verdict).toBe("required");
    expect(r.reasons.map((x) => x.code)).toEqual(["DSK_11", "WP248_3", "WP248_8"]);
    expect(r.wp248Count).toBe(2);
  });
});

describe("red flags pre-tick criteria for the user to confirm (legal-reference §7.4)", () => {
  it.each([
    [{ specialCategories: true }, ["WP248_4"]],
    [{ employeesOrChildren: true }, ["WP248_7"]],
    [{ ai: true }, ["WP248_8", "DSK_11"]],
    [{ tracking: true }, ["WP248_3", "DSK_12"]],
    [{ largeScale: true }, ["WP248_5"]],
    [{ specialCategories: true, largeScale: true }, ["WP248_4", "WP248_5", "ART35_3_B"]],
  ] as const)("%o → %o", (flags, codes) => {
    const r = screen([], { redFlags: flags });
    expect(r.suggestedCriteria).toEqual(codes);
    expect(r.verdict).toBe("not-indicated"); // suggestions are not counted until confirmed
  });

  it("already ticked codes are not suggested again", () => {
    expect(screen(["WP248_8"], { redFlags: { ai: true } }).suggestedCriteria).toEqual(["DSK_11"]);
  });
});

describe("dated lists", () => {
  it("unknown codes are reported, not counted", () => {
    const r = screen(["TRANSFER_OUTSIDE_EU", "WP248_1"]);
    expect(r.unknownCriteria).toEqual(["TRANSFER_OUTSIDE_EU"]);
    expect(r.verdict).toBe("check");
  });

  it("before the DSK list's date (17.10.2018) its items are unknown", () => {
    const before = screenDpia({ criteria: ["DSK_11"], redFlags: NO_FLAGS, orgHasDpo: true }, lists, "2018-10-16");
    expect([before.verdict, before.unknownCriteria]).toEqual(["not-indicated", ["DSK_11"]]);
    expect(screenDpia({ criteria: ["DSK_11"], redFlags: NO_FLAGS, orgHasDpo: true }, lists, "2018-10-17").verdict).toBe("required");
  });

  it("a newer version of a list replaces the older one from its validFrom", () => {
    const dsk = list("DSK_MUSS");
    const v2: DpiaListSnapshot = { ...dsk, version: "2.0", validFrom: "2027-01-01", items: dsk.items.filter((i) => i.code !== "DSK_11") };
    const all = [...lists, v2];
    expect(listsInForce(all, "2026-12-31").find((l) => l.code === "DSK_MUSS")?.version).toBe("1.1");
    expect(listsInForce(all, "2027-01-01").find((l) => l.code === "DSK_MUSS")?.version).toBe("2.0");
    expect(screenDpia({ criteria: ["DSK_11"], redFlags: NO_FLAGS, orgHasDpo: true }, all, "2027-01-01").verdict).toBe("not-indicated");
  });
});
