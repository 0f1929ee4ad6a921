import type { ReactNode } from "react";
import { useTranslations } from "next-intl";

export type DescriptionItem = { term: ReactNode; value: ReactNode; key?: string };

const isEmpty = (v: ReactNode) => v === null || v === undefined || v === "" || (Array.isArray(v) && v.length === 0);

/** Term/value pairs (<dl>); an empty value shows "nicht angegeben" instead of a blank. */
export function DescriptionList({ items, columns = 2 }: { items: DescriptionItem[]; columns?: 1 | 2 }) {
  const t = useTranslations("common");
  return (
    <dl className={`grid gap-x-6 gap-y-3 text-sm ${columns === 2 ? "sm:grid-cols-2" : ""}`}>
      {items.map((item, i) => (
        <div key={item.key ?? i} className="min-w-0">
          <dt className="font-medium text-zinc-600 dark:text-zinc-400">{item.term}</dt>
          <dd className="mt-0.5 break-words whitespace-pre-line">
            {isEmpty(item.value) ? <span className="text-zinc-500 italic dark:text-zinc-500">{t("notSpecified")}</span> : item.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
