// The activity form: one zod schema shared by the browser (HTML constraints from the constants below) and
// the server actions (house-style §4). Client-safe: no server imports.
//
// Repeating groups travel as indexed field names (`purposes.0.description`, `purposes.0.legalBases`, …);
// nestActivityForm() turns the flat FormData object into nested arrays before zod sees it, and
// parseActivityForm() reports errors under the same dotted names, so every error lands next to its field.
import { z } from "zod";
import { formDataToObject, type FormState } from "@/lib/forms";
import type { Changes } from "@/lib/domain/diff";

/** A refused save because someone else saved first: who, when (ISO, UTC) and what differs from the submitted values. */
export type ConflictInfo = { by: string; at: string; changes: Changes; /** The stored version: saving again on purpose overwrites it. */ version: number };
/** FormState of the activity forms: plus the conflict panel and, after a success, the saved version. */
export type ActivityFormState = FormState & { conflict?: ConflictInfo };

export const ACTIVITY_ROLES = ["CONTROLLER", "JOINT_CONTROLLER", "PROCESSOR"] as const;
export const OPERATING_STAGES = ["PLANNING", "TEST", "ROLL_OUT", "OPERATION"] as const;
export const DPIA_DECISIONS = ["PENDING", "NOT_REQUIRED", "REQUIRED"] as const;
export const DPIA_STATUSES = ["NOT_STARTED", "IN_PROGRESS", "COMPLETED"] as const;
export type ActivityRoleValue = (typeof ACTIVITY_ROLES)[number];

export const LIMITS = {
  referenceNumber: 50,
  name: 200,
  shortText: 200,
  email: 254,
  phone: 50,
  longText: 5000,
  code: 60,
  id: 40,
  country: 2,
  maxRows: 50,
  retentionMonthsMax: 1200,
  estimatedDataSubjectsMax: 1_000_000_000,
  reviewIntervalMin: 1,
  reviewIntervalMax: 120,
  changeReason: 1000,
} as const;

/** Groups whose rows are sent as `<group>.<index>.<field>`. */
export const REPEATING_GROUPS = ["purposes", "dataCategories", "systems", "jointControllers"] as const;
export type RepeatingGroup = (typeof REPEATING_GROUPS)[number];
export const LEGITIMATE_INTEREST_CODE = "ART6_1_F";

const ROW_KEY = /^(purposes|dataCategories|systems|jointControllers)\.(\d{1,2})\.([a-zA-Z]{1,40})$/;

/**
 * Flat form object → nested: `purposes.1.description` becomes `purposes[1].description`. Rows are kept in
 * index order without gaps. Keys that do not match the pattern are kept as they are (the strict schema
 * then refuses unknown ones).
 */
export function nestActivityForm(flat: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const groups = new Map<string, Map<number, Record<string, unknown>>>();
  for (const [key, value] of Object.entries(flat)) {
    const m = ROW_KEY.exec(key);
    if (!m) {
      out[key] = value;
      continue;
    }
    const [, group = "", index = "0", field = ""] = m;
    const rows = groups.get(group) ?? new Map<number, Record<string, unknown>>();
    groups.set(group, rows);
    const row = rows.get(Number(index)) ?? {};
    rows.set(Number(index), row);
    row[field] = value;
  }
  for (const group of REPEATING_GROUPS) {
    const rows = groups.get(group);
    out[group] = rows ? [...rows.entries()].sort(([a], [b]) => a - b).map(([, row]) => row) : [];
  }
  return out;
}

const toList = (v: unknown) => (v === undefined || v === null ? [] : Array.isArray(v) ? v.filter((x) => x !== undefined) : [v]);
const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());
const text = (max: number) => z.string().trim().max(max).optional();
const requiredText = (max: number) => z.string().trim().min(1).max(max);
const code = z.string().regex(/^[A-Za-z0-9_.-]{1,60}$/);
const id = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/);
/** A record id as the actions accept it (cuid-like): a string of letters, digits, "_" and "-". */
export const isEntityId = (v: unknown): v is string => id.safeParse(v).success;
const codeList = z.preprocess(toList, z.array(code).max(LIMITS.maxRows));
const idList = z.preprocess(toList, z.array(id).max(200));
const optionalInt = (min: number, max: number) => z.preprocess((v) => (v === undefined ? undefined : v), z.coerce.number().int().min(min).max(max).optional());
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "errors.invalidFormat")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), "errors.invalidFormat")
  .optional();

