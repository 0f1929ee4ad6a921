"use client";
// Controls of the organisation settings screens (components/: used by several settings routes) (cover sheet, departments, own vocabulary terms): the tabs
// between them, the conflict panel of a stale save (C32), the archive/restore button and the "saved" note.
import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { FormState } from "@/lib/forms";
import type { VendorConflict } from "@/lib/vendors/schema";

type Action = (prev: FormState, formData: FormData) => Promise<FormState>;
export type SettingsTab = "organisation" | "departments" | "vocabulary" | "members";

/** Tabs between the settings screens of one organisation. */
export function SettingsTabs({ orgId, current }: { orgId: string; current: SettingsTab }) {
  const t = useTranslations("orgsettings.tabs");
  const tabs: SettingsTab[] = ["organisation", "departments", "vocabulary", "members"];
  return (
    <nav aria-label={t("label")} className="mb-6 border-b border-zinc-200 dark:border-zinc-800">
      <ul className="-mb-px flex flex-wrap gap-1 text-sm">
        {tabs.map((tab) => (
          <li key={tab}>
            <Link
              href={`/o/${orgId}/settings/${tab}`}
              aria-current={tab === current ? "page" : undefined}
              className="block border-b-2 border-transparent px-3 py-2 text-zinc-700 hover:text-zinc-950 aria-[current=page]:border-blue-700 aria-[current=page]:font-medium aria-[current=page]:text-zinc-950 dark:text-zinc-300 dark:aria-[current=page]:text-white"
            >
              {t(tab)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

const show = (v: unknown) => (v === null || v === undefined || v === "" ? "—" : typeof v === "boolean" ? (v ? "✓" : "—") : String(v));

/** C32: the save was refused because someone else saved first; shows who, when and the differing fields. */
export function ConflictPanel({ conflict, fields, label }: { conflict: VendorConflict; fields: readonly string[]; label: (field: string) => string }) {
  const t = useTranslations("orgsettings.common");
  const rows = Object.entries(conflict.changes).filter(([k]) => fields.includes(k));
  return (
    <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-100">
      <p className="font-medium">{t("conflictTitle", { by: conflict.by, at: new Date(conflict.at).toLocaleString() })}</p>
      <p className="mt-1">{t("conflictHint")}</p>
      {rows.length ? (
        <table className="mt-2 w-full text-left">
          <thead>
            <tr>
              <th scope="col" className="pr-3">{t("conflictField")}</th>
              <th scope="col" className="pr-3">{t("conflictStored")}</th>
              <th scope="col">{t("conflictYours")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([k, c]) => (
              <tr key={k}>
                <td className="pr-3">{label(k)}</td>
                <td className="pr-3 break-all">{show(c.old)}</td>
                <td className="break-all">{show(c.new)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}

/** Archive / restore button; `token` is the hidden concurrency field (`version` or `stamp`). */
export function ArchiveButton({ action, token, label, accessibleLabel }: { action: Action; token: { name: "version" | "stamp"; value: string | number }; label: string; accessibleLabel?: string }) {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState(action, {} as FormState);
  return (
    <form action={formAction}>
      <input type="hidden" name={token.name} value={token.value} />
      <button type="submit" disabled={pending} aria-label={accessibleLabel} className="text-sm text-blue-700 underline-offset-2 hover:underline disabled:opacity-60 dark:text-blue-400">
        {label}
      </button>
      {state.formError ? <p role="alert" className="text-xs text-red-700 dark:text-red-400">{t(state.formError as Parameters<typeof t>[0])}</p> : null}
    </form>
  );
}

/** The green note after a successful save (the page was reached with ?saved=1). */
export function SavedNote() {
  const t = useTranslations("orgsettings.common");
  return (
    <p role="status" className="mb-4 rounded-md border border-green-200 bg-green-50 p-3 text-sm text-green-800 dark:border-green-900 dark:bg-green-950/50 dark:text-green-200">
      {t("saved")}
    </p>
  );
}
