// Register health findings per activity (issue 4; legal-reference §1, §3.2, §3.3). Pure: a plain
// activity DTO and the as-of day in; the missing Art. 30 fields and keyed findings out.
//
// Input: `HealthActivity` below. The query layer fills it from ProcessingActivity with its purposes
// (and their PurposeLegalBasis codes), data subjects, data categories, recipients (with the vendor's
// data processing agreements), transfers, TOMs and the organisation's cover-sheet fields. `texts`
// carries every free text worth scanning for stale references (description, purposes, legal-basis
// notes, transfer mechanism wording, information notices).

import { compareLevels, type Citation, type RecipientRole, type RiskParams, type TransferMechanism, type VerdictLevel } from "./transfer-risk";
import { toDay, type Day } from "./reference";

export type DpaStatus = "DRAFT" | "IN_NEGOTIATION" | "SIGNED" | "TERMINATED" | "EXPIRED";
export type RecipientKind = "VENDOR" | "INTERNAL" | "CATEGORY";

export type HealthActivity = {
  id: string;
  role: "CONTROLLER" | "JOINT_CONTROLLER" | "PROCESSOR";
  /** Art. 30(1)(a) / 30(2)(a): our own name and contact details as recorded on the cover sheet. */
  organisation: { name: string | null; hasContactDetails: boolean };
  /** Art. 30(1)(a): joint controllers named on the activity. */
  jointControllers: readonly { name: string }[];
  /** Art. 30(2)(a): the controller on whose behalf a processor activity is carried out. */
  clientControllerName: string | null;
  /** Art. 30(2)(b). */
  processingCategories: string | null;
  purposes: readonly { id: string; description: string; legalBases: readonly { code: string }[] }[];
  /** VocabularyTerm(DATA_SUBJECT) codes. */
  dataSubjects: readonly string[];
  dataCategories: readonly { id: string; code: string; isSpecialCategory: boolean; retentionPeriod: string | null; retentionMonths: number | null }[];
  recipients: readonly {
    id: string;
    /** Vendor or department name; null for a bare recipient category. */
    name: string | null;
    kind: RecipientKind;
    role: RecipientRole;
    /** The vendor's data processing agreements covering this activity (or all of the vendor's). */
    agreements: readonly { status: DpaStatus; signedAt: Date | null; termEndsAt: Date | null; nextReviewAt: Date | null }[];
  }[];
  transfers: readonly { id: string; destinationCountry: string | null; internationalOrganisation: string | null; mechanism: TransferMechanism; art49Assessment: string | null }[];
  /** DSK: "findet nicht statt und ist nicht geplant". */
  noThirdCountryTransfer: boolean;
  generalTomDescription: string | null;
  /** TOMs linked from the catalogue. */
  tomCount: number;
  texts: readonly string[];
};

export type Art30FieldKey =
  | "controller"
  | "jointControllers"
  | "processor"
  | "clientController"
  | "purposes"
  | "processingCategories"
  | "dataSubjects"
  | "dataCategories"
  | "recipients"
  | "transfers"
  | "transferDestination"
  | "art49Documentation"
  | "retention"
  | "toms";

export type Art30Field = { key: Art30FieldKey; article: string };

export const HEALTH_CODES = [
  "art30Incomplete",
  "dpaMissing",
  "dpaReviewDue",
  "specialCategoryWithoutCondition",
  "retentionMissing",
  "consentAndLegitimateInterest",
  "consentRecipientsNotNamed",
  "bdsg26OnlyBasis",
  "ttdsgStale",
  "staleTransferReference",
] as const;
export type HealthCode = (typeof HEALTH_CODES)[number];

/** Every message and fix key register health can emit (`health.<code>.reason` / `.fix`). */
export const HEALTH_MESSAGE_KEYS: readonly string[] = HEALTH_CODES.flatMap((c) => [`health.${c}.reason`, `health.${c}.fix`]);

export type HealthFinding = {
  code: HealthCode;
  level: Exclude<VerdictLevel, "ok">;
  messageKey: string;
  fixKey: string;
  citations: Citation[];
  params: RiskParams;
  target: { kind: "activity" | "purpose" | "recipient" | "dataCategory"; id: string };
};

export type RegisterHealth = { verdict: VerdictLevel; missingArt30Fields: Art30Field[]; findings: HealthFinding[]; asOf: Day };

const blank = (s: string | null | undefined): boolean => !s || s.trim() === "";
const art = (identifier: string): Citation => ({ kind: "article", identifier });

const ART9_CONDITION = /^ART9_2_[A-J]$/;
/** National conditions implementing Art. 9(2)(b) (employment). */
const NATIONAL_ART9_CONDITIONS = new Set(["BDSG_26_3"]);
/** Art. 10 data (criminal convictions and offences) need an Art. 10 basis, not an Art. 9(2) condition. */
const ART10_CATEGORIES = new Set(["CRIMINAL"]);
const CONSENT = "ART6_1_A";
const LEGITIMATE_INTEREST = "ART6_1_F";
const BDSG_26_1 = "BDSG_26_1";