const purposeSchema = z
  .object({
    description: requiredText(LIMITS.longText),
    legalBases: codeList,
    note: text(LIMITS.longText),
    legitimateInterest: text(LIMITS.longText),
    liaReference: text(LIMITS.shortText),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.legalBases.length === 0) ctx.addIssue({ code: "custom", path: ["legalBases"], message: "activity.errors.legalBasisRequired" });
    if (p.legalBases.includes(LEGITIMATE_INTEREST_CODE) && !p.legitimateInterest) {
      ctx.addIssue({ code: "custom", path: ["legitimateInterest"], message: "activity.errors.legitimateInterestRequired" });
    }
  });

const dataCategorySchema = z
  .object({
    categoryCode: code,
    description: text(LIMITS.longText),
    isSpecialCategory: checkbox,
    retentionPeriod: text(LIMITS.shortText),
    retentionMonths: optionalInt(0, LIMITS.retentionMonthsMax),
    retentionStartCode: code.optional(),
    retentionLegalRef: text(LIMITS.shortText),
    sourceCode: code.optional(),
  })
  .strict();

const systemSchema = z
  .object({
    name: requiredText(LIMITS.shortText),
    vendorId: id.optional(),
    location: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, "errors.invalidFormat").optional(),
    note: text(LIMITS.longText),
  })
  .strict();

const jointControllerSchema = z
  .object({
    name: requiredText(LIMITS.shortText),
    vendorId: id.optional(),
    contact: text(LIMITS.shortText),
    arrangementRef: text(LIMITS.shortText),
    responsibilities: text(LIMITS.longText),
  })
  .strict();

const fields = {
  referenceNumber: requiredText(LIMITS.referenceNumber),
  name: requiredText(LIMITS.name),
  description: text(LIMITS.longText),
  departmentId: id.optional(),
  contactName: text(LIMITS.shortText),
  contactEmail: z.email().max(LIMITS.email).optional(),
  contactPhone: text(LIMITS.phone),
  role: z.enum(ACTIVITY_ROLES),
  clientVendorId: id.optional(),
  jointArrangement: text(LIMITS.longText),
  jointControllers: z.array(jointControllerSchema).max(LIMITS.maxRows),
  processingCategories: text(LIMITS.longText),
  operatingStage: z.enum(OPERATING_STAGES),
  purposes: z.array(purposeSchema).max(LIMITS.maxRows),
  dataSubjects: codeList,
  dataCategories: z.array(dataCategorySchema).max(LIMITS.maxRows),
  dataSources: text(LIMITS.longText),
  systems: z.array(systemSchema).max(LIMITS.maxRows),
  estimatedDataSubjects: optionalInt(0, LIMITS.estimatedDataSubjectsMax),
  automatedDecisionMaking: checkbox,
  profiling: checkbox,
  informationProvided: text(LIMITS.longText),
  generalTomDescription: text(LIMITS.longText),
  toms: idList,
  noThirdCountryTransfer: checkbox,
  // dpiaDecision / dpiaDecisionReason are not form fields: the DPO records them against the screening
  // (lib/dpia, permission dpia:decide); the strict schema refuses them here (field-level authorization, C07).
  dpiaStatus: z.enum(DPIA_STATUSES),
  dpiaReference: text(LIMITS.shortText),
  reviewIntervalMonths: z.coerce.number().int().min(LIMITS.reviewIntervalMin).max(LIMITS.reviewIntervalMax),
  nextReviewAt: isoDate,
  changeReason: text(LIMITS.changeReason),
};

type Base = { role: ActivityRoleValue; clientVendorId?: string; jointControllers: unknown[]; jointArrangement?: string; dataCategories: { categoryCode: string }[] };
function roleRules(a: Base, ctx: z.RefinementCtx) {
  if (a.role === "PROCESSOR" && !a.clientVendorId) ctx.addIssue({ code: "custom", path: ["clientVendorId"], message: "activity.errors.clientRequired" });
  if (a.role === "JOINT_CONTROLLER") {
    if (a.jointControllers.length === 0) ctx.addIssue({ code: "custom", path: ["jointControllers"], message: "activity.errors.jointControllerRequired" });
    if (!a.jointArrangement) ctx.addIssue({ code: "custom", path: ["jointArrangement"], message: "activity.errors.jointArrangementRequired" });
  }
  const seen = new Set<string>();
  a.dataCategories.forEach((c, i) => {
    if (seen.has(c.categoryCode)) ctx.addIssue({ code: "custom", path: ["dataCategories", i, "categoryCode"], message: "activity.errors.duplicateCategory" });
    seen.add(c.categoryCode);
  });
}

