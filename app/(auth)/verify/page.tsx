import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EMAIL_CALLBACK_PATH } from "@/lib/auth";
import { normalizeEmail } from "@/lib/domain/email";
import { env } from "@/lib/env";
import { safeCallbackPath } from "@/lib/sessions";
import { card, heading, link, muted, primaryButton } from "../styles";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.verify");
  // The URL carries the token: never send it as a Referer.
  return { title: t("title"), robots: { index: false }, referrer: "no-referrer" };
}

const single = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);
const TOKEN = /^[A-Za-z0-9_-]{16,256}$/;

/**
 * The page the e-mailed link opens. GET and HEAD only render it (link scanners cannot burn the token,
 * C14); its button POSTs token and address to next-auth's callback, which signs in once (C12).
 */
export default async function VerifyPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const t = await getTranslations("auth.verify");
  const params = await searchParams;
  const token = single(params.token);
  const email = single(params.email);
  const normalized = email === undefined ? null : normalizeEmail(email);
  const valid = token !== undefined && TOKEN.test(token) && normalized?.ok === true && normalized.email === email;

  if (!valid || email === undefined || token === undefined) {
    return (
      <div className={card}>
        <h1 className={heading}>{t("invalidTitle")}</h1>
        <p role="alert" className="mt-3">
          {t("invalidBody")}
        </p>
        <p className="mt-6 text-sm">
          <Link href="/login" className={link}>
            {t("requestNew")}
          </Link>
        </p>
      </div>
    );
  }

  const callbackUrl = safeCallbackPath(single(params.callbackUrl), [env().AUTH_URL]);
  const action = `${EMAIL_CALLBACK_PATH}?${new URLSearchParams({ callbackUrl, token, email })}`;
  return (
    <div className={card}>
      <h1 className={heading}>{t("title")}</h1>
      <p className="mt-3">{t("body", { email })}</p>
      <form method="post" action={action} className="mt-6">
        <button type="submit" className={primaryButton}>
          {t("submit")}
        </button>
      </form>
      <p className={`mt-4 ${muted}`}>{t("why")}</p>
    </div>
  );
}
