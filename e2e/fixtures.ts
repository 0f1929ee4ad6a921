// Shared Playwright fixtures: a database handle on the e2e server's SQLite file, `loginAs` (writes a
// next-auth database session directly, as house-style §10 prescribes; the real e-mail-link flow has its
// own spec), and the outbox of the local SMTP sink.
import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createDb, type Db } from "@/lib/db";
import type { MemberRole } from "@/lib/domain/permissions";

export const SESSION_COOKIE = "authjs.session-token";
export const baseURL = () => process.env.E2E_BASE_URL ?? "http://localhost:3100";

let shared: Db | undefined;
export function e2eDb(): Db {
  const url = process.env.E2E_DATABASE_URL;
  if (!url?.startsWith("file:")) throw new Error("E2E_DATABASE_URL must be a local SQLite file (set by playwright.config.ts)");
  return (shared ??= createDb(url));
}

let counter = 0;
export const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${(counter++).toString(36)}`;

/** Creates a user (and a membership when orgId and role are given) and returns its e-mail. */
export async function createStaffUser(opts: { orgId?: string; role?: MemberRole; isAdmin?: boolean; name?: string } = {}) {
  const db = e2eDb();
  const email = `${unique("user")}@e2e.example`;
  const user = await db.user.create({ data: { email, name: opts.name ?? `E2E ${opts.role ?? "user"}`, isAdmin: opts.isAdmin ?? false } });
  if (opts.orgId && opts.role) await db.membership.create({ data: { userId: user.id, organisationId: opts.orgId, role: opts.role } });
  return { id: user.id, email };
}

/** Opens a database session for the user and puts its cookie into the browser context. */
export async function signInContext(context: BrowserContext, userId: string): Promise<string> {
  const token = randomBytes(32).toString("hex");
  await e2eDb().session.create({ data: { sessionToken: token, userId, expires: new Date(Date.now() + 60 * 60 * 1000) } });
  await context.addCookies([
    { name: SESSION_COOKIE, value: token, url: baseURL(), httpOnly: true, sameSite: "Lax" },
    { name: "NEXT_LOCALE", value: "de", url: baseURL(), sameSite: "Lax" },
  ]);
  return token;
}

/** Types into a searchable select (components/form/combobox.tsx) and picks the option whose label starts with `option`. */
export async function pickOption(page: Page, combobox: string, typed: string, option: string) {
  const box = page.getByRole("combobox", { name: combobox });
  await box.fill(typed);
  await page.getByRole("option", { name: new RegExp(`^${option.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`) }).click();
  await expect(box).toHaveValue(option);
}

export async function demoOrganisations() {
  const orgs = await e2eDb().organisation.findMany({ orderBy: { createdAt: "asc" }, select: { id: true, name: true } });
  if (orgs.length < 2) throw new Error("the e2e database has no demo organisations");
  return orgs as [{ id: string; name: string }, { id: string; name: string }, ...{ id: string; name: string }[]];
}

type Mail = { to: string[]; from: string; subject: string; text?: string; links?: string[]; raw: string; receivedAt: string };

export function readOutbox(): Mail[] {
  const file = process.env.E2E_OUTBOX;
  if (!file || !existsSync(file)) return [];
  return readFileSync(file, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as Mail);
}

/** Waits for the newest mail to `to` received after `since` and returns it. */
export async function waitForMail(to: string, since: number): Promise<Mail> {
  let found: Mail | undefined;
  await expect
    .poll(() => {
      found = readOutbox().filter((m) => m.to.map((t) => t.toLowerCase()).includes(to.toLowerCase()) && Date.parse(m.receivedAt) >= since).at(-1);
      return Boolean(found);
    }, { message: `mail to ${to}`, timeout: 15_000 })
    .toBe(true);
  return found as Mail;
}

/** Decodes quoted-printable soft line breaks and =XX escapes of a raw mail. */
export function decodeQuotedPrintable(raw: string): string {
  return raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

export const test = base.extend<{ loginAs: (userId: string) => Promise<string> }>({
  loginAs: async ({ context }, provide) => {
    await provide((userId) => signInContext(context, userId));
  },
});
export { expect };
