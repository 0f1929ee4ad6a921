import "server-only";
// Read side of the departments: scoped by organisation and membership; a miss is notFound().
import { notFound } from "next/navigation";
import { z } from "zod";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/current-user";

const firstValue = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const paramsSchema = z.object({
  archived: z.preprocess(firstValue, z.enum(["1", "true", "on"]).transform(() => true)).catch(false),
});
export type DepartmentListParams = z.infer<typeof paramsSchema>;
export const parseDepartmentListParams = (sp: Record<string, string | string[] | undefined>): DepartmentListParams => paramsSchema.parse({ archived: sp.archived ?? false });

const scope = (user: CurrentUser, orgId: string) => ({ organisationId: orgId, organisation: { memberships: { some: { userId: user.id } } } });

export type DepartmentRow = {
  id: string; name: string; contactName: string | null; contactEmail: string | null; contactPhone: string | null;
  activityCount: number; isArchived: boolean; version: number;
};

/** Departments of `orgId` by name; archived ones only with `archived`. */
export async function listDepartments(user: CurrentUser, orgId: string, p: DepartmentListParams): Promise<DepartmentRow[]> {
  const rows = await db.department.findMany({
    where: { ...scope(user, orgId), ...(p.archived ? {} : { archivedAt: null }) },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 1000,
    select: {
      id: true, name: true, contactName: true, contactEmail: true, contactPhone: true, archivedAt: true, version: true,
      _count: { select: { activities: { where: { archivedAt: null } } } },
    },
  });
  return rows.map((r) => ({
    id: r.id, name: r.name, contactName: r.contactName, contactEmail: r.contactEmail, contactPhone: r.contactPhone,
    activityCount: r._count.activities, isArchived: r.archivedAt !== null, version: r.version,
  }));
}

export type DepartmentDetail = { id: string; name: string; contactName: string | null; contactEmail: string | null; contactPhone: string | null; version: number; archivedAt: Date | null };

/** One department of `orgId`, or notFound(). */
export async function getDepartment(user: CurrentUser, orgId: string, id: string): Promise<DepartmentDetail> {
  const d = await db.department.findFirst({
    where: { ...scope(user, orgId), id },
    select: { id: true, name: true, contactName: true, contactEmail: true, contactPhone: true, version: true, archivedAt: true },
  });
  if (!d) notFound();
  return d;
}
