"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { addMember, changeMemberRole, removeMember } from "@/lib/memberships/actions";
import { EMAIL_MAX, MEMBER_ROLES, NAME_MAX } from "@/lib/memberships/schema";
import type { FormState } from "@/lib/forms";
import { FieldErrors as FieldError, FormStatus, submittedValue } from "@/components/form/field";
import { inputClass as input, primaryButtonClass as button, secondaryButtonClass as secondary } from "@/components/form/styles";

const valueOf = (state: FormState, key: string) => submittedValue(state, key);

function Status({ state, done }: { state: FormState; done: string }) {
  return <FormStatus state={state} success={done} />;
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
