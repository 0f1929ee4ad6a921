// Transfer-risk rule engine (legal-reference §6, rule table §6.11 TR01–TR20). Pure: the transfer's
// facts, its context, the as-of date and a reference-data snapshot in; a verdict with every fired
// rule out. Reasons carry message keys, citations and parameters, never prose (house-style §8).
//
// Levels: critical > attention > info > ok (legal-reference: red → critical; red-amber and amber →
// attention; info → info; green → ok). The verdict is the worst fired rule; all fired rules are listed,
// worst first. Every date (EEA membership, adequacy validity and review, instrument validity, the
// Schrems II judgment that made TIAs necessary) comes from the snapshot, never from code.
//
// Besides TR01–TR20 two rule ids exist: DEST (destination not recorded, Art. 30(1)(e)) and ONWARD
// (a sub-processor of the recipient processes in a third country: an onward transfer).

import {
  addDays,
  adequacyCoverageEnd,
  adequacyFor,
  adequacyHistory,
  instrument,
  instrumentValidOn,
  isEea,
  isWithin,
  legalSource,
  normalizeCountry,
  toDay,
  type AdequacyRef,
  type AdequacyTarget,
  type Day,
  type InstrumentRef,
  type ReferenceSnapshot,
} from "./reference";
import { pickSccModule, sccModuleMatches, type PartyRole, type SccModule } from "./scc-module";

// ───────────────────────────── Vocabulary (mirrors the Prisma enums) ─────────────────────────────

export const TRANSFER_MECHANISMS = [
  "NOT_A_TRANSFER",
  "ADEQUACY",
  "DPF",
  "SCC_2021_M1",
  "SCC_2021_M2",
  "SCC_2021_M3",
  "SCC_2021_M4",
  "BCR_C",
  "BCR_P",
  "CODE_OF_CONDUCT",
  "CERTIFICATION",
  "PUBLIC_AUTHORITY_INSTRUMENT",
  "AD_HOC_CLAUSES",
  "ADMIN_ARRANGEMENT",
  "ART49_1A",
  "ART49_1B",
  "ART49_1C",
  "ART49_1D",
  "ART49_1E",
  "ART49_1F",
  "ART49_1G",
  "ART49_1_SUBPARA2",
  "SCC_OLD",
  "PRIVACY_SHIELD",
  "SAFE_HARBOR",
  "NONE_STATED",
  "OTHER",
] as const;
export type TransferMechanism = (typeof TRANSFER_MECHANISMS)[number];
export type TransferAccess = "STORAGE" | "REMOTE_ACCESS" | "BOTH";
export type DpfStatus = "ACTIVE" | "INACTIVE" | "NOT_LISTED";
export type TiaConclusion = "GO" | "GO_WITH_MEASURES" | "STOP";
export type LocationPurpose = "STORAGE" | "PROCESSING" | "SUPPORT" | "REMOTE_ACCESS";
export type RecipientRole = "PROCESSOR" | "SUB_PROCESSOR" | "INDEPENDENT_CONTROLLER" | "JOINT_CONTROLLER" | "PUBLIC_AUTHORITY" | "INTERNAL" | "OTHER";
export type ActivityRole = "CONTROLLER" | "JOINT_CONTROLLER" | "PROCESSOR";

export type VerdictLevel = "ok" | "info" | "attention" | "critical";
export const VERDICT_LEVELS: readonly VerdictLevel[] = ["critical", "attention", "info", "ok"];
const RANK: Record<VerdictLevel, number> = { ok: 0, info: 1, attention: 2, critical: 3 };

/** Positive when `a` is worse than `b`. */
export function compareLevels(a: VerdictLevel, b: VerdictLevel): number {
  return RANK[a] - RANK[b];
}

export function worstLevel(levels: Iterable<VerdictLevel>): VerdictLevel {
  let worst: VerdictLevel = "ok";
  for (const l of levels) if (RANK[l] > RANK[worst]) worst = l;
  return worst;
}

// ───────────────────────────── Rules and their message keys ─────────────────────────────

