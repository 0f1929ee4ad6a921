import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { card, heading, link, muted } from "../../styles";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.checkEmail");
  return { title: t("title"), robots: { index: false } };
}

/** The one answer to every link request, for known and unknown addresses alike (C15). */
export default async function CheckEmailPage() {
  const t = await getTranslations("auth.checkEmail");
  return (
    <div className={card}>
      <h1 className={heading}>{t("title")}</h1>
      <p className="mt-3">{t("body")}</p>
      <p className={`mt-3 ${muted}`}>{t("hint")}</p>
      <p className="mt-6 text-sm">
        <Link href="/login" className={link}>
          {t("again")}
        </Link>
      </p>
    </div>
  );
}
