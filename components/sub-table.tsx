import type { ReactNode } from "react";

/** A small table inside a detail section (recipients, transfers, locations…); scrolls sideways on narrow screens. */
export function SubTable({ caption, headers, children }: { caption: string; headers: string[]; children: ReactNode }) {
  return (
    <div role="region" aria-label={caption} tabIndex={0} className="relative overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-zinc-200 dark:border-zinc-700">
            {headers.map((h) => (
              <th key={h} scope="col" className="px-2 py-1.5 font-semibold whitespace-nowrap text-zinc-700 dark:text-zinc-300">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="[&_td]:px-2 [&_td]:py-1.5 [&_td]:align-top [&_th]:px-2 [&_th]:py-1.5 [&_th]:align-top [&>tr]:border-b [&>tr]:border-zinc-100 [&>tr:last-child]:border-b-0 dark:[&>tr]:border-zinc-800">
          {children}
        </tbody>
      </table>
    </div>
  );
}
