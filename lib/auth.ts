// next-auth configuration: the only file that imports next-auth (house-style §5). lib/current-user.ts
// and the (auth) pages call what it exports. Decisions: docs/decisions/0002-authentication-and-sessions.md
//
// - Database sessions (PrismaAdapter): revocable at once; 8 h absolute lifetime, never slid; the idle
//   timeout is enforced by lib/sessions.ts.
// - E-mail link (Nodemailer provider), 10-minute single-use tokens. The e-mailed link opens our confirm
//   page (/verify); only its button POSTs to the callback, so link scanners cannot burn the token (C14).
//   A GET of the raw callback URL is redirected to the confirm page as well.
// - Only known addresses get a link (an enabled User, or an active VendorContact); unknown and disabled
//   addresses get the same redirect and nothing is sent or stored (C15). The HTTP endpoint that would
//   request a link bypassing the login action (POST /api/auth/signin/…) is closed; the login action
//   validates, rate-limits (C18) and calls requestEmailSignIn().
// - Optional OIDC single sign-on for existing users, matched by verified e-mail.
import NextAuth, { type NextAuthConfig } from "next-auth";
import type { Adapter } from "next-auth/adapters";
import Nodemailer from "next-auth/providers/nodemailer";
import { PrismaAdapter } from "@auth/prisma-adapter";
import { createTransport, type Transporter } from "nodemailer";
import { cookies } from "next/headers";
import { after, NextResponse, type NextRequest } from "next/server";
import { db } from "@/lib/db";
import { normalizeEmail } from "@/lib/domain/email";
import { env, type Env } from "@/lib/env";
import { appErrorResponse, ForbiddenError, NotFoundError } from "@/lib/errors";
import { isSameOriginRequest } from "@/lib/http";
import { MESSAGES } from "@/lib/i18n/messages";
import { logEvent } from "@/lib/log";
import {
  confirmLink,
  mayCreateUser,
  recordSignIn,
  SESSION_MAX_AGE_SECONDS,
  signInEligibility,
  VERIFY_PATH,
} from "@/lib/sessions";

export const AUTH_BASE_PATH = "/api/auth";
/** The callback the confirm page posts to (token, email and callbackUrl in the query string). */
export const EMAIL_CALLBACK_PATH = `${AUTH_BASE_PATH}/callback/nodemailer`;
export const LINK_MAX_AGE_SECONDS = 600;
const VERIFY_REQUEST_REDIRECT = `${AUTH_BASE_PATH}/verify-request?provider=nodemailer&type=email`;

/** "__Host-authjs.session-token" on https (ASVS 3.3.3), "authjs.session-token" on http (dev, e2e). */
export function sessionCookieName(): string {
  return env().secureCookies ? "__Host-authjs.session-token" : "authjs.session-token";
}

/** The session token from the request's cookie, or null. */
export async function getSessionToken(): Promise<string | null> {
  const jar = await cookies();
  return jar.get(sessionCookieName())?.value ?? null;
}

/** Display name of the configured single sign-on provider, or null when none is configured. */
export function oidcProviderName(): string | null {
  return env().oidc?.name ?? null;
}

// ───────────────────────────── E-mail ─────────────────────────────

function normalizeIdentifier(identifier: string): string {
  const result = normalizeEmail(identifier);
  if (!result.ok) throw new Error("invalid e-mail address");
  return result.email;
}

let transport: Transporter | undefined;
function smtpTransport(smtp: NonNullable<Env["smtp"]>): Transporter {
  transport ??= createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    auth: smtp.user && smtp.password ? { user: smtp.user, pass: smtp.password } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return transport;
}

const fill = (s: string, values: Record<string, string>) => s.replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m);
const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

/** The sign-in mail, German first, then English. Exported for tests. */
export function signInMail(link: string, host: string): { subject: string; text: string; html: string } {
  const values = { host, minutes: String(LINK_MAX_AGE_SECONDS / 60) };
  const de = MESSAGES.de.auth.mail;
  const en = MESSAGES.en.auth.mail;
  const block = (m: typeof de) => [m.greeting, "", fill(m.intro, values), link, "", fill(m.validity, values), m.ignore].join("\n");
  const htmlBlock = (m: typeof de, lang: string) =>
    `<div lang="${lang}"><p>${escapeHtml(m.greeting)}</p><p>${escapeHtml(fill(m.intro, values))}</p>` +
    `<p><a href="${escapeHtml(link)}">${escapeHtml(m.action)}</a></p>` +
    `<p>${escapeHtml(fill(m.validity, values))}</p><p>${escapeHtml(m.ignore)}</p></div>`;
  return {
    subject: `${de.subject} / ${en.subject}`,
    text: `${block(de)}\n\n---\n\n${block(en)}\n`,
    html: `<!doctype html><html><body>${htmlBlock(de, "de")}<hr>${htmlBlock(en, "en")}</body></html>`,
  };
}

