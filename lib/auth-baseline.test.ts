// Security baseline helpers: log lines (C37), error mapping (house-style §6, C36), same-origin and body
// limits for route handlers (C09, C23), environment validation, sign-in link building (C17).
import { describe, expect, it } from "vitest";
import { notFound } from "next/navigation";
import { parseEnv } from "@/lib/env";
import {
  AppError,
  BusyError,
  ConflictError,
  ForbiddenError,
  handleRoute,
  InvalidInputError,
  isBusyError,
  NotFoundError,
  PayloadTooLargeError,
  RateLimitedError,
  UnauthorizedError,
} from "@/lib/errors";
import { isSameOriginRequest, readBodyLimited } from "@/lib/http";
import { formatLogLine } from "@/lib/log";
import { clientIp } from "@/lib/rate-limit";
import { confirmLink, safeCallbackPath } from "@/lib/sessions";

describe("logEvent line format (C37)", () => {
  const now = new Date("2026-11-23T10:00:00.000Z");

  it("is one JSON line with a UTC timestamp, level, event and the fields", () => {
    const line = formatLogLine("warn", "authz.denied", { userId: "u1", permission: "activity:write" }, now);
    expect(JSON.parse(line)).toEqual({ ts: "2026-11-23T10:00:00.000Z", level: "warn", event: "authz.denied", userId: "u1", permission: "activity:write" });
  });

  it("a newline in a value cannot forge a second line", () => {
    const line = formatLogLine("info", "activity.update", { name: "x\n[INFO] admin login ok\r\n{\"level\":\"info\"}" }, now);
    expect(line).not.toMatch(/[\r\n]/);
    expect(JSON.parse(line).name).toBe("x\n[INFO] admin login ok\r\n{\"level\":\"info\"}");
  });

  it("fields cannot overwrite ts, level or event; secrets are redacted; errors keep name and message only", () => {
    const err = new Error("boom");
    const parsed = JSON.parse(
      formatLogLine("info", "real.event", { ts: "fake", level: "debug", event: "fake", sessionToken: "abc", cookie: "x", nested: { token: "t" }, err }, now),
    );
    expect(parsed.ts).toBe("2026-11-23T10:00:00.000Z");
    expect(parsed.level).toBe("info");
    expect(parsed.event).toBe("real.event");
    expect(parsed.sessionToken).toBe("[redacted]");
    expect(parsed.cookie).toBe("[redacted]");
    expect(parsed.nested.token).toBe("[redacted]");
    expect(parsed.err).toEqual({ name: "Error", message: "boom" });
  });

  it("survives circular structures and bigint", () => {
    const a: Record<string, unknown> = { n: 1n };
    a.self = a;
    expect(() => JSON.parse(formatLogLine("info", "x", { a }, now))).not.toThrow();
  });
});

describe("AppError classes", () => {
  it("carry message keys and statuses", () => {
    const cases: [AppError, string, number][] = [
      [new UnauthorizedError(), "errors.unauthorized", 401],
      [new ForbiddenError(), "errors.forbidden", 403],
      [new NotFoundError(), "errors.notFound", 404],
      [new ConflictError(), "errors.conflict", 409],
      [new PayloadTooLargeError(10), "errors.payloadTooLarge", 413],
      [new InvalidInputError({ name: ["errors.validation"] }), "errors.validation", 422],
      [new RateLimitedError(61), "errors.rateLimited", 429],
      [new BusyError(), "errors.busy", 503],
    ];
    for (const [e, code, status] of cases) {
      expect(e).toBeInstanceOf(AppError);
      expect(e.code).toBe(code);
      expect(e.status).toBe(status);
    }
    expect(new RateLimitedError(61).retryAfterMinutes).toBe(2);
    expect(new RateLimitedError(0.2).retryAfterSeconds).toBe(1);
  });
});