const STALE_TERMS: readonly { pattern: RegExp; term: string; code: "ttdsgStale" | "staleTransferReference"; cite: Citation[] }[] = [
  { pattern: /\bTTDSG\b/i, term: "TTDSG", code: "ttdsgStale", cite: [{ kind: "regulation", identifier: "TDDDG" }] },
  { pattern: /privacy[\s-]*shield/i, term: "Privacy Shield", code: "staleTransferReference", cite: [{ kind: "decision", identifier: "2016/1250" }, { kind: "judgment", identifier: "C-311/18" }] },
  { pattern: /safe[\s-]*harbou?r/i, term: "Safe Harbor", code: "staleTransferReference", cite: [{ kind: "decision", identifier: "2000/520/EC" }, { kind: "judgment", identifier: "C-362/14" }] },
  { pattern: /2010\/87\/EU|2001\/497\/EC|2004\/915\/EC/i, term: "SCC (old)", code: "staleTransferReference", cite: [{ kind: "decision", identifier: "2021/914" }] },
];

/** Art. 30(1) (controller) or 30(2) (processor) fields not filled. */
export function missingArt30Fields(a: HealthActivity): Art30Field[] {
  const missing: Art30Field[] = [];
  const add = (key: Art30FieldKey, article: string) => missing.push({ key, article });
  const ownMissing = blank(a.organisation.name) || !a.organisation.hasContactDetails;
  const transfersMissing = a.transfers.length === 0 && !a.noThirdCountryTransfer;
  const destinationMissing = a.transfers.some((t) => blank(t.destinationCountry) && blank(t.internationalOrganisation));
  const art49Missing = a.transfers.some((t) => t.mechanism === "ART49_1_SUBPARA2" && blank(t.art49Assessment));
  const tomsMissing = blank(a.generalTomDescription) && a.tomCount === 0;

  if (a.role === "PROCESSOR") {
    if (ownMissing) add("processor", "Art. 30(2)(a)");
    if (blank(a.clientControllerName)) add("clientController", "Art. 30(2)(a)");
    if (blank(a.processingCategories)) add("processingCategories", "Art. 30(2)(b)");
    if (transfersMissing) add("transfers", "Art. 30(2)(c)");
    if (destinationMissing) add("transferDestination", "Art. 30(2)(c)");
    if (art49Missing) add("art49Documentation", "Art. 30(2)(c)");
    if (tomsMissing) add("toms", "Art. 30(2)(d)");
    return missing;
  }

  if (ownMissing) add("controller", "Art. 30(1)(a)");
  if (a.role === "JOINT_CONTROLLER" && a.jointControllers.length === 0) add("jointControllers", "Art. 30(1)(a)");
  if (!a.purposes.some((p) => !blank(p.description))) add("purposes", "Art. 30(1)(b)");
  if (a.dataSubjects.length === 0) add("dataSubjects", "Art. 30(1)(c)");
  if (a.dataCategories.length === 0) add("dataCategories", "Art. 30(1)(c)");
  if (a.recipients.length === 0) add("recipients", "Art. 30(1)(d)");
  if (transfersMissing) add("transfers", "Art. 30(1)(e)");
  if (destinationMissing) add("transferDestination", "Art. 30(1)(e)");
  if (art49Missing) add("art49Documentation", "Art. 30(1)(e)");
  if (a.dataCategories.some(retentionMissing)) add("retention", "Art. 30(1)(f)");
  if (tomsMissing) add("toms", "Art. 30(1)(g)");
  return missing;
}

function retentionMissing(c: { retentionPeriod: string | null; retentionMonths: number | null }): boolean {
  return blank(c.retentionPeriod) && c.retentionMonths === null;
}

function finding(
  code: HealthCode,
  level: HealthFinding["level"],
  target: HealthFinding["target"],
  citations: Citation[],
  params: RiskParams = {},
): HealthFinding {
  return { code, level, messageKey: `health.${code}.reason`, fixKey: `health.${code}.fix`, citations, params, target };
}

/** A signed agreement that is in effect on the day (signed on or before it, term not ended). */
function inEffect(d: HealthActivity["recipients"][number]["agreements"][number], day: Day): boolean {
  if (d.status !== "SIGNED") return false;
  if (d.signedAt && toDay(d.signedAt) > day) return false;
  if (d.termEndsAt && toDay(d.termEndsAt) < day) return false;
  return true;
}

