// Deterministic test-data factories, shared by the integration tests (lib/**/*.db.test.ts), the
// end-to-end tests and the demo seed (prisma/seed.ts), so demo data and test data are built the same way.
//
// - Every factory takes the Prisma client first: the process client (`Db`) or a transaction client
//   (`Tx`). Given `Db`, a factory that writes several rows opens its own transaction; given `Tx`, it
//   writes inside the caller's transaction. Inside, only `tx.*` is awaited (C31); search text and
//   everything else is computed before.
// - Names are unique and deterministic by default: a per-process counter, optionally with a prefix.
// - Factories that create a top-level register entry (Organisation, Activity, Vendor, Dpa, Tia, Tom,
//   Transfer) also write its Revision v1 (action "create", snapshot incl. children) and one AuditEvent
//   (`<entity>.create`) in the same transaction, exactly like the server actions.
import type { Db, Tx } from "@/lib/db";
import { loadActivitySnapshot } from "@/lib/activities/snapshot";
import { recordAudit, recordRevision, type Actor } from "@/lib/audit";
import { normalizeEmail } from "@/lib/domain/email";
import { toSearchText } from "@/lib/domain/search-text";
import { referenceData } from "@/lib/reference-data/load";
import type { Prisma } from "@/prisma/generated/sqlite/client";
import type {
  DpfStatus,
  LocationPurpose,
  MemberRole,
  RecipientKind,
  RecipientRole,
  TomCategory,
  TransferAccess,
  TransferMechanism,
} from "@/prisma/generated/sqlite/enums";

/** The process client or a transaction client. */
export type Client = Db | Tx;

/** Author of seed and test data in revisions and audit events. */
export const SEED_ACTOR: Actor = { id: null, name: "seed" };

// Playwright workers share one database: their default names differ by the worker index. Pass a
// `prefix` (e.g. fixtures.ts `unique()`) when several runs write into the same organisation.
const WORKER_TAG = process.env.TEST_WORKER_INDEX ? `w${process.env.TEST_WORKER_INDEX}-` : "";

let counter = 0;
/** Next number of this process's sequence (names, reference numbers, e-mail addresses). */
export function nextSequence(): number {
  counter += 1;
  return counter;
}
/** Restarts the sequence (the seed does this so the demo data are identical on every run). */
export function resetSequence(): void {
  counter = 0;
}
const uniqueName = (fallback: string, prefix?: string) => `${prefix ?? fallback} ${WORKER_TAG}${nextSequence()}`;
const sequenceCode = (prefix: string, n: number) => `${prefix}-${WORKER_TAG}${String(n).padStart(3, "0")}`;

function emailOf(input: string): string {
  const n = normalizeEmail(input);
  if (!n.ok) throw new Error(`factories: invalid e-mail address ${input}`);
  return n.email;
}

const isRootClient = (db: Client): db is Db => "$disconnect" in db;

/** Runs `fn` in a new transaction on the process client, or inside the caller's transaction. */
async function inTransaction<T>(db: Client, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return isRootClient(db) ? db.$transaction(fn) : fn(db);
}

type Created = { entityType: string; action: string; id: string; organisationId: string; snapshot: unknown; label: string };

/** Revision v1 + one AuditEvent for a created register entry. */
async function recordCreated(tx: Tx, actor: Actor, c: Created, at?: Date): Promise<void> {
  await recordRevision(tx, actor, { entityType: c.entityType, entityId: c.id, organisationId: c.organisationId, version: 1, action: "create", snapshot: c.snapshot, at });
  await recordAudit(tx, actor, { action: c.action, entityType: c.entityType, entityId: c.id, organisationId: c.organisationId, changes: { name: { old: null, new: c.label } }, at });
}

let specialCategoryCodes: Set<string> | undefined;
/** Art. 9(1) / Art. 10 data-category codes of the built-in vocabulary. */
function isSpecialCategoryCode(code: string): boolean {
  specialCategoryCodes ??= new Set(
    referenceData().vocabularies.flatMap((v) => (v.kind === "DATA_CATEGORY" ? v.terms.filter((t) => t.isSpecialCategory).map((t) => t.code) : [])),
  );
  return specialCategoryCodes.has(code);
}

