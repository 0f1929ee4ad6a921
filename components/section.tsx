import type { ReactNode } from "react";

/** A titled block of a detail or overview page (h2 + card). */
export function Section({
  id,
  title,
  description,
  headingLevel = 2,
  children,
}: {
  id?: string;
  title: ReactNode;
  description?: ReactNode;
  /** 3 when the section sits below another h2 (e.g. one vendor sheet of several). */
  headingLevel?: 2 | 3;
  children: ReactNode;
}) {
  const headingId = id ? `${id}-heading` : undefined;
  const Heading = headingLevel === 3 ? "h3" : "h2";
  return (
    <section id={id} aria-labelledby={headingId} className="rounded-lg border border-zinc-200 bg-white p-4 sm:p-5 dark:border-zinc-800 dark:bg-zinc-900">
      <Heading id={headingId} className="text-lg font-semibold">
        {title}
      </Heading>
      {description ? <p className="mt-0.5 text-sm text-zinc-600 dark:text-zinc-400">{description}</p> : null}
      <div className="mt-3">{children}</div>
    </section>
  );
}
