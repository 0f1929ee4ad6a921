import "server-only";
// Read side of organisations: the picker's cards and the cover sheet (Vorblatt) of one organisation.
// Scoped by the user's memberships; an organisation the user is not a member of is a miss (404). Also the
// cover sheet's edit form and the "due for review" list of the organisation's activities.
import { notFound } from "next/navigation";
import { db } from "@/lib/db";
import { authorize, type CurrentUser } from "@/lib/current-user";
import { reviewsDue, type ReviewItem } from "@/lib/domain/start-page";
import { loadStartPageActivities } from "@/lib/overview/load";
import type { Label } from "@/lib/activities/queries";
import type { ActivityStatus, MemberRole } from "@/prisma/generated/sqlite/enums";

export type OrganisationCard = {
  id: string;
  name: string;
  role: MemberRole;
  activitiesByStatus: Record<ActivityStatus, number>;
};

const emptyStatusCounts = (): Record<ActivityStatus, number> => ({ DRAFT: 0, IN_REVIEW: 0, RELEASED: 0, ARCHIVED: 0 });

/** The organisations the user is a member of, with their role and activity counts by status (archived entries count as ARCHIVED). */
export async function listMyOrganisations(user: CurrentUser): Promise<OrganisationCard[]> {
  const memberships = await db.membership.findMany({
    where: { userId: user.id, organisation: { archivedAt: null } },
    select: { role: true, organisation: { select: { id: true, name: true } } },
    orderBy: { organisation: { name: "asc" } },
  });
  if (memberships.length === 0) return [];
  const orgIds = memberships.map((m) => m.organisation.id);
  const active = await db.processingActivity.groupBy({
    by: ["organisationId", "status"],
    where: { organisationId: { in: orgIds }, archivedAt: null },
    _count: { _all: true },
  });
  const archived = await db.processingActivity.groupBy({
    by: ["organisationId"],
    where: { organisationId: { in: orgIds }, archivedAt: { not: null } },
    _count: { _all: true },
  });
  const counts = new Map(orgIds.map((id) => [id, emptyStatusCounts()]));
  for (const g of active) {
    const c = counts.get(g.organisationId);
    if (c) c[g.status] += g._count._all;
  }
  for (const g of archived) {
    const c = counts.get(g.organisationId);
    if (c) c.ARCHIVED += g._count._all;
  }
  return memberships.map((m) => ({
    id: m.organisation.id,
    name: m.organisation.name,
    role: m.role,
    activitiesByStatus: counts.get(m.organisation.id) ?? emptyStatusCounts(),
  }));
}

export type OrganisationCoverSheet = {
  id: string;
  name: string;
  legalForm: string | null;
  address: { street: string | null; postalCode: string | null; city: string | null; country: string; countryName: Label };
  phone: string | null;
  email: string | null;
  website: string | null;
  management: string | null;
  headOfDataProcessing: string | null;
  euRepresentative: string | null;
  dpo: { name: string | null; company: string | null; isExternal: boolean; email: string | null; phone: string | null; address: string | null };
  supervisoryAuthority: string | null;
  actsAsController: boolean;
  actsAsProcessor: boolean;
};

/** The cover-sheet data of one organisation the user is a member of, or notFound(). */
export async function getOrganisation(user: CurrentUser, orgId: string): Promise<OrganisationCoverSheet> {
  const o = await db.organisation.findFirst({
    where: { id: orgId, memberships: { some: { userId: user.id } } },
    select: {
      id: true,
      name: true,
      legalForm: true,
      street: true,
      postalCode: true,
      city: true,
      country: true,
      phone: true,
      email: true,
      website: true,
      management: true,
      headOfDataProcessing: true,
      euRepresentative: true,
      dpoName: true,
      dpoCompany: true,
      dpoExternal: true,
      dpoEmail: true,
      dpoPhone: true,
      dpoAddress: true,
      supervisoryAuthority: true,
      actsAsController: true,
      actsAsProcessor: true,
    },
  });
  if (!o) notFound();
  const country = await db.country.findUnique({ where: { code: o.country }, select: { nameDe: true, nameEn: true } });
  return {
    id: o.id,
    name: o.name,
    legalForm: o.legalForm,
    address: {
      street: o.street,
      postalCode: o.postalCode,
      city: o.city,
      country: o.country,
      countryName: country ? { de: country.nameDe, en: country.nameEn } : { de: o.country, en: o.country },
    },
    phone: o.phone,
    email: o.email,
    website: o.website,
    management: o.management,
    headOfDataProcessing: o.headOfDataProcessing,
    euRepresentative: o.euRepresentative,
    dpo: { name: o.dpoName, company: o.dpoCompany, isExternal: o.dpoExternal, email: o.dpoEmail, phone: o.dpoPhone, address: o.dpoAddress },
    supervisoryAuthority: o.supervisoryAuthority,
    actsAsController: o.actsAsController,
    actsAsProcessor: o.actsAsProcessor,
  };
}