/** Message and fix variants per rule; keys are `risk.<ruleId>.<variant>`. */
export const TRANSFER_RULES = {
  DEST: { messages: ["reason"], fixes: ["fix"] },
  TR01: { messages: ["reason"], fixes: [] },
  TR02: { messages: ["reason", "otherCountry", "covered"], fixes: ["fix"] },
  TR03: { messages: ["reason", "importerSeat"], fixes: ["fix", "fixImporterSeat"] },
  TR04: { messages: ["reason", "partialScope"], fixes: ["fixPartialScope"] },
  TR05: { messages: ["reason", "notInForce"], fixes: ["fix"] },
  TR06: { messages: ["reason", "recertificationOverdue"], fixes: ["fix"] },
  TR07: { messages: ["reason", "inactive", "noHrCoverage", "noNonHrCoverage", "decisionNotInForce", "notApplicable"], fixes: ["fix", "fixHr"] },
  TR08: { messages: ["reason", "noIssues", "measuresMissing", "conclusionMissing", "tiaStop"], fixes: ["fix", "fixStop"] },
  TR09: { messages: ["reason", "noIssues", "measuresMissing", "conclusionMissing", "tiaStop"], fixes: ["fix", "fixStop"] },
  TR10: { messages: ["reason"], fixes: ["fix"] },
  TR11: { messages: ["reason", "tiaIncomplete", "notRequiredBefore"], fixes: ["fix"] },
  TR12: { messages: ["reason"], fixes: ["fix"] },
  TR13: { messages: ["reason", "occasional"], fixes: ["fix", "fixOccasional"] },
  TR14: { messages: ["reason"], fixes: ["fix"] },
  TR15: { messages: ["assessmentMissing", "saNotInformed"], fixes: ["fix"] },
  TR16: { messages: ["reason", "validThen"], fixes: ["fix"] },
  TR17: { messages: ["reason", "concludedAfterRepeal", "transition"], fixes: ["fix"] },
  TR18: { messages: ["reason", "other", "notATransfer", "instrumentNotInForce", "contractNotYetConcluded"], fixes: ["fix", "fixAdequacy"] },
  TR19: { messages: ["reason"], fixes: ["fix"] },
  TR20: { messages: ["review", "sunset"], fixes: [] },
  ONWARD: { messages: ["reason", "thirdCountry", "countryUnknown", "covered"], fixes: ["fix"] },
} as const satisfies Record<string, { messages: readonly string[]; fixes: readonly string[] }>;

export type RuleId = keyof typeof TRANSFER_RULES;
export const RULE_IDS = Object.keys(TRANSFER_RULES) as RuleId[];

/** Every message and fix key the engine can emit (for the messages parity test). */
export const TRANSFER_RISK_MESSAGE_KEYS: readonly string[] = RULE_IDS.flatMap((id) => [
  ...TRANSFER_RULES[id].messages.map((v) => `risk.${id}.${v}`),
  ...TRANSFER_RULES[id].fixes.map((v) => `risk.${id}.${v}`),
]);

export type CitationKind = "article" | "regulation" | "decision" | "judgment" | "guideline" | "list";
/** `article`: a provision ("Art. 45", "Recital 111"); otherwise `identifier` is a LegalSource identifier. */
export type Citation = { kind: CitationKind; identifier: string };
export type RiskParams = Record<string, string | number | boolean | null>;

export type RiskReason = {
  ruleId: RuleId;
  level: VerdictLevel;
  messageKey: string;
  fixKey: string | null;
  citations: Citation[];
  params: RiskParams;
};

type MessageVariant<R extends RuleId> = (typeof TRANSFER_RULES)[R]["messages"][number];
type FixVariant<R extends RuleId> = (typeof TRANSFER_RULES)[R]["fixes"][number];

function reason<R extends RuleId>(
  ruleId: R,
  level: VerdictLevel,
  message: MessageVariant<R>,
  fix: FixVariant<R> | null,
  citations: Citation[],
  params: RiskParams = {},
): RiskReason {
  return { ruleId, level, messageKey: `risk.${ruleId}.${message}`, fixKey: fix === null ? null : `risk.${ruleId}.${fix}`, citations, params };
}

const art = (identifier: string): Citation => ({ kind: "article", identifier });
const decision = (identifier: string): Citation => ({ kind: "decision", identifier });
const judgment = (identifier: string): Citation => ({ kind: "judgment", identifier });
const guideline = (identifier: string): Citation => ({ kind: "guideline", identifier });
const list = (identifier: string): Citation => ({ kind: "list", identifier });

// Citation identifiers of the sources the rules explain themselves with (LegalSource identifiers).
const EDPB_TRANSFERS = guideline("EDPB 05/2021");
const EDPB_MEASURES = guideline("EDPB Rec. 01/2020");
const EDPB_ART49 = guideline("EDPB 2/2018");
const SCHREMS_II = "C-311/18";
const DPF_APPEAL = judgment("C-703/25 P");
const DPF_LIST = list("DPF-LIST");
const INVALIDATING_JUDGMENT: Partial<Record<TransferMechanism, string>> = { PRIVACY_SHIELD: SCHREMS_II, SAFE_HARBOR: "C-362/14" };

/** The instrument row (prisma/reference/transfer-instruments.json) that dates each mechanism. */
const INSTRUMENT_CODE: Partial<Record<TransferMechanism, string>> = {
  SCC_2021_M1: "SCC_2021_914",
  SCC_2021_M2: "SCC_2021_914",
  SCC_2021_M3: "SCC_2021_914",
  SCC_2021_M4: "SCC_2021_914",
  PRIVACY_SHIELD: "PRIVACY_SHIELD",
  SAFE_HARBOR: "SAFE_HARBOR",
};
const OLD_SCC_PREFIX = "SCC_OLD_";

const SCC_MODULE: Partial<Record<TransferMechanism, SccModule>> = { SCC_2021_M1: 1, SCC_2021_M2: 2, SCC_2021_M3: 3, SCC_2021_M4: 4 };

