"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormStatus } from "@/components/form/field";
import { secondaryButtonClass } from "@/components/form/styles";
import { restoreActivityRevision } from "@/lib/activities/actions";
import type { ActivityFormState } from "@/lib/activities/schema";

/** "Restore this version": writes a new revision whose content equals the chosen one. */
export function RestoreRevisionButton({ orgId, id, version, revision }: { orgId: string; id: string; version: number; revision: number }) {
  const t = useTranslations("activity.history");
  const [state, action, pending] = useActionState<ActivityFormState, FormData>(restoreActivityRevision.bind(null, orgId, id), {});
  return (
    <form action={action} className="flex flex-col gap-1">
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="revision" value={revision} />
      <button type="submit" className={secondaryButtonClass} disabled={pending}>{t("restore", { version: revision })}</button>
      {state.formError ? <FormStatus state={state} /> : null}
    </form>
  );
}
