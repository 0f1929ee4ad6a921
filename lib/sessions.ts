// Database side of sign-in and sessions, free of next/* so the integration tests can call it with their
// own database and clock. lib/current-user.ts and lib/auth.ts call these with the process client.
//
// Sessions are next-auth database sessions (one Session row per sign-in). A session is valid while
//   expires > now                     (set by next-auth at sign-in: createdAt + SESSION_MAX_AGE; never slid)
//   createdAt + SESSION_MAX_AGE > now (absolute lifetime, ASVS 7.3.2)
//   updatedAt + SESSION_IDLE > now    (idle timeout, ASVS 7.3.1; updatedAt is touched at most every
//                                      SESSION_TOUCH_INTERVAL by a request that uses the session)
// and its user is not disabled. Memberships and vendor contacts are read on every request, so a removed
// membership or a disabled user ends access on the next request (C07, ASVS 8.3.2, 7.4.2).
import type { Db } from "@/lib/db";
import type { MemberRole } from "@/lib/domain/permissions";
import { logEvent } from "@/lib/log";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;
export const SESSION_IDLE_SECONDS = 60 * 60;
export const SESSION_TOUCH_INTERVAL_SECONDS = 5 * 60;

export type CurrentUser = {
  id: string;
  email: string;
  name: string | null;
  isAdmin: boolean;
  locale: "de" | "en" | null;
  memberships: { orgId: string; orgName: string; role: MemberRole }[];
  vendorContacts: { orgId: string; vendorId: string; vendorName: string }[];
};

const asLocale = (v: string | null): "de" | "en" | null => (v === "de" || v === "en" ? v : null);

/** The vendor contacts that may act: sign-in allowed, not disabled, vendor not archived. */
const ACTIVE_CONTACT = { canSignIn: true, disabledAt: null, vendor: { archivedAt: null } } as const;

/**
 * Loads the user behind a session token, or null when there is no such session, it has expired
 * (absolute or idle), or its user is disabled. Deletes the expired session, and every session of a
 * disabled user. Touches the session's last activity at most every SESSION_TOUCH_INTERVAL_SECONDS.
 */
export async function loadSessionUser(client: Db, sessionToken: string, now: Date): Promise<CurrentUser | null> {
  if (sessionToken.length === 0 || sessionToken.length > 512) return null;
  const session = await client.session.findUnique({
    where: { sessionToken },
    select: {
      id: true,
      expires: true,
      createdAt: true,
      updatedAt: true,
      user: {
        select: {
          id: true,
          email: true,
          name: true,
          isAdmin: true,
          locale: true,
          disabledAt: true,
          memberships: {
            select: { organisationId: true, role: true, organisation: { select: { name: true } } },
            orderBy: { organisation: { name: "asc" } },
          },
          vendorContacts: {
            where: ACTIVE_CONTACT,
            select: { vendorId: true, vendor: { select: { organisationId: true, name: true } } },
            orderBy: { vendor: { name: "asc" } },
          },
        },
      },
    },
  });
  if (!session) return null;
  const { user } = session;

  if (user.disabledAt !== null) {
    const { count } = await client.session.deleteMany({ where: { userId: user.id } });
    logEvent("warn", "auth.session.rejected", { reason: "user-disabled", userId: user.id, sessionsDeleted: count });
    return null;
  }

  const t = now.getTime();
  const expired =
    session.expires.getTime() <= t ||
    session.createdAt.getTime() + SESSION_MAX_AGE_SECONDS * 1000 <= t ||
    session.updatedAt.getTime() + SESSION_IDLE_SECONDS * 1000 <= t;
  if (expired) {
    await client.session.deleteMany({ where: { id: session.id } });
    logEvent("info", "auth.session.expired", { userId: user.id });
    return null;
  }

  if (session.updatedAt.getTime() + SESSION_TOUCH_INTERVAL_SECONDS * 1000 <= t) {
    await client.session.updateMany({ where: { id: session.id }, data: { updatedAt: now } });
  }

  // Several contacts of one vendor (unlikely, but the schema allows it) collapse to one entry.
  const vendorContacts = new Map<string, CurrentUser["vendorContacts"][number]>();
  for (const c of user.vendorContacts) {
    vendorContacts.set(c.vendorId, { orgId: c.vendor.organisationId, vendorId: c.vendorId, vendorName: c.vendor.name });
  }

  return {
    id: user.id,
    email: user.email,
    name: user.name,
    isAdmin: user.isAdmin,
    locale: asLocale(user.locale),
    memberships: user.memberships.map((m) => ({ orgId: m.organisationId, orgName: m.organisation.name, role: m.role })),
    vendorContacts: [...vendorContacts.values()],
  };
}