/** Art. 46 tools: each needs a TIA (CJEU C-311/18). */
const ART46_ARTICLE: Partial<Record<TransferMechanism, string>> = {
  SCC_2021_M1: "Art. 46(2)(c)",
  SCC_2021_M2: "Art. 46(2)(c)",
  SCC_2021_M3: "Art. 46(2)(c)",
  SCC_2021_M4: "Art. 46(2)(c)",
  SCC_OLD: "Art. 46(2)(c)",
  BCR_C: "Art. 47",
  BCR_P: "Art. 47",
  CODE_OF_CONDUCT: "Art. 46(2)(e)",
  CERTIFICATION: "Art. 46(2)(f)",
  PUBLIC_AUTHORITY_INSTRUMENT: "Art. 46(2)(a)",
  AD_HOC_CLAUSES: "Art. 46(3)(a)",
  ADMIN_ARRANGEMENT: "Art. 46(3)(b)",
};
const CONTRACT_BASED: ReadonlySet<TransferMechanism> = new Set(["SCC_2021_M1", "SCC_2021_M2", "SCC_2021_M3", "SCC_2021_M4", "SCC_OLD", "AD_HOC_CLAUSES"]);

const ART49_ARTICLE: Partial<Record<TransferMechanism, string>> = {
  ART49_1A: "Art. 49(1)(a)",
  ART49_1B: "Art. 49(1)(b)",
  ART49_1C: "Art. 49(1)(c)",
  ART49_1D: "Art. 49(1)(d)",
  ART49_1E: "Art. 49(1)(e)",
  ART49_1F: "Art. 49(1)(f)",
  ART49_1G: "Art. 49(1)(g)",
  ART49_1_SUBPARA2: "Art. 49(1) subpara. 2",
};

/** Before this many days ahead of a review or sunset, TR20 says so. A product setting, not legal data. */
export const ADEQUACY_NOTICE_DAYS = 90;

// ───────────────────────────── Inputs ─────────────────────────────

export type TiaFacts = { assessedAt: Date | null; nextReviewAt: Date | null; conclusion: TiaConclusion | null };

export type TransferFacts = {
  id: string;
  destinationCountry: string | null;
  internationalOrganisation: string | null;
  access: TransferAccess;
  mechanism: TransferMechanism;
  contractConcludedAt: Date | null;
  /** Systematic or recurring (the Art. 49 test). */
  isRegular: boolean;
  /** The importer is itself subject to the GDPR under Art. 3(2) (SCC scope gap, TR12). */
  importerSubjectToGdpr: boolean;
  art49Assessment: string | null;
  saInformedAt: Date | null;
  /** The linked TIA; see `tiaFacts` for a reference and date recorded on the transfer only. */
  tia: TiaFacts | null;
  supplementaryMeasures: string | null;
};

export type DpfCheckFacts = {
  status: DpfStatus;
  coversHr: boolean;
  coversNonHr: boolean;
  checkedAt: Date;
  nextCertificationDue: Date | null;
};

export type VendorFacts = {
  /** Legal seat. */
  country: string | null;
  parentCountry: string | null;
  /** Every DPF List check ever recorded; the latest with checkedAt ≤ asOf counts. */
  dpfChecks: readonly DpfCheckFacts[];
  locations: readonly { country: string; purpose: LocationPurpose }[];
  subProcessors: readonly { name: string; country: string | null; access: TransferAccess }[];
};

export type TransferContext = {
  /** Our role for this transfer (a processor's onward transfer: PROCESSOR). */
  exporterRole: PartyRole;
  /** From the recipient role (`importerRoleFor`); null = unknown, the SCC module check is skipped. */
  importerRole: PartyRole | null;
  /** Employee or applicant data subjects, or the EMPLOYMENT data category (`includesHrData`). */
  dataIncludesHr: boolean;
  /** Art. 49(1)(a) consent is used for website tracking or for hosting by a vendor (TR14). */
  consentForTrackingOrHosting: boolean;
  /** Public bodies fall outside sector-limited adequacy (Canada PIPEDA, Japan private sector). Default PRIVATE. */
  importerSector?: "PRIVATE" | "PUBLIC";
  /** Explicit scope answer for a limited adequacy decision; default true (private commercial importer). */
  importerInScope?: boolean;
  /** The importer's vendor record (for an onward transfer: the sub-processor's), or null. */
  vendor: VendorFacts | null;
  /**
   * Countries the same recipient's other transfers already record: vendor locations and sub-processors
   * there are evaluated by those transfers and only noted here.
   */
  coveredCountries?: readonly string[];
  /** UK or Swiss exporters are out of scope for now (UK IDTA, Swiss DPF). */
  exporterIsUkOrSwiss?: false;
};

export type TransferDestination =
  | { kind: "country"; code: string; isEea: boolean }
  | { kind: "organisation"; name: string }
  | { kind: "unknown" };