export const activityCreateSchema = z.preprocess(
  (v) => (v && typeof v === "object" ? nestActivityForm(v as Record<string, unknown>) : v),
  z.object(fields).strict().superRefine(roleRules),
);
export const activityUpdateSchema = z.preprocess(
  (v) => (v && typeof v === "object" ? nestActivityForm(v as Record<string, unknown>) : v),
  z.object({ ...fields, version: z.coerce.number().int().min(1) }).strict().superRefine(roleRules),
);
export type ActivityCreateInput = z.infer<typeof activityCreateSchema>;
export type ActivityUpdateInput = z.infer<typeof activityUpdateSchema>;

/** Workflow buttons, revision restore and copy: small forms with a version (or a target). */
export const workflowSchema = z.object({ version: z.coerce.number().int().min(1), reason: text(LIMITS.changeReason) }).strict();
export const restoreRevisionSchema = z.object({ version: z.coerce.number().int().min(1), revision: z.coerce.number().int().min(1) }).strict();
export const copyActivitySchema = z.object({ targetOrganisationId: id }).strict();

// ───────────────────────────── Canonical content (revisions, diffs, restore) ─────────────────────────────

/** The editable content of an activity in its canonical order (what a revision snapshot holds). */
export type ActivityContent = {
  referenceNumber: string;
  name: string;
  description: string | null;
  departmentId: string | null;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  role: ActivityRoleValue;
  clientVendorId: string | null;
  jointArrangement: string | null;
  processingCategories: string | null;
  operatingStage: (typeof OPERATING_STAGES)[number];
  dataSources: string | null;
  estimatedDataSubjects: number | null;
  automatedDecisionMaking: boolean;
  profiling: boolean;
  informationProvided: string | null;
  generalTomDescription: string | null;
  noThirdCountryTransfer: boolean;
  dpiaDecision: (typeof DPIA_DECISIONS)[number];
  dpiaDecisionReason: string | null;
  dpiaStatus: (typeof DPIA_STATUSES)[number];
  dpiaReference: string | null;
  reviewIntervalMonths: number;
  nextReviewAt: string | null;
  purposes: { description: string; legalBases: { basisCode: string; note: string | null; legitimateInterest: string | null; liaReference: string | null }[] }[];
  dataSubjects: { categoryCode: string; note: string | null }[];
  dataCategories: {
    categoryCode: string;
    description: string | null;
    isSpecialCategory: boolean;
    retentionPeriod: string | null;
    retentionMonths: number | null;
    retentionStartCode: string | null;
    retentionLegalRef: string | null;
    sourceCode: string | null;
  }[];
  systems: { name: string; vendorId: string | null; location: string | null; note: string | null }[];
  jointControllers: { name: string; vendorId: string | null; contact: string | null; arrangementRef: string | null; responsibilities: string | null }[];
  tomIds: string[];
};

