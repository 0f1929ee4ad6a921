"use client";
// Labelled form controls that show their field errors (message keys) next to the field and keep the
// user's input (FormState.values) after a refused save.
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { FormState } from "@/lib/forms";
import { inputClass } from "./styles";

type Common = {
  name: string;
  label: ReactNode;
  state: FormState;
  hint?: ReactNode;
  required?: boolean;
  /** Value from the stored entry; the submitted value wins after an error. */
  defaultValue?: string | number | null;
  className?: string;
};

export function submittedValue(state: FormState, name: string): string | undefined {
  const v = state.values?.[name];
  return Array.isArray(v) ? v[0] : v;
}

export function submittedValues(state: FormState, name: string): string[] | undefined {
  const v = state.values?.[name];
  return v === undefined ? undefined : Array.isArray(v) ? v : [v];
}

export function FieldErrors({ id, keys }: { id: string; keys?: string[] }) {
  const t = useTranslations();
  if (!keys?.length) return null;
  return (
    <p id={id} className="mt-1 text-sm text-red-700 dark:text-red-400">
      {keys.map((k) => t(k as Parameters<typeof t>[0])).join(" ")}
    </p>
  );
}

function describedBy(id: string, hint: boolean, error: boolean) {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

function Shell({ id, label, hint, required, errors, className, children }: { id: string; label: ReactNode; hint?: ReactNode; required?: boolean; errors?: string[]; className?: string; children: ReactNode }) {
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
        {required ? <span aria-hidden="true" className="text-red-700 dark:text-red-400"> *</span> : null}
      </label>
      {hint ? <p id={`${id}-hint`} className="mt-0.5 text-xs text-zinc-600 dark:text-zinc-400">{hint}</p> : null}
      {children}
      <FieldErrors id={`${id}-error`} keys={errors} />
    </div>
  );
}

export function TextField({ name, label, state, hint, required, defaultValue, className, type = "text", maxLength, inputMode, autoComplete }: Common & { type?: "text" | "email" | "url" | "tel" | "number" | "date"; maxLength?: number; inputMode?: "text" | "email" | "url" | "tel" | "numeric"; autoComplete?: string }) {
  const id = `f-${name}`;
  const errors = state.fieldErrors?.[name];
  const value = submittedValue(state, name) ?? (defaultValue === null || defaultValue === undefined ? "" : String(defaultValue));
  return (
    <Shell id={id} label={label} hint={hint} required={required} errors={errors} className={className}>
      <input id={id} name={name} type={type} defaultValue={value} key={value} required={required} maxLength={maxLength} inputMode={inputMode} autoComplete={autoComplete}
        aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy(id, Boolean(hint), Boolean(errors?.length))} className={inputClass} />
    </Shell>
  );
}

export function TextArea({ name, label, state, hint, required, defaultValue, className, rows = 3, maxLength }: Common & { rows?: number; maxLength?: number }) {
  const id = `f-${name}`;
  const errors = state.fieldErrors?.[name];
  const value = submittedValue(state, name) ?? (defaultValue === null || defaultValue === undefined ? "" : String(defaultValue));
  return (
    <Shell id={id} label={label} hint={hint} required={required} errors={errors} className={className}>
      <textarea id={id} name={name} rows={rows} defaultValue={value} key={value} required={required} maxLength={maxLength}
        aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy(id, Boolean(hint), Boolean(errors?.length))} className={inputClass} />
    </Shell>
  );
}

export function SelectField({ name, label, state, hint, required, defaultValue, className, options, placeholder }: Common & { options: { value: string; label: string }[]; placeholder?: string }) {
  const id = `f-${name}`;
  const errors = state.fieldErrors?.[name];
  const value = submittedValue(state, name) ?? (defaultValue === null || defaultValue === undefined ? "" : String(defaultValue));
  return (
    <Shell id={id} label={label} hint={hint} required={required} errors={errors} className={className}>
      <select id={id} name={name} defaultValue={value} key={value} required={required}
        aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy(id, Boolean(hint), Boolean(errors?.length))} className={inputClass}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </Shell>
  );
}

export function CheckboxField({ name, label, state, hint, defaultChecked, className }: Omit<Common, "defaultValue" | "required"> & { defaultChecked?: boolean }) {
  const id = `f-${name}`;
  const errors = state.fieldErrors?.[name];
  const submitted = state.values ? submittedValue(state, name) !== undefined : undefined;
  const checked = submitted ?? defaultChecked ?? false;
  return (
    <div className={className}>
      <div className="flex items-start gap-2">
        <input id={id} name={name} type="checkbox" value="on" defaultChecked={checked} key={String(checked)} className="mt-0.5 size-4 rounded border-zinc-300 dark:border-zinc-700"
          aria-describedby={describedBy(id, Boolean(hint), Boolean(errors?.length))} />
        <label htmlFor={id} className="text-sm">{label}</label>
      </div>
      {hint ? <p id={`${id}-hint`} className="mt-0.5 ml-6 text-xs text-zinc-600 dark:text-zinc-400">{hint}</p> : null}
      <FieldErrors id={`${id}-error`} keys={errors} />
    </div>
  );
}

/** Banner above a form: the form-level error (conflict, busy, validation summary) or a success note. */
export function FormStatus({ state, success }: { state: FormState; success?: ReactNode }) {
  const t = useTranslations();
  if (state.formError) {
    return (
      <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/50 dark:text-red-200">
        {t(state.formError as Parameters<typeof t>[0])}
      </p>
    );
  }
  if (state.ok && success) {
    return <p role="status" className="rounded-md border border-green-200 bg-green-50 p-3 text-sm text-green-800 dark:border-green-900 dark:bg-green-950/50 dark:text-green-200">{success}</p>;
  }
  return null;
}
