import "server-only";
// Read side of data processing agreements (AVV): scoped by organisation and membership; a miss is notFound().
import { notFound } from "next/navigation";
import { z } from "zod";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/current-user";
import { ART28_KEYS } from "@/lib/agreements/schema";
import { DpaStatus as DpaStatusEnum, type DpaStatus, type TransferMechanism } from "@/prisma/generated/sqlite/enums";

const firstValue = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const paramsSchema = z.object({
  status: z.preprocess(firstValue, z.enum(DpaStatusEnum).nullable()).catch(null),
  vendor: z.preprocess(firstValue, z.string().max(64).nullable()).catch(null),
  archived: z.preprocess(firstValue, z.enum(["1", "true", "on"]).transform(() => true)).catch(false),
});
export type AgreementListParams = z.infer<typeof paramsSchema>;
export const parseAgreementListParams = (sp: Record<string, string | string[] | undefined>): AgreementListParams =>
  paramsSchema.parse({ status: sp.status ?? null, vendor: sp.vendor ?? null, archived: sp.archived ?? false });

const scope = (user: CurrentUser, orgId: string) => ({ organisationId: orgId, organisation: { memberships: { some: { userId: user.id } } } });

export type AgreementRow = {
  id: string; title: string; vendor: { id: string; name: string }; status: DpaStatus; signedAt: Date | null; nextReviewAt: Date | null;
  checklistDone: number; activityCount: number; isArchived: boolean; version: number;
};

export async function listAgreements(user: CurrentUser, orgId: string, p: AgreementListParams): Promise<AgreementRow[]> {
  const rows = await db.dataProcessingAgreement.findMany({
    where: { ...scope(user, orgId), ...(p.archived ? {} : { archivedAt: null }), ...(p.status ? { status: p.status } : {}), ...(p.vendor ? { vendorId: p.vendor } : {}) },
    orderBy: [{ title: "asc" }, { id: "asc" }],
    take: 500,
    select: {
      id: true, title: true, status: true, signedAt: true, nextReviewAt: true, archivedAt: true, version: true,
      art28a: true, art28b: true, art28c: true, art28d: true, art28e: true, art28f: true, art28g: true, art28h: true,
      vendor: { select: { id: true, name: true } }, _count: { select: { activities: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id, title: r.title, vendor: r.vendor, status: r.status, signedAt: r.signedAt, nextReviewAt: r.nextReviewAt, version: r.version,
    checklistDone: ART28_KEYS.filter((k) => r[k]).length, activityCount: r._count.activities, isArchived: r.archivedAt !== null,
  }));
}

export type AgreementDetail = {
  id: string; vendorId: string; title: string; status: DpaStatus; signedAt: Date | null; documentVersion: string | null; effectiveFrom: Date | null;
  termEndsAt: Date | null; nextReviewAt: Date | null; checklist: Record<(typeof ART28_KEYS)[number], boolean>; sccMechanism: TransferMechanism | null;
  documentRef: string | null; documentUrl: string | null; notes: string | null; activityIds: string[]; version: number; archivedAt: Date | null;
};

export async function getAgreement(user: CurrentUser, orgId: string, id: string): Promise<AgreementDetail> {
  const r = await db.dataProcessingAgreement.findFirst({ where: { ...scope(user, orgId), id }, omit: { searchText: true }, include: { activities: { select: { activityId: true } } } });
  if (!r) notFound();
  return {
    id: r.id, vendorId: r.vendorId, title: r.title, status: r.status, signedAt: r.signedAt, documentVersion: r.documentVersion, effectiveFrom: r.effectiveFrom,
    termEndsAt: r.termEndsAt, nextReviewAt: r.nextReviewAt, sccMechanism: r.sccMechanism, documentRef: r.documentRef, documentUrl: r.documentUrl, notes: r.notes,
    checklist: Object.fromEntries(ART28_KEYS.map((k) => [k, r[k]])) as AgreementDetail["checklist"],
    activityIds: r.activities.map((a) => a.activityId), version: r.version, archivedAt: r.archivedAt,
  };
}

/** Activities of `orgId` (not archived) for the "activities covered" checkboxes. */
export async function listActivityChoices(user: CurrentUser, orgId: string): Promise<{ id: string; referenceNumber: string; name: string }[]> {
  return db.processingActivity.findMany({ where: { ...scope(user, orgId), archivedAt: null }, orderBy: { referenceNumber: "asc" }, select: { id: true, referenceNumber: true, name: true } });
}
