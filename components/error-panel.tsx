"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";

/**
 * The generic error message of every error boundary. Shows the digest as support id (it matches the server
 * log line) and never the error's message, stack or any other detail (C37).
 */
export function ErrorPanel({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations("common.error");
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : null;
  return (
    <div role="alert" className="mx-auto max-w-xl rounded-lg border border-red-200 bg-red-50 p-6 dark:border-red-900 dark:bg-red-950/50">
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      <p className="mt-2 text-sm">{t("description")}</p>
      {digest ? (
        <p className="mt-3 text-sm">
          {t("supportId")}: <code className="rounded bg-white px-1.5 py-0.5 font-mono text-xs dark:bg-zinc-900">{digest}</code>
        </p>
      ) : null}
      <div className="mt-4 flex flex-wrap gap-3">
        <button type="button" onClick={() => retry()} className="rounded-md bg-zinc-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300">
          {t("retry")}
        </button>
        <Link href="/" className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm hover:bg-white dark:border-zinc-700 dark:hover:bg-zinc-900">
          {t("home")}
        </Link>
      </div>
    </div>
  );
}