const n = <T>(v: T | undefined | null): T | null => (v === undefined ? null : v);
const byKey = <T>(key: (x: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

/** Sorts children into the canonical order, so equal content compares equal. */
export function canonicalContent(c: ActivityContent): ActivityContent {
  return {
    ...c,
    purposes: c.purposes.map((p) => ({ ...p, legalBases: [...p.legalBases].sort(byKey((b) => b.basisCode)) })),
    dataSubjects: [...c.dataSubjects].sort(byKey((s) => s.categoryCode)),
    dataCategories: [...c.dataCategories].sort(byKey((d) => d.categoryCode)),
    systems: [...c.systems].sort(byKey((s) => `${s.name}\u0000${s.location ?? ""}\u0000${s.note ?? ""}`)),
    jointControllers: [...c.jointControllers].sort(byKey((j) => `${j.name}\u0000${j.contact ?? ""}`)),
    tomIds: [...new Set(c.tomIds)].sort(),
  };
}

/** Parsed form → canonical content. A purpose's note goes to each of its legal bases; the legitimate interest to Art. 6(1)(f). */
export function contentFromInput(i: ActivityCreateInput): ActivityContent {
  return canonicalContent({
    referenceNumber: i.referenceNumber,
    name: i.name,
    description: n(i.description),
    departmentId: n(i.departmentId),
    contactName: n(i.contactName),
    contactEmail: n(i.contactEmail),
    contactPhone: n(i.contactPhone),
    role: i.role,
    clientVendorId: i.role === "PROCESSOR" ? n(i.clientVendorId) : null,
    jointArrangement: i.role === "JOINT_CONTROLLER" ? n(i.jointArrangement) : null,
    processingCategories: n(i.processingCategories),
    operatingStage: i.operatingStage,
    dataSources: n(i.dataSources),
    estimatedDataSubjects: n(i.estimatedDataSubjects),
    automatedDecisionMaking: i.automatedDecisionMaking,
    profiling: i.profiling,
    informationProvided: n(i.informationProvided),
    generalTomDescription: n(i.generalTomDescription),
    noThirdCountryTransfer: i.noThirdCountryTransfer,
    dpiaDecision: "PENDING",
    dpiaDecisionReason: null,
    dpiaStatus: i.dpiaStatus,
    dpiaReference: n(i.dpiaReference),
    reviewIntervalMonths: i.reviewIntervalMonths,
    nextReviewAt: i.nextReviewAt ? new Date(`${i.nextReviewAt}T00:00:00Z`).toISOString() : null,
    purposes: i.purposes.map((p) => ({
      description: p.description,
      legalBases: [...new Set(p.legalBases)].map((basisCode) => ({
        basisCode,
        note: n(p.note),
        legitimateInterest: basisCode === LEGITIMATE_INTEREST_CODE ? n(p.legitimateInterest) : null,
        liaReference: basisCode === LEGITIMATE_INTEREST_CODE ? n(p.liaReference) : null,
      })),
    })),
    dataSubjects: [...new Set(i.dataSubjects)].map((categoryCode) => ({ categoryCode, note: null })),
    dataCategories: i.dataCategories.map((d) => ({
      categoryCode: d.categoryCode,
      description: n(d.description),
      isSpecialCategory: d.isSpecialCategory,
      retentionPeriod: n(d.retentionPeriod),
      retentionMonths: n(d.retentionMonths),
      retentionStartCode: n(d.retentionStartCode),
      retentionLegalRef: n(d.retentionLegalRef),
      sourceCode: n(d.sourceCode),
    })),
    systems: i.systems.map((s) => ({ name: s.name, vendorId: n(s.vendorId), location: n(s.location), note: n(s.note) })),
    jointControllers:
      i.role === "JOINT_CONTROLLER"
        ? i.jointControllers.map((j) => ({ name: j.name, vendorId: n(j.vendorId), contact: n(j.contact), arrangementRef: n(j.arrangementRef), responsibilities: n(j.responsibilities) }))
        : [],
    tomIds: i.toms,
  });
}

// ───────────────────────────── Parsing with dotted error paths ─────────────────────────────

function issueKey(issue: z.core.$ZodIssue): string {
  if (issue.message.startsWith("errors.") || issue.message.startsWith("activity.")) return issue.message;
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined ? "errors.required" : "errors.invalidType";
    case "too_small":
      return issue.origin === "string" ? (issue.minimum === 1 ? "errors.required" : "errors.tooShort") : "errors.tooSmall";
    case "too_big":
      return issue.origin === "string" ? "errors.tooLong" : "errors.tooBig";
    case "invalid_format":
      return issue.format === "email" ? "errors.invalidEmail" : "errors.invalidFormat";
    case "invalid_value":
      return "errors.invalidOption";
    case "unrecognized_keys":
      return "errors.unknownField";
    default:
      return "errors.invalid";
  }
}

export type ParsedActivityForm<T> = { ok: true; data: T } | { ok: false; state: FormState };

/** parseForm for the activity forms: field errors keyed by the dotted field name (`purposes.0.description`). */
export function parseActivityForm<S extends z.ZodType>(schema: S, formData: FormData): ParsedActivityForm<z.infer<S>> {
  const { object, values } = formDataToObject(formData);
  const result = schema.safeParse(object);
  if (result.success) return { ok: true, data: result.data };
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const key = issue.code === "unrecognized_keys" || issue.path.length === 0 ? "_form" : issue.path.map(String).join(".");
    const list = (fieldErrors[key] ??= []);
    const message = issueKey(issue);
    if (!list.includes(message)) list.push(message);
  }
  return { ok: false, state: { fieldErrors, formError: "errors.validation", values } };
}