export type TransferVerdict = {
  transferId: string;
  verdict: VerdictLevel;
  /** All fired rules, worst first. */
  reasons: RiskReason[];
  /** The as-of day (UTC, YYYY-MM-DD). */
  asOf: Day;
  /** The reference-data version the verdict used. */
  referenceVersion: string;
  destination: TransferDestination;
};

// ───────────────────────────── Context helpers (pure, for the query layer) ─────────────────────────────

/** The importer's role from the recipient's role; null where neither applies (internal, other). */
export function importerRoleFor(role: RecipientRole): PartyRole | null {
  switch (role) {
    case "PROCESSOR":
    case "SUB_PROCESSOR":
      return "PROCESSOR";
    case "INDEPENDENT_CONTROLLER":
    case "JOINT_CONTROLLER":
    case "PUBLIC_AUTHORITY":
      return "CONTROLLER";
    default:
      return null;
  }
}

/** Our role as exporter: a processor activity, or an onward transfer by our processor, exports as PROCESSOR. */
export function exporterRoleFor(activityRole: ActivityRole, isOnwardTransfer: boolean): PartyRole {
  return activityRole === "PROCESSOR" || isOnwardTransfer ? "PROCESSOR" : "CONTROLLER";
}

const HR_SUBJECTS = new Set(["EMPLOYEES", "APPLICANTS"]);
const HR_CATEGORIES = new Set(["EMPLOYMENT"]);

/** HR data for the DPF coverage test: employee or applicant data subjects, or employment data. */
export function includesHrData(dataSubjectCodes: readonly string[], dataCategoryCodes: readonly string[]): boolean {
  return dataSubjectCodes.some((c) => HR_SUBJECTS.has(c)) || dataCategoryCodes.some((c) => HR_CATEGORIES.has(c));
}

/**
 * The TIA facts of a transfer: the linked TIA record, or else a TIA reference or date recorded on the
 * transfer itself (counts as a TIA assessed on that date, without a conclusion).
 */
export function tiaFacts(
  record: { assessedAt: Date | null; nextReviewAt: Date | null; conclusion: TiaConclusion | null } | null,
  tiaReference: string | null,
  tiaDate: Date | null,
): TiaFacts | null {
  if (record) return { ...record, assessedAt: record.assessedAt ?? tiaDate };
  if ((tiaReference && tiaReference.trim() !== "") || tiaDate) return { assessedAt: tiaDate, nextReviewAt: null, conclusion: null };
  return null;
}

// ───────────────────────────── Evaluation ─────────────────────────────

type Eval = {
  transfer: TransferFacts;
  context: TransferContext;
  day: Day;
  ref: ReferenceSnapshot;
  reasons: RiskReason[];
};

const isBlank = (s: string | null | undefined): boolean => !s || s.trim() === "";

export function evaluateTransfer(transfer: TransferFacts, context: TransferContext, asOf: Date, ref: ReferenceSnapshot): TransferVerdict {
  const day = toDay(asOf);
  const e: Eval = { transfer, context, day, ref, reasons: [] };
  const destination = destinationOf(transfer, ref, day);

  if (destination.kind === "country" && destination.isEea) {
    evaluateEeaDestination(e, destination.code);
  } else {
    if (destination.kind === "unknown") e.reasons.push(reason("DEST", "attention", "reason", "fix", [art("Art. 30(1)(e)"), art("Art. 44")]));
    evaluateMechanism(e, destination);
    evaluateChain(e, destination.kind === "country" ? destination.code : null, false);
  }

  const reasons = e.reasons.map((r, i) => ({ r, i })).sort((a, b) => compareLevels(b.r.level, a.r.level) || a.i - b.i).map((x) => x.r);
  return { transferId: transfer.id, verdict: worstLevel(reasons.map((r) => r.level)), reasons, asOf: day, referenceVersion: ref.version, destination };
}

function destinationOf(t: TransferFacts, ref: ReferenceSnapshot, day: Day): TransferDestination {
  if (!isBlank(t.internationalOrganisation)) return { kind: "organisation", name: (t.internationalOrganisation ?? "").trim() };
  if (!isBlank(t.destinationCountry)) {
    const code = normalizeCountry(t.destinationCountry ?? "");
    return { kind: "country", code, isEea: isEea(ref, code, day) };
  }
  return { kind: "unknown" };
}

const coveredSet = (c: TransferContext): Set<string> => new Set((c.coveredCountries ?? []).map(normalizeCountry));

