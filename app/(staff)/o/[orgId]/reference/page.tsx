import Form from "next/form";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ExternalLink, isSafeHttpUrl } from "@/components/external-link";
import { PageHeader } from "@/components/page-header";
import { Section } from "@/components/section";
import { SubTable } from "@/components/sub-table";
import { Tag } from "@/components/status-badge";
import { db } from "@/lib/db";
import { authorize, requireUser, userCan } from "@/lib/current-user";
import { compareVersions } from "@/lib/reference-data/load";
import { createAdequacyDecision } from "@/lib/reference-data/actions";
import { ADEQUACY_SCOPES, isWithin, toDay } from "@/lib/domain/reference";
import { AdequacyForm } from "./adequacy-form";

export async function generateMetadata() {
  const t = await getTranslations("reference");
  return { title: t("title") };
}

const dayOf = (d: Date | null): string | null => (d ? toDay(d) : null);

/** The dated legal reference data with its sources (read-only); instance administrators can add an adequacy decision. ?asOf=YYYY-MM-DD filters the adequacy decisions in force on that day. */
export default async function ReferencePage({ params, searchParams }: { params: Promise<{ orgId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { orgId } = await params;
  const user = await requireUser();
  authorize(user, "reference-data:read", orgId);
  const sp = await searchParams;
  const asOfRaw = typeof sp.asOf === "string" && /^\d{4}-\d{2}-\d{2}$/.test(sp.asOf) && !Number.isNaN(Date.parse(`${sp.asOf}T00:00:00Z`)) ? sp.asOf : null;
  const t = await getTranslations("reference");
  const te = await getTranslations("enums");
  const locale = await getLocale();
  const canManage = userCan(user, "reference-data:manage");

  const [versions, countries, sources, adequacy, instruments, dpiaLists] = await Promise.all([
    db.referenceDataVersion.findMany({ select: { version: true, releasedAt: true } }),
    db.country.findMany({ select: { code: true, nameDe: true, nameEn: true }, orderBy: { code: "asc" } }),
    db.legalSource.findMany({ select: { id: true, kind: true, identifier: true, title: true, adoptedOn: true, url: true }, orderBy: { identifier: "asc" } }),
    db.adequacyDecision.findMany({
      select: { id: true, countryCode: true, organisationName: true, sourceId: true, scope: true, scopeText: true, validFrom: true, entryIntoForce: true, validTo: true, reviewDue: true, verified: true },
      orderBy: [{ countryCode: "asc" }, { validFrom: "asc" }],
    }),
    db.transferInstrument.findMany({ select: { code: true, validFrom: true, validTo: true, newContractsUntil: true, successorCode: true, sourceId: true }, orderBy: { code: "asc" } }),
    db.dpiaList.findMany({
      select: { id: true, code: true, version: true, title: true, validFrom: true, sourceId: true, items: { select: { code: true, textDe: true, textEn: true, hard: true, verified: true }, orderBy: { itemNo: "asc" } } },
      orderBy: [{ code: "asc" }, { version: "asc" }],
    }),
  ]);
  const current = versions.sort((a, b) => compareVersions(a.version, b.version)).at(-1);
  const countryName = new Map(countries.map((c) => [c.code, locale === "en" ? c.nameEn : c.nameDe]));
  const sourceById = new Map(sources.map((s) => [s.id, s]));
  const rows = asOfRaw ? adequacy.filter((a) => isWithin(asOfRaw, toDay(a.validFrom), dayOf(a.validTo))) : adequacy;
  const cell = "px-2 py-1.5 align-top";
  const mono = `${cell} font-mono text-xs whitespace-nowrap`;
  const none = t("none");
  const sourceLink = (id: string) => {
    const s = sourceById.get(id);
    if (!s) return none;
    return s.url && isSafeHttpUrl(s.url) ? <ExternalLink href={s.url}>{s.identifier}</ExternalLink> : s.identifier;
  };
  const unverified = (verified: boolean) => (verified ? null : <span className="ml-2"><Tag tone="warning">{t("unverified")}</Tag></span>);
  const pathname = `/o/${orgId}/reference`;

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} meta={current ? t("version", { version: current.version, date: toDay(current.releasedAt) }) : undefined} />
      {sp.saved === "1" ? <p role="status" className="mb-4 rounded-md border border-green-200 bg-green-50 p-3 text-sm text-green-800 dark:border-green-900 dark:bg-green-950/50 dark:text-green-200">{t("saved")}</p> : null}

      <Section id="adequacy" title={t("adequacy.title")}>
        <Form action={pathname} className="mb-3 flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor="ref-asof" className="block text-sm font-medium">{t("asOf.label")}</label>
            <input id="ref-asof" type="date" name="asOf" defaultValue={asOfRaw ?? ""} className="rounded-md border border-zinc-300 px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900" />
          </div>
          <button type="submit" className="rounded-md bg-zinc-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900">{t("asOf.apply")}</button>
          {asOfRaw ? <Link href={pathname} className="pb-1.5 text-sm text-blue-700 underline-offset-2 hover:underline dark:text-blue-400">{t("asOf.reset")}</Link> : null}
        </Form>
        {asOfRaw ? <p className="mb-2 text-sm">{t("asOf.showing", { date: asOfRaw })}</p> : null}
        {rows.length === 0 ? (
          <p className="text-sm">{t("adequacy.empty")}</p>
        ) : (
          <SubTable
            caption={t("adequacy.title")}
            headers={[t("adequacy.columns.target"), t("adequacy.columns.source"), t("adequacy.columns.scope"), t("adequacy.columns.validFrom"), t("adequacy.columns.entryIntoForce"), t("adequacy.columns.validTo"), t("adequacy.columns.reviewDue")]}
          >
            {rows.map((a) => (
              <tr key={a.id} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800">
                <td className={cell}>{a.countryCode ? `${countryName.get(a.countryCode) ?? a.countryCode} (${a.countryCode})` : (a.organisationName ?? none)}{unverified(a.verified)}</td>
                <td className={cell}>{sourceLink(a.sourceId)}</td>
                <td className={cell}>{te(`AdequacyScope.${a.scope}`)}{a.scopeText ? <span className="block text-xs text-zinc-600 dark:text-zinc-400">{a.scopeText}</span> : null}</td>
                <td className={mono}>{toDay(a.validFrom)}</td>
                <td className={mono}>{dayOf(a.entryIntoForce) ?? none}</td>
                <td className={mono}>{dayOf(a.validTo) ?? none}</td>
                <td className={mono}>{dayOf(a.reviewDue) ?? none}</td>
              </tr>
            ))}
          </SubTable>
        )}
      </Section>

      {canManage ? (
        <Section id="adequacy-new" title={t("form.title")} description={t("form.description")}>
          <AdequacyForm
            action={createAdequacyDecision.bind(null, orgId)}
            countries={countries.map((c) => ({ value: c.code, label: countryName.get(c.code) ?? c.code, hint: c.code }))}
            sources={sources.map((s) => ({ value: s.id, label: `${s.identifier} – ${s.title}` }))}
            scopes={ADEQUACY_SCOPES.map((s) => ({ value: s, label: te(`AdequacyScope.${s}`) }))}
          />
        </Section>
      ) : null}

      <Section id="instruments" title={t("instruments.title")}>
        <SubTable
          caption={t("instruments.title")}
          headers={[t("instruments.columns.code"), t("instruments.columns.validFrom"), t("instruments.columns.validTo"), t("instruments.columns.newContractsUntil"), t("instruments.columns.successor"), t("instruments.columns.source")]}
        >
          {instruments.map((i) => (
            <tr key={i.code} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800">
              <td className={mono}>{i.code}</td>
              <td className={mono}>{dayOf(i.validFrom) ?? none}</td>
              <td className={mono}>{dayOf(i.validTo) ?? none}</td>
              <td className={mono}>{dayOf(i.newContractsUntil) ?? none}</td>
              <td className={mono}>{i.successorCode ?? none}</td>
              <td className={cell}>{sourceLink(i.sourceId)}</td>
            </tr>
          ))}
        </SubTable>
      </Section>

      <Section id="dpia" title={t("dpia.title")}>
        {dpiaLists.map((l) => (
          <div key={l.id} className="mb-4">
            <h3 className="mb-1 text-sm font-semibold">{t("dpia.list", { title: l.title, version: l.version, validFrom: toDay(l.validFrom) })} · {sourceLink(l.sourceId)}</h3>
            <SubTable caption={l.title} headers={[t("dpia.columns.code"), t("dpia.columns.text"), t("dpia.columns.hard"), t("dpia.columns.verified")]}>
              {l.items.map((i) => (
                <tr key={i.code} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800">
                  <td className={mono}>{i.code}</td>
                  <td className={cell}>{locale === "en" ? i.textEn : i.textDe}</td>
                  <td className={cell}>{i.hard ? t("yes") : t("no")}</td>
                  <td className={cell}>{i.verified ? t("yes") : <Tag tone="warning">{t("unverified")}</Tag>}</td>
                </tr>
              ))}
            </SubTable>
          </div>
        ))}
      </Section>

      <Section id="sources" title={t("sources.title")}>
        <SubTable caption={t("sources.title")} headers={[t("sources.columns.identifier"), t("sources.columns.title"), t("sources.columns.kind"), t("sources.columns.adoptedOn"), t("sources.columns.url")]}>
          {sources.map((s) => (
            <tr key={s.id} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800">
              <td className={mono}>{s.identifier}</td>
              <td className={cell}>{s.title}</td>
              <td className={cell}>{s.kind}</td>
              <td className={mono}>{dayOf(s.adoptedOn) ?? none}</td>
              <td className={cell}>{s.url && isSafeHttpUrl(s.url) ? <ExternalLink href={s.url} /> : none}</td>
            </tr>
          ))}
        </SubTable>
      </Section>
    </>
  );
}
