import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { card, heading, link } from "../../styles";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.error");
  return { title: t("title"), robots: { index: false } };
}

/** next-auth's error page (?error=Verification for an expired or used link, C11/C12). */
export default async function AuthErrorPage({ searchParams }: { searchParams: Promise<{ error?: string | string[] }> }) {
  const t = await getTranslations("auth.error");
  const { error } = await searchParams;
  const text =
    error === "Verification"
      ? t("Verification")
      : error === "AccessDenied"
        ? t("AccessDenied")
        : error === "Configuration"
          ? t("Configuration")
          : t("default");
  return (
    <div className={card}>
      <h1 className={heading}>{t("title")}</h1>
      <p role="alert" className="mt-3">
        {text}
      </p>
      <p className="mt-6 text-sm">
        <Link href="/login" className={link}>
          {t("back")}
        </Link>
      </p>
    </div>
  );
}
