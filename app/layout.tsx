import type { Metadata, Viewport } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { LanguageSwitch } from "@/components/language-switch";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("shell");
  return { title: { default: t("productName"), template: `%s · ${t("productName")}` }, description: t("productLong") };
}

export const viewport: Viewport = {
  colorScheme: "light dark",
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#09090b" },
  ],
};

/**
 * The document shell for every page, including sign-in: skip link, the header with the product name and the
 * language switch. Each route group renders its own <main id="main"> below it (and its own navigation).
 * No authorization here (house-style §1.2).
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations("shell");
  return (
    <html lang={locale}>
      <body className="min-h-dvh bg-zinc-50 font-sans text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">
        <a
          href="#main"
          className="sr-only z-50 rounded-md bg-white px-3 py-2 text-sm font-medium text-zinc-900 shadow focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
        >
          {t("skipToContent")}
        </a>
        <NextIntlClientProvider>
          <header className="border-b border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
            <div className="mx-auto flex h-12 max-w-7xl items-center justify-between gap-4 px-4">
              <Link href="/" className="flex min-w-0 items-baseline gap-2 rounded">
                <span className="font-bold tracking-tight">{t("productName")}</span>
                <span className="hidden truncate text-sm text-zinc-600 md:inline dark:text-zinc-400">{t("productLong")}</span>
              </Link>
              <LanguageSwitch />
            </div>
          </header>
          {children}
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
