"use client";
// Controls shared by the TOM and TIA screens: the conflict panel of a stale save (C32) and the archive/restore button.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { FormState } from "@/lib/forms";
import type { VendorConflict } from "@/lib/vendors/schema";

type Action = (prev: FormState, formData: FormData) => Promise<FormState>;

const show = (v: unknown) => (v === null || v === undefined || v === "" ? "—" : String(v));

/** C32: the save was refused because someone else saved first; shows who, when and the differing fields. */
export function ConflictPanel({ conflict, fields, label }: { conflict: VendorConflict; fields: readonly string[]; label: (field: string) => string }) {
  const t = useTranslations("measures.common");
  const rows = Object.entries(conflict.changes).filter(([k]) => fields.includes(k));
  return (
    <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-100">
      <p className="font-medium">{t("conflictTitle", { by: conflict.by, at: new Date(conflict.at).toLocaleString() })}</p>
      <p className="mt-1">{t("conflictHint")}</p>
      {rows.length ? (
        <table className="mt-2 w-full text-left">
          <thead><tr><th scope="col" className="pr-3">{t("conflictField")}</th><th scope="col" className="pr-3">{t("conflictStored")}</th><th scope="col">{t("conflictYours")}</th></tr></thead>
          <tbody>
            {rows.map(([k, c]) => (
              <tr key={k}><td className="pr-3">{label(k)}</td><td className="pr-3 break-all">{show(c.old)}</td><td className="break-all">{show(c.new)}</td></tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}

/** Archive / restore button (hidden version for optimistic concurrency). */
export function ArchiveButton({ action, version, label }: { action: Action; version: number; label: string }) {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState(action, {} as FormState);
  return (
    <form action={formAction}>
      <input type="hidden" name="version" value={version} />
      <button type="submit" disabled={pending} className="text-sm text-blue-700 underline-offset-2 hover:underline disabled:opacity-60 dark:text-blue-400">{label}</button>
      {state.formError ? <p role="alert" className="text-xs text-red-700">{t(state.formError as Parameters<typeof t>[0])}</p> : null}
    </form>
  );
}