type Scalars<T> = Partial<Omit<T, "id" | "organisationId" | "searchText" | "version" | "createdAt" | "updatedAt">>;

// ───────────────────────────── Users and memberships ─────────────────────────────

export type UserInput = { email: string; name?: string | null; isAdmin?: boolean; locale?: string | null; disabledAt?: Date | null };

/** A user who signs in by e-mail link (emailVerified stays null until the first sign-in). */
export async function createUser(db: Client, input: UserInput) {
  return db.user.create({
    data: { email: emailOf(input.email), name: input.name ?? null, isAdmin: input.isAdmin ?? false, locale: input.locale ?? null, disabledAt: input.disabledAt ?? null },
  });
}

export async function addMembership(db: Client, userId: string, organisationId: string, role: MemberRole) {
  return db.membership.create({ data: { userId, organisationId, role } });
}

// ───────────────────────────── Organisations and departments ─────────────────────────────

export type OrganisationInput = Scalars<Prisma.OrganisationCreateManyInput> & { prefix?: string };

export async function createOrganisation(db: Client, input: OrganisationInput = {}, actor: Actor = SEED_ACTOR) {
  const { prefix, ...fields } = input;
  const data = { ...fields, name: fields.name ?? uniqueName("Testorganisation GmbH", prefix), createdById: actor.id, updatedById: actor.id };
  const searchText = toSearchText([data.name, data.legalForm, data.city, data.dpoName, data.dpoCompany, data.supervisoryAuthority]);
  return inTransaction(db, async (tx) => {
    const org = await tx.organisation.create({ data: { ...data, searchText } });
    await recordCreated(tx, actor, { entityType: "Organisation", action: "organisation.create", id: org.id, organisationId: org.id, snapshot: org, label: org.name });
    return org;
  });
}

export type DepartmentInput = Scalars<Prisma.DepartmentCreateManyInput> & { prefix?: string };

export async function createDepartment(db: Client, organisationId: string, input: DepartmentInput = {}) {
  const { prefix, ...fields } = input;
  return db.department.create({ data: { ...fields, organisationId, name: fields.name ?? uniqueName("Abteilung", prefix) } });
}

// ───────────────────────────── Vendors ─────────────────────────────

export type VendorLocationInput = { country: string; city?: string | null; purpose?: LocationPurpose; note?: string | null };
export type VendorCertificationInput = Omit<Prisma.VendorCertificationCreateManyInput, "id" | "vendorId">;
export type DpfCheckInput = {
  status: DpfStatus;
  checkedAt?: Date;
  checkedByName?: string;
  checkedById?: string | null;
  listedName?: string | null;
  listUrl?: string | null;
  frameworks?: string | null;
  coversHr?: boolean;
  coversNonHr?: boolean;
  certifiedSince?: Date | null;
  nextCertificationDue?: Date | null;
  evidenceUrl?: string | null;
  note?: string | null;
};
export type SubProcessorInput = { name: string; subVendorId?: string | null; country?: string | null; service?: string | null; access?: TransferAccess };

export type VendorInput = Scalars<Prisma.VendorCreateManyInput> & {
  prefix?: string;
  locations?: VendorLocationInput[];
  certifications?: VendorCertificationInput[];
  dpfCheck?: DpfCheckInput;
  subProcessors?: SubProcessorInput[];
};

