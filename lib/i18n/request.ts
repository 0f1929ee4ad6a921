// next-intl request configuration (no locale routing, ADR 0004). The locale comes from the NEXT_LOCALE
// cookie written by the language switch (lib/i18n/actions.ts), otherwise German. No database lookup here:
// this runs for every request, including the sign-in page. An explicit locale (getTranslations({ locale }),
// e.g. for an English PDF from a German UI) wins over the cookie.
import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { DEFAULT_LOCALE, isLocale, MESSAGES, type Locale } from "@/lib/i18n/messages/index";

export const LOCALE_COOKIE = "NEXT_LOCALE";
/** Stored in UTC, shown in this time zone (house-style §9). */
export const TIME_ZONE = "Europe/Berlin";

declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: (typeof MESSAGES)["de"];
  }
}

async function cookieLocale(): Promise<Locale> {
  const value = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

export default getRequestConfig(async ({ locale: requested }) => {
  const locale = isLocale(requested) ? requested : await cookieLocale();
  return { locale, messages: MESSAGES[locale], timeZone: TIME_ZONE };
});
