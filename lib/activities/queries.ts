import "server-only";
// Read side of processing activities (house-style §3): every function takes the signed-in user first and
// scopes its `where` by the organisation in the URL AND the user's membership of it, so a record outside the
// caller's scope is a miss (notFound(), 404). `select` only; DTOs shaped for the screens.
import { notFound } from "next/navigation";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/current-user";
import { searchActivities, searchActivityFacets, searchActivityPage, type ActivitySearchPage, type ActivitySearchResult, type ActivitySearchRow, type Facets } from "@/lib/activities/search";
import { parseActivityFilters, serializeActivityFilters, type ActivityFilters } from "@/lib/domain/activity-filters";
import { Prisma } from "@/prisma/generated/sqlite/client";
import {
  ActivityStatus,
  type ActivityRole,
  type DpiaDecision,
  type DpiaStatus,
  type OperatingStage,
  type RecipientKind,
  type RecipientRole,
  type TomCategory,
  type TransferAccess,
  type TransferMechanism,
  type VocabularyKind,
} from "@/prisma/generated/sqlite/enums";

export { ACTIVITY_PAGE_SIZE } from "@/lib/activities/search";
export { ACTIVITY_QUERY_MAX_LENGTH } from "@/lib/domain/activity-filters";

/** A label from a controlled vocabulary or reference table, in both languages (the screen or PDF picks one). */
export type Label = { de: string; en: string };

// ───────────────────────────── URL state of the register list ─────────────────────────────

/** The list's URL state (search, facets, sort, page); parsing and serialising live in lib/domain/activity-filters.ts. */
export type ActivityListParams = ActivityFilters;

/** Tolerant parser for the list's searchParams: garbage falls back to the default, never to an error (C25). */
export function parseActivityListParams(searchParams: Record<string, string | string[] | undefined>): ActivityListParams {
  return parseActivityFilters(searchParams);
}

/** The list's URL parameters without defaults (for links that keep the current filters). */
export function activityListSearchParams(params: ActivityListParams, overrides: Partial<ActivityListParams> = {}): Record<string, string> {
  return serializeActivityFilters(params, overrides);
}

// ───────────────────────────── Shared scope fragments ─────────────────────────────

/** Activities of `orgId`, visible only to members of `orgId`. */
function activityScope(user: CurrentUser, orgId: string): Prisma.ProcessingActivityWhereInput {
  return { organisationId: orgId, organisation: { memberships: { some: { userId: user.id } } } };
}

/**
 * A transfer to a third country: an international organisation, or a destination country that is not in the
 * EEA on `asOf` (Country.eeaFrom/eeaTo are dated reference data). Archived transfers do not count.
 */
export function thirdCountryTransferWhere(asOf: Date): Prisma.TransferWhereInput {
  return {
    archivedAt: null,
    mechanism: { not: "NOT_A_TRANSFER" },
    OR: [
      { internationalOrganisation: { not: null } },
      { country: { is: { OR: [{ eeaFrom: null }, { eeaFrom: { gt: asOf } }, { eeaTo: { lt: asOf } }] } } },
    ],
  };
}

// ───────────────────────────── List ─────────────────────────────

export type ActivityListRow = ActivitySearchRow;
export type ActivityList = ActivitySearchResult;

/**
 * One page of the register list with facet counts (lib/activities/search.ts), scoped to organisations the user
 * is a member of: for any other organisation the list is empty.
 */
export async function listActivities(user: CurrentUser, orgId: string, params: ActivityListParams, asOf: Date = new Date()): Promise<ActivityList> {
  return searchActivities(db, orgId, params, { asOf, userId: user.id });
}

/** The table part of the list: one page and the total, without facets (streamed separately on the page). */
export async function listActivityPage(user: CurrentUser, orgId: string, params: ActivityListParams, asOf: Date = new Date()): Promise<ActivitySearchPage> {
  return searchActivityPage(db, orgId, params, { asOf, userId: user.id });
}

/** The facet counts of the list (cached per audit stamp, lib/derived-cache.ts). */
export async function listActivityFacets(user: CurrentUser, orgId: string, params: ActivityListParams, asOf: Date = new Date()): Promise<Facets> {
  return searchActivityFacets(db, orgId, params, { asOf, userId: user.id });
}

// ───────────────────────────── Tiles for the organisation overview ─────────────────────────────