// TR01–TR03 and ONWARD for a destination inside the EEA: no transfer by the recipient itself; what
// matters is access from abroad, the group behind the provider and its sub-processors. Never critical.
function evaluateEeaDestination(e: Eval, country: string): void {
  const { context, ref, day } = e;
  const vendor = context.vendor;
  const covered = coveredSet(context);
  let clean = true;
  let foreignLocation = false;

  for (const loc of vendor?.locations ?? []) {
    const c = normalizeCountry(loc.country);
    if (isEea(ref, c, day)) continue;
    foreignLocation = true;
    if (covered.has(c)) {
      e.reasons.push(reason("TR02", "ok", "covered", null, [EDPB_TRANSFERS], { country: c, purpose: loc.purpose }));
    } else {
      clean = false;
      e.reasons.push(reason("TR02", "attention", "reason", "fix", [EDPB_TRANSFERS, art("Art. 44")], { country: c, purpose: loc.purpose }));
    }
  }

  if (vendor?.country && !isEea(ref, vendor.country, day)) {
    clean = false;
    e.reasons.push(
      reason("TR03", "attention", "importerSeat", "fixImporterSeat", [EDPB_TRANSFERS, art("Art. 44")], { country: normalizeCountry(vendor.country) }),
    );
  }
  if (!foreignLocation && vendor?.parentCountry && !isEea(ref, vendor.parentCountry, day)) {
    e.reasons.push(
      reason("TR03", "attention", "reason", "fix", [EDPB_TRANSFERS, art("Art. 28"), art("Art. 32")], { parentCountry: normalizeCountry(vendor.parentCountry) }),
    );
  }

  if (!evaluateChain(e, country, true)) clean = false;
  if (clean) e.reasons.push(reason("TR01", "ok", "reason", null, [art("Art. 44"), EDPB_TRANSFERS], { country }));
}

/**
 * ONWARD (and TR02 for third-country destinations): sub-processors and vendor locations outside the
 * EEA and outside the destination country. Returns false when an uncovered onward transfer was found.
 */
function evaluateChain(e: Eval, destinationCountry: string | null, destinationIsEea: boolean): boolean {
  const { context, ref, day } = e;
  const vendor = context.vendor;
  if (!vendor) return true;
  const covered = coveredSet(context);
  let clean = true;
  const citations = [art("Art. 44"), art("Art. 28(2)"), art("Art. 28(4)"), EDPB_TRANSFERS];

  if (!destinationIsEea) {
    for (const loc of vendor.locations) {
      const c = normalizeCountry(loc.country);
      if (c === destinationCountry || isEea(ref, c, day)) continue;
      if (covered.has(c)) e.reasons.push(reason("TR02", "ok", "covered", null, [EDPB_TRANSFERS], { country: c, purpose: loc.purpose }));
      else e.reasons.push(reason("TR02", "info", "otherCountry", "fix", [EDPB_TRANSFERS, art("Art. 44")], { country: c, purpose: loc.purpose }));
    }
  }

  for (const sp of vendor.subProcessors) {
    if (isBlank(sp.country)) {
      e.reasons.push(reason("ONWARD", "info", "countryUnknown", "fix", citations, { subProcessor: sp.name }));
      continue;
    }
    const c = normalizeCountry(sp.country ?? "");
    if (c === destinationCountry || isEea(ref, c, day)) continue;
    const params = { subProcessor: sp.name, country: c, access: sp.access };
    if (covered.has(c)) e.reasons.push(reason("ONWARD", "ok", "covered", null, citations, params));
    else if (destinationIsEea) {
      clean = false;
      e.reasons.push(reason("ONWARD", "attention", "reason", "fix", citations, params));
    } else e.reasons.push(reason("ONWARD", "info", "thirdCountry", "fix", citations, params));
  }
  return clean;
}

function adequacyTarget(d: TransferDestination): AdequacyTarget | null {
  if (d.kind === "country") return { country: d.code };
  if (d.kind === "organisation") return { organisation: d.name };
  return null;
}

function targetParams(d: TransferDestination): RiskParams {
  if (d.kind === "country") return { country: d.code };
  if (d.kind === "organisation") return { organisation: d.name };
  return {};
}

function evaluateMechanism(e: Eval, dest: TransferDestination): void {
  const { transfer: t, context, day, ref } = e;
  const m = t.mechanism;
  const target = adequacyTarget(dest);
  const destParams = targetParams(dest);

  switch (m) {
    case "NONE_STATED":
    case "OTHER":
    case "NOT_A_TRANSFER": {
      if (dest.kind === "unknown" && m === "NOT_A_TRANSFER") return; // DEST already says what to record
      const message = m === "NONE_STATED" ? "reason" : m === "OTHER" ? "other" : "notATransfer";
      const available = target ? adequacyFor(ref, target, day) : null;
      const usable = available && available.scope === "FULL" ? available : null;
      e.reasons.push(
        reason("TR18", "critical", message, usable ? "fixAdequacy" : "fix", [art("Art. 44"), art("Art. 30(1)(e)")], {
          ...destParams,
          mechanism: m,
          adequacyDecision: usable ? usable.source : null,
        }),
      );
      return;
    }
    case "ADEQUACY":
      if (target) evaluateAdequacy(e, target, destParams);
      return;
    case "DPF":
      if (target) evaluateDpf(e, target, destParams);
      return;
    case "PRIVACY_SHIELD":
    case "SAFE_HARBOR":
      evaluateInvalidated(e, m, destParams);
      return;
    case "SCC_OLD":
      evaluateOldScc(e, dest, destParams);
      return;
    default:
      break;
  }

  const art49 = ART49_ARTICLE[m];
  if (art49) {
    evaluateArt49(e, m, art49, destParams);
    return;
  }

  const art46 = ART46_ARTICLE[m];
  if (art46) {
    const code = INSTRUMENT_CODE[m];
    const inst = code ? instrument(ref, code) : null;
    if (inst && !instrumentValidOn(inst, day)) {
      e.reasons.push(instrumentNotInForce(inst, m, art46, destParams));
      return;
    }
    if (!contractInPlace(e, m, art46, destParams)) return;
    const sccModule = SCC_MODULE[m];
    if (sccModule !== undefined) {
      if (context.importerRole && !sccModuleMatches(sccModule, context.exporterRole, context.importerRole)) {
        const expected = pickSccModule(context.exporterRole, context.importerRole);
        e.reasons.push(
          reason("TR10", "attention", "reason", "fix", [decision(inst?.source ?? "2021/914"), art(art46)], {
            ...destParams,
            recordedModule: sccModule,
            expectedModule: expected,
            exporterRole: context.exporterRole,
            importerRole: context.importerRole,
          }),
        );
      }
      if (t.importerSubjectToGdpr) {
        e.reasons.push(reason("TR12", "info", "reason", "fix", [decision(inst?.source ?? "2021/914"), art("Art. 3(2)"), EDPB_TRANSFERS], destParams));
      }
    }
    evaluateTia(e, dest, art46, destParams);
  }
}