export function registerHealth(a: HealthActivity, asOf: Date | Day): RegisterHealth {
  const day = toDay(asOf);
  const findings: HealthFinding[] = [];
  const activity = { kind: "activity" as const, id: a.id };
  const missing = missingArt30Fields(a);

  const art30 = missing.filter((f) => f.key !== "retention");
  if (art30.length > 0) {
    findings.push(
      finding("art30Incomplete", "attention", activity, [...new Set(art30.map((f) => f.article))].map(art), { fields: art30.map((f) => f.key).join(",") }),
    );
  }

  // Processors without a signed DPA, or with every signed DPA past its review date (Art. 28(3)).
  for (const r of a.recipients) {
    if (r.kind !== "VENDOR" || (r.role !== "PROCESSOR" && r.role !== "SUB_PROCESSOR")) continue;
    const effective = r.agreements.filter((d) => inEffect(d, day));
    const target = { kind: "recipient" as const, id: r.id };
    if (effective.length === 0) {
      findings.push(finding("dpaMissing", "critical", target, [art("Art. 28(3)"), art("Art. 28(9)")], { recipient: r.name }));
      continue;
    }
    const due = effective.every((d) => d.nextReviewAt !== null && toDay(d.nextReviewAt) < day);
    if (due) {
      const latest = effective.map((d) => (d.nextReviewAt ? toDay(d.nextReviewAt) : "")).sort().at(-1) ?? null;
      findings.push(finding("dpaReviewDue", "attention", target, [art("Art. 28(3)")], { recipient: r.name, nextReviewAt: latest }));
    }
  }

  // Special categories need an Art. 9(2) condition; criminal-offence data an Art. 10 basis.
  const codes = new Set(a.purposes.flatMap((p) => p.legalBases.map((b) => b.code)));
  const hasArt9Condition = [...codes].some((c) => ART9_CONDITION.test(c) || NATIONAL_ART9_CONDITIONS.has(c));
  for (const c of a.dataCategories) {
    if (!c.isSpecialCategory) continue;
    const criminal = ART10_CATEGORIES.has(c.code);
    if (criminal ? codes.has("ART10") : hasArt9Condition) continue;
    findings.push(
      finding("specialCategoryWithoutCondition", "critical", { kind: "dataCategory", id: c.id }, criminal ? [art("Art. 10")] : [art("Art. 9(1)"), art("Art. 9(2)")], {
        category: c.code,
        article: criminal ? "Art. 10" : "Art. 9(2)",
      }),
    );
  }

  for (const c of a.dataCategories) {
    if (retentionMissing(c)) findings.push(finding("retentionMissing", "attention", { kind: "dataCategory", id: c.id }, [art("Art. 30(1)(f)"), art("Art. 5(1)(e)")], { category: c.code }));
  }

  let consentBased = false;
  for (const p of a.purposes) {
    const bases = new Set(p.legalBases.map((b) => b.code));
    const target = { kind: "purpose" as const, id: p.id };
    if (bases.has(CONSENT)) consentBased = true;
    if (bases.has(CONSENT) && bases.has(LEGITIMATE_INTEREST)) {
      findings.push(finding("consentAndLegitimateInterest", "attention", target, [art("Art. 6(1)(a)"), art("Art. 6(1)(f)"), art("Art. 7(3)")]));
    }
    // § 26(1) BDSG as the only general basis (Art. 9 / Art. 10 conditions aside): CJEU C-34/21.
    const general = [...bases].filter((c) => !ART9_CONDITION.test(c) && !NATIONAL_ART9_CONDITIONS.has(c) && c !== "ART10");
    if (general.length === 1 && general[0] === BDSG_26_1) {
      findings.push(finding("bdsg26OnlyBasis", "attention", target, [{ kind: "judgment", identifier: "C-34/21" }, art("§ 26(1) BDSG"), art("Art. 88")]));
    }
  }

  // Consent is informed only if the recipients are named (Art. 4(11), 7; Art. 13(1)(e)).
  if (consentBased) {
    const unnamed = a.recipients.filter((r) => r.kind === "CATEGORY" || blank(r.name));
    if (unnamed.length > 0) {
      findings.push(finding("consentRecipientsNotNamed", "attention", activity, [art("Art. 4(11)"), art("Art. 7"), art("Art. 13(1)(e)")], { count: unnamed.length }));
    }
  }

  const seen = new Set<string>();
  for (const s of STALE_TERMS) {
    if (seen.has(s.term) || !a.texts.some((t) => s.pattern.test(t))) continue;
    seen.add(s.term);
    findings.push(finding(s.code, "info", activity, s.cite, { term: s.term }));
  }

  findings.sort((x, y) => compareLevels(y.level, x.level));
  const verdict = findings.reduce<VerdictLevel>((w, f) => (compareLevels(f.level, w) > 0 ? f.level : w), "ok");
  return { verdict, missingArt30Fields: missing, findings, asOf: day };
}