async function sendVerificationRequest(params: { identifier: string; url: string }): Promise<void> {
  const e = env();
  const link = confirmLink(params.url, e.AUTH_URL);
  if (!e.smtp) {
    // Deliberate development/demo fallback (no SMTP server configured): the one place a link is
    // printed. It goes to the server console only, never into a page or a response.
    process.stdout.write(`[sign-in] link for ${params.identifier}: ${link}\n`);
    logEvent("info", "auth.link.sent", { email: params.identifier, via: "console" });
    return;
  }
  const smtp = e.smtp;
  const mail = signInMail(link, new URL(e.AUTH_URL).host);
  const to = params.identifier;
  // Delivered after the response (next/server after()): known and unknown addresses must answer
  // equally fast (C15). Failures are logged; the user sees the same "check your e-mail" page either
  // way and can request a new link.
  after(() => deliverSignInMail(smtp, to, mail));
}

async function deliverSignInMail(smtp: NonNullable<Env["smtp"]>, to: string, mail: ReturnType<typeof signInMail>): Promise<void> {
  const from = env().MAIL_FROM;
  try {
    const info: { rejected?: unknown[]; pending?: unknown[] } = await smtpTransport(smtp).sendMail({
      from,
      to: { name: "", address: to },
      envelope: { from, to: [to] }, // exactly one recipient (C16)
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
    });
    const failed = [...(info.rejected ?? []), ...(info.pending ?? [])];
    if (failed.length > 0) logEvent("error", "auth.mail.failed", { email: to, reason: "rejected" });
    else logEvent("info", "auth.link.sent", { email: to, via: "smtp" });
  } catch (err) {
    const code = err && typeof err === "object" && "code" in err ? String(err.code) : undefined;
    logEvent("error", "auth.mail.failed", { email: to, reason: "smtp", code });
  }
}

// ───────────────────────────── Adapter ─────────────────────────────

function createAdapter(): Adapter {
  const base = PrismaAdapter(db);
  const { createUser } = base;
  if (!createUser) throw new Error("PrismaAdapter lacks createUser");
  return {
    ...base,
    // Users are created by administrators; sign-in creates one only for an active vendor contact.
    async createUser(user) {
      const email = normalizeEmail(user.email ?? "");
      if (!email.ok || !(await mayCreateUser(db, email.email))) throw new Error("sign-in refused: no user and no active vendor contact");
      return createUser({ ...user, email: email.email });
    },
    // deleteMany: signing out with an already ended session is not an error.
    async deleteSession(sessionToken) {
      const session = await db.session.findUnique({ where: { sessionToken }, select: { sessionToken: true, userId: true, expires: true } });
      await db.session.deleteMany({ where: { sessionToken } });
      return session;
    },
  };
}

// ───────────────────────────── Configuration ─────────────────────────────

let config: NextAuthConfig | undefined;

