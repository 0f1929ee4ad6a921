import "server-only";
// Read side of the vocabularies on the settings page: the built-in terms (read-only) and the organisation's
// own terms of one kind. Scoped by organisation and membership; a miss is notFound().
import { notFound } from "next/navigation";
import { z } from "zod";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/current-user";
import { VocabularyKind } from "@/prisma/generated/sqlite/enums";

const firstValue = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const paramsSchema = z.object({
  kind: z.preprocess(firstValue, z.enum(VocabularyKind)).catch("DATA_CATEGORY"),
  archived: z.preprocess(firstValue, z.enum(["1", "true", "on"]).transform(() => true)).catch(false),
});
export type VocabularyListParams = z.infer<typeof paramsSchema>;
export const parseVocabularyListParams = (sp: Record<string, string | string[] | undefined>): VocabularyListParams =>
  paramsSchema.parse({ kind: sp.kind ?? "DATA_CATEGORY", archived: sp.archived ?? false });

const isMember = (user: CurrentUser, orgId: string) => user.memberships.some((m) => m.orgId === orgId);

export type TermRow = {
  id: string; code: string; labelDe: string; labelEn: string; citation: string | null; group: string | null;
  isSpecialCategory: boolean; isArchived: boolean; stamp: string;
};
export type VocabularyList = { kind: VocabularyKind; builtIn: TermRow[]; own: TermRow[] };

const termSelect = { id: true, code: true, labelDe: true, labelEn: true, citation: true, group: true, isSpecialCategory: true, archivedAt: true, updatedAt: true } as const;
type Selected = { id: string; code: string; labelDe: string; labelEn: string; citation: string | null; group: string | null; isSpecialCategory: boolean; archivedAt: Date | null; updatedAt: Date };
const toRow = (t: Selected): TermRow => ({
  id: t.id, code: t.code, labelDe: t.labelDe, labelEn: t.labelEn, citation: t.citation, group: t.group,
  isSpecialCategory: t.isSpecialCategory, isArchived: t.archivedAt !== null, stamp: t.updatedAt.toISOString(),
});

/** Built-in (live) and own terms of one kind; archived own terms only with `archived`. */
export async function listVocabulary(user: CurrentUser, orgId: string, p: VocabularyListParams): Promise<VocabularyList> {
  if (!isMember(user, orgId)) notFound();
  const order = [{ sortOrder: "asc" as const }, { labelDe: "asc" as const }, { id: "asc" as const }];
  const builtIn = await db.vocabularyTerm.findMany({ where: { organisationId: null, kind: p.kind, archivedAt: null }, orderBy: order, select: termSelect });
  const own = await db.vocabularyTerm.findMany({
    where: { organisationId: orgId, kind: p.kind, ...(p.archived ? {} : { archivedAt: null }) },
    orderBy: [{ labelDe: "asc" }, { id: "asc" }],
    select: termSelect,
  });
  return { kind: p.kind, builtIn: builtIn.map(toRow), own: own.map(toRow) };
}

export type TermDetail = TermRow & { kind: VocabularyKind };

/** One own term of `orgId` (built-in terms are not editable: a miss), or notFound(). */
export async function getVocabularyTerm(user: CurrentUser, orgId: string, id: string): Promise<TermDetail> {
  if (!isMember(user, orgId)) notFound();
  const t = await db.vocabularyTerm.findFirst({ where: { id, organisationId: orgId }, select: { ...termSelect, kind: true } });
  if (!t) notFound();
  return { ...toRow(t), kind: t.kind };
}
