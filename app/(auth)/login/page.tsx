import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { oidcProviderName } from "@/lib/auth";
import { currentUser } from "@/lib/current-user";
import { signInWithSingleSignOn } from "./actions";
import { LoginForm } from "./login-form";
import { alert, card, heading, muted, secondaryButton } from "../styles";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.login");
  return { title: t("title"), robots: { index: false } };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ error?: string | string[] }> }) {
  if (await currentUser()) redirect("/");
  const t = await getTranslations("auth.login");
  const { error } = await searchParams;
  // next-auth sends sign-in errors here (?error=<type>); the value is never echoed.
  const errorText = error === undefined ? null : error === "OAuthAccountNotLinked" ? t("oidcNotLinked") : t("failed");
  const oidcName = oidcProviderName();

  return (
    <div className={card}>
      <h1 className={heading}>{t("title")}</h1>
      <p className={`mt-2 ${muted}`}>{t("intro")}</p>
      {errorText ? (
        <p role="alert" className={`mt-4 ${alert}`}>
          {errorText}
        </p>
      ) : null}
      <LoginForm />
      {oidcName ? (
        <>
          <div className="my-6 flex items-center gap-3 text-xs text-zinc-500 uppercase dark:text-zinc-400" aria-hidden="true">
            <span className="h-px flex-1 bg-zinc-200 dark:bg-zinc-800" />
            {t("or")}
            <span className="h-px flex-1 bg-zinc-200 dark:bg-zinc-800" />
          </div>
          <form action={signInWithSingleSignOn}>
            <button type="submit" className={secondaryButton}>
              {t("oidc", { name: oidcName })}
            </button>
          </form>
        </>
      ) : null}
    </div>
  );
}
