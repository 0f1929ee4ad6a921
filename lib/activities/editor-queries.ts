import "server-only";
// Reads for the activity form, the workflow controls and the history page (house-style §3): scoped by the
// organisation in the URL and the caller's membership; a miss is notFound().
import { notFound } from "next/navigation";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/current-user";
import type { ActivityContent } from "@/lib/activities/schema";
import { loadActivitySnapshot, type ActivitySnapshot } from "@/lib/activities/snapshot";
import type { VocabularyKind } from "@/prisma/generated/sqlite/enums";

export type Option = { value: string; label: string; labelEn?: string; hint?: string };
export type VocabularyOption = { code: string; de: string; en: string; citation: string | null; group: string | null; isSpecialCategory: boolean };

export type ActivityFormOptions = {
  departments: Option[];
  vendors: (Option & { isClientController: boolean })[];
  toms: Option[];
  vocabulary: Record<"LEGAL_BASIS" | "DATA_SUBJECT" | "DATA_CATEGORY" | "RETENTION_START" | "DATA_SOURCE", VocabularyOption[]>;
};

const isMember = (user: CurrentUser, orgId: string) => user.memberships.some((m) => m.orgId === orgId);

/** Choices of the activity form: departments, vendors, TOMs and the controlled vocabularies (built-in + own terms). */
export async function getActivityFormOptions(user: CurrentUser, orgId: string): Promise<ActivityFormOptions> {
  if (!isMember(user, orgId)) notFound();
  const departments = await db.department.findMany({ where: { organisationId: orgId, archivedAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true } });
  const vendors = await db.vendor.findMany({ where: { organisationId: orgId, archivedAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true, kind: true, country: true } });
  const toms = await db.technicalOrganisationalMeasure.findMany({ where: { organisationId: orgId, archivedAt: null }, orderBy: { code: "asc" }, select: { id: true, code: true, title: true } });
  const terms = await db.vocabularyTerm.findMany({
    where: { archivedAt: null, OR: [{ organisationId: null }, { organisationId: orgId }], kind: { in: ["LEGAL_BASIS", "DATA_SUBJECT", "DATA_CATEGORY", "RETENTION_START", "DATA_SOURCE"] } },
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    select: { kind: true, code: true, labelDe: true, labelEn: true, citation: true, group: true, isSpecialCategory: true, organisationId: true },
  });
  const vocabulary: ActivityFormOptions["vocabulary"] = { LEGAL_BASIS: [], DATA_SUBJECT: [], DATA_CATEGORY: [], RETENTION_START: [], DATA_SOURCE: [] };
  const seen = new Map<string, VocabularyOption>();
  for (const t of terms) {
    const kind = t.kind as keyof typeof vocabulary & VocabularyKind;
    const key = `${kind}:${t.code}`;
    const option = { code: t.code, de: t.labelDe, en: t.labelEn, citation: t.citation, group: t.group, isSpecialCategory: t.isSpecialCategory };
    const existing = seen.get(key);
    if (existing) {
      if (t.organisationId !== null) Object.assign(existing, option); // an organisation's own term wins
      continue;
    }
    seen.set(key, option);
    vocabulary[kind].push(option);
  }
  return {
    departments: departments.map((d) => ({ value: d.id, label: d.name })),
    vendors: vendors.map((v) => ({ value: v.id, label: v.name, hint: v.country ?? undefined, isClientController: v.kind === "CLIENT_CONTROLLER" })),
    toms: toms.map((m) => ({ value: m.id, label: `${m.code} – ${m.title}` })),
    vocabulary,
  };
}

export type ActivityForEdit = { id: string; version: number; status: ActivitySnapshot["status"]; content: ActivityContent };

/** The stored content of one activity for the edit form. */
export async function getActivityForEdit(user: CurrentUser, orgId: string, id: string): Promise<ActivityForEdit> {
  if (!isMember(user, orgId)) notFound();
  const loaded = await loadActivitySnapshot(db, orgId, id);
  if (!loaded) notFound();
  return { id, version: loaded.meta.version, status: loaded.snapshot.status, content: loaded.snapshot };
}

export type RevisionEntry = {
  version: number;
  action: string;
  authorName: string;
  createdAt: Date;
  reason: string | null;
  snapshot: unknown;
};

/** Every revision of an activity, newest first. */
export async function listActivityRevisions(user: CurrentUser, orgId: string, id: string): Promise<{ referenceNumber: string; name: string; version: number; revisions: RevisionEntry[] }> {
  if (!isMember(user, orgId)) notFound();
  const a = await db.processingActivity.findFirst({ where: { id, organisationId: orgId }, select: { referenceNumber: true, name: true, version: true } });
  if (!a) notFound();
  const revisions = await db.revision.findMany({
    where: { entityType: "Activity", entityId: id, organisationId: orgId },
    orderBy: { version: "desc" },
    select: { version: true, action: true, authorName: true, createdAt: true, reason: true, snapshot: true },
  });
  return { ...a, revisions };
}

/** Labels for codes and ids that appear in snapshots (history diffs render names, not ids). */
export async function getSnapshotLabels(orgId: string): Promise<Record<string, { de: string; en: string }>> {
  const out: Record<string, { de: string; en: string }> = {};
  const terms = await db.vocabularyTerm.findMany({ where: { OR: [{ organisationId: null }, { organisationId: orgId }] }, select: { code: true, kind: true, labelDe: true, labelEn: true } });
  for (const t of terms) out[`${t.kind}:${t.code}`] = { de: t.labelDe, en: t.labelEn };
  const named = [
    ...(await db.department.findMany({ where: { organisationId: orgId }, select: { id: true, name: true } })),
    ...(await db.vendor.findMany({ where: { organisationId: orgId }, select: { id: true, name: true } })),
    ...(await db.technicalOrganisationalMeasure.findMany({ where: { organisationId: orgId }, select: { id: true, code: true, title: true } })).map((m) => ({ id: m.id, name: `${m.code} – ${m.title}` })),
  ];
  for (const n of named) out[`id:${n.id}`] = { de: n.name, en: n.name };
  return out;
}

/** Organisations (other than `orgId`) where the user may create activities: targets for "copy to". */
export function listCopyTargets(user: CurrentUser, orgId: string): Option[] {
  return user.memberships
    .filter((m) => m.orgId !== orgId && (m.role === "DPO" || m.role === "EDITOR" || m.role === "ADMIN"))
    .map((m) => ({ value: m.orgId, label: m.orgName }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

/** Whether the organisation requires four eyes for releases (shown next to the release button). */
export async function getWorkflowSettings(user: CurrentUser, orgId: string): Promise<{ requireFourEyes: boolean }> {
  if (!isMember(user, orgId)) notFound();
  const org = await db.organisation.findUnique({ where: { id: orgId }, select: { requireFourEyes: true } });
  if (!org) notFound();
  return org;
}
