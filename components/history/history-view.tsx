// The history of one register entry (C33): each revision with version, action, author, time and reason, the
// field-level diff against the previous revision (old → new, rows of child lists one by one) and, for users who
// may write, a restore form per older version. Renders what the page passes in; fetches nothing.
import Link from "next/link";
import type { ReactNode } from "react";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { diffSnapshots, restoredFromOf, type FieldChange, type ItemChange } from "@/lib/history/present";
import type { FormState } from "@/lib/forms";
import { RestoreForm } from "@/components/history/restore-form";

export type HistoryRevisionView = { version: number; action: string; authorName: string; createdAt: Date; reason: string | null; snapshot: unknown; changes: unknown };

/** How the fields of one entity are labelled and shown. Keys of nested rows are looked up as `list.field` first. */
export type HistoryFieldConfig = {
  /** field → full message key of the form label (e.g. "vendor.form.name"). */
  labels: Record<string, string>;
  /** field → enum name under `enums.*` (e.g. "TransferMechanism"). */
  enums?: Record<string, string>;
  /** field → prefix of `labels` keys: "id" (vendors, activities, TIAs, departments), "country", or a vocabulary kind. */
  refs?: Record<string, string>;
  /** fields whose dates are calendar days (no time). */
  dateOnly?: readonly string[];
  /** list field → the fields that name one of its rows. */
  itemTitle?: Record<string, readonly string[]>;
  /** keys never shown (besides ids, versions and timestamps). */
  ignore?: readonly string[];
};

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const ACTIONS = ["create", "update", "archive", "restore", "revert", "submit", "release", "draft", "review"] as const;

