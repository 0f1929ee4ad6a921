// Who is calling, and may they? Every page, action and route handler starts here (house-style §1.2, §5).
import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { getSessionToken } from "@/lib/auth";
import { db } from "@/lib/db";
import { can, type Permission } from "@/lib/domain/permissions";
import { ForbiddenError, UnauthorizedError } from "@/lib/errors";
import { logEvent } from "@/lib/log";
import { loadSessionUser, type CurrentUser } from "@/lib/sessions";

export type { CurrentUser } from "@/lib/sessions";

/**
 * The signed-in user of this request, or null (no session, expired session, disabled user: the
 * latter's sessions are deleted). Memberships and vendor contacts are read from the database on every
 * request; cache() makes that one lookup per request.
 */
export const currentUser: () => Promise<CurrentUser | null> = cache(async () => {
  const token = await getSessionToken();
  if (!token) return null;
  return loadSessionUser(db, token, new Date());
});

/** For pages and server actions: the user, or a redirect to /login. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await currentUser();
  if (!user) redirect("/login");
  return user;
}

/** For route handlers (inside handleRoute): the user, or UnauthorizedError → 401 {code}. */
export async function requireRouteUser(): Promise<CurrentUser> {
  const user = await currentUser();
  if (!user) throw new UnauthorizedError();
  return user;
}

/** True when the user holds any role in the organisation (membership or vendor contact). */
function belongsTo(user: CurrentUser, orgId: string): boolean {
  return user.memberships.some((m) => m.orgId === orgId) || user.vendorContacts.some((v) => v.orgId === orgId);
}

/**
 * Throws unless the user has `permission` (in `orgId` for organisation permissions):
 * - no role at all in `orgId` → notFound() (404: another organisation's data does not exist for them, C01/C05);
 * - a role without the permission → ForbiddenError (403).
 * Both are logged as "authz.denied" (ASVS 16.3.2).
 */
const READ_PERMISSIONS: ReadonlySet<Permission> = new Set<Permission>(["register:read", "history:read", "reference-data:read"]);

export function authorize(user: CurrentUser, permission: Permission, orgId?: string): void {
  if (can(user, permission, orgId)) return;
  // Outside the organisation, or a read the role does not include (e.g. a vendor contact on a staff
  // page): a 404, so nobody learns what exists. A write the role lacks: 403.
  const hidden = (orgId !== undefined && !belongsTo(user, orgId)) || READ_PERMISSIONS.has(permission);
  logEvent("warn", "authz.denied", { userId: user.id, permission, orgId, outcome: hidden ? "not-found" : "forbidden" });
  if (hidden) notFound();
  throw new ForbiddenError();
}

/** For hiding controls; the server still calls authorize(). */
export function userCan(user: CurrentUser, permission: Permission, orgId?: string): boolean {
  return can(user, permission, orgId);
}

/**
 * For pages that exist only to change something (new/edit forms): a user without the permission gets
 * the same 404 as for a missing page (the server action refuses the write separately).
 */
export function authorizePage(user: CurrentUser, permission: Permission, orgId: string): void {
  authorize(user, "register:read", orgId);
  if (can(user, permission, orgId)) return;
  logEvent("warn", "authz.denied", { userId: user.id, permission, orgId, outcome: "not-found" });
  notFound();
}

/** The actor recorded in revisions and audit events for a signed-in user (name, or e-mail when unnamed; client IP from the proxy). */
export async function actorOf(user: Pick<CurrentUser, "id" | "name" | "email">): Promise<{ id: string; name: string; ip: string | null }> {
  const h = await headers();
  return { id: user.id, name: user.name ?? user.email, ip: h.get("x-forwarded-for")?.split(",")[0]?.trim() ?? null };
}