export type SignInEligibility = "allowed" | "disabled" | "unknown";

/**
 * Who may receive a sign-in link (and sign in by link or single sign-on): an existing, enabled user,
 * or an active vendor contact (for whom the User row is created at the first successful sign-in).
 * `email` must already be normalised (lib/domain/email.ts).
 */
export async function signInEligibility(client: Db, email: string): Promise<SignInEligibility> {
  const user = await client.user.findUnique({ where: { email }, select: { disabledAt: true } });
  if (user) return user.disabledAt === null ? "allowed" : "disabled";
  const contact = await client.vendorContact.findFirst({ where: { email, ...ACTIVE_CONTACT }, select: { id: true } });
  return contact ? "allowed" : "unknown";
}

/** True when a User row may be created for `email` at sign-in: only for an active vendor contact. */
export async function mayCreateUser(client: Db, email: string): Promise<boolean> {
  const contact = await client.vendorContact.findFirst({ where: { email, ...ACTIVE_CONTACT }, select: { id: true } });
  return contact !== null;
}

/**
 * After a successful sign-in: links the vendor contacts with this address to the user (first sign-in
 * of a vendor contact) and records the sign-in time on them.
 */
export async function recordSignIn(client: Db, user: { id: string; email: string }, now: Date): Promise<void> {
  await client.vendorContact.updateMany({ where: { email: user.email, userId: null }, data: { userId: user.id } });
  await client.vendorContact.updateMany({ where: { userId: user.id }, data: { lastSignInAt: now } });
}

/** Ends every session of a user (disable, "end all logins", ASVS 7.4.2, 7.4.5). Returns the count. */
export async function endAllSessions(client: Db, userId: string): Promise<number> {
  const { count } = await client.session.deleteMany({ where: { userId } });
  return count;
}

// ───────────────────────────── Sign-in links ─────────────────────────────

/** The confirm page the e-mailed link opens (C14: GET/HEAD of it never touches the token). */
export const VERIFY_PATH = "/verify";

/**
 * A same-origin path for the post-sign-in redirect: "/…" only (never "//host" or another origin);
 * anything else becomes "/". `allowedOrigins` are the origins an absolute URL may have.
 */
export function safeCallbackPath(value: string | null | undefined, allowedOrigins: readonly string[]): string {
  if (!value) return "/";
  let url: URL;
  try {
    url = new URL(value, "http://relative.invalid");
  } catch {
    return "/";
  }
  const relative = value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\");
  if (!relative && !allowedOrigins.includes(url.origin)) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith("/") && !path.startsWith("//") ? path : "/";
}

/**
 * Turns next-auth's callback URL (…/api/auth/callback/nodemailer?callbackUrl&token&email) into the link
 * we send: AUTH_URL + /verify with the same token and e-mail and a same-origin callback path. The origin
 * always comes from configuration, never from the request's Host (C17).
 */
export function confirmLink(callbackUrl: string, appOrigin: string): string {
  const src = new URL(callbackUrl);
  const link = new URL(VERIFY_PATH, appOrigin);
  link.searchParams.set("token", src.searchParams.get("token") ?? "");
  link.searchParams.set("email", src.searchParams.get("email") ?? "");
  link.searchParams.set("callbackUrl", safeCallbackPath(src.searchParams.get("callbackUrl"), [appOrigin, src.origin]));
  return link.toString();
}
