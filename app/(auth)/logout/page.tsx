import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentUser } from "@/lib/current-user";
import { signOut } from "./actions";
import { card, heading, muted, primaryButton, secondaryButton } from "../styles";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.logout");
  return { title: t("title"), robots: { index: false } };
}

/** Sign-out confirmation: a GET never ends the session (no side effects on safe methods, C09). */
export default async function LogoutPage() {
  const user = await currentUser();
  if (!user) redirect("/login");
  const t = await getTranslations("auth.logout");
  return (
    <div className={card}>
      <h1 className={heading}>{t("title")}</h1>
      <p className="mt-3">{t("body")}</p>
      <p className={`mt-1 break-all ${muted}`}>{user.email}</p>
      <div className="mt-6 grid gap-3 sm:grid-cols-2">
        <form action={signOut}>
          <button type="submit" className={primaryButton}>
            {t("submit")}
          </button>
        </form>
        <Link href="/" className={secondaryButton}>
          {t("cancel")}
        </Link>
      </div>
    </div>
  );
}
