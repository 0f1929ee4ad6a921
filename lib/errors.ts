// Expected errors carry a message key (`code`) and an HTTP status; only these cross to the client
// (house-style §6, C37). Everything else is logged with a correlation id and answered generically.
import { randomUUID } from "node:crypto";
import { unstable_rethrow } from "next/navigation";
import { logEvent } from "@/lib/log";

export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  constructor(code: string, status: number) {
    super(code);
    this.name = new.target.name;
    this.code = code;
    this.status = status;
  }
}

export class UnauthorizedError extends AppError {
  constructor(code = "errors.unauthorized") {
    super(code, 401);
  }
}

export class ForbiddenError extends AppError {
  constructor(code = "errors.forbidden") {
    super(code, 403);
  }
}

export class NotFoundError extends AppError {
  constructor(code = "errors.notFound") {
    super(code, 404);
  }
}

export class ConflictError extends AppError {
  constructor(code = "errors.conflict") {
    super(code, 409);
  }
}

export class PayloadTooLargeError extends AppError {
  readonly maxBytes: number;
  constructor(maxBytes: number, code = "errors.payloadTooLarge") {
    super(code, 413);
    this.maxBytes = maxBytes;
  }
}

export class InvalidInputError extends AppError {
  /** Per-field message keys, as in FormState.fieldErrors. */
  readonly fieldErrors: Record<string, string[]>;
  constructor(fieldErrors: Record<string, string[]> = {}, code = "errors.validation") {
    super(code, 422);
    this.fieldErrors = fieldErrors;
  }
}

export class RateLimitedError extends AppError {
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number, code = "errors.rateLimited") {
    super(code, 429);
    this.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterSeconds));
  }
  /** Whole minutes for "try again in N min" (at least 1). */
  get retryAfterMinutes(): number {
    return Math.max(1, Math.ceil(this.retryAfterSeconds / 60));
  }
}

export class BusyError extends AppError {
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds = 2, code = "errors.busy") {
    super(code, 503);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

const BUSY_MESSAGE = /SQLITE_BUSY|database is locked|database table is locked/i;
// P1008: the SQLite adapter maps SQLITE_BUSY to "SocketTimeout" (prisma/orm#10403 family).
// P2028 "Unable to start a transaction in the given time": the transaction gate or pool was saturated.
// P2034: PostgreSQL write conflict / serialisation failure; safe to retry.
const BUSY_PRISMA_CODES = new Set(["P1008", "P2034"]);

/**
 * True for a lock or contention failure worth a "busy, retry" answer (C36): SQLITE_BUSY from
 * better-sqlite3, the same wrapped by the Prisma driver adapter (DriverAdapterError →
 * PrismaClientKnownRequestError P1008 with meta.driverAdapterError), "database is locked", a
 * transaction that could not start in time, and PostgreSQL serialisation conflicts.
 */
export function isBusyError(e: unknown): boolean {
  const seen = new Set<unknown>();
  const stack: unknown[] = [e];
  while (stack.length > 0) {
    const cur = stack.pop();
    if (cur === null || typeof cur !== "object" || seen.has(cur)) continue;
    seen.add(cur);
    const o = cur as Record<string, unknown>;
    const code = typeof o.code === "string" ? o.code : undefined;
    if (code !== undefined && (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED") || BUSY_PRISMA_CODES.has(code))) return true;
    if (code === "P2028" && typeof o.message === "string" && /unable to start a transaction/i.test(o.message)) return true;
    if (typeof o.originalCode === "string" && /^SQLITE_(BUSY|LOCKED)/.test(o.originalCode)) return true;
    if (typeof o.message === "string" && BUSY_MESSAGE.test(o.message)) return true;
    if (typeof o.originalMessage === "string" && BUSY_MESSAGE.test(o.originalMessage)) return true;
    if (o.kind === "TransactionWriteConflict") return true;
    stack.push(o.cause);
    if (o.meta && typeof o.meta === "object") stack.push((o.meta as Record<string, unknown>).driverAdapterError, o.meta);
  }
  return false;
}

/** An AppError for `e` when it is one or a busy database; otherwise null. */
export function toAppError(e: unknown): AppError | null {
  if (e instanceof AppError) return e;
  if (isBusyError(e)) return new BusyError();
  return null;
}

function retryAfter(e: AppError): Record<string, string> {
  if (e instanceof RateLimitedError || e instanceof BusyError) return { "Retry-After": String(e.retryAfterSeconds) };
  return {};
}

/** JSON error body for a route handler: only the message key (plus field keys for 422). */
export function appErrorResponse(e: AppError): Response {
  const body: Record<string, unknown> = { code: e.code };
  if (e instanceof InvalidInputError && Object.keys(e.fieldErrors).length > 0) body.fieldErrors = e.fieldErrors;
  if (e instanceof PayloadTooLargeError) body.maxBytes = e.maxBytes;
  return Response.json(body, { status: e.status, headers: { "Cache-Control": "no-store", ...retryAfter(e) } });
}

/**
 * Wraps a route handler: AppError → its status and {code} (+ Retry-After for 429/503); a busy
 * database → 503; anything else → 500 {code:"errors.unexpected", correlationId}, logged with that id.
 * Never sends e.message of an unexpected error. redirect()/notFound() pass through to Next.
 */
export function handleRoute<A extends unknown[]>(fn: (...args: A) => Promise<Response>): (...args: A) => Promise<Response> {
  return async (...args: A) => {
    try {
      return await fn(...args);
    } catch (e) {
      unstable_rethrow(e);
      const known = toAppError(e);
      if (known) {
        if (known instanceof BusyError) logEvent("warn", "db.busy", { error: errorSummary(e) });
        return appErrorResponse(known);
      }
      const correlationId = randomUUID();
      logEvent("error", "route.error", { correlationId, error: errorSummary(e) });
      return Response.json(
        { code: "errors.unexpected", correlationId },
        { status: 500, headers: { "Cache-Control": "no-store" } },
      );
    }
  };
}

/** Name, message and the top of the stack of an unexpected error, for the server log only. */
export function errorSummary(e: unknown): Record<string, unknown> {
  if (e instanceof Error) {
    const code = (e as { code?: unknown }).code;
    return {
      name: e.name,
      message: e.message,
      ...(typeof code === "string" ? { code } : {}),
      stack: e.stack?.split("\n").slice(1, 6).map((l) => l.trim()),
    };
  }
  return { value: typeof e };
}
