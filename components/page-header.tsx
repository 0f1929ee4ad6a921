import type { ReactNode } from "react";

/** The page's title block: one h1, optional eyebrow (e.g. reference number), description, badges and actions. */
export function PageHeader({
  title,
  eyebrow,
  description,
  meta,
  actions,
}: {
  title: ReactNode;
  eyebrow?: ReactNode;
  description?: ReactNode;
  meta?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className="mb-6 flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
      <div className="min-w-0">
        {eyebrow ? <p className="text-sm font-medium text-zinc-600 dark:text-zinc-400">{eyebrow}</p> : null}
        <h1 className="text-2xl font-semibold tracking-tight text-balance break-words">{title}</h1>
        {description ? <p className="mt-1 max-w-3xl text-zinc-600 dark:text-zinc-400">{description}</p> : null}
        {meta ? <div className="mt-2 flex flex-wrap items-center gap-2 text-sm">{meta}</div> : null}
      </div>
      {actions ? <div className="flex shrink-0 flex-wrap gap-2">{actions}</div> : null}
    </div>
  );
}