export async function createVendor(db: Client, organisationId: string, input: VendorInput = {}, actor: Actor = SEED_ACTOR) {
  const { prefix, locations = [], certifications = [], dpfCheck, subProcessors = [], ...fields } = input;
  const data = { ...fields, organisationId, name: fields.name ?? uniqueName("Dienstleister", prefix), createdById: actor.id, updatedById: actor.id };
  const searchText = toSearchText([
    data.name, data.legalForm, data.city, data.country, data.services, data.parentCompany,
    locations.map((l) => [l.country, l.city]), subProcessors.map((s) => [s.name, s.country, s.service]),
  ]);
  const checkedAt = dpfCheck?.checkedAt ?? new Date();
  return inTransaction(db, async (tx) => {
    const vendor = await tx.vendor.create({
      data: {
        ...data,
        searchText,
        locations: { createMany: { data: locations } },
        certifications: { createMany: { data: certifications } },
        dpfChecks: dpfCheck ? { create: { ...dpfCheck, checkedAt, checkedByName: dpfCheck.checkedByName ?? actor.name, checkedById: dpfCheck.checkedById ?? actor.id } } : undefined,
        subProcessors: { createMany: { data: subProcessors } },
      },
      include: { locations: true, certifications: true, dpfChecks: true, subProcessors: true },
    });
    await recordCreated(tx, actor, { entityType: "Vendor", action: "vendor.create", id: vendor.id, organisationId, snapshot: vendor, label: vendor.name });
    return vendor;
  });
}

export type VendorContactInput = { email: string; name?: string | null; function?: string | null; phone?: string | null; canSignIn?: boolean };

/** An e-mail address allowed to sign in to this vendor's sheet only. */
export async function createVendorContact(db: Client, vendorId: string, input: VendorContactInput) {
  return db.vendorContact.create({
    data: { vendorId, email: emailOf(input.email), name: input.name ?? null, function: input.function ?? null, phone: input.phone ?? null, canSignIn: input.canSignIn ?? true },
  });
}

// ───────────────────────────── TOMs, DPAs, TIAs ─────────────────────────────

export type TomInput = Scalars<Prisma.TechnicalOrganisationalMeasureCreateManyInput> & { prefix?: string; category?: TomCategory };

export async function createTom(db: Client, organisationId: string, input: TomInput = {}, actor: Actor = SEED_ACTOR) {
  const { prefix, ...fields } = input;
  const n = nextSequence();
  const data = {
    ...fields,
    organisationId,
    code: fields.code ?? sequenceCode(prefix ?? "TOM", n),
    category: fields.category ?? "ORGANISATIONAL",
    title: fields.title ?? `Maßnahme ${WORKER_TAG}${n}`,
  };
  const searchText = toSearchText([data.code, data.title, data.description]);
  return inTransaction(db, async (tx) => {
    const tom = await tx.technicalOrganisationalMeasure.create({ data: { ...data, searchText } });
    await recordCreated(tx, actor, { entityType: "Tom", action: "tom.create", id: tom.id, organisationId, snapshot: tom, label: `${tom.code} ${tom.title}` });
    return tom;
  });
}

export type DpaInput = Scalars<Omit<Prisma.DataProcessingAgreementCreateManyInput, "vendorId">> & { prefix?: string; activityIds?: string[] };

/** A data-processing agreement (AVV); the Art. 28(3) checklist defaults to complete. */
export async function createDpa(db: Client, organisationId: string, vendorId: string, input: DpaInput = {}, actor: Actor = SEED_ACTOR) {
  const { prefix, activityIds = [], ...fields } = input;
  const vendor = await db.vendor.findUniqueOrThrow({ where: { id: vendorId }, select: { name: true } });
  const checklist = { art28a: true, art28b: true, art28c: true, art28d: true, art28e: true, art28f: true, art28g: true, art28h: true };
  const data = {
    ...checklist,
    ...fields,
    organisationId,
    vendorId,
    title: fields.title ?? uniqueName(`AVV ${vendor.name}`, prefix),
    createdById: actor.id,
    updatedById: actor.id,
  };
  const searchText = toSearchText([data.title, vendor.name, data.documentRef, data.documentVersion]);
  return inTransaction(db, async (tx) => {
    const dpa = await tx.dataProcessingAgreement.create({
      data: { ...data, searchText, activities: { createMany: { data: activityIds.map((activityId) => ({ activityId })) } } },
      include: { activities: true },
    });
    await recordCreated(tx, actor, { entityType: "Dpa", action: "dpa.create", id: dpa.id, organisationId, snapshot: dpa, label: dpa.title });
    return dpa;
  });
}

export type TiaInput = Scalars<Prisma.TransferImpactAssessmentCreateManyInput> & { prefix?: string };

