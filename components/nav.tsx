"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

export type NavItem = {
  key: string;
  label: string;
  /** Absent: the section has no page yet; rendered as a disabled item, never as a dead link. */
  href?: string;
  /** Active only on exactly this path (the overview), not on sub-paths. */
  exact?: boolean;
};

/** Section navigation; horizontally scrollable on narrow screens. */
export function Nav({ label, items, comingSoon }: { label: string; items: NavItem[]; comingSoon: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="relative -mx-4 min-w-0 overflow-x-auto px-4 lg:mx-0 lg:px-0">
      <ul className="flex gap-1 text-sm whitespace-nowrap">
        {items.map((item) => {
          if (!item.href) {
            return (
              <li key={item.key}>
                <span role="link" aria-disabled="true" title={comingSoon} className="block cursor-not-allowed rounded-md px-2 py-1.5 text-zinc-400 dark:text-zinc-600">
                  {item.label}
                  <span className="sr-only"> ({comingSoon})</span>
                </span>
              </li>
            );
          }
          const active = item.exact ? pathname === item.href : pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.key}>
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                className="block rounded-md px-2 py-1.5 text-zinc-700 hover:bg-zinc-100 aria-[current=page]:bg-zinc-900 aria-[current=page]:text-white dark:text-zinc-300 dark:hover:bg-zinc-800 dark:aria-[current=page]:bg-zinc-100 dark:aria-[current=page]:text-zinc-900"
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
