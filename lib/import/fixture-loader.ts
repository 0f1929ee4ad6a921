// Loads a register in the fixture exchange format (../shared/fixtures/README.md) into the model, in ONE
// transaction: the organisation (from `controller`, unless an existing organisation is given), activities
// with purposes and legal bases, data subjects and categories, recipients as vendors or departments,
// transfers, retention, systems (cookies and tools) and TOMs. Every created top-level entry gets its
// Revision v1 and AuditEvent (through the factories). Values that cannot be mapped onto the model are
// reported, never dropped: free texts outside the vocabularies become organisation vocabulary terms with
// the original label, everything without a field is listed in `unmapped`.
//
// Validation happens before the transaction; the transaction awaits only `tx.*` (C31).
import type { z } from "zod";
import type { Db, Tx } from "@/lib/db";
import type { Actor } from "@/lib/audit";
import { referenceData } from "@/lib/reference-data/load";
import {
  createActivity,
  createDepartment,
  createOrganisation,
  createTom,
  createVendor,
  type DataCategoryInput,
  type PurposeInput,
  type RecipientInput,
  type TransferInput,
} from "@/e2e/factories";
import {
  fixtureActivitySchema,
  fixtureRecipientSchema,
  fixtureRegisterSchema,
  fixtureTransferSchema,
  mapLegalBasis,
  mapMechanism,
  mapRecipientRole,
  type FixtureRegister,
} from "@/lib/import/fixture-register";
import type { RecipientRole, TomCategory, TransferMechanism, VendorKind } from "@/prisma/generated/sqlite/enums";

export type UnmappedValue = { path: string; value: string; reason: UnmappedReason };
export type UnmappedReason =
  | "vocabulary-term-created" // no built-in term fits: stored as an organisation term with the original label
  | "transfer-recipient-not-listed" // the transfer names a recipient the activity does not list: recipient added
  | "transfer-country-missing" // no destination country stated
  | "mechanism-other" // the mechanism is "other": stored as OTHER with the policy's wording
  | "no-field"; // nothing in the model holds it (oddities, rights mentioned, controller data of an existing organisation)

export type FixtureLoadReport = {
  organisationId: string;
  organisationCreated: boolean;
  created: {
    activities: number;
    purposes: number;
    vendors: number;
    departments: number;
    recipients: number;
    transfers: number;
    vocabularyTerms: number;
    toms: number;
    systems: number;
  };
  unmapped: UnmappedValue[];
};