export type OrganisationForEdit = {
  id: string;
  version: number;
  values: {
    name: string; legalForm: string | null; street: string | null; postalCode: string | null; city: string | null; country: string;
    phone: string | null; email: string | null; website: string | null; management: string | null; headOfDataProcessing: string | null;
    euRepresentative: string | null; dpoName: string | null; dpoCompany: string | null; dpoExternal: boolean; dpoEmail: string | null;
    dpoPhone: string | null; dpoAddress: string | null; supervisoryAuthority: string | null; actsAsController: boolean; actsAsProcessor: boolean;
    employeeCount: number | null; requireFourEyes: boolean; defaultReviewMonths: number;
  };
  updatedAt: Date;
};

/** Every field of the cover sheet a DPO edits, with the version for optimistic concurrency; notFound() outside the memberships. */
export async function getOrganisationForEdit(user: CurrentUser, orgId: string): Promise<OrganisationForEdit> {
  const o = await db.organisation.findFirst({
    where: { id: orgId, archivedAt: null, memberships: { some: { userId: user.id } } },
    select: {
      id: true, version: true, updatedAt: true, name: true, legalForm: true, street: true, postalCode: true, city: true, country: true, phone: true, email: true,
      website: true, management: true, headOfDataProcessing: true, euRepresentative: true, dpoName: true, dpoCompany: true, dpoExternal: true,
      dpoEmail: true, dpoPhone: true, dpoAddress: true, supervisoryAuthority: true, actsAsController: true, actsAsProcessor: true,
      employeeCount: true, requireFourEyes: true, defaultReviewMonths: true,
    },
  });
  if (!o) notFound();
  const { id, version, updatedAt, ...values } = o;
  return { id, version, updatedAt, values };
}

/** Every country of the reference data, for the cover sheet's country select. */
export async function listCountryOptions(): Promise<{ code: string; label: Label }[]> {
  const rows = await db.country.findMany({ orderBy: { code: "asc" }, select: { code: true, nameDe: true, nameEn: true } });
  return rows.map((c) => ({ code: c.code, label: { de: c.nameDe, en: c.nameEn } }));
}

export type ReviewRow = ReviewItem & { status: ActivityStatus };
export type DueReviews = { overdue: ReviewRow[]; dueSoon: ReviewRow[]; windowDays: number; defaultReviewMonths: number };

/**
 * The organisation's live activities whose review is overdue or due within `windowDays` (pure reviewsDue on the
 * start-page rows), each with its status; read-only. The review itself is confirmed on the activity's page.
 */
export async function listDueReviews(user: CurrentUser, orgId: string, today: Date, windowDays: number): Promise<DueReviews> {
  authorize(user, "register:read", orgId);
  const org = await db.organisation.findFirst({ where: { id: orgId, memberships: { some: { userId: user.id } } }, select: { defaultReviewMonths: true } });
  if (!org) notFound();
  const activities = await loadStartPageActivities(db, orgId);
  const due = reviewsDue(activities, today, windowDays);
  const ids = [...due.overdue, ...due.dueSoon].map((r) => r.id);
  const statuses = ids.length
    ? new Map((await db.processingActivity.findMany({ where: { id: { in: ids }, organisationId: orgId }, select: { id: true, status: true } })).map((a) => [a.id, a.status]))
    : new Map<string, ActivityStatus>();
  const withStatus = (items: ReviewItem[]): ReviewRow[] => items.map((r) => ({ ...r, status: statuses.get(r.id) ?? "DRAFT" }));
  return { overdue: withStatus(due.overdue), dueSoon: withStatus(due.dueSoon), windowDays, defaultReviewMonths: org.defaultReviewMonths };
}
