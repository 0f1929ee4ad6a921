import type { ReactNode } from "react";

/** True for http(s) URLs only; anything else (javascript:, data:, relative paths) is never rendered as a link (C26). */
export function isSafeHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

/** A stored URL: a link that opens in a new tab when it is http(s), otherwise the literal text. */
export function ExternalLink({ href, children }: { href: string | null; children?: ReactNode }) {
  if (!href) return null;
  if (!isSafeHttpUrl(href)) return <span className="break-all">{href}</span>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer nofollow" className="break-all text-blue-700 underline underline-offset-2 dark:text-blue-400">
      {children ?? href}
    </a>
  );
}
