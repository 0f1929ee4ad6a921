"use client";
import { useEffect, useRef, type ReactNode } from "react";

/**
 * A disclosure menu on <details>/<summary>: keyboard- and screen-reader-usable without JavaScript; with it,
 * Escape and a click outside close it.
 */
export function Menu({ summary, summaryLabel, children, align = "start" }: { summary: ReactNode; summaryLabel?: string; children: ReactNode; align?: "start" | "end" }) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const close = (e: Event) => {
      if (!el.open) return;
      if (e instanceof KeyboardEvent) {
        if (e.key !== "Escape") return;
        el.open = false;
        el.querySelector("summary")?.focus();
        return;
      }
      if (e.target instanceof Node && !el.contains(e.target)) el.open = false;
    };
    document.addEventListener("keydown", close);
    document.addEventListener("click", close);
    return () => {
      document.removeEventListener("keydown", close);
      document.removeEventListener("click", close);
    };
  }, []);
  return (
    <details ref={ref} className="group relative">
      <summary
        aria-label={summaryLabel}
        className="flex cursor-pointer list-none items-center gap-1 rounded-md px-2 py-1 text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800 [&::-webkit-details-marker]:hidden"
      >
        {summary}
        <span aria-hidden="true" className="text-xs transition-transform group-open:rotate-180">
          ▾
        </span>
      </summary>
      <div
        className={`absolute z-30 mt-1 max-h-[70dvh] min-w-56 max-w-[calc(100vw-2rem)] overflow-auto rounded-md border border-zinc-200 bg-white p-1 shadow-lg dark:border-zinc-700 dark:bg-zinc-900 ${align === "end" ? "right-0" : "left-0"}`}
      >
        {children}
      </div>
    </details>
  );
}
