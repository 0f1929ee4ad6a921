// Sign-in throttling (C18; ASVS 6.1.1, 6.3.1, 6.6.3): fixed windows counted in the RateLimit table via
// rate-limiter-flexible's Prisma store, so counters survive a restart and are shared by every app
// instance. No lockout beyond the window: an attacker can delay, never permanently lock out, the DPO.
// Keys are SHA-256 digests, so the table holds no e-mail or IP address in clear.
import { createHash } from "node:crypto";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { db, type Db } from "@/lib/db";
import { RateLimitedError } from "@/lib/errors";

export const SIGN_IN_LIMITS = {
  /** Link requests per e-mail address: 5 per 15 minutes (e-mail bombing of one inbox). */
  email: { keyPrefix: "signin-email", points: 5, duration: 15 * 60 },
  /** Link requests per client IP: 30 per hour (enumeration and bombing from one source). */
  ip: { keyPrefix: "signin-ip", points: 30, duration: 60 * 60 },
} as const;

export type SignInLimiters = { email: RateLimiterPrisma; ip: RateLimiterPrisma };

/** Limiters on `client` (the process client by default; tests pass their own database). */
export function createSignInLimiters(client: Db = db): SignInLimiters {
  // tableName is the Prisma model; the client resolves "RateLimit" to its `rateLimit` delegate.
  const make = (o: { keyPrefix: string; points: number; duration: number }) =>
    new RateLimiterPrisma({ storeClient: client, tableName: "RateLimit", keyPrefix: o.keyPrefix, points: o.points, duration: o.duration });
  return { email: make(SIGN_IN_LIMITS.email), ip: make(SIGN_IN_LIMITS.ip) };
}

const digest = (value: string) => createHash("sha256").update(value, "utf8").digest("hex");

async function consumeOne(limiter: RateLimiterPrisma, key: string): Promise<void> {
  try {
    await limiter.consume(digest(key), 1);
  } catch (e) {
    // rate-limiter-flexible rejects with a RateLimiterRes when the window is used up; store errors
    // (database down, busy) are real Errors and propagate unchanged.
    if (e instanceof RateLimiterRes) throw new RateLimitedError(Math.ceil(e.msBeforeNext / 1000));
    throw e;
  }
}

/**
 * Counts one sign-in link request for the (normalised) e-mail and the client IP. Throws
 * RateLimitedError (429, retryAfterSeconds) for the 31st request of an IP within an hour or the 6th
 * request for an address within 15 minutes. The IP is counted first, so a blocked IP does not use up
 * the address's budget.
 */
export async function consumeSignInAttempt(limiters: SignInLimiters, input: { email: string; ip: string }): Promise<void> {
  await consumeOne(limiters.ip, input.ip);
  await consumeOne(limiters.email, input.email);
}

let processLimiters: SignInLimiters | undefined;

/** consumeSignInAttempt on the process database. */
export function limitSignInRequest(input: { email: string; ip: string }): Promise<void> {
  processLimiters ??= createSignInLimiters(db);
  return consumeSignInAttempt(processLimiters, input);
}

/**
 * The client address for per-IP limits: the right-most X-Forwarded-For entry, i.e. the one added by
 * the nearest proxy (or by Next.js itself from the socket when the client sent none). Behind a
 * reverse proxy it must append to or overwrite X-Forwarded-For (nginx: $proxy_add_x_forwarded_for).
 * A client talking to `next start` directly can choose this value; the per-address limit still holds.
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").map((s) => s.trim()).filter(Boolean).at(-1);
  const ip = last ?? headers.get("x-real-ip")?.trim() ?? "";
  return ip.length > 0 && ip.length <= 100 ? ip : "unknown";
}