export class FixtureValidationError extends Error {
  constructor(readonly issues: z.core.$ZodIssue[]) {
    super(`invalid register file: ${issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
    this.name = "FixtureValidationError";
  }
}

// ───────────────────────────── Vocabulary mapping (free English texts → codes) ─────────────────────────────

type Rule = readonly [RegExp, string];

const SUBJECT_RULES: readonly Rule[] = [
  [/\bapplicants?\b/i, "APPLICANTS"],
  [/^(employees|staff)\b/i, "EMPLOYEES"],
  [/\bnewsletter (subscribers|recipients)\b/i, "NEWSLETTER_SUBSCRIBERS"],
  [/\bwebsite visitors?\b/i, "WEBSITE_VISITORS"],
  [/\b(prospects?|potential customers|enquirers|leads)\b/i, "PROSPECTS"],
  [/\bcustomers?\b/i, "CUSTOMERS"],
  [/\bsuppliers?\b/i, "SUPPLIERS"],
  [/\bpatients?\b/i, "PATIENTS"],
  [/\bchildren\b/i, "CHILDREN"],
];

const CATEGORY_RULES: readonly Rule[] = [
  [/\b(cv|cover letter|salary|qualifications?|working time)\b/i, "EMPLOYMENT"],
  [/\b(payment|bank details|income)\b/i, "FINANCIAL"],
  [/\bcookie|\bidentifiers?\b|\bvisitor id\b|\bpixel\b|\buser id\b|\bdevice ids?\b/i, "INTERNET_COOKIES"],
  [/\b(e-?mail|telephone|phone|postal address|contact (details|information|data))/i, "CONTACT"],
  [/^names?$|^name and |date of birth/i, "IDENTITY"],
  [/\b(geographic location|location data|region of origin)\b/i, "LOCATION"],
  [/\b(chat|messages?|voicemails?|survey answers|communication)\b/i, "COMMUNICATION"],
  [/\bcontract\b/i, "CONTRACT"],
  [
    /\b(ip address(es)?|log (data|files?)|log file|browser|operating system|device|referr(er|ing)|hostname|connection type|session|page (views?|visits)|pages visited|usage|website accesses|clicks?|mouse|scroll|visit duration|dwell time|screen size|interaction|internet service provider|mac addresses|time of (access|the server request|the website visit)|date and time of access)\b/i,
    "CONNECTION",
  ],
];

const SPECIAL_RULES: readonly Rule[] = [
  [/\bhealth\b/i, "HEALTH"],
  [/\b(racial|ethnic)\b/i, "RACIAL_ETHNIC_ORIGIN"],
  [/\bpolitical\b/i, "POLITICAL_OPINIONS"],
  [/\b(religio|philosophical)/i, "RELIGIOUS_BELIEFS"],
  [/\btrade[- ]union\b/i, "TRADE_UNION"],
  [/\bgenetic\b/i, "GENETIC"],
  [/\bbiometric\b/i, "BIOMETRIC"],
  [/\bsex(ual)?\b/i, "SEX_LIFE"],
  [/\bcriminal\b/i, "CRIMINAL"],
];

const TOM_RULES: readonly (readonly [RegExp, TomCategory])[] = [
  [/\b(encrypt\w*|verschlüssel\w*|ssl|tls|https|pseudonym\w*|anonym\w*|hash\w*)\b/i, "PSEUDONYMISATION_ENCRYPTION"],
  [/\b(backup|load[- ]balanc\w*|availability|verfügbarkeit)\b/i, "AVAILABILITY_RESILIENCE"],
  [/\b(audits?|überprüfung|review|evaluation|iso 27001)\b/i, "EVALUATION"],
  [/\b(access control|zugriff\w*|zutritt\w*|passwor[dt]\w*|vertraulich\w*|confidential\w*)\b/i, "CONFIDENTIALITY"],
  [/\b(agreements?|avv|instructions?|weisung\w*|training|schulung\w*|polic(y|ies)|richtlinie\w*)\b/i, "ORGANISATIONAL"],
];

const firstMatch = <T extends string>(rules: readonly (readonly [RegExp, T])[], text: string): T | null => rules.find(([re]) => re.test(text))?.[1] ?? null;

const VENDOR_KIND: Record<string, VendorKind> = {
  processor: "PROCESSOR",
  controller: "INDEPENDENT_CONTROLLER",
  "joint-controller": "JOINT_CONTROLLER",
  authority: "AUTHORITY",
  other: "OTHER",
};

const clean = (s: string): string => s.replace(/\s+/g, " ").trim();
const orgCode = (label: string): string =>
  `ORG_${clean(label)
    .normalize("NFKD")
    .replace(/[^A-Za-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .toUpperCase()
    .slice(0, 40)}`;

/** "Landsberger Str. 402, 81241 München" → street, postal code, city; otherwise the whole text as street. */
function splitAddress(address: string | null): { street: string | null; postalCode: string | null; city: string | null } {
  if (!address) return { street: null, postalCode: null, city: null };
  const m = /^(.*),\s*(\d{4,5})\s+(.+)$/.exec(address.trim());
  if (m?.[1] && m[2] && m[3]) return { street: m[1].trim(), postalCode: m[2], city: m[3].trim() };
  return { street: address.trim(), postalCode: null, city: null };
}

/** The activity's recipient a transfer names: exact name, then name without a parenthesis, then the parenthesis. */
function matchRecipient<R extends { name: string }>(recipients: readonly R[], name: string): R | undefined {
  const n = clean(name).toLowerCase();
  const exact = recipients.find((r) => clean(r.name).toLowerCase() === n);
  if (exact) return exact;
  const base = clean(name.replace(/\(.*?\)/g, "")).toLowerCase();
  const inner = /\((.*?)\)/.exec(name)?.[1]?.trim().toLowerCase();
  return recipients.find((r) => {
    const rn = clean(r.name).toLowerCase();
    const rbase = clean(r.name.replace(/\(.*?\)/g, "")).toLowerCase();
    return (base !== "" && (rn.startsWith(`${base} `) || rbase === base)) || (inner !== undefined && rn === inner);
  });
}

// ───────────────────────────── Plan (pure, before the transaction) ─────────────────────────────

type TermKind = "DATA_SUBJECT" | "DATA_CATEGORY" | "LEGAL_BASIS";
type NewTerm = { kind: TermKind; code: string; label: string; isSpecialCategory: boolean };

type PlannedRecipient = {
  name: string;
  kind: "VENDOR" | "INTERNAL";
  role: RecipientRole;
  vendorKind: VendorKind;
  country: string | null;
  service: string | null;
  transfers: TransferInput[];
};

type PlannedActivity = {
  referenceNumber: string;
  name: string;
  description: string | null;
  purposes: PurposeInput[];
  dataSubjects: { code: string; note: string }[];
  dataCategories: DataCategoryInput[];
  recipients: PlannedRecipient[];
  systems: string[];
  toms: string[];
};

function planActivities(reg: FixtureRegister, terms: Map<string, NewTerm>, existingTerms: ReadonlyMap<string, string>, unmapped: UnmappedValue[]): PlannedActivity[] {
  /** Code of a free text: a built-in code, an existing organisation term, or a new organisation term (reported). */
  const termCode = (kind: TermKind, label: string, path: string, builtIn: string | null, special: boolean): string => {
    if (builtIn) return builtIn;
    const key = `${kind}|${clean(label).toLowerCase()}`;
    const existing = existingTerms.get(key);
    if (existing) return existing;
    let term = terms.get(key);
    if (!term) {
      const base = orgCode(label);
      let code = base;
      for (let i = 2; [...terms.values()].some((t) => t.kind === kind && t.code === code) || [...existingTerms.values()].includes(code); i++) code = `${base}_${i}`;
      term = { kind, code, label: clean(label), isSpecialCategory: special };
      terms.set(key, term);
    }
    unmapped.push({ path, value: label, reason: "vocabulary-term-created" });
    return term.code;
  };

  return reg.activities.map((a, ai) => {
    const at = `activities[${ai}]`;
    const legalBases = a.legalBases.map((b, bi) => {
      const m = mapLegalBasis(b.article);
      return { basisCode: termCode("LEGAL_BASIS", b.article, `${at}.legalBases[${bi}].article`, m.ok ? m.value : null, false), note: b.note };
    });
    const purposeTexts = a.purposes.length > 0 ? a.purposes : [a.name];
    const purposes = purposeTexts.map((description) => ({ description, legalBases }));

    const subjects = new Map<string, string[]>();
    a.dataSubjects.forEach((s, i) => {
      const code = termCode("DATA_SUBJECT", s, `${at}.dataSubjects[${i}]`, firstMatch(SUBJECT_RULES, s), false);
      subjects.set(code, [...(subjects.get(code) ?? []), s]);
    });

    const categories = new Map<string, { texts: string[]; special: boolean }>();
    const addCategory = (code: string, text: string, special: boolean) => {
      const c = categories.get(code) ?? { texts: [], special: false };
      c.texts.push(text);
      c.special ||= special;
      categories.set(code, c);
    };
    a.dataCategories.forEach((c, i) => addCategory(termCode("DATA_CATEGORY", c, `${at}.dataCategories[${i}]`, firstMatch(CATEGORY_RULES, c), false), c, false));
    a.specialCategories.forEach((c, i) =>
      addCategory(termCode("DATA_CATEGORY", c, `${at}.specialCategories[${i}]`, firstMatch(SPECIAL_RULES, c), true), c, true),
    );
    const dataCategories: DataCategoryInput[] = [...categories.entries()].map(([categoryCode, c]) => ({
      categoryCode,
      description: c.texts.join("; "),
      isSpecialCategory: c.special ? true : undefined,
      retentionPeriod: a.retention,
    }));

    const recipients: PlannedRecipient[] = a.recipients.map((r) => ({
      name: clean(r.name),
      kind: r.type === "internal" ? "INTERNAL" : "VENDOR",
      role: mapRecipientRole(r.type) as RecipientRole,
      vendorKind: VENDOR_KIND[r.type] ?? "OTHER",
      country: r.country,
      service: r.service,
      transfers: [],
    }));
    a.transfers.forEach((t, ti) => {
      const path = `${at}.transfers[${ti}]`;
      let recipient = matchRecipient(recipients, t.recipient);
      if (!recipient) {
        recipient = { name: clean(t.recipient), kind: "VENDOR", role: "OTHER", vendorKind: "OTHER", country: t.country, service: null, transfers: [] };
        recipients.push(recipient);
        unmapped.push({ path: `${path}.recipient`, value: t.recipient, reason: "transfer-recipient-not-listed" });
      }
      const mechanism = mapMechanism(t.mechanism, recipient.role === "PROCESSOR");
      if (t.mechanism === "other") unmapped.push({ path: `${path}.mechanism`, value: t.mechanismText ?? t.mechanism, reason: "mechanism-other" });
      if (!t.country) unmapped.push({ path: `${path}.country`, value: t.recipient, reason: "transfer-country-missing" });
      recipient.transfers.push({
        destinationCountry: t.country,
        mechanism: (mechanism.ok ? mechanism.value : "OTHER") as TransferMechanism,
        mechanismNote: t.mechanismText,
        supplementaryMeasures: t.supplementaryMeasures,
        note: t.riskNotes,
      });
    });

    const descriptionParts = [
      a.nameEn ? `English title: ${a.nameEn}` : null,
      a.sourceSection ? `Quelle: ${a.sourceSection}` : null,
      a.quote ? `„${a.quote}“` : null,
      a.retention && dataCategories.length === 0 ? `Speicherdauer: ${a.retention}` : null,
    ].filter((x): x is string => x !== null);

    return {
      referenceNumber: a.id,
      name: a.name,
      description: descriptionParts.length > 0 ? descriptionParts.join("\n") : null,
      purposes,
      dataSubjects: [...subjects.entries()].map(([code, texts]) => ({ code, note: texts.join("; ") })),
      dataCategories,
      recipients,
      systems: a.cookiesOrTools,
      toms: a.toms.map(clean),
    };
  });
}

// ───────────────────────────── Loader ─────────────────────────────

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Fields of the file the format does not define (zod strips them): reported, never silently dropped. */
function unknownFields(json: unknown): UnmappedValue[] {
  const out: UnmappedValue[] = [];
  const check = (value: unknown, known: Record<string, unknown>, path: string) => {
    if (!isObject(value)) return;
    for (const [key, v] of Object.entries(value)) {
      if (!(key in known)) out.push({ path: path ? `${path}.${key}` : key, value: JSON.stringify(v) ?? "", reason: "no-field" });
    }
  };
  check(json, fixtureRegisterSchema.shape, "");
  if (!isObject(json) || !Array.isArray(json.activities)) return out;
  json.activities.forEach((a: unknown, i: number) => {
    check(a, fixtureActivitySchema.shape, `activities[${i}]`);
    if (!isObject(a)) return;
    if (Array.isArray(a.recipients)) a.recipients.forEach((r: unknown, j: number) => check(r, fixtureRecipientSchema.shape, `activities[${i}].recipients[${j}]`));
    if (Array.isArray(a.transfers)) a.transfers.forEach((t: unknown, j: number) => check(t, fixtureTransferSchema.shape, `activities[${i}].transfers[${j}]`));
  });
  return out;
}

export async function loadFixtureRegister(db: Db, json: unknown, opts: { orgId?: string; actor: Actor }): Promise<FixtureLoadReport> {
  const parsed = fixtureRegisterSchema.safeParse(json);
  if (!parsed.success) throw new FixtureValidationError(parsed.error.issues);
  const reg = parsed.data;
  const { actor } = opts;

  // Reads before the transaction: the existing organisation's vendors, departments, terms and references.
  const existing = opts.orgId
    ? await db.organisation.findUnique({
        where: { id: opts.orgId },
        select: {
          id: true,
          vendors: { select: { id: true, name: true } },
          departments: { select: { id: true, name: true } },
          vocabularyTerms: { select: { kind: true, code: true, labelDe: true } },
          activities: { select: { referenceNumber: true } },
          toms: { select: { id: true, code: true, title: true } },
        },
      })
    : null;
  if (opts.orgId && !existing) throw new Error(`organisation ${opts.orgId} not found`);
  const taken = new Set(existing?.activities.map((a) => a.referenceNumber) ?? []);
  const clash = reg.activities.find((a) => taken.has(a.id));
  if (clash) throw new Error(`activity reference ${clash.id} already exists in organisation ${opts.orgId}`);

  const unmapped: UnmappedValue[] = unknownFields(json);
  if (existing) unmapped.push({ path: "controller", value: reg.controller.name, reason: "no-field" });
  const existingTerms = new Map<string, string>();
  for (const t of existing?.vocabularyTerms ?? []) {
    if (t.kind === "DATA_SUBJECT" || t.kind === "DATA_CATEGORY" || t.kind === "LEGAL_BASIS") existingTerms.set(`${t.kind}|${clean(t.labelDe).toLowerCase()}`, t.code);
  }
  const newTerms = new Map<string, NewTerm>();
  const activities = planActivities(reg, newTerms, existingTerms, unmapped);
  reg.rightsMentioned.forEach((r, i) => unmapped.push({ path: `rightsMentioned[${i}]`, value: r, reason: "no-field" }));
  reg.oddities.forEach((o, i) => unmapped.push({ path: `oddities[${i}]`, value: o, reason: "no-field" }));
  if (existing && reg.supervisoryAuthority) unmapped.push({ path: "supervisoryAuthority", value: reg.supervisoryAuthority, reason: "no-field" });

  const builtInSpecial = new Set(
    referenceData().vocabularies.flatMap((v) => (v.kind === "DATA_CATEGORY" ? v.terms.filter((t) => t.isSpecialCategory).map((t) => t.code) : [])),
  );
  const vendorIds = new Map((existing?.vendors ?? []).map((v) => [v.name.toLowerCase(), v.id]));
  const departmentIds = new Map((existing?.departments ?? []).map((d) => [d.name.toLowerCase(), d.id]));
  const tomIds = new Map((existing?.toms ?? []).map((t) => [t.title.toLowerCase(), t.id]));
  const tomCodes = new Set(existing?.toms.map((t) => t.code) ?? []);
  const address = splitAddress(reg.controller.address);
  const dpo = reg.controller.dpo;

  return db.$transaction(
    async (tx: Tx) => {
      const created = { activities: 0, purposes: 0, vendors: 0, departments: 0, recipients: 0, transfers: 0, vocabularyTerms: 0, toms: 0, systems: 0 };
      let organisationId = existing?.id;
      if (!organisationId) {
        const org = await createOrganisation(
          tx,
          {
            name: reg.controller.name,
            legalForm: reg.controller.legalForm,
            ...address,
            country: reg.controller.country ?? "DE",
            email: reg.controller.email,
            phone: reg.controller.phone,
            website: reg.controller.website,
            euRepresentative: reg.controller.representative,
            dpoName: dpo?.name ?? null,
            dpoEmail: dpo?.email ?? null,
            dpoAddress: dpo?.address ?? null,
            dpoExternal: dpo?.external ?? false,
            supervisoryAuthority: reg.supervisoryAuthority,
          },
          actor,
        );
        organisationId = org.id;
      }
      const orgId = organisationId;

      if (newTerms.size > 0) {
        await tx.vocabularyTerm.createMany({
          data: [...newTerms.values()].map((t, i) => ({
            organisationId: orgId,
            kind: t.kind,
            code: t.code,
            labelDe: t.label,
            labelEn: t.label,
            isSpecialCategory: t.isSpecialCategory,
            sortOrder: 1000 + i,
          })),
        });
        created.vocabularyTerms = newTerms.size;
      }

      let tomNo = tomCodes.size;
      const tomFor = async (title: string): Promise<string> => {
        const key = title.toLowerCase();
        const known = tomIds.get(key);
        if (known) return known;
        let code: string;
        do code = `IMP-${String(++tomNo).padStart(3, "0")}`;
        while (tomCodes.has(code));
        tomCodes.add(code);
        const tom = await createTom(tx, orgId, { code, title, category: firstMatch(TOM_RULES, title) ?? "OTHER" }, actor);
        tomIds.set(key, tom.id);
        created.toms++;
        return tom.id;
      };
      for (const t of reg.generalToms) await tomFor(clean(t));

      for (const a of activities) {
        const recipients: RecipientInput[] = [];
        for (const r of a.recipients) {
          const key = r.name.toLowerCase();
          if (r.kind === "INTERNAL") {
            let departmentId = departmentIds.get(key);
            if (!departmentId) {
              departmentId = (await createDepartment(tx, orgId, { name: r.name })).id;
              departmentIds.set(key, departmentId);
              created.departments++;
            }
            recipients.push({ kind: "INTERNAL", role: r.role, departmentId, service: r.service, transfers: r.transfers });
          } else {
            let vendorId = vendorIds.get(key);
            if (!vendorId) {
              vendorId = (await createVendor(tx, orgId, { name: r.name, kind: r.vendorKind, country: r.country, services: r.service }, actor)).id;
              vendorIds.set(key, vendorId);
              created.vendors++;
            }
            recipients.push({ kind: "VENDOR", role: r.role, vendorId, service: r.service, transfers: r.transfers });
          }
          created.recipients++;
          created.transfers += r.transfers.length;
        }
        const toms: string[] = [];
        for (const t of a.toms) toms.push(await tomFor(t));
        await createActivity(
          tx,
          orgId,
          {
            referenceNumber: a.referenceNumber,
            name: a.name,
            description: a.description,
            purposes: a.purposes,
            dataSubjects: a.dataSubjects.map((s) => s.code),
            dataCategories: a.dataCategories.map((c) => ({ ...c, isSpecialCategory: c.isSpecialCategory ?? builtInSpecial.has(c.categoryCode) })),
            recipients,
            systems: a.systems.map((name) => ({ name })),
            toms: [...new Set(toms)],
          },
          actor,
        );
        // The factory stores data subjects by code; keep the policy's wording as the note.
        for (const s of a.dataSubjects) {
          await tx.activityDataSubject.updateMany({ where: { activity: { organisationId: orgId, referenceNumber: a.referenceNumber }, categoryCode: s.code }, data: { note: s.note } });
        }
        created.activities++;
        created.purposes += a.purposes.length;
        created.systems += a.systems.length;
      }
      return { organisationId: orgId, organisationCreated: !existing, created, unmapped };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}