describe("isBusyError", () => {
  it("recognises SQLITE_BUSY in its raw, adapter-wrapped and Prisma-wrapped forms", () => {
    expect(isBusyError(Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" }))).toBe(true);
    expect(isBusyError(new Error("SqliteError: database is locked"))).toBe(true);
    expect(isBusyError({ name: "DriverAdapterError", cause: { kind: "SocketTimeout", originalCode: "SQLITE_BUSY_SNAPSHOT" } })).toBe(true);
    expect(isBusyError(Object.assign(new Error("Operation has timed out"), { code: "P1008", meta: { driverAdapterError: { cause: { originalCode: "SQLITE_BUSY" } } } }))).toBe(true);
    expect(isBusyError(Object.assign(new Error("Transaction API error: Unable to start a transaction in the given time."), { code: "P2028" }))).toBe(true);
    expect(isBusyError(Object.assign(new Error("write conflict"), { code: "P2034" }))).toBe(true);
    expect(isBusyError(new Error("outer", { cause: Object.assign(new Error("inner"), { code: "SQLITE_BUSY" }) }))).toBe(true);
  });

  it("does not mistake other failures for a busy database", () => {
    expect(isBusyError(new Error("boom"))).toBe(false);
    expect(isBusyError(Object.assign(new Error("Unique constraint failed"), { code: "P2002" }))).toBe(false);
    expect(isBusyError(Object.assign(new Error("Transaction already closed"), { code: "P2028" }))).toBe(false);
    expect(isBusyError(null)).toBe(false);
    expect(isBusyError("database is locked")).toBe(false);
  });
});

describe("handleRoute", () => {
  it("maps AppError to its status and {code}, with Retry-After for 429 and 503", async () => {
    const limited = await handleRoute(async () => {
      throw new RateLimitedError(120);
    })();
    expect(limited.status).toBe(429);
    expect(limited.headers.get("Retry-After")).toBe("120");
    expect(await limited.json()).toEqual({ code: "errors.rateLimited" });

    const forbidden = await handleRoute(async () => {
      throw new ForbiddenError("errors.crossOrigin");
    })();
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toEqual({ code: "errors.crossOrigin" });

    const busy = await handleRoute(async () => {
      throw Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" });
    })();
    expect(busy.status).toBe(503);
    expect(busy.headers.get("Retry-After")).not.toBeNull();
    expect(await busy.json()).toEqual({ code: "errors.busy" });
  });

  it("answers an unexpected error with 500, a correlation id and never its message", async () => {
    const res = await handleRoute(async () => {
      throw new Error("SELECT secret FROM /var/lib/app.db failed");
    })();
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toMatch(/secret|SELECT|\/var\/lib/);
    const body = JSON.parse(text);
    expect(body.code).toBe("errors.unexpected");
    expect(body.correlationId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("passes the response through and lets notFound() reach Next", async () => {
    expect((await handleRoute(async (n: number) => Response.json({ n }))(7)).status).toBe(200);
    await expect(handleRoute(async () => notFound())()).rejects.toThrow();
  });
});

describe("same-origin check for route handlers (C09)", () => {
  const origin = "https://register.example.com";
  const h = (init: Record<string, string>) => new Headers(init);

  it("lets safe methods through", () => {
    expect(isSameOriginRequest("GET", h({ origin: "https://evil.example" }), origin)).toBe(true);
    expect(isSameOriginRequest("HEAD", h({}), origin)).toBe(true);
  });

  it("accepts a matching Origin or Sec-Fetch-Site: same-origin", () => {
    expect(isSameOriginRequest("POST", h({ origin }), origin)).toBe(true);
    expect(isSameOriginRequest("DELETE", h({ "sec-fetch-site": "same-origin" }), origin)).toBe(true);
  });

  it("refuses foreign, null, missing origins and cross-site fetches", () => {
    expect(isSameOriginRequest("POST", h({ origin: "https://evil.example" }), origin)).toBe(false);
    expect(isSameOriginRequest("POST", h({ origin: "https://register.example.com.evil.example" }), origin)).toBe(false);
    expect(isSameOriginRequest("POST", h({ origin: "null" }), origin)).toBe(false);
    expect(isSameOriginRequest("POST", h({}), origin)).toBe(false);
    expect(isSameOriginRequest("PUT", h({ "sec-fetch-site": "cross-site" }), origin)).toBe(false);
    expect(isSameOriginRequest("POST", h({ origin: "http://register.example.com" }), origin)).toBe(false);
  });
});

describe("readBodyLimited (C23)", () => {
  const streamOf = (bytes: number) =>
    new ReadableStream<Uint8Array>({
      start(c) {
        for (let sent = 0; sent < bytes; sent += 1000) c.enqueue(new Uint8Array(Math.min(1000, bytes - sent)));
        c.close();
      },
    });
  const post = (body: ReadableStream<Uint8Array> | string, headers: Record<string, string> = {}) =>
    new Request("http://localhost/import", { method: "POST", body, headers, duplex: "half" } as RequestInit);

  it("returns the body up to the limit", async () => {
    expect((await readBodyLimited(post("hello"), 5)).byteLength).toBe(5);
    expect((await readBodyLimited(post(streamOf(10_000)), 10_000)).byteLength).toBe(10_000);
  });

  it("refuses a declared or streamed body above the limit with 413", async () => {
    await expect(readBodyLimited(post("x", { "content-length": "10001" }), 10_000)).rejects.toBeInstanceOf(PayloadTooLargeError);
    await expect(readBodyLimited(post(streamOf(10_001)), 10_000)).rejects.toMatchObject({ status: 413, maxBytes: 10_000 });
  });
});

describe("environment", () => {
  it("has development defaults and derives SMTP and OIDC settings", () => {
    const e = parseEnv({ NODE_ENV: "development", SMTP_HOST: "127.0.0.1", SMTP_PORT: "2525", SMTP_SECURE: "" });
    expect(e.AUTH_URL).toBe("http://localhost:3000");
    expect(e.secureCookies).toBe(false);
    expect(e.AUTH_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(e.smtp).toEqual({ host: "127.0.0.1", port: 2525, secure: false, user: undefined, password: undefined });
    expect(e.oidc).toBeNull();
    expect(parseEnv({}).smtp).toBeNull();
  });

  it("requires AUTH_SECRET and AUTH_URL in production", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/AUTH_SECRET[\s\S]*AUTH_URL|AUTH_URL[\s\S]*AUTH_SECRET/);
    const e = parseEnv({ NODE_ENV: "production", AUTH_SECRET: "s".repeat(44), AUTH_URL: "https://register.example.com/", AUTH_TRUST_HOST: "true" });
    expect(e.AUTH_URL).toBe("https://register.example.com");
    expect(e.secureCookies).toBe(true);
    expect(e.AUTH_TRUST_HOST).toBe(true);
    expect(() => parseEnv({ NODE_ENV: "production", AUTH_SECRET: "short", AUTH_URL: "https://x.example" })).toThrow(/AUTH_SECRET/);
  });

  it("takes OIDC settings all or none, and never prints values", () => {
    expect(() => parseEnv({ OIDC_ISSUER: "https://idp.example.com", OIDC_CLIENT_ID: "id" })).toThrow(/OIDC/);
    try {
      parseEnv({ OIDC_ISSUER: "https://idp.example.com", OIDC_CLIENT_SECRET: "s3cr3t-value" });
    } catch (e) {
      expect(String(e)).not.toContain("s3cr3t-value");
    }
    const e = parseEnv({ OIDC_ISSUER: "https://idp.example.com", OIDC_CLIENT_ID: "id", OIDC_CLIENT_SECRET: "secret", OIDC_NAME: "Entra ID" });
    expect(e.oidc).toEqual({ issuer: "https://idp.example.com", clientId: "id", clientSecret: "secret", name: "Entra ID" });
    expect(() => parseEnv({ AUTH_URL: "javascript:alert(1)" })).toThrow(/AUTH_URL/);
  });
});

describe("sign-in links (C14, C17)", () => {
  const app = "https://register.example.com";
  const token = "ab".repeat(32);

  it("the e-mailed link opens the confirm page on the configured origin, whatever host built the callback", () => {
    const fromEvilHost = `https://evil.example/api/auth/callback/nodemailer?callbackUrl=${encodeURIComponent("https://evil.example/o/1")}&token=${token}&email=dpo%40example.com`;
    const link = new URL(confirmLink(fromEvilHost, app));
    expect(link.origin).toBe(app);
    expect(link.pathname).toBe("/verify");
    expect(link.searchParams.get("token")).toBe(token);
    expect(link.searchParams.get("email")).toBe("dpo@example.com");
    expect(link.searchParams.get("callbackUrl")).toBe("/o/1");
  });

  it("keeps only same-origin callback paths", () => {
    const allowed = [app];
    expect(safeCallbackPath("/o/abc/activities?q=x", allowed)).toBe("/o/abc/activities?q=x");
    expect(safeCallbackPath(`${app}/o/abc`, allowed)).toBe("/o/abc");
    expect(safeCallbackPath("https://evil.example/o/abc", allowed)).toBe("/");
    expect(safeCallbackPath("//evil.example/x", allowed)).toBe("/");
    expect(safeCallbackPath("/\\evil.example", allowed)).toBe("/");
    expect(safeCallbackPath("javascript:alert(1)", allowed)).toBe("/");
    expect(safeCallbackPath(undefined, allowed)).toBe("/");
  });
});

describe("clientIp", () => {
  it("takes the right-most X-Forwarded-For entry (added by the nearest proxy)", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.9" }))).toBe("203.0.113.9");
    expect(clientIp(new Headers({ "x-forwarded-for": "::1" }))).toBe("::1");
    expect(clientIp(new Headers({ "x-real-ip": "198.51.100.1" }))).toBe("198.51.100.1");
    expect(clientIp(new Headers())).toBe("unknown");
  });
});
