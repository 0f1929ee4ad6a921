// The validated process environment. Read it through env(), never through process.env elsewhere
// (house-style review checklist). Validation is lazy: nothing is parsed at import time, so `next build`
// does not need production secrets.
import { z } from "zod";

const DEV_AUTH_URL = "http://localhost:3000";
// Development and tests only; production refuses to start without AUTH_SECRET.
const DEV_AUTH_SECRET = "development-only-secret-never-use-in-production-0000";

const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalString = z.preprocess(emptyToUndefined, z.string().trim().min(1).optional());
const bool = z.preprocess(
  emptyToUndefined,
  z
    .enum(["true", "false", "1", "0", "yes", "no"])
    .optional()
    .transform((v) => v === "true" || v === "1" || v === "yes"),
);
const httpUrl = z.preprocess(
  emptyToUndefined,
  z
    .url({ protocol: /^https?$/ })
    .optional(),
);

const schema = z
  .object({
    NODE_ENV: z.preprocess(emptyToUndefined, z.enum(["development", "production", "test"]).default("development")),
    DATABASE_URL: optionalString,
    AUTH_SECRET: z.preprocess(emptyToUndefined, z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional()),
    AUTH_URL: httpUrl,
    AUTH_TRUST_HOST: bool,
    SMTP_HOST: optionalString,
    SMTP_PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(65535).optional()),
    SMTP_USER: optionalString,
    SMTP_PASSWORD: optionalString,
    SMTP_SECURE: bool,
    MAIL_FROM: optionalString,
    OIDC_ISSUER: httpUrl,
    OIDC_CLIENT_ID: optionalString,
    OIDC_CLIENT_SECRET: optionalString,
    OIDC_NAME: optionalString,
  })
  .superRefine((e, ctx) => {
    if (e.NODE_ENV === "production") {
      if (!e.AUTH_SECRET) ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "AUTH_SECRET is required in production (e.g. `openssl rand -base64 32`)" });
      if (!e.AUTH_URL) ctx.addIssue({ code: "custom", path: ["AUTH_URL"], message: "AUTH_URL is required in production: the public origin, e.g. https://register.example.com (links are built from it, C17)" });
    }
    const oidc = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET];
    if (oidc.some(Boolean) && !oidc.every(Boolean)) {
      ctx.addIssue({ code: "custom", path: ["OIDC_ISSUER"], message: "OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set together (or none of them)" });
    }
    if ((e.SMTP_USER && !e.SMTP_PASSWORD) || (!e.SMTP_USER && e.SMTP_PASSWORD)) {
      ctx.addIssue({ code: "custom", path: ["SMTP_USER"], message: "SMTP_USER and SMTP_PASSWORD must be set together" });
    }
  });

export type Env = {
  NODE_ENV: "development" | "production" | "test";
  DATABASE_URL: string | undefined;
  /** Always set: the configured secret, or a fixed development value outside production. */
  AUTH_SECRET: string;
  /** The public origin without a trailing slash, e.g. "https://register.example.com". */
  AUTH_URL: string;
  /** True when AUTH_URL is https: Secure cookies with __Secure-/__Host- prefixes, HSTS. */
  secureCookies: boolean;
  AUTH_TRUST_HOST: boolean;
  /** null: no SMTP server configured; sign-in links are printed to the server console (demo). */
  smtp: { host: string; port: number; secure: boolean; user: string | undefined; password: string | undefined } | null;
  MAIL_FROM: string;
  /** null: no single sign-on configured. */
  oidc: { issuer: string; clientId: string; clientSecret: string; name: string } | null;
};

/** Parses an environment object; throws one error listing every problem (without values). */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join(".") || "env"}: ${i.message}`);
    throw new Error(`Invalid environment:\n  ${problems.join("\n  ")}`);
  }
  const e = result.data;
  const authUrl = new URL(e.AUTH_URL ?? DEV_AUTH_URL).origin;
  const smtpSecure = e.SMTP_SECURE;
  return {
    NODE_ENV: e.NODE_ENV,
    DATABASE_URL: e.DATABASE_URL,
    AUTH_SECRET: e.AUTH_SECRET ?? DEV_AUTH_SECRET,
    AUTH_URL: authUrl,
    secureCookies: authUrl.startsWith("https://"),
    AUTH_TRUST_HOST: e.AUTH_TRUST_HOST,
    smtp: e.SMTP_HOST
      ? { host: e.SMTP_HOST, port: e.SMTP_PORT ?? (smtpSecure ? 465 : 587), secure: smtpSecure, user: e.SMTP_USER, password: e.SMTP_PASSWORD }
      : null,
    MAIL_FROM: e.MAIL_FROM ?? `VVT-Register <no-reply@${new URL(authUrl).hostname}>`,
    oidc:
      e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET
        ? { issuer: e.OIDC_ISSUER, clientId: e.OIDC_CLIENT_ID, clientSecret: e.OIDC_CLIENT_SECRET, name: e.OIDC_NAME ?? "Single sign-on" }
        : null,
  };
}

let cached: Env | undefined;

/** The validated environment of this process (parsed once, on first use). */
export function env(): Env {
  return (cached ??= parseEnv(process.env));
}