export type ActivitySummary = {
  byStatus: Record<ActivityStatus, number>;
  active: number;
  overdueReviews: number;
  drafts: number;
  thirdCountryTransfers: number;
};

export async function summarizeActivities(user: CurrentUser, orgId: string, asOf: Date = new Date()): Promise<ActivitySummary> {
  const scope = activityScope(user, orgId);
  const groups = await db.processingActivity.groupBy({ by: ["status"], where: { ...scope, archivedAt: null }, _count: { _all: true } });
  const archived = await db.processingActivity.count({ where: { ...scope, OR: [{ archivedAt: { not: null } }, { status: "ARCHIVED" }] } });
  const overdueReviews = await db.processingActivity.count({
    where: { ...scope, archivedAt: null, status: { not: "ARCHIVED" }, nextReviewAt: { lt: asOf } },
  });
  const thirdCountryTransfers = await db.transfer.count({
    where: { organisationId: orgId, recipient: { activity: { ...scope, archivedAt: null } }, ...thirdCountryTransferWhere(asOf) },
  });
  const byStatus: Record<ActivityStatus, number> = { DRAFT: 0, IN_REVIEW: 0, RELEASED: 0, ARCHIVED: archived };
  for (const g of groups) if (g.status !== "ARCHIVED") byStatus[g.status] = g._count._all;
  return {
    byStatus,
    active: byStatus.DRAFT + byStatus.IN_REVIEW + byStatus.RELEASED,
    overdueReviews,
    drafts: byStatus.DRAFT,
    thirdCountryTransfers,
  };
}

// ───────────────────────────── Detail ─────────────────────────────

export type PersonRef = { id: string; name: string } | null;

export type ActivityDetail = {
  id: string;
  referenceNumber: string;
  name: string;
  description: string | null;
  status: ActivityStatus;
  isArchived: boolean;
  role: ActivityRole;
  operatingStage: OperatingStage;
  department: { name: string; contactName: string | null; contactEmail: string | null; contactPhone: string | null } | null;
  contact: { name: string | null; email: string | null; phone: string | null };
  jointArrangement: string | null;
  jointControllers: { id: string; name: string; contact: string | null; arrangementRef: string | null; responsibilities: string | null }[];
  clientController: { id: string; name: string } | null;
  processingCategories: string | null;
  purposes: {
    id: string;
    description: string;
    legalBases: { id: string; code: string; label: Label; citation: string | null; note: string | null; legitimateInterest: string | null; liaReference: string | null }[];
  }[];
  dataSubjects: { id: string; code: string; label: Label; note: string | null }[];
  dataCategories: {
    id: string;
    code: string;
    label: Label;
    description: string | null;
    isSpecialCategory: boolean;
    retentionPeriod: string | null;
    retentionMonths: number | null;
    retentionStart: Label | null;
    retentionLegalRef: string | null;
    source: Label | null;
  }[];
  dataSources: string | null;
  estimatedDataSubjects: number | null;
  systems: { id: string; name: string; vendorName: string | null; location: Label | null; note: string | null }[];
  recipients: {
    id: string;
    kind: RecipientKind;
    role: RecipientRole;
    name: string | null; // vendor or department name
    category: Label | null;
    service: string | null;
    disclosedCategories: Label[];
    transfers: {
      id: string;
      country: Label | null;
      internationalOrganisation: string | null;
      access: TransferAccess;
      mechanism: TransferMechanism;
      mechanismNote: string | null;
      viaVendorName: string | null;
      isRegular: boolean;
      art49Assessment: string | null;
      tiaReference: string | null;
      tiaDate: Date | null;
      tiaTitle: string | null;
      supplementaryMeasures: string | null;
      evidenceUrl: string | null;
    }[];
  }[];
  noThirdCountryTransfer: boolean;
  toms: { id: string; code: string; category: TomCategory; title: string }[];
  generalTomDescription: string | null;
  agreements: { id: string; title: string; vendorName: string }[];
  automatedDecisionMaking: boolean;
  profiling: boolean;
  informationProvided: string | null;
  dpia: { criteria: string[]; decision: DpiaDecision; decisionReason: string | null; status: DpiaStatus; reference: string | null };
  review: { intervalMonths: number; lastReviewedAt: Date | null; nextReviewAt: Date | null; isOverdue: boolean };
  releasedAt: Date | null;
  releasedBy: PersonRef;
  createdAt: Date;
  createdBy: PersonRef;
  updatedAt: Date;
  updatedBy: PersonRef;
  version: number;
};

