// "DPIA needed?" indicator per activity (legal-reference §7.4). Pure: the ticked criterion codes, the
// red flags from the record, the dated lists (Art. 35(3), WP248 rev.01, DSK Muss-Liste) and the as-of
// day in; verdict, every triggered item, suggested pre-ticks and consequences out.
//
// - any Art. 35(3) case or DSK Muss-Liste item (items with `hard: true`) → "required"
// - WP248 criteria ≥ 2 → "likely"; = 1 → "check"; otherwise "not-indicated"
// Only the nine WP248 criteria are counted; nothing else is added to the count (§7.2).

import { isWithin, toDay, type Day, type DpiaListSnapshot } from "./reference";

export type { DpiaListSnapshot } from "./reference";

export type DpiaVerdict = "required" | "likely" | "check" | "not-indicated";
export type DpiaConsequence = "dpia" | "dpo-mandatory-38-bdsg" | "prior-consultation-art36" | "review-35-11";

export type DpiaRedFlags = {
  /** Art. 9(1) / Art. 10 data in the record. */
  specialCategories: boolean;
  /** Employees, applicants, children or other vulnerable data subjects. */
  employeesOrChildren: boolean;
  ai: boolean;
  tracking: boolean;
  /** The scale estimate says "large scale". */
  largeScale: boolean;
};

export type DpiaScreeningInput = {
  /** Codes of ticked items: ART35_3_A…C, WP248_1…9, DSK_1…17. */
  criteria: readonly string[];
  redFlags: DpiaRedFlags;
  /** A DPO is recorded for the organisation (§ 38(1) s. 2 BDSG consequence otherwise). */
  orgHasDpo: boolean;
};

export type DpiaReason = {
  code: string;
  listCode: string;
  listVersion: string;
  itemNo: string;
  hard: boolean;
  /** false: the item's wording is unverified; the UI shows a notice. */
  verified: boolean;
};

export type DpiaScreeningResult = {
  verdict: DpiaVerdict;
  /** Every ticked item found in a list in force on the as-of day, hard ones first, in list order. */
  reasons: DpiaReason[];
  /** Number of WP248 criteria ticked. */
  wp248Count: number;
  /** Codes suggested by the red flags and not yet ticked, for the user to confirm. */
  suggestedCriteria: string[];
  /** Ticked codes that no list in force on the as-of day contains. */
  unknownCriteria: string[];
  consequences: DpiaConsequence[];
  asOf: Day;
};

/** The list whose items are counted against the "two or more" rule. */
export const WP248_LIST_CODE = "WP248";

/** Red flag → the criteria it pre-ticks (legal-reference §7.4). */
const SUGGESTIONS: readonly { when: (f: DpiaRedFlags) => boolean; codes: readonly string[] }[] = [
  { when: (f) => f.specialCategories, codes: ["WP248_4"] },
  { when: (f) => f.employeesOrChildren, codes: ["WP248_7"] },
  { when: (f) => f.ai, codes: ["WP248_8", "DSK_11"] },
  { when: (f) => f.tracking, codes: ["WP248_3", "DSK_12"] },
  { when: (f) => f.largeScale, codes: ["WP248_5"] },
  // Art. 35(3)(b): large-scale processing of special categories.
  { when: (f) => f.specialCategories && f.largeScale, codes: ["ART35_3_B"] },
];

/** Per list code, the version in force on the day (the newest if several overlap). */
export function listsInForce(lists: readonly DpiaListSnapshot[], asOf: Date | Day): DpiaListSnapshot[] {
  const day = toDay(asOf);
  const byCode = new Map<string, DpiaListSnapshot>();
  for (const l of lists) {
    if (!isWithin(day, l.validFrom, l.validTo)) continue;
    const have = byCode.get(l.code);
    if (!have || l.validFrom > have.validFrom) byCode.set(l.code, l);
  }
  return [...byCode.values()];
}

export function screenDpia(input: DpiaScreeningInput, lists: readonly DpiaListSnapshot[], asOf: Date | Day): DpiaScreeningResult {
  const day = toDay(asOf);
  const active = listsInForce(lists, day);
  const ticked = new Set(input.criteria);

  const reasons: DpiaReason[] = [];
  const known = new Set<string>();
  for (const l of active) {
    for (const item of l.items) {
      known.add(item.code);
      if (!ticked.has(item.code)) continue;
      reasons.push({ code: item.code, listCode: l.code, listVersion: l.version, itemNo: item.itemNo, hard: item.hard, verified: item.verified });
    }
  }
  reasons.sort((a, b) => Number(b.hard) - Number(a.hard));

  const wp248Count = reasons.filter((r) => r.listCode === WP248_LIST_CODE).length;
  const verdict: DpiaVerdict = reasons.some((r) => r.hard) ? "required" : wp248Count >= 2 ? "likely" : wp248Count === 1 ? "check" : "not-indicated";

  const suggested: string[] = [];
  for (const s of SUGGESTIONS) {
    if (!s.when(input.redFlags)) continue;
    for (const code of s.codes) if (known.has(code) && !ticked.has(code) && !suggested.includes(code)) suggested.push(code);
  }

  const consequences: DpiaConsequence[] = [];
  if (verdict === "required" || verdict === "likely") {
    consequences.push("dpia");
    if (verdict === "required" && !input.orgHasDpo) consequences.push("dpo-mandatory-38-bdsg");
    consequences.push("prior-consultation-art36", "review-35-11");
  }

  return {
    verdict,
    reasons,
    wp248Count,
    suggestedCriteria: suggested,
    unknownCriteria: [...ticked].filter((c) => !known.has(c)),
    consequences,
    asOf: day,
  };
}
