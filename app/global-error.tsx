"use client";
// Replaces the root layout when it fails itself, so no NextIntlClientProvider and no locale are available:
// the message is shown in German and English, both from the message catalogues.
import de from "@/lib/i18n/messages/de/common.json";
import en from "@/lib/i18n/messages/en/common.json";
import "./globals.css";

export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : null;
  return (
    <html lang="de">
      <body className="min-h-dvh bg-zinc-50 font-sans text-zinc-900 dark:bg-zinc-950 dark:text-zinc-100">
        <main id="main" className="mx-auto max-w-xl px-4 py-16">
          <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-6 dark:border-red-900 dark:bg-red-950/50">
            <h1 className="text-xl font-semibold">{de.error.title}</h1>
            <p className="mt-2 text-sm">{de.error.description}</p>
            <h2 lang="en" className="mt-4 text-lg font-semibold">{en.error.title}</h2>
            <p lang="en" className="mt-1 text-sm">{en.error.description}</p>
            {digest ? (
              <p className="mt-3 text-sm">
                {de.error.supportId} / <span lang="en">{en.error.supportId}</span>: <code className="font-mono text-xs">{digest}</code>
              </p>
            ) : null}
            <button type="button" onClick={() => retry()} className="mt-4 rounded-md bg-zinc-900 px-3 py-1.5 text-sm font-medium text-white dark:bg-zinc-100 dark:text-zinc-900">
              {de.error.retry} / <span lang="en">{en.error.retry}</span>
            </button>
          </div>
        </main>
      </body>
    </html>
  );
}