const vocabularyKey = (kind: VocabularyKind, code: string) => `${kind}:${code}`;

/** Labels of built-in and organisation terms; an organisation's own term wins over a built-in one. */
async function loadVocabulary(orgId: string, codes: string[]): Promise<Map<string, { label: Label; citation: string | null }>> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return new Map();
  const terms = await db.vocabularyTerm.findMany({
    where: { code: { in: unique }, OR: [{ organisationId: null }, { organisationId: orgId }] },
    select: { kind: true, code: true, labelDe: true, labelEn: true, citation: true, organisationId: true },
    orderBy: { organisationId: "asc" },
  });
  const map = new Map<string, { label: Label; citation: string | null }>();
  for (const t of terms) {
    const key = vocabularyKey(t.kind, t.code);
    if (!map.has(key) || t.organisationId !== null) map.set(key, { label: { de: t.labelDe, en: t.labelEn }, citation: t.citation });
  }
  return map;
}

async function loadCountries(codes: (string | null)[]): Promise<Map<string, Label>> {
  const unique = [...new Set(codes.filter((c): c is string => c !== null))];
  if (unique.length === 0) return new Map();
  const rows = await db.country.findMany({ where: { code: { in: unique } }, select: { code: true, nameDe: true, nameEn: true } });
  return new Map(rows.map((c) => [c.code, { de: c.nameDe, en: c.nameEn }]));
}

async function loadPeople(ids: (string | null)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((c): c is string => c !== null))];
  if (unique.length === 0) return new Map();
  const rows = await db.user.findMany({ where: { id: { in: unique } }, select: { id: true, name: true, email: true } });
  return new Map(rows.map((u) => [u.id, u.name ?? u.email]));
}

const codeLabel = (code: string): Label => ({ de: code, en: code });

