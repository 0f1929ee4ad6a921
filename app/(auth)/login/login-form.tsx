"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { requestSignInLink } from "./actions";
import type { LoginState } from "./state";
import { alert, primaryButton } from "../styles";

const initialState: LoginState = {};

/** E-mail field and submit button; server-side messages appear next to the field, input is kept. */
export function LoginForm() {
  const t = useTranslations("auth.login");
  const tErrors = useTranslations("errors");
  const [state, formAction, pending] = useActionState(requestSignInLink, initialState);
  const emailError = state.fieldErrors?.email === "invalid" ? t("emailInvalid") : null;
  const formError =
    state.formError === "rateLimited"
      ? t("rateLimited", { minutes: state.retryAfterMinutes ?? 1 })
      : state.formError === "busy"
        ? tErrors("busy")
        : state.formError === "failed"
          ? t("failed")
          : null;

  return (
    <form action={formAction} noValidate className="mt-6 space-y-4">
      {formError ? (
        <p role="alert" className={alert}>
          {formError}
        </p>
      ) : null}
      <div>
        <label htmlFor="email" className="block text-sm font-medium">
          {t("emailLabel")}
        </label>
        <p id="email-hint" className="mt-0.5 text-xs text-zinc-600 dark:text-zinc-400">
          {t("emailHint")}
        </p>
        <input
          id="email"
          name="email"
          type="email"
          inputMode="email"
          autoComplete="email"
          autoCapitalize="none"
          spellCheck={false}
          required
          maxLength={254}
          defaultValue={state.values?.email ?? ""}
          aria-invalid={emailError ? true : undefined}
          aria-describedby={emailError ? "email-hint email-error" : "email-hint"}
          className="mt-1 block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-blue-600 focus:ring-2 focus:ring-blue-600 focus:outline-none aria-[invalid=true]:border-red-600 dark:border-zinc-700 dark:bg-zinc-950"
        />
        {emailError ? (
          <p id="email-error" className="mt-1 text-sm text-red-700 dark:text-red-400">
            {emailError}
          </p>
        ) : null}
      </div>
      <button type="submit" disabled={pending} aria-disabled={pending} className={primaryButton}>
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
