"use client";
// The activity form (new and edit): every Art. 30(1) field plus the DSK extras. Repeating groups
// (purposes, data categories, systems, joint controllers) use indexed field names; rows are added and
// removed here, and lib/activities/schema.ts nests them again. After a refused save the server returns what
// the user typed (state.values) and the fields are rebuilt from it; a conflict shows who saved first, when,
// and the differences.
import { useActionState, useState, type ReactNode } from "react";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { CheckboxField, FieldErrors, SelectField, TextArea, TextField } from "@/components/form/field";
import { Combobox } from "@/components/form/combobox";
import { inputClass, primaryButtonClass, secondaryButtonClass } from "@/components/form/styles";
import { createActivity, updateActivity } from "@/lib/activities/actions";
import {
  ACTIVITY_ROLES, DPIA_STATUSES, LIMITS, OPERATING_STAGES, rowCount,
  type ActivityFormState, type RepeatingGroup,
} from "@/lib/activities/schema";
import type { FormState } from "@/lib/forms";
import type { ActivityFormOptions, VocabularyOption } from "@/lib/activities/editor-queries";

type Values = Record<string, string | string[]>;

export function ActivityForm({ orgId, id, version, initialValues, options, cancelHref }: {
  orgId: string; id?: string; version?: number; initialValues: Values; options: ActivityFormOptions; cancelHref: string;
}) {
  const action = id ? updateActivity.bind(null, orgId, id) : createActivity.bind(null, orgId);
  const [state, formAction, pending] = useActionState<ActivityFormState, FormData>(action, {});
  // Rebuild the fields from the returned values after every answer of the server.
  const [seen, setSeen] = useState(state);
  const [generation, setGeneration] = useState(0);
  if (seen !== state) {
    setSeen(state);
    setGeneration((g) => g + 1);
  }
  const t = useTranslations("activity.form");
  const values = state.values ?? initialValues;
  const currentVersion = state.conflict?.version ?? version;

  return (
    <form action={formAction} noValidate className="flex flex-col gap-6">
      {state.conflict ? <ConflictPanel conflict={state.conflict} reloadHref={id ? `/o/${orgId}/activities/${id}/edit` : cancelHref} /> : null}
      {state.formError && !state.conflict ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/50 dark:text-red-200">
          <FormErrorText code={state.formError} />
        </p>
      ) : null}
      {currentVersion !== undefined ? <input type="hidden" name="version" defaultValue={currentVersion} key={currentVersion} /> : null}
      <Fields key={generation} state={{ ...state, values }} values={values} options={options} />
      <div className="flex flex-wrap gap-2">
        <button type="submit" className={primaryButtonClass} disabled={pending}>{pending ? t("saving") : t("save")}</button>
        <a href={cancelHref} className={secondaryButtonClass}>{t("cancel")}</a>
      </div>
    </form>
  );
}

function FormErrorText({ code }: { code: string }) {
  const t = useTranslations();
  return <>{t(code as Parameters<typeof t>[0])}</>;
}