export async function createTia(db: Client, organisationId: string, input: TiaInput = {}, actor: Actor = SEED_ACTOR) {
  const { prefix, ...fields } = input;
  const data = { ...fields, organisationId, title: fields.title ?? uniqueName("TIA", prefix), createdById: actor.id, updatedById: actor.id };
  const searchText = toSearchText([data.title, data.destinationCountry, data.lawsAssessed, data.supplementaryMeasures]);
  return inTransaction(db, async (tx) => {
    const tia = await tx.transferImpactAssessment.create({ data: { ...data, searchText } });
    await recordCreated(tx, actor, { entityType: "Tia", action: "tia.create", id: tia.id, organisationId, snapshot: tia, label: tia.title });
    return tia;
  });
}

// ───────────────────────────── Processing activities, recipients, transfers ─────────────────────────────

export type LegalBasisInput = { basisCode: string; note?: string | null; legitimateInterest?: string | null; liaReference?: string | null };
export type PurposeInput = { description: string; legalBases: LegalBasisInput[] };
export type DataCategoryInput = {
  categoryCode: string;
  description?: string | null;
  /** Defaults to the vocabulary's flag (Art. 9(1) / Art. 10 codes). */
  isSpecialCategory?: boolean;
  retentionPeriod?: string | null;
  retentionMonths?: number | null;
  retentionStartCode?: string | null;
  retentionLegalRef?: string | null;
  sourceCode?: string | null;
};
export type TransferInput = Omit<Prisma.TransferCreateManyInput, "id" | "organisationId" | "recipientId" | "mechanism" | "access" | "version" | "createdAt" | "updatedAt"> & {
  mechanism: TransferMechanism;
  access?: TransferAccess;
};
export type RecipientInput = {
  kind: RecipientKind;
  role: RecipientRole;
  vendorId?: string | null;
  departmentId?: string | null;
  categoryCode?: string | null;
  service?: string | null;
  /** Codes of the activity's data categories disclosed to this recipient. */
  dataCategoryCodes?: string[];
  transfers?: TransferInput[];
};
export type SystemInput = { name: string; vendorId?: string | null; location?: string | null; note?: string | null };
export type JointControllerInput = { name: string; vendorId?: string | null; contact?: string | null; arrangementRef?: string | null; responsibilities?: string | null };

export type ActivityInput = Scalars<Prisma.ProcessingActivityCreateManyInput> & {
  prefix?: string;
  purposes?: PurposeInput[];
  dataSubjects?: string[];
  dataCategories?: DataCategoryInput[];
  recipients?: RecipientInput[];
  systems?: SystemInput[];
  jointControllers?: JointControllerInput[];
  /** Ids of the organisation's TOMs. */
  toms?: string[];
};

const activityInclude = {
  purposes: { include: { legalBases: true }, orderBy: { position: "asc" } },
  dataSubjects: true,
  dataCategories: true,
  systems: true,
  jointControllers: true,
  toms: true,
  recipients: { include: { dataCategories: true, transfers: true }, orderBy: { createdAt: "asc" } },
} satisfies Prisma.ProcessingActivityInclude;

/**
 * A processing activity with its purposes and legal bases, data subjects, data categories (retention
 * per category), recipients with their transfers, systems, joint controllers and TOM links.
 * Writes Revision v1 + AuditEvent for the activity and for each transfer.
 */
