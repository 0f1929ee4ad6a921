// A sortable column header of a register list: a link to the same list sorted by the column (ascending
// first, again to reverse), the current order shown as an arrow and named for screen readers.
import Link from "next/link";

export function SortHeader({
  text,
  href,
  sorted,
  sortBy,
  sortedAsc,
  sortedDesc,
}: {
  text: string;
  /** The list's URL sorted by this column in the direction a click should give. */
  href: string;
  /** The current direction when the list is sorted by this column, else null. */
  sorted: "asc" | "desc" | null;
  /** Translated texts: "sort by {column}", "sorted ascending", "sorted descending". */
  sortBy: string;
  sortedAsc: string;
  sortedDesc: string;
}) {
  return (
    <Link
      href={href}
      aria-label={`${sortBy}${sorted ? ` (${sorted === "asc" ? sortedAsc : sortedDesc})` : ""}`}
      className="inline-flex items-center gap-1 underline-offset-2 hover:underline"
    >
      {text}
      <span aria-hidden="true" className="text-xs text-zinc-500">
        {sorted ? (sorted === "asc" ? "▲" : "▼") : "↕"}
      </span>
    </Link>
  );
}
