import Link from "next/link";
import { getFormatter } from "next-intl/server";

export type FacetLink = { value: string; text: string; count: number; href: string; selected: boolean };
export type FacetGroup = { key: string; legend: string; values: FacetLink[] };

/**
 * A facet sidebar (a labelled region, not a second <nav>): per facet a fieldset of links with the number of
 * matches. A link selects the value; the selected value's link removes it again. A <details> element makes the
 * sidebar collapsible on small screens without JavaScript. The list decides the hrefs and the counts.
 */
export async function FacetSidebar({ label, note, emptyText, groups }: { label: string; note: string; emptyText: string; groups: FacetGroup[] }) {
  const format = await getFormatter();
  return (
    <details open className="group rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <summary className="cursor-pointer px-3 py-2 text-sm font-semibold select-none">{label}</summary>
      <section aria-label={label} className="flex flex-col gap-4 border-t border-zinc-200 px-3 py-3 dark:border-zinc-800">
        <p className="text-xs text-zinc-600 dark:text-zinc-400">{note}</p>
        {groups.map((group) => (
          <fieldset key={group.key} data-facet={group.key} className="min-w-0">
            <legend className="mb-1 text-xs font-semibold tracking-wide text-zinc-700 uppercase dark:text-zinc-300">{group.legend}</legend>
            {group.values.length === 0 ? (
              <p className="text-sm text-zinc-500">{emptyText}</p>
            ) : (
              <ul className="flex flex-col gap-0.5 text-sm">
                {group.values.map((v) => (
                  <li key={v.value}>
                    <Link
                      href={v.href}
                      aria-current={v.selected ? "true" : undefined}
                      className={`flex items-baseline justify-between gap-2 rounded px-1.5 py-0.5 hover:bg-zinc-100 focus-visible:outline-2 dark:hover:bg-zinc-800 ${
                        v.selected ? "bg-blue-50 font-semibold text-blue-900 dark:bg-blue-950 dark:text-blue-200" : ""
                      }`}
                    >
                      <span className="flex min-w-0 items-baseline gap-1.5">
                        <span aria-hidden="true" className="inline-block w-3 shrink-0">
                          {v.selected ? "✓" : ""}
                        </span>
                        <span className="truncate" title={v.text}>
                          {v.text}
                        </span>
                      </span>
                      <span className="shrink-0 text-xs text-zinc-600 tabular-nums dark:text-zinc-400" data-facet-count>
                        {format.number(v.count)}
                      </span>
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </fieldset>
        ))}
      </section>
    </details>
  );
}

export type FilterChip = { key: string; text: string; removeHref: string; removeLabel: string };

/** Chips of the active filters, each a link that removes it, and "reset filters". */
export function ActiveFilterChips({ label, chips, resetHref, resetText }: { label: string; chips: FilterChip[]; resetHref: string; resetText: string }) {
  if (chips.length === 0) return null;
  return (
    <ul aria-label={label} className="mb-3 flex flex-wrap items-center gap-2 text-sm">
      {chips.map((c) => (
        <li key={c.key}>
          <Link
            href={c.removeHref}
            aria-label={c.removeLabel}
            className="inline-flex items-center gap-1 rounded-full border border-zinc-300 bg-zinc-50 px-2.5 py-0.5 hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-800 dark:hover:bg-zinc-700"
          >
            {c.text} <span aria-hidden="true">×</span>
          </Link>
        </li>
      ))}
      <li>
        <Link href={resetHref} className="text-blue-700 underline-offset-2 hover:underline dark:text-blue-400">
          {resetText}
        </Link>
      </li>
    </ul>
  );
}
