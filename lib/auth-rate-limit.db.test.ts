// C18: sign-in link requests are limited per address (5 / 15 min) and per IP (30 / h); counters live in
// the database, so they survive a restart and are shared by every instance; no permanent lockout.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createDb } from "@/lib/db";
import { RateLimitedError } from "@/lib/errors";
import { consumeSignInAttempt, createSignInLimiters, SIGN_IN_LIMITS } from "@/lib/rate-limit";
import { createTestDatabase, describeEachProvider, type TestDatabase } from "@/lib/testing/databases";

let seq = 0;
const email = () => `rl-${Date.now().toString(36)}-${(seq++).toString(36)}@example.com`;
const ip = () => `192.0.2.${(seq++ % 250) + 1}-${Date.now().toString(36)}`;

async function outcome(p: Promise<void>): Promise<"ok" | RateLimitedError> {
  try {
    await p;
    return "ok";
  } catch (e) {
    if (e instanceof RateLimitedError) return e;
    throw e;
  }
}

describeEachProvider("C18: sign-in rate limits", (provider) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
  });
  afterAll(async () => {
    await t.drop();
  });

  it("allows 5 link requests per address and rejects the 6th with 429 and a retry time within the window", async () => {
    const limiters = createSignInLimiters(t.db);
    const address = email();
    for (let i = 0; i < SIGN_IN_LIMITS.email.points; i++) {
      expect(await outcome(consumeSignInAttempt(limiters, { email: address, ip: ip() }))).toBe("ok");
    }
    const sixth = await outcome(consumeSignInAttempt(limiters, { email: address, ip: ip() }));
    expect(sixth).toBeInstanceOf(RateLimitedError);
    if (!(sixth instanceof RateLimitedError)) return;
    expect(sixth.status).toBe(429);
    expect(sixth.code).toBe("errors.rateLimited");
    expect(sixth.retryAfterSeconds).toBeGreaterThan(0);
    expect(sixth.retryAfterSeconds).toBeLessThanOrEqual(SIGN_IN_LIMITS.email.duration);
    expect(sixth.retryAfterMinutes).toBeLessThanOrEqual(15);
    // Another address is unaffected.
    expect(await outcome(consumeSignInAttempt(limiters, { email: email(), ip: ip() }))).toBe("ok");
  });

  it("allows 30 requests per IP within an hour and rejects the 31st, whatever the address", async () => {
    const limiters = createSignInLimiters(t.db);
    const source = ip();
    for (let i = 0; i < SIGN_IN_LIMITS.ip.points; i++) {
      expect(await outcome(consumeSignInAttempt(limiters, { email: email(), ip: source }))).toBe("ok");
    }
    const blocked = await outcome(consumeSignInAttempt(limiters, { email: email(), ip: source }));
    expect(blocked).toBeInstanceOf(RateLimitedError);
    if (blocked instanceof RateLimitedError) expect(blocked.retryAfterSeconds).toBeLessThanOrEqual(SIGN_IN_LIMITS.ip.duration);
    expect(await outcome(consumeSignInAttempt(limiters, { email: email(), ip: ip() }))).toBe("ok");
  });

  it("counters persist: a new limiter on a new client of the same database (restart, second instance) still blocks", async () => {
    const address = email();
    const first = createSignInLimiters(t.db);
    for (let i = 0; i < SIGN_IN_LIMITS.email.points; i++) await consumeSignInAttempt(first, { email: address, ip: ip() });

    const restarted = createDb(t.url);
    try {
      const second = createSignInLimiters(restarted);
      expect(await outcome(consumeSignInAttempt(second, { email: address, ip: ip() }))).toBeInstanceOf(RateLimitedError);
    } finally {
      await restarted.$disconnect();
    }
  });

  it("no permanent lockout: once the window has passed, requests are counted afresh", async () => {
    const limiters = createSignInLimiters(t.db);
    const address = email();
    for (let i = 0; i < SIGN_IN_LIMITS.email.points; i++) await consumeSignInAttempt(limiters, { email: address, ip: ip() });
    expect(await outcome(consumeSignInAttempt(limiters, { email: address, ip: ip() }))).toBeInstanceOf(RateLimitedError);

    // Let every window end (the clock stays put; the stored expiry moves into the past).
    await t.db.rateLimit.updateMany({ data: { expire: new Date(Date.now() - 1000) } });
    expect(await outcome(consumeSignInAttempt(limiters, { email: address, ip: ip() }))).toBe("ok");
  });

  it("stores digests, never the address or IP in clear", async () => {
    const limiters = createSignInLimiters(t.db);
    const address = email();
    const source = "198.51.100.77";
    await consumeSignInAttempt(limiters, { email: address, ip: source });
    const keys = (await t.db.rateLimit.findMany({ select: { key: true } })).map((r) => r.key);
    expect(keys.some((k) => k.includes(address) || k.includes(source))).toBe(false);
    expect(keys.some((k) => /^signin-email:[0-9a-f]{64}$/.test(k))).toBe(true);
    expect(keys.some((k) => /^signin-ip:[0-9a-f]{64}$/.test(k))).toBe(true);
  });
});
