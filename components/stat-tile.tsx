import Link from "next/link";
import type { ReactNode } from "react";

/** A count with its label; a link when a filtered list exists for it. */
export function StatTile({ label, value, href, tone = "neutral", hint }: { label: ReactNode; value: ReactNode; href?: string; tone?: "neutral" | "warning"; hint?: ReactNode }) {
  const toneClass =
    tone === "warning"
      ? "border-amber-300 bg-amber-50 dark:border-amber-800 dark:bg-amber-950/60"
      : "border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900";
  const body = (
    <>
      <span className="block text-2xl font-semibold tabular-nums">{value}</span>
      <span className="mt-0.5 block text-sm hyphens-auto wrap-anywhere text-zinc-700 dark:text-zinc-300">{label}</span>
      {hint ? <span className="mt-0.5 block text-xs text-zinc-600 dark:text-zinc-400">{hint}</span> : null}
    </>
  );
  return href ? (
    <Link href={href} className={`block h-full rounded-lg border p-4 hover:border-zinc-400 dark:hover:border-zinc-600 ${toneClass}`}>
      {body}
    </Link>
  ) : (
    <div className={`h-full rounded-lg border p-4 ${toneClass}`}>{body}</div>
  );
}
