"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { addMember, changeMemberRole, removeMember } from "@/lib/memberships/actions";
import { EMAIL_MAX, MEMBER_ROLES, NAME_MAX } from "@/lib/memberships/schema";
import type { FormState } from "@/lib/forms";

const input =
  "mt-1 block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-blue-600 focus:ring-2 focus:ring-blue-600 focus:outline-none aria-[invalid=true]:border-red-600 dark:border-zinc-700 dark:bg-zinc-950";
const button =
  "rounded-md bg-blue-700 px-3 py-2 text-sm font-medium text-white hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700 disabled:opacity-60";
const secondary =
  "rounded-md border border-zinc-300 px-2.5 py-1.5 text-sm hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700 disabled:opacity-60 dark:border-zinc-700 dark:hover:bg-zinc-800";

const valueOf = (state: FormState, key: string) => {
  const v = state.values?.[key];
  return typeof v === "string" ? v : undefined;
};

function FieldError({ id, keys }: { id: string; keys?: string[] }) {
  const t = useTranslations();
  if (!keys?.length) return null;
  return (
    <p id={id} className="mt-1 text-sm text-red-700 dark:text-red-400">
      {keys.map((k) => t(k as Parameters<typeof t>[0])).join(" ")}
    </p>
  );
}

function Status({ state, done }: { state: FormState; done: string }) {
  const t = useTranslations();
  if (state.formError) return <p role="alert" className="text-sm text-red-700 dark:text-red-400">{t(state.formError as Parameters<typeof t>[0])}</p>;
  if (state.ok) return <p role="status" className="text-sm text-green-700 dark:text-green-400">{done}</p>;
  return null;
}

export function AddMemberForm({ orgId }: { orgId: string }) {
  const t = useTranslations("settings.members.add");
  const tRole = useTranslations("enums.MemberRole");
  const [state, action, pending] = useActionState(addMember.bind(null, orgId), {} as FormState);
  const err = state.fieldErrors ?? {};
  return (
    <form action={action} noValidate className="grid gap-4 sm:grid-cols-[2fr_2fr_1fr_auto] sm:items-end">
      <div>
        <label htmlFor="member-email" className="block text-sm font-medium">{t("email")}</label>
        <input id="member-email" name="email" type="email" required maxLength={EMAIL_MAX} autoComplete="off" defaultValue={valueOf(state, "email")}
          key={state.ok ? "reset" : valueOf(state, "email")} aria-invalid={err.email ? true : undefined} aria-describedby={err.email ? "member-email-error" : undefined} className={input} />
        <FieldError id="member-email-error" keys={err.email} />
      </div>
      <div>
        <label htmlFor="member-name" className="block text-sm font-medium">{t("name")}</label>
        <input id="member-name" name="name" maxLength={NAME_MAX} defaultValue={valueOf(state, "name")} key={state.ok ? "reset-n" : valueOf(state, "name")}
          aria-invalid={err.name ? true : undefined} aria-describedby={err.name ? "member-name-error" : undefined} className={input} />
        <FieldError id="member-name-error" keys={err.name} />
      </div>
      <div>
        <label htmlFor="member-role" className="block text-sm font-medium">{t("role")}</label>
        <select id="member-role" name="role" defaultValue={valueOf(state, "role") ?? "EDITOR"} className={input}>
          {MEMBER_ROLES.map((r) => <option key={r} value={r}>{tRole(r)}</option>)}
        </select>
        <FieldError id="member-role-error" keys={err.role} />
      </div>
      <button type="submit" disabled={pending} className={button}>{pending ? t("submitting") : t("submit")}</button>
      <div className="sm:col-span-4"><Status state={state} done={t("done")} /></div>
    </form>
  );
}

export function MemberRowActions({ orgId, membershipId, email, role }: { orgId: string; membershipId: string; email: string; role: (typeof MEMBER_ROLES)[number] }) {
  const t = useTranslations("settings.members");
  const tRole = useTranslations("enums.MemberRole");
  const [roleState, roleAction, rolePending] = useActionState(changeMemberRole.bind(null, orgId), {} as FormState);
  const [removeState, removeAction, removePending] = useActionState(removeMember.bind(null, orgId), {} as FormState);
  const selectId = `role-${membershipId}`;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <form action={roleAction} className="flex items-center gap-2">
        <input type="hidden" name="membershipId" value={membershipId} />
        <label htmlFor={selectId} className="sr-only">{t("changeRole.label", { email })}</label>
        <select id={selectId} name="role" defaultValue={role} className="rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-950">
          {MEMBER_ROLES.map((r) => <option key={r} value={r}>{tRole(r)}</option>)}
        </select>
        <button type="submit" disabled={rolePending} className={secondary}>{t("changeRole.submit")}</button>
      </form>
      <form action={removeAction}>
        <input type="hidden" name="membershipId" value={membershipId} />
        <button type="submit" disabled={removePending} aria-label={t("remove.label", { email })} className={secondary}>{t("remove.submit")}</button>
      </form>
      <Status state={roleState} done={t("changeRole.done")} />
      <Status state={removeState} done={t("remove.done")} />
    </div>
  );
}