/** Canonical content → the flat field values of the form (the inverse of nestActivityForm + contentFromInput). */
export function contentToFormValues(c: ActivityContent): Record<string, string | string[]> {
  const v: Record<string, string | string[]> = {};
  const put = (key: string, value: string | number | null | undefined) => {
    if (value !== null && value !== undefined && value !== "") v[key] = String(value);
  };
  const flag = (key: string, on: boolean) => {
    if (on) v[key] = "on";
  };
  put("referenceNumber", c.referenceNumber);
  put("name", c.name);
  put("description", c.description);
  put("departmentId", c.departmentId);
  put("contactName", c.contactName);
  put("contactEmail", c.contactEmail);
  put("contactPhone", c.contactPhone);
  put("role", c.role);
  put("clientVendorId", c.clientVendorId);
  put("jointArrangement", c.jointArrangement);
  put("processingCategories", c.processingCategories);
  put("operatingStage", c.operatingStage);
  put("dataSources", c.dataSources);
  put("estimatedDataSubjects", c.estimatedDataSubjects);
  flag("automatedDecisionMaking", c.automatedDecisionMaking);
  flag("profiling", c.profiling);
  put("informationProvided", c.informationProvided);
  put("generalTomDescription", c.generalTomDescription);
  flag("noThirdCountryTransfer", c.noThirdCountryTransfer);
  put("dpiaStatus", c.dpiaStatus);
  put("dpiaReference", c.dpiaReference);
  put("reviewIntervalMonths", c.reviewIntervalMonths);
  put("nextReviewAt", c.nextReviewAt?.slice(0, 10));
  c.purposes.forEach((p, i) => {
    put(`purposes.${i}.description`, p.description);
    if (p.legalBases.length) v[`purposes.${i}.legalBases`] = p.legalBases.map((b) => b.basisCode);
    put(`purposes.${i}.note`, p.legalBases.find((b) => b.note)?.note);
    const li = p.legalBases.find((b) => b.basisCode === LEGITIMATE_INTEREST_CODE);
    put(`purposes.${i}.legitimateInterest`, li?.legitimateInterest);
    put(`purposes.${i}.liaReference`, li?.liaReference);
  });
  if (c.dataSubjects.length) v.dataSubjects = c.dataSubjects.map((s) => s.categoryCode);
  c.dataCategories.forEach((d, i) => {
    put(`dataCategories.${i}.categoryCode`, d.categoryCode);
    put(`dataCategories.${i}.description`, d.description);
    flag(`dataCategories.${i}.isSpecialCategory`, d.isSpecialCategory);
    put(`dataCategories.${i}.retentionPeriod`, d.retentionPeriod);
    put(`dataCategories.${i}.retentionMonths`, d.retentionMonths);
    put(`dataCategories.${i}.retentionStartCode`, d.retentionStartCode);
    put(`dataCategories.${i}.retentionLegalRef`, d.retentionLegalRef);
    put(`dataCategories.${i}.sourceCode`, d.sourceCode);
  });
  c.systems.forEach((x, i) => {
    put(`systems.${i}.name`, x.name);
    put(`systems.${i}.vendorId`, x.vendorId);
    put(`systems.${i}.location`, x.location);
    put(`systems.${i}.note`, x.note);
  });
  c.jointControllers.forEach((j, i) => {
    put(`jointControllers.${i}.name`, j.name);
    put(`jointControllers.${i}.vendorId`, j.vendorId);
    put(`jointControllers.${i}.contact`, j.contact);
    put(`jointControllers.${i}.arrangementRef`, j.arrangementRef);
    put(`jointControllers.${i}.responsibilities`, j.responsibilities);
  });
  if (c.tomIds.length) v.toms = c.tomIds;
  return v;
}

/** Number of rows of a repeating group present in flat form values. */
export function rowCount(values: Record<string, unknown>, group: RepeatingGroup): number {
  let max = -1;
  for (const key of Object.keys(values)) {
    const m = ROW_KEY.exec(key);
    if (m && m[1] === group) max = Math.max(max, Number(m[2]));
  }
  return max + 1;
}
