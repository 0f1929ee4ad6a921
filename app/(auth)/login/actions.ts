"use server";
// Public actions of the sign-in page (no user yet, so no authorize()). Every request for a link is
// validated (C16), rate-limited per address and per IP (C18) and answered with the same redirect for
// known and unknown addresses (C15).
import { headers } from "next/headers";
import { redirect, unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { oidcProviderName, requestEmailSignIn, signInWithOidc } from "@/lib/auth";
import { normalizeEmail } from "@/lib/domain/email";
import { errorSummary, isBusyError, RateLimitedError } from "@/lib/errors";
import { logEvent } from "@/lib/log";
import { clientIp, limitSignInRequest } from "@/lib/rate-limit";
import type { LoginState } from "./state";

const loginSchema = z
  .object({
    email: z
      .string()
      .max(320)
      .transform((value, ctx) => {
        const result = normalizeEmail(value);
        if (!result.ok) {
          ctx.addIssue({ code: "custom", message: "auth.login.emailInvalid" });
          return z.NEVER;
        }
        return result.email;
      }),
  })
  .strict();

export async function requestSignInLink(_prev: LoginState, formData: FormData): Promise<LoginState> {
  const raw = formData.get("email");
  const values = { email: typeof raw === "string" ? raw.slice(0, 320) : "" };
  const parsed = loginSchema.safeParse({ email: raw });
  if (!parsed.success) return { fieldErrors: { email: "invalid" }, values };
  const { email } = parsed.data;
  const ip = clientIp(await headers());

  try {
    await limitSignInRequest({ email, ip });
  } catch (e) {
    if (e instanceof RateLimitedError) {
      logEvent("warn", "auth.rateLimited", { email, ip, retryAfterSeconds: e.retryAfterSeconds });
      return { formError: "rateLimited", retryAfterMinutes: e.retryAfterMinutes, values };
    }
    if (isBusyError(e)) return { formError: "busy", values };
    throw e;
  }

  let ok = false;
  try {
    ok = await requestEmailSignIn(email, "/");
  } catch (e) {
    unstable_rethrow(e);
    if (isBusyError(e)) return { formError: "busy", values };
    logEvent("error", "auth.link.error", { email, error: errorSummary(e) });
  }
  if (!ok) return { formError: "failed", values };
  redirect("/login/check-email");
}

/** Starts single sign-on (only when OIDC is configured). */
export async function signInWithSingleSignOn(): Promise<void> {
  if (oidcProviderName() === null) redirect("/login");
  await signInWithOidc("/");
}