function instrumentNotInForce(inst: InstrumentRef, m: TransferMechanism, article: string, params: RiskParams): RiskReason {
  return reason("TR18", "critical", "instrumentNotInForce", "fix", [art(article), decision(inst.source)], {
    ...params,
    mechanism: m,
    validFrom: inst.validFrom,
    validTo: inst.validTo,
  });
}

/** Contract-based tools need a contract concluded on or before the as-of day. */
function contractInPlace(e: Eval, m: TransferMechanism, article: string, params: RiskParams): boolean {
  const concluded = e.transfer.contractConcludedAt;
  if (!CONTRACT_BASED.has(m) || !concluded) return true;
  const day = toDay(concluded);
  if (day <= e.day) return true;
  e.reasons.push(reason("TR18", "critical", "contractNotYetConcluded", "fix", [art(article), art("Art. 44")], { ...params, mechanism: m, contractConcludedAt: day }));
  return false;
}

// TR04 / TR05 (and TR06 / TR07 where the decision covers certified organisations only), TR20.
function evaluateAdequacy(e: Eval, target: AdequacyTarget, params: RiskParams): void {
  const { context, day, ref } = e;
  const a = adequacyFor(ref, target, day);
  if (!a) {
    e.reasons.push(reason("TR05", "critical", "notInForce", "fix", [art("Art. 45"), art("Art. 46")], params));
    return;
  }
  const cites = [art("Art. 45"), decision(a.source)];
  const decisionParams = { ...params, decision: a.source, scope: a.scope, validTo: a.validTo, verified: a.verified };
  switch (a.scope) {
    case "DPF_CERTIFIED_ONLY":
      evaluateDpf(e, target, params);
      return;
    case "COMMERCIAL_PIPEDA":
    case "PRIVATE_SECTOR":
      if (context.importerSector === "PUBLIC" || context.importerInScope === false) {
        e.reasons.push(reason("TR05", "critical", "reason", "fix", [...cites, art("Art. 46")], { ...decisionParams, importerSector: context.importerSector ?? "PRIVATE" }));
        return;
      }
      e.reasons.push(reason("TR04", "ok", "reason", null, cites, decisionParams));
      break;
    case "PARTIAL":
      if (context.importerInScope === false) {
        e.reasons.push(reason("TR05", "critical", "reason", "fix", [...cites, art("Art. 46")], { ...decisionParams, importerSector: context.importerSector ?? "PRIVATE" }));
        return;
      }
      e.reasons.push(reason("TR04", "info", "partialScope", "fixPartialScope", cites, { ...decisionParams, scopeText: a.scopeText }));
      break;
    case "FULL":
      e.reasons.push(reason("TR04", "ok", "reason", null, cites, decisionParams));
      break;
  }
  evaluateAdequacyNotice(e, target, a, params);
}

// TR20: review or end of coverage within ADEQUACY_NOTICE_DAYS after the as-of day.
function evaluateAdequacyNotice(e: Eval, target: AdequacyTarget, a: AdequacyRef, params: RiskParams): void {
  const horizon = addDays(e.day, ADEQUACY_NOTICE_DAYS);
  const cites = [art("Art. 45(3)"), decision(a.source)];
  if (a.reviewDue && isWithin(a.reviewDue, e.day, horizon)) {
    e.reasons.push(reason("TR20", "info", "review", null, cites, { ...params, decision: a.source, reviewDue: a.reviewDue }));
  }
  const end = adequacyCoverageEnd(e.ref, target, e.day);
  if (typeof end === "string" && end <= horizon) {
    e.reasons.push(reason("TR20", "info", "sunset", null, cites, { ...params, decision: a.source, validTo: end }));
  }
}

