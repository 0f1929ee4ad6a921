import "server-only";
// Read side of transfer impact assessments (TIA): scoped by organisation and membership; a miss is notFound().
import { notFound } from "next/navigation";
import { z } from "zod";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/current-user";
import type { Label } from "@/lib/activities/queries";
import { normalizeQuery } from "@/lib/domain/search-text";
import { Prisma } from "@/prisma/generated/sqlite/client";
import { TiaConclusion as TiaConclusionEnum, type DataFormat, type TiaConclusion, type TransferMechanism } from "@/prisma/generated/sqlite/enums";

export const TIA_QUERY_MAX_LENGTH = 200;
const firstValue = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const paramsSchema = z.object({
  q: z.preprocess(firstValue, z.string().max(TIA_QUERY_MAX_LENGTH)).catch(""),
  conclusion: z.preprocess(firstValue, z.enum([...Object.values(TiaConclusionEnum), "NONE"]).nullable()).catch(null),
  overdue: z.preprocess(firstValue, z.enum(["1", "true", "on"]).transform(() => true)).catch(false),
  archived: z.preprocess(firstValue, z.enum(["1", "true", "on"]).transform(() => true)).catch(false),
});
export type TiaListParams = z.infer<typeof paramsSchema>;
export const parseTiaListParams = (sp: Record<string, string | string[] | undefined>): TiaListParams =>
  paramsSchema.parse({ q: sp.q ?? "", conclusion: sp.conclusion ?? null, overdue: sp.overdue ?? false, archived: sp.archived ?? false });

const scope = (user: CurrentUser, orgId: string) => ({ organisationId: orgId, organisation: { memberships: { some: { userId: user.id } } } });

const LIKE_ESCAPE = "!";
const likeContains = (term: string) => `%${term.replace(/[!%_]/g, (c) => LIKE_ESCAPE + c)}%`;

async function searchWhere(orgId: string, q: string): Promise<Prisma.TransferImpactAssessmentWhereInput> {
  const terms = normalizeQuery(q);
  if (terms.length === 0) return {};
  const literal = terms.filter((t) => !/[%_]/.test(t));
  const escaped = terms.filter((t) => /[%_]/.test(t));
  const and: Prisma.TransferImpactAssessmentWhereInput[] = literal.map((term) => ({ searchText: { contains: term } }));
  if (escaped.length > 0) {
    const conditions = escaped.map((term) => Prisma.sql`"searchText" LIKE ${likeContains(term)} ESCAPE '!'`);
    const rows = await db.$queryRaw<{ id: string }[]>`SELECT "id" FROM "TransferImpactAssessment" WHERE "organisationId" = ${orgId} AND ${Prisma.join(conditions, " AND ")}`;
    and.push({ id: { in: rows.map((r) => r.id) } });
  }
  return { AND: and };
}

async function countryLabels(codes: Iterable<string | null>): Promise<(code: string | null) => Label | null> {
  const set = new Set<string>();
  for (const c of codes) if (c) set.add(c);
  const rows = set.size ? await db.country.findMany({ where: { code: { in: [...set] } }, select: { code: true, nameDe: true, nameEn: true } }) : [];
  const map = new Map(rows.map((c) => [c.code, { de: c.nameDe, en: c.nameEn }]));
  return (code) => (code ? (map.get(code) ?? { de: code, en: code }) : null);
}

/** Midnight UTC of today: a review date before it is overdue. */
const startOfTodayUtc = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));

export type TiaRow = {
  id: string; title: string; vendor: { id: string; name: string } | null; country: Label | null; conclusion: TiaConclusion | null;
  assessedAt: Date | null; nextReviewAt: Date | null; reviewOverdue: boolean; transferCount: number; isArchived: boolean; version: number;
};