function authConfig(): NextAuthConfig {
  if (config) return config;
  const e = env();
  const providers: NextAuthConfig["providers"] = [
    Nodemailer({
      // The transport is ours (sendVerificationRequest); `server` only satisfies the provider's check.
      server: e.smtp ? { host: e.smtp.host, port: e.smtp.port, secure: e.smtp.secure } : { host: "127.0.0.1", port: 25 },
      from: e.MAIL_FROM,
      maxAge: LINK_MAX_AGE_SECONDS,
      normalizeIdentifier,
      sendVerificationRequest,
    }),
  ];
  if (e.oidc) {
    providers.push({
      id: "oidc",
      name: e.oidc.name,
      type: "oidc",
      issuer: e.oidc.issuer,
      clientId: e.oidc.clientId,
      clientSecret: e.oidc.clientSecret,
      checks: ["pkce", "state", "nonce"],
      // Stored addresses are normalised (lower-case); match the IdP's address the same way.
      profile(p: { sub: string; email?: string | null; name?: string | null }) {
        const email = normalizeEmail(p.email ?? "");
        return { id: p.sub, name: p.name ?? null, email: email.ok ? email.email : null, image: null };
      },
      // Existing users are matched by e-mail; the signIn callback admits only verified e-mails of
      // existing, enabled users, so no account is created and no stranger is linked.
      allowDangerousEmailAccountLinking: true,
    });
  }

  config = {
    adapter: createAdapter(),
    providers,
    secret: e.AUTH_SECRET,
    basePath: AUTH_BASE_PATH,
    // With AUTH_URL set, next-auth rewrites every request URL to it, so Host/X-Forwarded-Host cannot
    // steer links (C17); AUTH_URL is mandatory in production (lib/env.ts).
    trustHost: e.AUTH_TRUST_HOST || Boolean(process.env.AUTH_URL) || e.NODE_ENV !== "production",
    useSecureCookies: e.secureCookies,
    cookies: { sessionToken: { name: sessionCookieName() } },
    session: { strategy: "database", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/login", verifyRequest: "/login/check-email", error: "/login/error", signOut: "/logout" },
    callbacks: {
      async signIn({ user, account, profile, email }) {
        const address = normalizeEmail(typeof user.email === "string" ? user.email : "");
        if (!address.ok) return false;
        if (account?.provider === "oidc") {
          if (profile?.email_verified !== true) {
            logEvent("warn", "auth.signin.denied", { provider: "oidc", reason: "email-not-verified" });
            return false;
          }
          const existing = await db.user.findUnique({ where: { email: address.email }, select: { disabledAt: true } });
          if (!existing || existing.disabledAt !== null) {
            logEvent("warn", "auth.signin.denied", { provider: "oidc", email: address.email, reason: existing ? "disabled" : "unknown" });
            return false;
          }
          return true;
        }
        if (email?.verificationRequest) {
          // Housekeeping on every link request, known or unknown, so both take the same work (C15).
          await db.verificationToken.deleteMany({ where: { expires: { lt: new Date() } } });
        }
        const eligibility = await signInEligibility(db, address.email);
        if (email?.verificationRequest) {
          if (eligibility === "allowed") return true;
          // Same redirect as a sent link; no token is stored and nothing is sent (C15).
          logEvent("info", "auth.link.refused", { email: address.email, reason: eligibility });
          return VERIFY_REQUEST_REDIRECT;
        }
        if (eligibility !== "allowed") {
          logEvent("warn", "auth.signin.denied", { provider: account?.provider, email: address.email, reason: eligibility });
          return false;
        }
        return true;
      },
    },
    events: {
      async signIn({ user, account, isNewUser }) {
        if (user.id && user.email) await recordSignIn(db, { id: user.id, email: user.email }, new Date());
        logEvent("info", "auth.signin", { userId: user.id, provider: account?.provider, isNewUser: Boolean(isNewUser) });
      },
      async signOut(message) {
        const userId = "session" in message && message.session ? message.session.userId : undefined;
        logEvent("info", "auth.signout", { userId });
      },
    },
    logger: {
      // Error names and types only: next-auth's messages and metadata can carry request details.
      error(error) {
        const type = (error as { type?: unknown }).type;
        logEvent("error", "auth.error", { type: typeof type === "string" ? type : error.name });
      },
      warn(code) {
        logEvent("warn", "auth.warning", { code });
      },
      debug() {},
    },
  };
  return config;
}

const nextAuth = NextAuth(() => authConfig());

// ───────────────────────────── HTTP endpoints ─────────────────────────────

// next-auth's session endpoint would answer for disabled users and idle sessions; the app reads the
// session through lib/current-user.ts only, so the endpoint is closed.
const CLOSED_PATHS = new Set([`${AUTH_BASE_PATH}/session`]);

async function GET(request: NextRequest): Promise<Response> {
  if (CLOSED_PATHS.has(request.nextUrl.pathname)) return appErrorResponse(new NotFoundError());
  if (request.nextUrl.pathname === EMAIL_CALLBACK_PATH) {
    // A GET of the raw callback (scanner, prefetch, old link) must not consume the token: show the
    // confirm page, whose button POSTs here.
    const target = new URL(VERIFY_PATH, env().AUTH_URL);
    target.search = request.nextUrl.search;
    const response = NextResponse.redirect(target, 303);
    response.headers.set("Cache-Control", "no-store");
    return response;
  }
  return nextAuth.handlers.GET(request);
}

async function POST(request: NextRequest): Promise<Response> {
  const path = request.nextUrl.pathname;
  if (!isSameOriginRequest(request.method, request.headers, env().AUTH_URL)) {
    logEvent("warn", "http.crossOrigin", { path, origin: request.headers.get("origin"), fetchSite: request.headers.get("sec-fetch-site") });
    return appErrorResponse(new ForbiddenError("errors.crossOrigin"));
  }
  // Links are requested through the login action (validation, rate limit, enumeration-safe answer).
  if (CLOSED_PATHS.has(path) || path === `${AUTH_BASE_PATH}/signin` || path.startsWith(`${AUTH_BASE_PATH}/signin/`)) {
    return appErrorResponse(new NotFoundError());
  }
  return nextAuth.handlers.POST(request);
}

/** For app/api/auth/[...nextauth]/route.ts: `export const { GET, POST } = handlers`. */
export const handlers = { GET, POST };

// ───────────────────────────── Server-side sign-in and sign-out ─────────────────────────────

/**
 * Starts the e-mail sign-in for a normalised address (called by the login action after validation
 * and rate limiting). Known and unknown addresses behave identically towards the caller.
 * Returns false when next-auth reported an error (logged by its logger).
 */
export async function requestEmailSignIn(email: string, redirectTo = "/"): Promise<boolean> {
  const location = await nextAuth.signIn("nodemailer", { email, redirect: false, redirectTo });
  return typeof location === "string" && new URL(location, env().AUTH_URL).pathname === `${AUTH_BASE_PATH}/verify-request`;
}

/** Redirects to the OIDC provider (throws Next's redirect). */
export async function signInWithOidc(redirectTo = "/"): Promise<void> {
  await nextAuth.signIn("oidc", { redirectTo });
}

/** Deletes the current session row and clears the cookie; the caller redirects. */
export async function signOutCurrentSession(): Promise<void> {
  await nextAuth.signOut({ redirect: false });
}
