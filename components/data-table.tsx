import type { ReactNode } from "react";

export type DataTableColumn<Row> = {
  /** Stable id of the column (later: sort and column-choice parameters in the URL). */
  id: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  align?: "start" | "end";
  /** Extra classes for header and cells, e.g. a width or `whitespace-nowrap`. */
  className?: string;
  /** The row's header cell (`<th scope="row">`), usually the name column. */
  isRowHeader?: boolean;
};

const cellBase = "px-3 py-2 align-top";
const alignClass = (align: "start" | "end" | undefined) => (align === "end" ? "text-right tabular-nums" : "text-left");

/**
 * A dense, readable table: sticky header inside its own scroll container (so it also scrolls sideways at
 * 375 px), zebra-free rows with hover, a caption for screen readers. Server component: cells are rendered
 * by functions of the row.
 */
export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  rowClassName,
}: {
  /** Caption for screen readers; also names the scrollable region. */
  caption: string;
  columns: DataTableColumn<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  rowClassName?: (row: Row) => string | undefined;
}) {
  return (
    // The region scrolls on its own (sticky header); focusable so keyboard users can scroll it.
    <div role="region" aria-label={caption} tabIndex={0} className="relative max-h-[70dvh] overflow-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
      <table className="w-full border-separate border-spacing-0 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th
                key={c.id}
                scope="col"
                className={`sticky top-0 z-10 border-b border-zinc-200 bg-zinc-50 font-semibold whitespace-nowrap text-zinc-700 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-300 ${cellBase} ${alignClass(c.align)} ${c.className ?? ""}`}
              >
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} className={`hover:bg-zinc-50 dark:hover:bg-zinc-900/60 ${rowClassName?.(row) ?? ""}`}>
              {columns.map((c) => {
                const className = `border-b border-zinc-100 dark:border-zinc-800/70 ${cellBase} ${alignClass(c.align)} ${c.className ?? ""}`;
                return c.isRowHeader ? (
                  <th key={c.id} scope="row" className={`font-normal ${className}`}>
                    {c.cell(row)}
                  </th>
                ) : (
                  <td key={c.id} className={className}>
                    {c.cell(row)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Loading placeholder with the table's shape (Suspense fallback). */
export function DataTableSkeleton({ columns, rows = 8, label }: { columns: number; rows?: number; label: string }) {
  return (
    <div role="status" aria-busy="true" className="overflow-hidden rounded-lg border border-zinc-200 dark:border-zinc-800">
      <span className="sr-only">{label}</span>
      <div className="h-9 border-b border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900" />
      {Array.from({ length: rows }, (_, r) => (
        <div key={r} className="flex gap-4 border-b border-zinc-100 px-3 py-3 last:border-b-0 dark:border-zinc-800/70">
          {Array.from({ length: columns }, (_, c) => (
            <div key={c} className="h-3 flex-1 animate-pulse rounded bg-zinc-200 motion-reduce:animate-none dark:bg-zinc-800" />
          ))}
        </div>
      ))}
    </div>
  );
}
