import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { ActivityStatus } from "@/prisma/generated/sqlite/enums";

const STYLES: Record<ActivityStatus, string> = {
  DRAFT: "border-zinc-300 bg-zinc-100 text-zinc-800 dark:border-zinc-600 dark:bg-zinc-800 dark:text-zinc-200",
  IN_REVIEW: "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200",
  RELEASED: "border-green-300 bg-green-50 text-green-900 dark:border-green-700 dark:bg-green-950 dark:text-green-200",
  ARCHIVED: "border-zinc-300 bg-white text-zinc-600 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-400",
};

/** Workflow status of a register entry, colour plus text (never colour alone). */
export function StatusBadge({ status }: { status: ActivityStatus }) {
  const t = useTranslations("enums.ActivityStatus");
  return <span className={`inline-flex items-center rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap ${STYLES[status]}`}>{t(status)}</span>;
}

/** A small neutral or warning tag, e.g. "besondere Kategorie" or "überfällig". */
export function Tag({ children, tone = "neutral" }: { children: ReactNode; tone?: "neutral" | "warning" | "danger" }) {
  const styles = {
    neutral: "border-zinc-300 text-zinc-700 dark:border-zinc-600 dark:text-zinc-300",
    warning: "border-amber-400 bg-amber-50 text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200",
    danger: "border-red-300 bg-red-50 text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200",
  }[tone];
  return <span className={`inline-flex items-center rounded border px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ${styles}`}>{children}</span>;
}