// TR06 / TR07: the DPF is a property of the certified recipient, never of the country.
function evaluateDpf(e: Eval, target: AdequacyTarget, params: RiskParams): void {
  const { context, day, ref } = e;
  const current = adequacyFor(ref, target, day);
  const dpfDecision = current && current.scope === "DPF_CERTIFIED_ONLY" ? current : null;
  if (!dpfDecision) {
    const known = adequacyHistory(ref, target).find((a) => a.scope === "DPF_CERTIFIED_ONLY");
    if (known) {
      e.reasons.push(
        reason("TR07", "critical", "decisionNotInForce", "fix", [decision(known.source), art("Art. 45")], {
          ...params,
          decision: known.source,
          validFrom: known.effectiveFrom,
          validTo: known.validTo,
        }),
      );
    } else {
      e.reasons.push(reason("TR07", "critical", "notApplicable", "fix", [art("Art. 45"), art("Art. 44")], params));
    }
    return;
  }

  const cites = [decision(dpfDecision.source), DPF_LIST];
  const check = latestDpfCheck(context.vendor?.dpfChecks ?? [], day);
  const checkParams = {
    ...params,
    decision: dpfDecision.source,
    checkedAt: check ? toDay(check.checkedAt) : null,
    status: check ? check.status : null,
    nextCertificationDue: check?.nextCertificationDue ? toDay(check.nextCertificationDue) : null,
    hrData: context.dataIncludesHr,
  };
  if (!check || check.status === "NOT_LISTED") {
    e.reasons.push(reason("TR07", "critical", "reason", "fix", cites, checkParams));
    return;
  }
  if (check.status === "INACTIVE") {
    e.reasons.push(reason("TR07", "critical", "inactive", "fix", cites, checkParams));
    return;
  }
  if (context.dataIncludesHr && !check.coversHr) {
    e.reasons.push(reason("TR07", "critical", "noHrCoverage", "fixHr", cites, checkParams));
    return;
  }
  if (!context.dataIncludesHr && !check.coversNonHr) {
    e.reasons.push(reason("TR07", "critical", "noNonHrCoverage", "fix", cites, checkParams));
    return;
  }
  const due = checkParams.nextCertificationDue;
  if (due !== null && due < day) {
    e.reasons.push(reason("TR06", "attention", "recertificationOverdue", "fix", [...cites, DPF_APPEAL], checkParams));
  } else {
    e.reasons.push(reason("TR06", "ok", "reason", "fix", [...cites, DPF_APPEAL], checkParams));
  }
  evaluateAdequacyNotice(e, target, dpfDecision, params);
}

function latestDpfCheck(checks: readonly DpfCheckFacts[], day: Day): DpfCheckFacts | null {
  let latest: DpfCheckFacts | null = null;
  for (const c of checks) {
    if (toDay(c.checkedAt) > day) continue;
    if (!latest || c.checkedAt.getTime() >= latest.checkedAt.getTime()) latest = c;
  }
  return latest;
}

// TR16: Safe Harbor / Privacy Shield, red once invalidated (the instrument's validTo), fine before.
function evaluateInvalidated(e: Eval, m: TransferMechanism, params: RiskParams): void {
  const code = INSTRUMENT_CODE[m] ?? m;
  const inst = instrument(e.ref, code);
  const invalidatedBy = INVALIDATING_JUDGMENT[m];
  const cites = [...(inst ? [decision(inst.source)] : []), ...(invalidatedBy ? [judgment(invalidatedBy)] : [])];
  if (inst && inst.validFrom !== null && e.day < inst.validFrom) {
    e.reasons.push(instrumentNotInForce(inst, m, "Art. 45", params));
    return;
  }
  if (inst && instrumentValidOn(inst, e.day)) {
    e.reasons.push(reason("TR16", "ok", "validThen", null, cites, { ...params, instrument: code, validTo: inst.validTo }));
    return;
  }
  e.reasons.push(
    reason("TR16", "critical", "reason", "fix", cites, { ...params, instrument: code, invalidFrom: inst?.validTo ? addDays(inst.validTo, 1) : null }),
  );
}

