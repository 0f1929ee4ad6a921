import "server-only";
// Read side of the TOM catalogue: scoped by organisation and membership; a miss is notFound().
import { notFound } from "next/navigation";
import { z } from "zod";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/current-user";
import { normalizeQuery } from "@/lib/domain/search-text";
import { Prisma } from "@/prisma/generated/sqlite/client";
import type { TomCategory } from "@/prisma/generated/sqlite/enums";

export const TOM_QUERY_MAX_LENGTH = 200;
const firstValue = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const paramsSchema = z.object({
  q: z.preprocess(firstValue, z.string().max(TOM_QUERY_MAX_LENGTH)).catch(""),
  archived: z.preprocess(firstValue, z.enum(["1", "true", "on"]).transform(() => true)).catch(false),
});
export type TomListParams = z.infer<typeof paramsSchema>;
export const parseTomListParams = (sp: Record<string, string | string[] | undefined>): TomListParams =>
  paramsSchema.parse({ q: sp.q ?? "", archived: sp.archived ?? false });

const scope = (user: CurrentUser, orgId: string) => ({ organisationId: orgId, organisation: { memberships: { some: { userId: user.id } } } });

const LIKE_ESCAPE = "!";
const likeContains = (term: string) => `%${term.replace(/[!%_]/g, (c) => LIKE_ESCAPE + c)}%`;

async function searchWhere(orgId: string, q: string): Promise<Prisma.TechnicalOrganisationalMeasureWhereInput> {
  const terms = normalizeQuery(q);
  if (terms.length === 0) return {};
  const literal = terms.filter((t) => !/[%_]/.test(t));
  const escaped = terms.filter((t) => /[%_]/.test(t));
  const and: Prisma.TechnicalOrganisationalMeasureWhereInput[] = literal.map((term) => ({ searchText: { contains: term } }));
  if (escaped.length > 0) {
    const conditions = escaped.map((term) => Prisma.sql`"searchText" LIKE ${likeContains(term)} ESCAPE '!'`);
    const rows = await db.$queryRaw<{ id: string }[]>`SELECT "id" FROM "TechnicalOrganisationalMeasure" WHERE "organisationId" = ${orgId} AND ${Prisma.join(conditions, " AND ")}`;
    and.push({ id: { in: rows.map((r) => r.id) } });
  }
  return { AND: and };
}

export type TomRow = { id: string; code: string; category: TomCategory; title: string; activityCount: number; isArchived: boolean; version: number };

/** Measures of `orgId` ordered by category and code (the page groups them by category). */
export async function listToms(user: CurrentUser, orgId: string, p: TomListParams): Promise<TomRow[]> {
  const rows = await db.technicalOrganisationalMeasure.findMany({
    where: { AND: [scope(user, orgId), await searchWhere(orgId, p.q), p.archived ? {} : { archivedAt: null }] },
    orderBy: [{ category: "asc" }, { code: "asc" }, { id: "asc" }],
    take: 1000,
    select: { id: true, code: true, category: true, title: true, archivedAt: true, version: true, _count: { select: { activities: true } } },
  });
  return rows.map((r) => ({ id: r.id, code: r.code, category: r.category, title: r.title, activityCount: r._count.activities, isArchived: r.archivedAt !== null, version: r.version }));
}

export type TomDetail = {
  id: string; code: string; category: TomCategory; title: string; description: string | null; documentUrl: string | null;
  version: number; archivedAt: Date | null; updatedAt: Date;
  activities: { id: string; referenceNumber: string; name: string; isArchived: boolean }[];
};

export async function getTom(user: CurrentUser, orgId: string, id: string): Promise<TomDetail> {
  const r = await db.technicalOrganisationalMeasure.findFirst({
    where: { ...scope(user, orgId), id },
    select: {
      id: true, code: true, category: true, title: true, description: true, documentUrl: true, version: true, archivedAt: true, updatedAt: true,
      activities: { select: { activity: { select: { id: true, referenceNumber: true, name: true, archivedAt: true } } }, orderBy: { activity: { referenceNumber: "asc" } } },
    },
  });
  if (!r) notFound();
  return {
    id: r.id, code: r.code, category: r.category, title: r.title, description: r.description, documentUrl: r.documentUrl,
    version: r.version, archivedAt: r.archivedAt, updatedAt: r.updatedAt,
    activities: r.activities.map(({ activity: a }) => ({ id: a.id, referenceNumber: a.referenceNumber, name: a.name, isArchived: a.archivedAt !== null })),
  };
}

/** Measures of `orgId` (not archived) for a searchable select. */
export async function listTomOptions(user: CurrentUser, orgId: string): Promise<{ id: string; code: string; title: string }[]> {
  return db.technicalOrganisationalMeasure.findMany({ where: { ...scope(user, orgId), archivedAt: null }, orderBy: { code: "asc" }, select: { id: true, code: true, title: true } });
}
