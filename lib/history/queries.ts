import "server-only";
// Reads of the history view (C33): the revisions of one register entry of the organisation, newest first, and
// the names that snapshots refer to by id. An entry outside the organisation is a 404 (C01).
import { notFound } from "next/navigation";
import { db } from "@/lib/db";
import { can } from "@/lib/domain/permissions";
import type { CurrentUser } from "@/lib/current-user";

export type HistoryEntity = "Vendor" | "DataProcessingAgreement" | "Tom" | "Tia";

export type HistoryRevision = { version: number; action: string; authorName: string; createdAt: Date; reason: string | null; snapshot: unknown; changes: unknown };
export type EntityHistory = { title: string; version: number; archived: boolean; revisions: HistoryRevision[] };

async function entryOf(entity: HistoryEntity, orgId: string, id: string): Promise<{ title: string; version: number; archived: boolean } | null> {
  const where = { id, organisationId: orgId };
  switch (entity) {
    case "Vendor": {
      const v = await db.vendor.findFirst({ where, select: { name: true, version: true, archivedAt: true } });
      return v && { title: v.name, version: v.version, archived: v.archivedAt !== null };
    }
    case "DataProcessingAgreement": {
      const d = await db.dataProcessingAgreement.findFirst({ where, select: { title: true, version: true, archivedAt: true } });
      return d && { title: d.title, version: d.version, archived: d.archivedAt !== null };
    }
    case "Tom": {
      const m = await db.technicalOrganisationalMeasure.findFirst({ where, select: { code: true, title: true, version: true, archivedAt: true } });
      return m && { title: `${m.code} – ${m.title}`, version: m.version, archived: m.archivedAt !== null };
    }
    case "Tia": {
      const a = await db.transferImpactAssessment.findFirst({ where, select: { title: true, version: true, archivedAt: true } });
      return a && { title: a.title, version: a.version, archived: a.archivedAt !== null };
    }
  }
}

/** Every revision of one entry of `orgId`, newest first; notFound() outside the user's organisations or for an unknown entry. */
export async function getEntityHistory(user: CurrentUser, orgId: string, entity: HistoryEntity, id: string): Promise<EntityHistory> {
  if (!can(user, "register:read", orgId)) notFound();
  const entry = await entryOf(entity, orgId, id);
  if (!entry) notFound();
  const revisions = await db.revision.findMany({
    where: { entityType: entity, entityId: id, organisationId: orgId },
    orderBy: { version: "desc" },
    select: { version: true, action: true, authorName: true, createdAt: true, reason: true, snapshot: true, changes: true },
  });
  return { ...entry, revisions };
}

/** Names for ids and codes that snapshots hold (vendors, activities, TIAs, departments, countries), `{ de, en }`. */
export async function getHistoryLabels(user: CurrentUser, orgId: string): Promise<Record<string, { de: string; en: string }>> {
  if (!can(user, "register:read", orgId)) notFound();
  const out: Record<string, { de: string; en: string }> = {};
  const same = (id: string, name: string) => (out[`id:${id}`] = { de: name, en: name });
  for (const v of await db.vendor.findMany({ where: { organisationId: orgId }, select: { id: true, name: true } })) same(v.id, v.name);
  for (const a of await db.processingActivity.findMany({ where: { organisationId: orgId }, select: { id: true, referenceNumber: true, name: true } })) same(a.id, `${a.referenceNumber} ${a.name}`);
  for (const t of await db.transferImpactAssessment.findMany({ where: { organisationId: orgId }, select: { id: true, title: true } })) same(t.id, t.title);
  for (const d of await db.department.findMany({ where: { organisationId: orgId }, select: { id: true, name: true } })) same(d.id, d.name);
  for (const c of await db.country.findMany({ select: { code: true, nameDe: true, nameEn: true } })) out[`country:${c.code}`] = { de: c.nameDe, en: c.nameEn };
  for (const t of await db.vocabularyTerm.findMany({ where: { OR: [{ organisationId: null }, { organisationId: orgId }] }, select: { kind: true, code: true, labelDe: true, labelEn: true } })) out[`${t.kind}:${t.code}`] = { de: t.labelDe, en: t.labelEn };
  return out;
}