// TR17: old SCCs, red after their last usable day or when concluded after the repeal; amber in the
// transition; otherwise an Art. 46 tool like any other (TIA).
function evaluateOldScc(e: Eval, dest: TransferDestination, params: RiskParams): void {
  const olds = [...e.ref.instruments.values()].filter((i) => i.code.startsWith(OLD_SCC_PREFIX));
  const maxDay = (pick: (i: InstrumentRef) => Day | null): Day | null =>
    olds.reduce<Day | null>((max, i) => {
      const d = pick(i);
      return d !== null && (max === null || d > max) ? d : max;
    }, null);
  const validTo = maxDay((i) => i.validTo);
  const newContractsUntil = maxDay((i) => i.newContractsUntil);
  const successor = olds.map((i) => i.successorCode).find((c): c is string => c !== null);
  const successorSource = successor ? instrument(e.ref, successor)?.source : undefined;
  const cites = [...(successorSource ? [decision(successorSource)] : []), ...olds.map((i) => decision(i.source))];
  const concluded = e.transfer.contractConcludedAt ? toDay(e.transfer.contractConcludedAt) : null;
  const p = { ...params, validTo, newContractsUntil, contractConcludedAt: concluded };

  let red = false;
  if (validTo !== null && e.day > validTo) {
    e.reasons.push(reason("TR17", "critical", "reason", "fix", cites, p));
    red = true;
  }
  if (concluded !== null && newContractsUntil !== null && concluded > newContractsUntil) {
    e.reasons.push(reason("TR17", "critical", "concludedAfterRepeal", "fix", cites, p));
    red = true;
  }
  if (red) return;
  if (!contractInPlace(e, "SCC_OLD", "Art. 46(2)(c)", params)) return;
  if (newContractsUntil !== null && e.day > newContractsUntil) e.reasons.push(reason("TR17", "attention", "transition", "fix", cites, p));
  evaluateTia(e, dest, "Art. 46(2)(c)", params);
}

// TR13–TR15: derogations for occasional transfers only.
function evaluateArt49(e: Eval, m: TransferMechanism, article: string, params: RiskParams): void {
  const { transfer: t, context, day } = e;
  const cites = [art(article), art("Art. 49"), EDPB_ART49];
  const p = { ...params, mechanism: m };
  if (t.isRegular) e.reasons.push(reason("TR13", "critical", "reason", "fix", [...cites, art("Recital 111")], p));
  if (m === "ART49_1A" && context.consentForTrackingOrHosting) e.reasons.push(reason("TR14", "critical", "reason", "fix", cites, p));
  if (m === "ART49_1_SUBPARA2") {
    const cites15 = [art("Art. 49(1) subpara. 2"), art("Art. 49(6)"), art("Art. 30(1)(e)")];
    if (isBlank(t.art49Assessment)) e.reasons.push(reason("TR15", "critical", "assessmentMissing", "fix", cites15, p));
    const informed = t.saInformedAt ? toDay(t.saInformedAt) : null;
    if (informed === null || informed > day) e.reasons.push(reason("TR15", "critical", "saNotInformed", "fix", cites15, { ...p, saInformedAt: informed }));
  }
  if (!t.isRegular) e.reasons.push(reason("TR13", "info", "occasional", "fixOccasional", cites, p));
}

// TR08 / TR09 / TR11 / TR19: the transfer impact assessment an Art. 46 tool needs since Schrems II.
function evaluateTia(e: Eval, dest: TransferDestination, article: string, params: RiskParams): void {
  const { transfer: t, day, ref } = e;
  const requiredFrom = legalSource(ref, SCHREMS_II)?.adoptedOn ?? null;
  const cites11 = [judgment(SCHREMS_II), EDPB_MEASURES, art(article)];
  if (requiredFrom !== null && day < requiredFrom) {
    e.reasons.push(reason("TR11", "ok", "notRequiredBefore", null, cites11, { ...params, requiredFrom }));
    return;
  }
  const tia = t.tia;
  if (!tia || !tia.assessedAt) {
    e.reasons.push(reason("TR11", "attention", tia ? "tiaIncomplete" : "reason", "fix", cites11, params));
    return;
  }
  const assessed = toDay(tia.assessedAt);
  if (assessed > day) {
    e.reasons.push(reason("TR11", "attention", "reason", "fix", cites11, { ...params, tiaAssessedAt: assessed }));
    return;
  }
  const next = tia.nextReviewAt ? toDay(tia.nextReviewAt) : null;
  if (next !== null && next < day) e.reasons.push(reason("TR19", "attention", "reason", "fix", [EDPB_MEASURES], { ...params, nextReviewAt: next }));

  // TR08 where the destination's adequacy covers certified organisations only (the US under the DPF):
  // EO 14086 applies to every transfer there, so a TIA may conclude "no issues".
  const target = adequacyTarget(dest);
  const current = target ? adequacyFor(ref, target, day) : null;
  const rule = current?.scope === "DPF_CERTIFIED_ONLY" ? "TR08" : "TR09";
  const cites = [art(article), EDPB_MEASURES];
  const p = { ...params, tiaAssessedAt: assessed, tiaNextReviewAt: next, conclusion: tia.conclusion };
  switch (tia.conclusion) {
    case "STOP":
      e.reasons.push(reason(rule, "critical", "tiaStop", "fixStop", cites, p));
      break;
    case "GO":
      e.reasons.push(reason(rule, "ok", "noIssues", null, cites, p));
      break;
    case "GO_WITH_MEASURES":
      if (isBlank(t.supplementaryMeasures)) e.reasons.push(reason(rule, "attention", "measuresMissing", "fix", cites, p));
      else e.reasons.push(reason(rule, "attention", "reason", "fix", cites, p));
      break;
    default:
      e.reasons.push(reason(rule, "attention", "conclusionMissing", "fix", cites, p));
  }
}
