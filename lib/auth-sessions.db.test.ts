// Sessions and sign-in eligibility against a real database (C07, C15, C19): what currentUser() and the
// next-auth callbacks rely on, without a Next request context.
import { afterAll, beforeAll, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { createTestDatabase, describeEachProvider, type TestDatabase } from "@/lib/testing/databases";
import {
  endAllSessions,
  loadSessionUser,
  mayCreateUser,
  recordSignIn,
  SESSION_IDLE_SECONDS,
  SESSION_MAX_AGE_SECONDS,
  SESSION_TOUCH_INTERVAL_SECONDS,
  signInEligibility,
} from "@/lib/sessions";

const NOW = new Date("2026-11-23T10:00:00.000Z");
const ago = (seconds: number) => new Date(NOW.getTime() - seconds * 1000);
const later = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);
const token = () => randomBytes(32).toString("hex");
let seq = 0;
const uniq = (p: string) => `${p}-${Date.now().toString(36)}-${(seq++).toString(36)}`;

describeEachProvider("sessions: loadSessionUser", (provider) => {
  let t: TestDatabase;
  let orgA: { id: string; name: string };
  let orgB: { id: string; name: string };

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    orgA = await t.db.organisation.create({ data: { name: "Alpha GmbH" }, select: { id: true, name: true } });
    orgB = await t.db.organisation.create({ data: { name: "Beta AG" }, select: { id: true, name: true } });
  });
  afterAll(async () => {
    await t.drop();
  });

  async function user(opts: { disabled?: boolean } = {}) {
    return t.db.user.create({
      data: { email: `${uniq("u")}@example.com`, name: "Dora Datenschutz", locale: "de", disabledAt: opts.disabled ? ago(60) : null },
    });
  }

  async function session(userId: string, o: { createdAt?: Date; updatedAt?: Date; expires?: Date } = {}) {
    const sessionToken = token();
    await t.db.session.create({
      data: {
        sessionToken,
        userId,
        createdAt: o.createdAt ?? ago(60),
        updatedAt: o.updatedAt ?? ago(60),
        expires: o.expires ?? later(SESSION_MAX_AGE_SECONDS - 60),
      },
    });
    return sessionToken;
  }

  it("a valid session yields the user with memberships (organisation name, role) and active vendor contacts", async () => {
    const u = await user();
    await t.db.membership.create({ data: { userId: u.id, organisationId: orgB.id, role: "VIEWER" } });
    await t.db.membership.create({ data: { userId: u.id, organisationId: orgA.id, role: "DPO" } });
    const vendor = await t.db.vendor.create({ data: { organisationId: orgB.id, name: uniq("Cloud Inc") } });
    await t.db.vendorContact.create({ data: { vendorId: vendor.id, email: u.email, userId: u.id } });
    const tok = await session(u.id);

    const cu = await loadSessionUser(t.db, tok, NOW);
    expect(cu).toEqual({
      id: u.id,
      email: u.email,
      name: "Dora Datenschutz",
      isAdmin: false,
      locale: "de",
      memberships: [
        { orgId: orgA.id, orgName: "Alpha GmbH", role: "DPO" },
        { orgId: orgB.id, orgName: "Beta AG", role: "VIEWER" },
      ],
      vendorContacts: [{ orgId: orgB.id, vendorId: vendor.id, vendorName: vendor.name }],
    });
  });

  it("an unknown token yields null", async () => {
    expect(await loadSessionUser(t.db, token(), NOW)).toBeNull();
    expect(await loadSessionUser(t.db, "", NOW)).toBeNull();
  });

  it("a removed membership disappears on the next call (C07b)", async () => {
    const u = await user();
    const m = await t.db.membership.create({ data: { userId: u.id, organisationId: orgA.id, role: "EDITOR" } });
    const tok = await session(u.id);
    expect((await loadSessionUser(t.db, tok, NOW))?.memberships).toEqual([{ orgId: orgA.id, orgName: "Alpha GmbH", role: "EDITOR" }]);

    await t.db.membership.delete({ where: { id: m.id } });
    expect((await loadSessionUser(t.db, tok, NOW))?.memberships).toEqual([]);

    await t.db.membership.create({ data: { userId: u.id, organisationId: orgA.id, role: "VIEWER" } });
    expect((await loadSessionUser(t.db, tok, NOW))?.memberships).toEqual([{ orgId: orgA.id, orgName: "Alpha GmbH", role: "VIEWER" }]);
  });

  it("a disabled user yields null and all of its sessions are deleted (C07c, ASVS 7.4.2)", async () => {
    const u = await user();
    const tok = await session(u.id);
    await session(u.id);
    const other = await user();
    const otherTok = await session(other.id);
    expect(await loadSessionUser(t.db, tok, NOW)).not.toBeNull();

    await t.db.user.update({ where: { id: u.id }, data: { disabledAt: NOW } });
    expect(await loadSessionUser(t.db, tok, NOW)).toBeNull();
    expect(await t.db.session.count({ where: { userId: u.id } })).toBe(0);
    expect(await loadSessionUser(t.db, otherTok, NOW)).not.toBeNull();
  });

  it("endAllSessions ends every login of one user only (ASVS 7.4.5)", async () => {
    const u = await user();
    const a = await session(u.id);
    await session(u.id);
    const other = await user();
    const keep = await session(other.id);
    expect(await endAllSessions(t.db, u.id)).toBe(2);
    expect(await loadSessionUser(t.db, a, NOW)).toBeNull();
    expect(await loadSessionUser(t.db, keep, NOW)).not.toBeNull();
  });

  it("an expired session yields null and is deleted (C19c)", async () => {
    const u = await user();
    const tok = await session(u.id, { expires: ago(1) });
    const kept = await session(u.id);
    expect(await loadSessionUser(t.db, tok, NOW)).toBeNull();
    expect(await t.db.session.count({ where: { sessionToken: tok } })).toBe(0);
    expect(await t.db.session.count({ where: { sessionToken: kept } })).toBe(1);
  });

  it("the absolute lifetime ends a session even when its expiry was moved (ASVS 7.3.2)", async () => {
    const u = await user();
    const tok = await session(u.id, { createdAt: ago(SESSION_MAX_AGE_SECONDS), updatedAt: ago(30), expires: later(3600) });
    expect(await loadSessionUser(t.db, tok, NOW)).toBeNull();
    expect(await t.db.session.count({ where: { sessionToken: tok } })).toBe(0);
  });

  it("the idle timeout ends an unused session (ASVS 7.3.1)", async () => {
    const u = await user();
    const idle = await session(u.id, { createdAt: ago(SESSION_IDLE_SECONDS + 120), updatedAt: ago(SESSION_IDLE_SECONDS) });
    const active = await session(u.id, { createdAt: ago(SESSION_IDLE_SECONDS + 120), updatedAt: ago(SESSION_IDLE_SECONDS - 60) });
    expect(await loadSessionUser(t.db, idle, NOW)).toBeNull();
    expect(await loadSessionUser(t.db, active, NOW)).not.toBeNull();
  });

  it("use touches the session's last activity at most every touch interval", async () => {
    const u = await user();
    const fresh = ago(SESSION_TOUCH_INTERVAL_SECONDS - 10);
    const stale = ago(SESSION_TOUCH_INTERVAL_SECONDS + 10);
    const a = await session(u.id, { updatedAt: fresh });
    const b = await session(u.id, { updatedAt: stale });
    await loadSessionUser(t.db, a, NOW);
    await loadSessionUser(t.db, b, NOW);
    const rows = await t.db.session.findMany({ where: { sessionToken: { in: [a, b] } }, select: { sessionToken: true, updatedAt: true } });
    expect(rows.find((r) => r.sessionToken === a)?.updatedAt.getTime()).toBe(fresh.getTime());
    expect(rows.find((r) => r.sessionToken === b)?.updatedAt.getTime()).toBe(NOW.getTime());
  });

  it("vendor contacts that may not sign in, are disabled or belong to an archived vendor are not roles", async () => {
    const u = await user();
    const mk = async (data: { canSignIn?: boolean; disabledAt?: Date; archived?: boolean }) => {
      const v = await t.db.vendor.create({ data: { organisationId: orgA.id, name: uniq("Vendor"), archivedAt: data.archived ? NOW : null } });
      await t.db.vendorContact.create({ data: { vendorId: v.id, email: u.email, userId: u.id, canSignIn: data.canSignIn ?? true, disabledAt: data.disabledAt ?? null } });
      return v;
    };
    const active = await mk({});
    await mk({ canSignIn: false });
    await mk({ disabledAt: NOW });
    await mk({ archived: true });
    const tok = await session(u.id);
    expect((await loadSessionUser(t.db, tok, NOW))?.vendorContacts).toEqual([{ orgId: orgA.id, vendorId: active.id, vendorName: active.name }]);
  });
});