export async function createActivity(db: Client, organisationId: string, input: ActivityInput = {}, actor: Actor = SEED_ACTOR) {
  const { prefix, purposes, dataSubjects = [], dataCategories = [], recipients = [], systems = [], jointControllers = [], toms = [], ...fields } = input;
  const n = nextSequence();
  const data = {
    ...fields,
    organisationId,
    referenceNumber: fields.referenceNumber ?? sequenceCode(prefix ?? "VT", n),
    name: fields.name ?? `${prefix ?? "Verarbeitungstätigkeit"} ${WORKER_TAG}${n}`,
    createdById: actor.id,
    updatedById: actor.id,
  };
  const purposeList = purposes ?? [{ description: `Zweck ${n}`, legalBases: [{ basisCode: "ART6_1_B" }] }];
  const categories = dataCategories.map((c) => ({ ...c, isSpecialCategory: c.isSpecialCategory ?? isSpecialCategoryCode(c.categoryCode) }));

  const vendorIds = [...new Set(recipients.flatMap((r) => [r.vendorId, ...(r.transfers ?? []).map((t) => t.viaVendorId)]).filter((id): id is string => !!id))];
  const vendors = vendorIds.length > 0 ? await db.vendor.findMany({ where: { id: { in: vendorIds } }, select: { name: true } }) : [];
  const searchText = toSearchText([
    data.name,
    data.description,
    data.referenceNumber,
    purposeList.map((p) => p.description),
    categories.map((c) => [c.categoryCode, c.description]),
    vendors.map((v) => v.name),
    recipients.map((r) => (r.transfers ?? []).map((t) => [t.destinationCountry, t.internationalOrganisation])),
  ]);
  const at = new Date();

  return inTransaction(db, async (tx) => {
    const created = await tx.processingActivity.create({
      data: {
        ...data,
        searchText,
        purposes: {
          create: purposeList.map((p, position) => ({ position, description: p.description, legalBases: { createMany: { data: p.legalBases } } })),
        },
        dataSubjects: { createMany: { data: dataSubjects.map((categoryCode) => ({ categoryCode })) } },
        dataCategories: { createMany: { data: categories } },
        systems: { createMany: { data: systems } },
        jointControllers: { createMany: { data: jointControllers } },
        toms: { createMany: { data: toms.map((tomId) => ({ tomId })) } },
      },
      select: { id: true, dataCategories: { select: { id: true, categoryCode: true } } },
    });
    const categoryIds = new Map(created.dataCategories.map((c) => [c.categoryCode, c.id]));
    for (const r of recipients) {
      const disclosed = (r.dataCategoryCodes ?? []).map((code) => {
        const id = categoryIds.get(code);
        if (!id) throw new Error(`createActivity: recipient discloses ${code}, which is not a data category of the activity`);
        return { dataCategoryId: id };
      });
      await tx.recipient.create({
        data: {
          organisationId,
          activityId: created.id,
          kind: r.kind,
          role: r.role,
          vendorId: r.vendorId ?? null,
          departmentId: r.departmentId ?? null,
          categoryCode: r.categoryCode ?? null,
          service: r.service ?? null,
          dataCategories: { createMany: { data: disclosed } },
          transfers: { create: (r.transfers ?? []).map((t) => ({ ...t, organisationId, createdById: actor.id, updatedById: actor.id })) },
        },
        select: { id: true },
      });
    }
    const activity = await tx.processingActivity.findUniqueOrThrow({ where: { id: created.id }, include: activityInclude });
    // The same canonical snapshot the app's mutations write, so history diffs and the risk trend read seed data like any other.
    const snapshot = (await loadActivitySnapshot(tx, organisationId, activity.id))?.snapshot ?? activity;
    await recordCreated(tx, actor, { entityType: "Activity", action: "activity.create", id: activity.id, organisationId, snapshot, label: `${activity.referenceNumber} ${activity.name}` }, at);
    for (const recipient of activity.recipients) {
      for (const transfer of recipient.transfers) {
        await recordCreated(tx, actor, { entityType: "Transfer", action: "transfer.create", id: transfer.id, organisationId, snapshot: transfer, label: `${activity.referenceNumber} → ${transfer.destinationCountry ?? transfer.internationalOrganisation ?? "?"}` }, at);
      }
    }
    return activity;
  });
}

/** A transfer added to an existing recipient link, with its own Revision v1 and AuditEvent. */
export async function createTransfer(db: Client, organisationId: string, recipientId: string, input: TransferInput, actor: Actor = SEED_ACTOR) {
  return inTransaction(db, async (tx) => {
    const transfer = await tx.transfer.create({ data: { ...input, organisationId, recipientId, createdById: actor.id, updatedById: actor.id } });
    await recordCreated(tx, actor, { entityType: "Transfer", action: "transfer.create", id: transfer.id, organisationId, snapshot: transfer, label: transfer.destinationCountry ?? transfer.internationalOrganisation ?? "?" });
    return transfer;
  });
}
