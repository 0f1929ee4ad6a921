"use server";
// The language switch. The one action without requireUser(): it only sets the caller's own preference
// cookie, touches no data, and must work on the sign-in page (ADR 0004). Validated like every action.
import { cookies } from "next/headers";
import { z } from "zod";
import { LOCALES } from "@/lib/i18n/messages/index";
import { LOCALE_COOKIE } from "@/lib/i18n/request";

const setLocaleSchema = z.object({ locale: z.enum(LOCALES) });

const ONE_YEAR_SECONDS = 60 * 60 * 24 * 365;

export async function setLocale(formData: FormData): Promise<void> {
  const parsed = setLocaleSchema.safeParse({ locale: formData.get("locale") });
  if (!parsed.success) return;
  (await cookies()).set(LOCALE_COOKIE, parsed.data.locale, {
    path: "/",
    maxAge: ONE_YEAR_SECONDS,
    sameSite: "lax",
    httpOnly: false,
    secure: process.env.AUTH_URL?.startsWith("https://") ?? false,
  });
}