export async function listTias(user: CurrentUser, orgId: string, p: TiaListParams, now: Date = new Date()): Promise<TiaRow[]> {
  const today = startOfTodayUtc(now);
  const and: Prisma.TransferImpactAssessmentWhereInput[] = [scope(user, orgId), await searchWhere(orgId, p.q)];
  if (!p.archived) and.push({ archivedAt: null });
  if (p.conclusion === "NONE") and.push({ conclusion: null });
  else if (p.conclusion) and.push({ conclusion: p.conclusion });
  if (p.overdue) and.push({ nextReviewAt: { lt: today } });
  const rows = await db.transferImpactAssessment.findMany({
    where: { AND: and },
    orderBy: [{ title: "asc" }, { id: "asc" }],
    take: 500,
    select: {
      id: true, title: true, destinationCountry: true, conclusion: true, assessedAt: true, nextReviewAt: true, archivedAt: true, version: true,
      vendor: { select: { id: true, name: true } }, _count: { select: { transfers: true } },
    },
  });
  const label = await countryLabels(rows.map((r) => r.destinationCountry));
  return rows.map((r) => ({
    id: r.id, title: r.title, vendor: r.vendor, country: label(r.destinationCountry), conclusion: r.conclusion, assessedAt: r.assessedAt, nextReviewAt: r.nextReviewAt,
    reviewOverdue: r.archivedAt === null && r.nextReviewAt !== null && r.nextReviewAt < today, transferCount: r._count.transfers, isArchived: r.archivedAt !== null, version: r.version,
  }));
}

export type TiaDetail = {
  id: string; title: string; vendorId: string | null; vendor: { id: string; name: string } | null; destinationCountry: string | null; country: Label | null;
  importerRole: string | null; mechanism: TransferMechanism | null; dataFormat: DataFormat; lawsAssessed: string | null; practicalExperience: string | null;
  supplementaryMeasures: string | null; residualRisk: string | null; conclusion: TiaConclusion | null; signedOffBy: string | null; assessedAt: Date | null;
  nextReviewAt: Date | null; reviewOverdue: boolean; documentUrl: string | null; version: number; archivedAt: Date | null; updatedAt: Date;
  transfers: { id: string; country: Label | null; mechanism: TransferMechanism; recipientName: string | null; activity: { id: string; referenceNumber: string; name: string } }[];
};

export async function getTia(user: CurrentUser, orgId: string, id: string, now: Date = new Date()): Promise<TiaDetail> {
  const r = await db.transferImpactAssessment.findFirst({
    where: { ...scope(user, orgId), id },
    select: {
      id: true, title: true, vendorId: true, destinationCountry: true, importerRole: true, mechanism: true, dataFormat: true, lawsAssessed: true,
      practicalExperience: true, supplementaryMeasures: true, residualRisk: true, conclusion: true, signedOffBy: true, assessedAt: true, nextReviewAt: true,
      documentUrl: true, version: true, archivedAt: true, updatedAt: true,
      vendor: { select: { id: true, name: true } },
      transfers: {
        where: { archivedAt: null },
        orderBy: { id: "asc" },
        select: { id: true, destinationCountry: true, mechanism: true, recipient: { select: { service: true, vendor: { select: { name: true } }, activity: { select: { id: true, referenceNumber: true, name: true } } } } },
      },
    },
  });
  if (!r) notFound();
  const label = await countryLabels([r.destinationCountry, ...r.transfers.map((x) => x.destinationCountry)]);
  return {
    id: r.id, title: r.title, vendorId: r.vendorId, vendor: r.vendor, destinationCountry: r.destinationCountry, country: label(r.destinationCountry),
    importerRole: r.importerRole, mechanism: r.mechanism, dataFormat: r.dataFormat, lawsAssessed: r.lawsAssessed, practicalExperience: r.practicalExperience,
    supplementaryMeasures: r.supplementaryMeasures, residualRisk: r.residualRisk, conclusion: r.conclusion, signedOffBy: r.signedOffBy, assessedAt: r.assessedAt,
    nextReviewAt: r.nextReviewAt, reviewOverdue: r.archivedAt === null && r.nextReviewAt !== null && r.nextReviewAt < startOfTodayUtc(now),
    documentUrl: r.documentUrl, version: r.version, archivedAt: r.archivedAt, updatedAt: r.updatedAt,
    transfers: r.transfers.map((x) => ({ id: x.id, country: label(x.destinationCountry), mechanism: x.mechanism, recipientName: x.recipient.vendor?.name ?? x.recipient.service ?? null, activity: x.recipient.activity })),
  };
}