/** Text and labels for snapshot values under one field configuration (shared by the views below). */
async function renderers(config: HistoryFieldConfig, labels: Record<string, { de: string; en: string }>) {
  const t = await getTranslations("history");
  const tAll = await getTranslations();
  const te = await getTranslations("enums");
  const format = await getFormatter();
  const locale = (await getLocale()) === "en" ? "en" : "de";
  const msg = (key: string): string | null => (tAll.has(key as Parameters<typeof tAll>[0]) ? tAll(key as Parameters<typeof tAll>[0]) : null);
  const ignoreTop = ["id", "version", "updatedAt", "createdAt", "searchText", "organisationId", "updatedById", "createdById", "activityId", "recipientId", ...(config.ignore ?? [])];

  const fieldLabel = (field: string, list?: string): string =>
    (list ? msg(config.labels[`${list}.${field}`] ?? "") : null) ?? msg(config.labels[field] ?? "") ?? msg(`history.fields.${field}`) ?? field;
  const empty = <span className="text-zinc-500">{t("empty")}</span>;

  const text = (field: string, v: unknown, list?: string): string => {
    if (v === null || v === undefined || v === "") return t("empty");
    if (typeof v === "boolean") return v ? t("yes") : t("no");
    const enumName = config.enums?.[list ? `${list}.${field}` : field] ?? config.enums?.[field];
    if (enumName && typeof v === "string" && te.has(`${enumName}.${v}` as Parameters<typeof te>[0])) return te(`${enumName}.${v}` as Parameters<typeof te>[0]);
    const ref = config.refs?.[field];
    if (ref && typeof v === "string") return labels[`${ref}:${v}`]?.[locale] ?? v;
    if (typeof v === "string" && ISO.test(v)) {
      const d = new Date(v);
      return (config.dateOnly ?? []).includes(field) ? format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" }) : format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
    }
    if (Array.isArray(v)) return v.length ? v.map((x) => text(field, x, list)).join(", ") : t("empty");
    if (typeof v === "object") return JSON.stringify(v);
    return String(v);
  };
  const rowTitle = (list: string, row: Record<string, unknown> | null): string => {
    if (!row) return "";
    const keys = config.itemTitle?.[list] ?? ["name", "title"];
    return keys.map((k) => (row[k] === null || row[k] === undefined || row[k] === "" ? null : text(k, row[k], list))).filter(Boolean).join(" · ") || String(row.id ?? "");
  };

  const renderItems = (list: string, items: ItemChange[]): ReactNode => (
    <ul className="flex flex-col gap-1">
      {items.map((item) => (
        <li key={item.id}>
          <span className="font-medium">{t(`item.${item.change}`)}:</span> {rowTitle(list, item.new ?? item.old)}
          {item.fields.length ? (
            <ul className="ml-4 list-disc">
              {item.fields.map((f) => (
                <li key={f.field}>
                  {fieldLabel(f.field, list)}:{" "}
                  {f.kind === "items" ? renderItems(f.field, f.items) : <><del className="no-underline">{text(f.field, f.old, list)}</del> → <ins className="no-underline">{text(f.field, f.new, list)}</ins></>}
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ul>
  );

  return { t, format, fieldLabel, text, empty, renderItems, ignoreTop };
}

/** The row-by-row changes of one child list (e.g. an activity's recipients with their transfers). */
export async function ItemChanges({ list, items, config, labels }: { list: string; items: ItemChange[]; config: HistoryFieldConfig; labels: Record<string, { de: string; en: string }> }) {
  const { renderItems } = await renderers(config, labels);
  return renderItems(list, items);
}

export async function HistoryView({
  title, back, revisions, currentVersion, config, labels, restore, restoredFrom,
}: {
  title: string;
  back: { href: string; label: string };
  revisions: HistoryRevisionView[];
  currentVersion: number;
  config: HistoryFieldConfig;
  labels: Record<string, { de: string; en: string }>;
  /** The bound restore action, when the user may restore and the entry is not archived. */
  restore?: (prev: FormState, formData: FormData) => Promise<FormState>;
  restoredFrom?: number | null;
}) {
  const { t, format, fieldLabel, text, empty, renderItems, ignoreTop } = await renderers(config, labels);
  const ordered = [...revisions].sort((a, b) => a.version - b.version);
  const previous = new Map(ordered.map((r, i) => [r.version, i > 0 ? ordered[i - 1] : undefined]));

  return (
    <>
      <nav className="mb-3 text-sm" aria-label={back.label}>
        <Link href={back.href} className="text-blue-700 underline-offset-2 hover:underline dark:text-blue-400">← {back.label}</Link>
      </nav>
      {restoredFrom ? <p role="status" className="mb-4 rounded-md border border-green-200 bg-green-50 p-3 text-sm text-green-800 dark:border-green-900 dark:bg-green-950/50 dark:text-green-200">{t("restored", { version: restoredFrom })}</p> : null}
      <PageHeader title={`${t("title")}: ${title}`} description={t("description")} />
      <ol className="flex flex-col gap-4">
        {revisions.map((r) => {
          const prev = previous.get(r.version);
          const changes: FieldChange[] | null = prev ? diffSnapshots(prev.snapshot, r.snapshot, ignoreTop) : null;
          const from = restoredFromOf(r.reason, r.changes);
          const actionKey = ACTIONS.find((a) => a === r.action);
          const ownReason = r.reason && !/^restoredFrom:\d+$/.test(r.reason) ? r.reason : null;
          return (
            <li key={r.version} className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
              <article aria-labelledby={`rev-${r.version}`}>
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <div>
                    <h2 id={`rev-${r.version}`} className="font-semibold">
                      {t("version", { version: r.version })} · {actionKey ? t(`actions.${actionKey}`) : t.has(`childActions.${r.action}` as Parameters<typeof t>[0]) ? t(`childActions.${r.action}` as Parameters<typeof t>[0]) : r.action}
                      {r.version === currentVersion ? <span className="ml-2 text-xs font-normal text-zinc-600 dark:text-zinc-400">({t("current")})</span> : null}
                    </h2>
                    <p className="text-sm text-zinc-600 dark:text-zinc-400">
                      <time dateTime={r.createdAt.toISOString()}>{format.dateTime(r.createdAt, { dateStyle: "medium", timeStyle: "short" })}</time> · {t("by", { name: r.authorName })}
                    </p>
                    {from ? <p className="text-sm">{t("restoredFrom", { version: from })}</p> : null}
                    {ownReason ? <p className="text-sm">{t("reason", { reason: ownReason })}</p> : null}
                  </div>
                  {restore && r.version !== currentVersion ? <RestoreForm action={restore} version={currentVersion} revision={r.version} /> : null}
                </div>
                {changes === null ? (
                  <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">{t("initial")}</p>
                ) : changes.length === 0 ? (
                  <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">{t("noChanges")}</p>
                ) : (
                  <div className="mt-2 overflow-x-auto">
                    <table className="w-full text-left text-sm">
                      <caption className="sr-only">{t("changesOf", { version: r.version })}</caption>
                      <thead className="text-xs text-zinc-600 uppercase dark:text-zinc-400">
                        <tr><th scope="col" className="py-1 pr-3">{t("field")}</th><th scope="col" className="py-1 pr-3">{t("old")}</th><th scope="col" className="py-1">{t("new")}</th></tr>
                      </thead>
                      <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
                        {changes.map((c) => (
                          <tr key={c.field} className="align-top">
                            <th scope="row" className="py-1 pr-3 font-medium">{fieldLabel(c.field)}</th>
                            {c.kind === "items" ? (
                              <td colSpan={2} className="py-1 break-words">{renderItems(c.field, c.items)}</td>
                            ) : (
                              <>
                                <td className="py-1 pr-3 break-words whitespace-pre-line"><del className="no-underline">{c.old === null ? empty : text(c.field, c.old)}</del></td>
                                <td className="py-1 break-words whitespace-pre-line"><ins className="no-underline">{c.new === null ? empty : text(c.field, c.new)}</ins></td>
                              </>
                            )}
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                )}
              </article>
            </li>
          );
        })}
      </ol>
    </>
  );
}