export async function getActivity(user: CurrentUser, orgId: string, id: string, asOf: Date = new Date()): Promise<ActivityDetail> {
  const a = await db.processingActivity.findFirst({
    where: { ...activityScope(user, orgId), id },
    select: {
      id: true,
      referenceNumber: true,
      name: true,
      description: true,
      status: true,
      archivedAt: true,
      role: true,
      operatingStage: true,
      contactName: true,
      contactEmail: true,
      contactPhone: true,
      jointArrangement: true,
      processingCategories: true,
      dataSources: true,
      estimatedDataSubjects: true,
      automatedDecisionMaking: true,
      profiling: true,
      informationProvided: true,
      generalTomDescription: true,
      noThirdCountryTransfer: true,
      dpiaCriteria: true,
      dpiaDecision: true,
      dpiaDecisionReason: true,
      dpiaStatus: true,
      dpiaReference: true,
      reviewIntervalMonths: true,
      lastReviewedAt: true,
      nextReviewAt: true,
      releasedAt: true,
      releasedById: true,
      createdAt: true,
      createdById: true,
      updatedAt: true,
      updatedById: true,
      version: true,
      department: { select: { name: true, contactName: true, contactEmail: true, contactPhone: true } },
      clientVendor: { select: { id: true, name: true } },
      jointControllers: { select: { id: true, name: true, contact: true, arrangementRef: true, responsibilities: true }, orderBy: { name: "asc" } },
      purposes: {
        orderBy: [{ position: "asc" }, { id: "asc" }],
        select: {
          id: true,
          description: true,
          legalBases: { select: { id: true, basisCode: true, note: true, legitimateInterest: true, liaReference: true }, orderBy: { basisCode: "asc" } },
        },
      },
      dataSubjects: { select: { id: true, categoryCode: true, note: true }, orderBy: { categoryCode: "asc" } },
      dataCategories: {
        orderBy: { categoryCode: "asc" },
        select: {
          id: true,
          categoryCode: true,
          description: true,
          isSpecialCategory: true,
          retentionPeriod: true,
          retentionMonths: true,
          retentionStartCode: true,
          retentionLegalRef: true,
          sourceCode: true,
        },
      },
      systems: { select: { id: true, name: true, location: true, note: true, vendor: { select: { name: true } } }, orderBy: { name: "asc" } },
      recipients: {
        orderBy: [{ kind: "asc" }, { createdAt: "asc" }],
        select: {
          id: true,
          kind: true,
          role: true,
          categoryCode: true,
          service: true,
          vendor: { select: { name: true } },
          department: { select: { name: true } },
          dataCategories: { select: { dataCategory: { select: { categoryCode: true } } } },
          transfers: {
            where: { archivedAt: null },
            orderBy: { createdAt: "asc" },
            select: {
              id: true,
              destinationCountry: true,
              internationalOrganisation: true,
              access: true,
              mechanism: true,
              mechanismNote: true,
              isRegular: true,
              art49Assessment: true,
              tiaReference: true,
              tiaDate: true,
              supplementaryMeasures: true,
              evidenceUrl: true,
              viaVendor: { select: { name: true } },
              tia: { select: { title: true, assessedAt: true } },
            },
          },
        },
      },
      toms: { select: { tom: { select: { id: true, code: true, category: true, title: true } } } },
      agreements: { select: { dpa: { select: { id: true, title: true, archivedAt: true, vendor: { select: { name: true } } } } } },
    },
  });
  if (!a) notFound();

  const vocabulary = await loadVocabulary(orgId, [
    ...a.purposes.flatMap((p) => p.legalBases.map((b) => b.basisCode)),
    ...a.dataSubjects.map((s) => s.categoryCode),
    ...a.dataCategories.flatMap((c) => [c.categoryCode, c.retentionStartCode, c.sourceCode].filter((x): x is string => x !== null)),
    ...a.recipients.flatMap((r) => (r.categoryCode ? [r.categoryCode] : [])),
  ]);
  const term = (kind: VocabularyKind, code: string) => vocabulary.get(vocabularyKey(kind, code));
  const label = (kind: VocabularyKind, code: string) => term(kind, code)?.label ?? codeLabel(code);
  const countries = await loadCountries([...a.systems.map((s) => s.location), ...a.recipients.flatMap((r) => r.transfers.map((t) => t.destinationCountry))]);
  const people = await loadPeople([a.createdById, a.updatedById, a.releasedById]);
  const person = (pid: string | null): PersonRef => (pid ? { id: pid, name: people.get(pid) ?? pid } : null);
  const countryLabel = (code: string | null) => (code ? (countries.get(code) ?? codeLabel(code)) : null);

  return {
    id: a.id,
    referenceNumber: a.referenceNumber,
    name: a.name,
    description: a.description,
    status: a.status,
    isArchived: a.archivedAt !== null || a.status === "ARCHIVED",
    role: a.role,
    operatingStage: a.operatingStage,
    department: a.department,
    contact: { name: a.contactName, email: a.contactEmail, phone: a.contactPhone },
    jointArrangement: a.jointArrangement,
    jointControllers: a.jointControllers,
    clientController: a.clientVendor,
    processingCategories: a.processingCategories,
    purposes: a.purposes.map((p) => ({
      id: p.id,
      description: p.description,
      legalBases: p.legalBases.map((b) => ({
        id: b.id,
        code: b.basisCode,
        label: label("LEGAL_BASIS", b.basisCode),
        citation: term("LEGAL_BASIS", b.basisCode)?.citation ?? null,
        note: b.note,
        legitimateInterest: b.legitimateInterest,
        liaReference: b.liaReference,
      })),
    })),
    dataSubjects: a.dataSubjects.map((s) => ({ id: s.id, code: s.categoryCode, label: label("DATA_SUBJECT", s.categoryCode), note: s.note })),
    dataCategories: a.dataCategories.map((c) => ({
      id: c.id,
      code: c.categoryCode,
      label: label("DATA_CATEGORY", c.categoryCode),
      description: c.description,
      isSpecialCategory: c.isSpecialCategory,
      retentionPeriod: c.retentionPeriod,
      retentionMonths: c.retentionMonths,
      retentionStart: c.retentionStartCode ? label("RETENTION_START", c.retentionStartCode) : null,
      retentionLegalRef: c.retentionLegalRef,
      source: c.sourceCode ? label("DATA_SOURCE", c.sourceCode) : null,
    })),
    dataSources: a.dataSources,
    estimatedDataSubjects: a.estimatedDataSubjects,
    systems: a.systems.map((s) => ({ id: s.id, name: s.name, vendorName: s.vendor?.name ?? null, location: countryLabel(s.location), note: s.note })),
    recipients: a.recipients.map((r) => ({
      id: r.id,
      kind: r.kind,
      role: r.role,
      name: r.vendor?.name ?? r.department?.name ?? null,
      category: r.categoryCode ? label("RECIPIENT_CATEGORY", r.categoryCode) : null,
      service: r.service,
      disclosedCategories: r.dataCategories.map((d) => label("DATA_CATEGORY", d.dataCategory.categoryCode)),
      transfers: r.transfers.map((t) => ({
        id: t.id,
        country: countryLabel(t.destinationCountry),
        internationalOrganisation: t.internationalOrganisation,
        access: t.access,
        mechanism: t.mechanism,
        mechanismNote: t.mechanismNote,
        viaVendorName: t.viaVendor?.name ?? null,
        isRegular: t.isRegular,
        art49Assessment: t.art49Assessment,
        tiaReference: t.tiaReference,
        tiaDate: t.tiaDate ?? t.tia?.assessedAt ?? null,
        tiaTitle: t.tia?.title ?? null,
        supplementaryMeasures: t.supplementaryMeasures,
        evidenceUrl: t.evidenceUrl,
      })),
    })),
    noThirdCountryTransfer: a.noThirdCountryTransfer,
    toms: a.toms.map((x) => x.tom).sort((x, y) => x.code.localeCompare(y.code)),
    generalTomDescription: a.generalTomDescription,
    agreements: a.agreements
      .filter((x) => x.dpa.archivedAt === null)
      .map((x) => ({ id: x.dpa.id, title: x.dpa.title, vendorName: x.dpa.vendor.name })),
    automatedDecisionMaking: a.automatedDecisionMaking,
    profiling: a.profiling,
    informationProvided: a.informationProvided,
    dpia: {
      criteria: Array.isArray(a.dpiaCriteria) ? a.dpiaCriteria.filter((c): c is string => typeof c === "string") : [],
      decision: a.dpiaDecision,
      decisionReason: a.dpiaDecisionReason,
      status: a.dpiaStatus,
      reference: a.dpiaReference,
    },
    review: {
      intervalMonths: a.reviewIntervalMonths,
      lastReviewedAt: a.lastReviewedAt,
      nextReviewAt: a.nextReviewAt,
      isOverdue: a.nextReviewAt !== null && a.nextReviewAt < asOf && a.archivedAt === null,
    },
    releasedAt: a.releasedAt,
    releasedBy: person(a.releasedById),
    createdAt: a.createdAt,
    createdBy: person(a.createdById),
    updatedAt: a.updatedAt,
    updatedBy: person(a.updatedById),
    version: a.version,
  };
}

