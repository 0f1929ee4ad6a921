import "server-only";
import { db } from "@/lib/db";
import { authorize, type CurrentUser } from "@/lib/current-user";

export type MemberRow = { id: string; userId: string; email: string; name: string | null; role: "ADMIN" | "DPO" | "EDITOR" | "VIEWER"; disabled: boolean; since: Date };

export async function listMembers(user: CurrentUser, orgId: string): Promise<MemberRow[]> {
  authorize(user, "register:read", orgId);
  const rows = await db.membership.findMany({
    where: { organisationId: orgId },
    select: { id: true, role: true, createdAt: true, user: { select: { id: true, email: true, name: true, disabledAt: true } } },
    orderBy: [{ role: "asc" }, { user: { email: "asc" } }],
  });
  return rows.map((r) => ({ id: r.id, userId: r.user.id, email: r.user.email, name: r.user.name, role: r.role, disabled: r.user.disabledAt !== null, since: r.createdAt }));
}