describeEachProvider("sign-in eligibility (C15: only known addresses get a link)", (provider) => {
  let t: TestDatabase;
  let orgId: string;

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    orgId = (await t.db.organisation.create({ data: { name: "Gamma GmbH" } })).id;
  });
  afterAll(async () => {
    await t.drop();
  });
  const contact = async (email: string, o: { canSignIn?: boolean; disabledAt?: Date; archived?: boolean } = {}) => {
    const v = await t.db.vendor.create({ data: { organisationId: orgId, name: uniq("Vendor"), archivedAt: o.archived ? NOW : null } });
    return t.db.vendorContact.create({ data: { vendorId: v.id, email, canSignIn: o.canSignIn ?? true, disabledAt: o.disabledAt ?? null } });
  };

  it("an enabled user is allowed, a disabled one is not, an unknown address is unknown", async () => {
    const ok = await t.db.user.create({ data: { email: `${uniq("staff")}@example.com` } });
    const off = await t.db.user.create({ data: { email: `${uniq("gone")}@example.com`, disabledAt: NOW } });
    expect(await signInEligibility(t.db, ok.email)).toBe("allowed");
    expect(await signInEligibility(t.db, off.email)).toBe("disabled");
    expect(await signInEligibility(t.db, `${uniq("nobody")}@example.com`)).toBe("unknown");
  });

  it("an active vendor contact without a user is allowed and may get a user; inactive contacts may not", async () => {
    const a = `${uniq("vendor")}@supplier.example`;
    const noSignIn = `${uniq("vendor")}@supplier.example`;
    const disabled = `${uniq("vendor")}@supplier.example`;
    const archived = `${uniq("vendor")}@supplier.example`;
    await contact(a);
    await contact(noSignIn, { canSignIn: false });
    await contact(disabled, { disabledAt: NOW });
    await contact(archived, { archived: true });

    expect(await signInEligibility(t.db, a)).toBe("allowed");
    expect(await mayCreateUser(t.db, a)).toBe(true);
    for (const e of [noSignIn, disabled, archived]) {
      expect(await signInEligibility(t.db, e)).toBe("unknown");
      expect(await mayCreateUser(t.db, e)).toBe(false);
    }
    expect(await mayCreateUser(t.db, `${uniq("nobody")}@example.com`)).toBe(false);
    // Checking eligibility creates nothing.
    expect(await t.db.user.count({ where: { email: { in: [a, noSignIn, disabled, archived] } } })).toBe(0);
  });

  it("recordSignIn links the vendor contacts of the address to the user and stamps the sign-in", async () => {
    const email = `${uniq("first")}@supplier.example`;
    const c1 = await contact(email);
    const c2 = await contact(email);
    const u = await t.db.user.create({ data: { email } });
    await recordSignIn(t.db, { id: u.id, email }, NOW);
    const rows = await t.db.vendorContact.findMany({ where: { id: { in: [c1.id, c2.id] } }, select: { userId: true, lastSignInAt: true } });
    expect(rows).toHaveLength(2);
    for (const r of rows) {
      expect(r.userId).toBe(u.id);
      expect(r.lastSignInAt?.getTime()).toBe(NOW.getTime());
    }
  });
});