// ───────────────────────────── Art. 30(2): the register as a processor ─────────────────────────────

export type ProcessorActivityRow = {
  id: string;
  referenceNumber: string;
  name: string;
  status: ActivityStatus;
  processingCategories: string | null;
  nextReviewAt: Date | null;
};

/** One client controller (null: the client is not recorded yet) with the activities run on its behalf. */
export type ClientGroup = { client: { id: string; name: string; country: string | null } | null; activities: ProcessorActivityRow[] };

/**
 * The organisation's activities as a processor (Art. 30(2)), grouped by the controller on whose behalf they
 * are carried out: clients by name, activities by reference number; entries without a client last.
 */
export async function listProcessorActivitiesByClient(user: CurrentUser, orgId: string): Promise<ClientGroup[]> {
  const rows = await db.processingActivity.findMany({
    where: { ...activityScope(user, orgId), role: "PROCESSOR", archivedAt: null, status: { not: "ARCHIVED" } },
    select: {
      id: true, referenceNumber: true, name: true, status: true, processingCategories: true, nextReviewAt: true,
      clientVendor: { select: { id: true, name: true, country: true } },
    },
    orderBy: [{ referenceNumber: "asc" }, { id: "asc" }],
  });
  const groups = new Map<string, ClientGroup>();
  for (const { clientVendor, ...activity } of rows) {
    const key = clientVendor?.id ?? "";
    const group = groups.get(key) ?? { client: clientVendor, activities: [] };
    group.activities.push(activity);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => (a.client === null ? 1 : b.client === null ? -1 : a.client.name.localeCompare(b.client.name, "de")));
}