function ConflictPanel({ conflict, reloadHref }: { conflict: NonNullable<ActivityFormState["conflict"]>; reloadHref: string }) {
  const t = useTranslations("activity.conflict");
  const tf = useTranslations("activity.form");
  const th = useTranslations("activity.history");
  const tErr = useTranslations("errors");
  const format = useFormatter();
  const at = format.dateTime(new Date(conflict.at), { dateStyle: "medium", timeStyle: "short" });
  const label = (field: string) => fieldLabel(field, tf, th);
  const show = (v: unknown) => (v === null || v === undefined || v === "" ? "—" : typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? String(v) : JSON.stringify(v));
  return (
    <section role="alert" aria-labelledby="conflict-title" className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100">
      <p className="font-medium">{tErr("conflict")}</p>
      <h2 id="conflict-title" className="mt-1 font-semibold">{t("title", { by: conflict.by, at })}</h2>
      <p className="mt-1">{t("hint")}</p>
      {Object.keys(conflict.changes).length > 0 ? (
        <table className="mt-2 w-full text-left">
          <thead><tr><th scope="col" className="pr-3">{t("field")}</th><th scope="col" className="pr-3">{t("yours")}</th><th scope="col">{t("theirs")}</th></tr></thead>
          <tbody>
            {Object.entries(conflict.changes).map(([field, change]) => (
              <tr key={field} className="align-top">
                <th scope="row" className="pr-3 font-medium">{label(field)}</th>
                <td className="pr-3 break-words">{show(change.old)}</td>
                <td className="break-words">{show(change.new)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <p className="mt-2"><a href={reloadHref} className="underline">{t("reload")}</a></p>
    </section>
  );
}

type Tf = ReturnType<typeof useTranslations<"activity.form">>;
type Th = ReturnType<typeof useTranslations<"activity.history">>;
const FORM_LABELS: Record<string, Parameters<Tf>[0]> = {
  referenceNumber: "referenceNumber", name: "name", description: "description", departmentId: "department", contactName: "contactName",
  contactEmail: "contactEmail", contactPhone: "contactPhone", role: "role", clientVendorId: "clientVendor", jointArrangement: "jointArrangement",
  processingCategories: "processingCategories", operatingStage: "operatingStage", dataSources: "dataSources", estimatedDataSubjects: "estimatedDataSubjects",
  automatedDecisionMaking: "automatedDecisionMaking", profiling: "profiling", informationProvided: "informationProvided", generalTomDescription: "generalTomDescription",
  noThirdCountryTransfer: "noThirdCountryTransfer", dpiaDecision: "dpiaDecision", dpiaDecisionReason: "dpiaDecisionReason", dpiaStatus: "dpiaStatus",
  dpiaReference: "dpiaReference", reviewIntervalMonths: "reviewIntervalMonths", nextReviewAt: "nextReviewAt", purposes: "sections.purposes",
  dataSubjects: "dataSubjects", dataCategories: "sections.dataCategories", systems: "systems", jointControllers: "jointControllers", tomIds: "toms",
};
const EXTRA_LABELS = ["status", "lastReviewedAt", "releasedAt", "releasedById", "archivedAt", "copiedFromId"] as const;
function fieldLabel(field: string, tf: Tf, th: Th): string {
  const key = FORM_LABELS[field];
  if (key) return tf(key);
  const extra = EXTRA_LABELS.find((e) => e === field);
  return extra ? th(`extraFields.${extra}`) : field;
}

// ───────────────────────────── Fields ─────────────────────────────

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const many = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

function useRows(values: Values, group: RepeatingGroup, min: number) {
  const initial = Math.max(rowCount(values, group), min);
  const [rows, setRows] = useState<{ key: number; src: number | null }[]>(() => Array.from({ length: initial }, (_, i) => ({ key: i, src: i })));
  const [next, setNext] = useState(initial);
  return {
    rows,
    add: () => { setRows((r) => [...r, { key: next, src: null }]); setNext((n) => n + 1); },
    remove: (key: number) => setRows((r) => r.filter((x) => x.key !== key)),
  };
}

/** Form state for one row: values and errors of its original index moved to its current position. */
function rowState(state: FormState, group: RepeatingGroup, pos: number, src: number | null): FormState {
  const values: Values = {};
  const fieldErrors: Record<string, string[]> = {};
  if (src !== null) {
    const prefix = `${group}.${src}.`;
    for (const [k, v] of Object.entries(state.values ?? {})) if (k.startsWith(prefix)) values[`${group}.${pos}.${k.slice(prefix.length)}`] = v;
    for (const [k, v] of Object.entries(state.fieldErrors ?? {})) if (k.startsWith(prefix)) fieldErrors[`${group}.${pos}.${k.slice(prefix.length)}`] = v;
  }
  return { values, fieldErrors };
}

function Fieldset({ legend, children, description }: { legend: ReactNode; children: ReactNode; description?: ReactNode }) {
  return (
    <fieldset className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
      <legend className="px-1 text-base font-semibold">{legend}</legend>
      {description ? <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">{description}</p> : null}
      <div className="grid gap-4 sm:grid-cols-2">{children}</div>
    </fieldset>
  );
}

function CheckboxGroup({ name, legend, options, selected, errors, className }: {
  name: string; legend: string; options: { value: string; label: string; hint?: string }[]; selected: string[]; errors?: string[]; className?: string;
}) {
  const errorId = `f-${name}-error`;
  return (
    <fieldset className={className} aria-describedby={errors?.length ? errorId : undefined}>
      <legend className="text-sm font-medium">{legend}</legend>
      <div className="mt-1 grid max-h-64 gap-1 overflow-y-auto sm:grid-cols-2">
        {options.map((o) => {
          const id = `f-${name}-${o.value}`;
          return (
            <div key={o.value} className="flex items-start gap-2">
              <input id={id} type="checkbox" name={name} value={o.value} defaultChecked={selected.includes(o.value)} className="mt-0.5 size-4 shrink-0" />
              <label htmlFor={id} className="text-sm">{o.label}{o.hint ? <span className="text-zinc-500"> ({o.hint})</span> : null}</label>
            </div>
          );
        })}
      </div>
      <FieldErrors id={errorId} keys={errors} />
    </fieldset>
  );
}

function Fields({ state, values, options }: { state: FormState; values: Values; options: ActivityFormOptions }) {
  const t = useTranslations("activity.form");
  const te = useTranslations("enums");
  const locale = useLocale();
  const label = (o: VocabularyOption) => (locale === "en" ? o.en : o.de);
  const vocab = (kind: keyof ActivityFormOptions["vocabulary"]) => options.vocabulary[kind].map((o) => ({ value: o.code, label: label(o) }));
  const [role, setRole] = useState(one(values.role) ?? "CONTROLLER");
  const purposes = useRows(values, "purposes", 1);
  const categories = useRows(values, "dataCategories", 0);
  const systems = useRows(values, "systems", 0);
  const joint = useRows(values, "jointControllers", 0);
  const errors = state.fieldErrors ?? {};
  const vendorOptions = [...options.vendors].sort((a, b) => Number(b.isClientController) - Number(a.isClientController) || a.label.localeCompare(b.label));

  return (
    <>
      <Fieldset legend={t("sections.general")}>
        <TextField name="referenceNumber" label={t("referenceNumber")} state={state} required maxLength={LIMITS.referenceNumber} />
        <TextField name="name" label={t("name")} state={state} required maxLength={LIMITS.name} />
        <TextArea name="description" label={t("description")} state={state} maxLength={LIMITS.longText} className="sm:col-span-2" />
        <SelectField name="departmentId" label={t("department")} state={state} options={options.departments} placeholder={t("none")} />
        <SelectField name="operatingStage" label={t("operatingStage")} state={state} required defaultValue="OPERATION" options={OPERATING_STAGES.map((s) => ({ value: s, label: te(`OperatingStage.${s}`) }))} />
        <TextField name="contactName" label={t("contactName")} state={state} maxLength={LIMITS.shortText} />
        <TextField name="contactEmail" label={t("contactEmail")} state={state} type="email" maxLength={LIMITS.email} />
        <TextField name="contactPhone" label={t("contactPhone")} state={state} type="tel" maxLength={LIMITS.phone} />
      </Fieldset>

      <Fieldset legend={t("sections.role")}>
        <div>
          <label htmlFor="f-role" className="block text-sm font-medium">{t("role")}<span aria-hidden="true" className="text-red-700"> *</span></label>
          <select id="f-role" name="role" required value={role} onChange={(e) => setRole(e.target.value)} className={inputClass}>
            {ACTIVITY_ROLES.map((r) => <option key={r} value={r}>{te(`ActivityRole.${r}`)}</option>)}
          </select>
          <FieldErrors id="f-role-error" keys={errors.role} />
        </div>
        {role === "PROCESSOR" ? (
          <>
            <Combobox name="clientVendorId" label={t("clientVendor")} options={vendorOptions} defaultValue={one(values.clientVendorId)} errors={errors.clientVendorId} required emptyText={t("clientVendorEmpty")} hint={t("clientVendorHint")} />
            <TextArea name="processingCategories" label={t("processingCategories")} state={state} maxLength={LIMITS.longText} className="sm:col-span-2" />
          </>
        ) : null}
        {role === "JOINT_CONTROLLER" ? (
          <>
            <TextArea name="jointArrangement" label={t("jointArrangement")} state={state} required maxLength={LIMITS.longText} className="sm:col-span-2" />
            <div className="flex flex-col gap-3 sm:col-span-2">
              <FieldErrors id="f-jointControllers-error" keys={errors.jointControllers} />
              {joint.rows.map((row, pos) => {
                const rs = rowState(state, "jointControllers", pos, row.src);
                const n = pos + 1;
                return (
                  <fieldset key={row.key} className="grid gap-3 rounded-md border border-zinc-200 p-3 sm:grid-cols-2 dark:border-zinc-800">
                    <legend className="px-1 text-sm font-medium">{t("jointController", { n })}</legend>
                    {one(rs.values?.[`jointControllers.${pos}.vendorId`]) ? <input type="hidden" name={`jointControllers.${pos}.vendorId`} value={one(rs.values?.[`jointControllers.${pos}.vendorId`])} /> : null}
                    <TextField name={`jointControllers.${pos}.name`} label={t("jointControllerName")} state={rs} required maxLength={LIMITS.shortText} />
                    <TextField name={`jointControllers.${pos}.contact`} label={t("jointControllerContact")} state={rs} maxLength={LIMITS.shortText} />
                    <TextField name={`jointControllers.${pos}.arrangementRef`} label={t("jointControllerArrangementRef")} state={rs} maxLength={LIMITS.shortText} />
                    <TextField name={`jointControllers.${pos}.responsibilities`} label={t("jointControllerResponsibilities")} state={rs} maxLength={LIMITS.longText} />
                    <div><button type="button" className={secondaryButtonClass} onClick={() => joint.remove(row.key)}>{t("removeJointController", { n })}</button></div>
                  </fieldset>
                );
              })}
              <div><button type="button" className={secondaryButtonClass} onClick={joint.add}>{t("addJointController")}</button></div>
            </div>
          </>
        ) : null}
      </Fieldset>

      <Fieldset legend={t("sections.purposes")}>
        <div className="flex flex-col gap-3 sm:col-span-2">
          {purposes.rows.map((row, pos) => {
            const rs = rowState(state, "purposes", pos, row.src);
            const n = pos + 1;
            return (
              <fieldset key={row.key} className="grid gap-3 rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
                <legend className="px-1 text-sm font-medium">{t("purpose", { n })}</legend>
                <TextArea name={`purposes.${pos}.description`} label={t("purposeDescription")} state={rs} required maxLength={LIMITS.longText} rows={2} />
                <CheckboxGroup name={`purposes.${pos}.legalBases`} legend={t("legalBases")} options={vocab("LEGAL_BASIS")} selected={many(rs.values?.[`purposes.${pos}.legalBases`])} errors={rs.fieldErrors?.[`purposes.${pos}.legalBases`]} />
                <TextField name={`purposes.${pos}.note`} label={t("legalBasisNote")} state={rs} maxLength={LIMITS.longText} />
                <TextArea name={`purposes.${pos}.legitimateInterest`} label={t("legitimateInterest")} hint={t("legitimateInterestHint")} state={rs} maxLength={LIMITS.longText} rows={2} />
                <TextField name={`purposes.${pos}.liaReference`} label={t("liaReference")} state={rs} maxLength={LIMITS.shortText} />
                {purposes.rows.length > 1 ? <div><button type="button" className={secondaryButtonClass} onClick={() => purposes.remove(row.key)}>{t("removePurpose", { n })}</button></div> : null}
              </fieldset>
            );
          })}
          <div><button type="button" className={secondaryButtonClass} onClick={purposes.add}>{t("addPurpose")}</button></div>
        </div>
      </Fieldset>

      <Fieldset legend={t("sections.dataSubjects")}>
        <CheckboxGroup name="dataSubjects" legend={t("dataSubjects")} options={vocab("DATA_SUBJECT")} selected={many(values.dataSubjects)} errors={errors.dataSubjects} className="sm:col-span-2" />
        <TextField name="estimatedDataSubjects" label={t("estimatedDataSubjects")} state={state} type="number" inputMode="numeric" />
      </Fieldset>

      <Fieldset legend={t("sections.dataCategories")}>
        <div className="flex flex-col gap-3 sm:col-span-2">
          {categories.rows.map((row, pos) => (
            <DataCategoryRow key={row.key} pos={pos} state={rowState(state, "dataCategories", pos, row.src)} options={options} onRemove={() => categories.remove(row.key)} />
          ))}
          <div><button type="button" className={secondaryButtonClass} onClick={categories.add}>{t("addDataCategory")}</button></div>
        </div>
      </Fieldset>

      <Fieldset legend={t("sections.sources")}>
        <TextArea name="dataSources" label={t("dataSources")} state={state} maxLength={LIMITS.longText} className="sm:col-span-2" />
        <div className="flex flex-col gap-3 sm:col-span-2">
          <p className="text-sm font-medium">{t("systems")}</p>
          {systems.rows.map((row, pos) => {
            const rs = rowState(state, "systems", pos, row.src);
            const n = pos + 1;
            return (
              <fieldset key={row.key} className="grid gap-3 rounded-md border border-zinc-200 p-3 sm:grid-cols-2 dark:border-zinc-800">
                <legend className="px-1 text-sm font-medium">{t("system", { n })}</legend>
                <TextField name={`systems.${pos}.name`} label={t("systemName")} state={rs} required maxLength={LIMITS.shortText} />
                <SelectField name={`systems.${pos}.vendorId`} label={t("systemVendor")} state={rs} options={options.vendors} placeholder={t("none")} />
                <TextField name={`systems.${pos}.location`} label={t("systemLocation")} state={rs} maxLength={LIMITS.country} />
                <TextField name={`systems.${pos}.note`} label={t("systemNote")} state={rs} maxLength={LIMITS.longText} />
                <div><button type="button" className={secondaryButtonClass} onClick={() => systems.remove(row.key)}>{t("removeSystem", { n })}</button></div>
              </fieldset>
            );
          })}
          <div><button type="button" className={secondaryButtonClass} onClick={systems.add}>{t("addSystem")}</button></div>
        </div>
      </Fieldset>

      <Fieldset legend={t("sections.toms")}>
        <TextArea name="generalTomDescription" label={t("generalTomDescription")} state={state} maxLength={LIMITS.longText} className="sm:col-span-2" />
        {options.toms.length ? (
          <CheckboxGroup name="toms" legend={t("toms")} options={options.toms} selected={many(values.toms)} errors={errors.toms} className="sm:col-span-2" />
        ) : (
          <p className="text-sm text-zinc-600 sm:col-span-2 dark:text-zinc-400">{t("tomsEmpty")}</p>
        )}
      </Fieldset>

      <Fieldset legend={t("sections.transfers")} description={t("transfersHint")}>
        <CheckboxField name="noThirdCountryTransfer" label={t("noThirdCountryTransfer")} state={state} className="sm:col-span-2" />
      </Fieldset>

      <Fieldset legend={t("sections.dpia")}>
        <CheckboxField name="automatedDecisionMaking" label={t("automatedDecisionMaking")} state={state} />
        <CheckboxField name="profiling" label={t("profiling")} state={state} />
        <SelectField name="dpiaStatus" label={t("dpiaStatus")} state={state} required defaultValue="NOT_STARTED" options={DPIA_STATUSES.map((d) => ({ value: d, label: te(`DpiaStatus.${d}`) }))} />
        <p className="text-sm text-zinc-600 sm:col-span-2 dark:text-zinc-400">{t("dpiaDecisionHint")}</p>
        <TextField name="dpiaReference" label={t("dpiaReference")} state={state} maxLength={LIMITS.shortText} />
        <TextArea name="informationProvided" label={t("informationProvided")} state={state} maxLength={LIMITS.longText} className="sm:col-span-2" />
      </Fieldset>

      <Fieldset legend={t("sections.review")}>
        <TextField name="reviewIntervalMonths" label={t("reviewIntervalMonths")} state={state} required type="number" inputMode="numeric" defaultValue={12} />
        <TextField name="nextReviewAt" label={t("nextReviewAt")} state={state} type="date" />
      </Fieldset>

      <Fieldset legend={t("sections.change")}>
        <TextArea name="changeReason" label={t("changeReason")} hint={t("changeReasonHint")} state={state} maxLength={LIMITS.changeReason} rows={2} className="sm:col-span-2" />
      </Fieldset>
      {errors._form ? <FieldErrors id="f-form-error" keys={errors._form} /> : null}
    </>
  );
}

function DataCategoryRow({ pos, state, options, onRemove }: { pos: number; state: FormState; options: ActivityFormOptions; onRemove: () => void }) {
  const t = useTranslations("activity.form");
  const locale = useLocale();
  const name = (f: string) => `dataCategories.${pos}.${f}`;
  const initialCode = one(state.values?.[name("categoryCode")]) ?? "";
  const [special, setSpecial] = useState(state.values?.[name("isSpecialCategory")] !== undefined);
  const categories = options.vocabulary.DATA_CATEGORY;
  const toOption = (o: VocabularyOption) => ({ value: o.code, label: locale === "en" ? o.en : o.de });
  const n = pos + 1;
  const errors = state.fieldErrors ?? {};
  return (
    <fieldset className="grid gap-3 rounded-md border border-zinc-200 p-3 sm:grid-cols-2 dark:border-zinc-800">
      <legend className="px-1 text-sm font-medium">{t("dataCategory", { n })}</legend>
      <div>
        <label htmlFor={`f-${name("categoryCode")}`} className="block text-sm font-medium">{t("categoryCode")}<span aria-hidden="true" className="text-red-700"> *</span></label>
        <select id={`f-${name("categoryCode")}`} name={name("categoryCode")} required defaultValue={initialCode} className={inputClass}
          aria-invalid={errors[name("categoryCode")]?.length ? true : undefined}
          onChange={(e) => setSpecial(categories.find((c) => c.code === e.target.value)?.isSpecialCategory ?? false)}>
          <option value="">{t("choose")}</option>
          {categories.map((c) => <option key={c.code} value={c.code}>{toOption(c).label}</option>)}
        </select>
        <FieldErrors id={`f-${name("categoryCode")}-error`} keys={errors[name("categoryCode")]} />
      </div>
      <div className="flex items-start gap-2 pt-6">
        <input id={`f-${name("isSpecialCategory")}`} type="checkbox" name={name("isSpecialCategory")} value="on" checked={special} onChange={(e) => setSpecial(e.target.checked)} className="mt-0.5 size-4" />
        <label htmlFor={`f-${name("isSpecialCategory")}`} className="text-sm">{t("isSpecialCategory")}</label>
      </div>
      <TextArea name={name("description")} label={t("categoryDescription")} state={state} maxLength={LIMITS.longText} rows={2} className="sm:col-span-2" />
      <TextField name={name("retentionPeriod")} label={t("retentionPeriod")} state={state} maxLength={LIMITS.shortText} />
      <TextField name={name("retentionMonths")} label={t("retentionMonths")} state={state} type="number" inputMode="numeric" />
      <SelectField name={name("retentionStartCode")} label={t("retentionStart")} state={state} options={options.vocabulary.RETENTION_START.map(toOption)} placeholder={t("none")} />
      <TextField name={name("retentionLegalRef")} label={t("retentionLegalRef")} state={state} maxLength={LIMITS.shortText} />
      <SelectField name={name("sourceCode")} label={t("dataSource")} state={state} options={options.vocabulary.DATA_SOURCE.map(toOption)} placeholder={t("none")} />
      <div className="flex items-end"><button type="button" className={secondaryButtonClass} onClick={onRemove}>{t("removeDataCategory", { n })}</button></div>
    </fieldset>
  );
}
