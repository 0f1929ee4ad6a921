import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { DescriptionList } from "@/components/description-list";
import { ExternalLink } from "@/components/external-link";
import { PageHeader } from "@/components/page-header";
import { HistoryLink } from "@/components/history/history-link";
import { Section } from "@/components/section";
import { SubTable } from "@/components/sub-table";
import { Tag } from "@/components/status-badge";
import { secondaryButtonClass } from "@/components/form/styles";
import type { Label } from "@/lib/activities/queries";
import { authorize, requireUser, userCan } from "@/lib/current-user";
import {
  addVendorCertification,
  addVendorContact,
  addVendorDpfCheck,
  addVendorLocation,
  addVendorSubProcessor,
  archiveVendor,
  disableVendorContact,
  removeVendorCertification,
  removeVendorLocation,
  removeVendorSubProcessor,
  restoreVendor,
} from "@/lib/vendors/actions";
import { getVendorRiskBadges } from "@/lib/overview/queries";
import { getVendor, listCountries, listVendorOptions } from "@/lib/vendors/queries";
import { VendorRisk } from "../vendor-risk";
import { AddCertificationForm, AddContactForm, AddDpfCheckForm, AddLocationForm, AddSubProcessorForm, ArchiveButton, RowButton } from "./vendor-children";

export async function generateMetadata() {
  const t = await getTranslations("vendor.list");
  return { title: t("title") };
}

/** "Add" link of a child section: the form opens by URL (?add=…), so only one child form is on the page at a time. */
function AddLink({ href, label }: { href: string; label: string }) {
  return <p className="mt-3"><Link href={href} className={secondaryButtonClass}>{label}</Link></p>;
}

/** One vendor with its child lists; editors get the sub-forms (one at a time, ?add=…), viewers a read-only page. */
export default async function VendorPage({ params, searchParams }: { params: Promise<{ orgId: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { orgId, id } = await params;
  const user = await requireUser();
  authorize(user, "register:read", orgId);
  const v = await getVendor(user, orgId, id);
  // Its own transfers and those of its sub-processor chain, as of today.
  const risk = (await getVendorRiskBadges(user, orgId, [id]))[id];
  const sp = await searchParams;
  const saved = sp.saved === "1";
  const adding = typeof sp.add === "string" ? sp.add : null;
  const locale = await getLocale();
  const t = await getTranslations("vendor");
  const te = await getTranslations("enums");
  const format = await getFormatter();
  const pick = (l: Label | null) => (l ? (locale === "en" ? l.en : l.de) : null);
  const date = (d: Date | null) => (d ? <time dateTime={d.toISOString()}>{format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" })}</time> : "—");
  const active = v.archivedAt === null;
  const canWrite = active && userCan(user, "vendor:write", orgId);
  const canArchive = userCan(user, "vendor:archive", orgId);
  const base = `/o/${orgId}/vendors/${id}`;
  const [countries, vendors] = canWrite ? await Promise.all([listCountries(), listVendorOptions(user, orgId)]) : [[], []];
  const countryOptions = countries.map((c) => ({ value: c.code, label: pick(c.label) ?? c.code, hint: c.code }));
  const vendorOptions = vendors.filter((o) => o.id !== id).map((o) => ({ value: o.id, label: o.name, hint: o.country ?? undefined }));
  const dash = "—";
  const latest = v.dpfChecks[0] ?? null;

  return (
    <>
      <nav className="mb-3 text-sm"><Link href={`/o/${orgId}/vendors`} className="text-blue-700 underline-offset-2 hover:underline dark:text-blue-400">← {t("list.title")}</Link></nav>
      <PageHeader
        title={v.name}
        eyebrow={te(`VendorKind.${v.kind}`)}
        meta={
          <>
            {!active ? <Tag tone="warning">{t("list.archived")}</Tag> : null}
            {risk ? <VendorRisk risk={risk} /> : null}
            <span className="text-zinc-600 dark:text-zinc-400">
              {v.updatedByName ? t("detail.lastChange", { date: format.dateTime(v.updatedAt, { dateStyle: "medium", timeStyle: "short" }), name: v.updatedByName }) : t("detail.lastChangeUnknown", { date: format.dateTime(v.updatedAt, { dateStyle: "medium", timeStyle: "short" }) })}
              {" · "}{t("detail.version", { version: v.version })}
            </span>
          </>
        }
        actions={
          <>
            <HistoryLink href={`${base}/history`} />
            {canWrite ? <Link href={`${base}/edit`} className={secondaryButtonClass}>{t("detail.edit")}</Link> : null}
            {canArchive ? <ArchiveButton action={(active ? archiveVendor : restoreVendor).bind(null, orgId, id)} version={v.version} label={active ? t("detail.archive") : t("detail.restore")} danger={active} /> : null}
          </>
        }
      />
      {saved ? <p role="status" className="mb-4 rounded-md border border-green-200 bg-green-50 p-3 text-sm text-green-800 dark:border-green-900 dark:bg-green-950/50 dark:text-green-200">{t("detail.saved")}</p> : null}
      {!active ? <p className="mb-4 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950/50 dark:text-amber-200">{t("detail.archivedNote")}</p> : null}

      <div className="flex flex-col gap-6">
        <Section id="master" title={t("detail.sections.master")}>
          <DescriptionList
            items={[
              { term: t("form.legalForm"), value: v.legalForm ?? dash },
              { term: t("form.kind"), value: te(`VendorKind.${v.kind}`) },
              { term: t("form.street"), value: [v.address.street, [v.address.postalCode, v.address.city].filter(Boolean).join(" ")].filter(Boolean).join(", ") || dash },
              { term: t("form.country"), value: pick(v.address.country) ?? dash },
              { term: t("form.website"), value: v.website ? <ExternalLink href={v.website}>{v.website}</ExternalLink> : dash },
              { term: t("form.email"), value: v.email ?? dash },
              { term: t("form.phone"), value: v.phone ?? dash },
              { term: t("form.contactName"), value: v.contactName ?? dash },
              { term: t("form.dpoName"), value: [v.dpo.name, v.dpo.email].filter(Boolean).join(", ") || dash },
              { term: t("form.euRepresentative"), value: v.euRepresentative ?? dash },
              { term: t("form.parentCompany"), value: [v.parentCompany, pick(v.parentCountry)].filter(Boolean).join(", ") || dash },
              { term: t("form.sector"), value: v.sector ?? dash },
              { term: t("form.services"), value: v.services ?? dash },
              { term: t("form.notes"), value: v.notes ?? dash },
            ]}
          />
        </Section>

        <Section id="locations" title={t("detail.sections.locations")}>
          {v.locations.length === 0 ? <p className="text-sm text-zinc-600">{t("detail.empty")}</p> : (
            <SubTable caption={t("detail.sections.locations")} headers={[t("location.country"), t("location.city"), t("location.purpose"), t("location.note"), ...(canWrite ? [""] : [])]}>
              {v.locations.map((l) => (
                <tr key={l.id}>
                  <td>{pick(l.country)}</td><td>{l.city ?? dash}</td><td>{te(`LocationPurpose.${l.purpose}`)}</td><td>{l.note ?? dash}</td>
                  {canWrite ? <td><RowButton action={removeVendorLocation.bind(null, orgId, id)} id={l.id} label={t("detail.remove")} name={pick(l.country) ?? ""} /></td> : null}
                </tr>
              ))}
            </SubTable>
          )}
          {canWrite ? (adding === "location" ? <AddLocationForm action={addVendorLocation.bind(null, orgId, id)} countries={countryOptions} /> : <AddLink href={`${base}?add=location#add-location`} label={t("detail.add")} />) : null}
        </Section>

        <Section id="certifications" title={t("detail.sections.certifications")}>
          {v.certifications.length === 0 ? <p className="text-sm text-zinc-600">{t("detail.empty")}</p> : (
            <SubTable caption={t("detail.sections.certifications")} headers={[t("certification.name"), t("certification.issuer"), t("certification.certificateNumber"), t("certification.validFrom"), t("certification.validUntil"), t("certification.documentUrl"), ...(canWrite ? [""] : [])]}>
              {v.certifications.map((c) => (
                <tr key={c.id}>
                  <td>{c.name}</td><td>{c.issuer ?? dash}</td><td>{c.certificateNumber ?? dash}</td><td>{date(c.validFrom)}</td><td>{date(c.validUntil)}</td>
                  <td>{c.documentUrl ? <ExternalLink href={c.documentUrl} /> : dash}</td>
                  {canWrite ? <td><RowButton action={removeVendorCertification.bind(null, orgId, id)} id={c.id} label={t("detail.remove")} name={c.name} /></td> : null}
                </tr>
              ))}
            </SubTable>
          )}
          {canWrite ? (adding === "certification" ? <AddCertificationForm action={addVendorCertification.bind(null, orgId, id)} /> : <AddLink href={`${base}?add=certification#add-certification`} label={t("detail.add")} />) : null}
        </Section>

        <Section id="dpf" title={t("detail.sections.dpf")} description={t("detail.dpfHint")}>
          <p className="mb-2 text-sm">
            <span className="font-medium">{t("dpf.latest")}: </span>
            {latest ? `${te(`DpfStatus.${latest.status}`)} (${format.dateTime(latest.checkedAt, { dateStyle: "medium", timeZone: "UTC" })}, ${latest.checkedByName})` : t("dpf.never")}
          </p>
          {v.dpfChecks.length > 0 ? (
            <SubTable caption={t("detail.sections.dpf")} headers={[t("dpf.checkedAt"), t("dpf.status"), t("dpf.frameworks"), t("dpf.coversHr"), t("dpf.nextCertificationDue"), t("dpf.checkedBy"), t("dpf.evidenceUrl")]}>
              {v.dpfChecks.map((c) => (
                <tr key={c.id}>
                  <td>{date(c.checkedAt)}</td><td>{te(`DpfStatus.${c.status}`)}</td>
                  <td>{c.frameworks ? c.frameworks.split(",").map((f) => (f === "EU_US" || f === "UK_EXT" || f === "SWISS_US" ? t(`dpf.framework.${f}`) : f)).join(", ") : dash}</td>
                  <td>{[c.coversHr ? "HR" : null, c.coversNonHr ? "Non-HR" : null].filter(Boolean).join(" / ") || dash}</td>
                  <td>{date(c.nextCertificationDue)}</td><td>{c.checkedByName}</td>
                  <td>{c.evidenceUrl ?? c.listUrl ? <ExternalLink href={c.evidenceUrl ?? c.listUrl} /> : dash}</td>
                </tr>
              ))}
            </SubTable>
          ) : null}
          {canWrite ? (adding === "dpf" ? <AddDpfCheckForm action={addVendorDpfCheck.bind(null, orgId, id)} today={new Date().toISOString().slice(0, 10)} /> : <AddLink href={`${base}?add=dpf#add-dpf`} label={t("detail.add")} />) : null}
        </Section>

        <Section id="sub-processors" title={t("detail.sections.subProcessors")}>
          {v.subProcessors.length === 0 ? <p className="text-sm text-zinc-600">{t("detail.empty")}</p> : (
            <SubTable caption={t("detail.sections.subProcessors")} headers={[t("subProcessor.name"), t("subProcessor.country"), t("subProcessor.service"), t("subProcessor.access"), ...(canWrite ? [""] : [])]}>
              {v.subProcessors.map((s) => (
                <tr key={s.id}>
                  <td>{s.subVendorId ? <Link href={`/o/${orgId}/vendors/${s.subVendorId}`} className="text-blue-700 hover:underline dark:text-blue-400">{s.name}</Link> : s.name}</td>
                  <td>{pick(s.country) ?? dash}</td><td>{s.service ?? dash}</td><td>{te(`TransferAccess.${s.access}`)}</td>
                  {canWrite ? <td><RowButton action={removeVendorSubProcessor.bind(null, orgId, id)} id={s.id} label={t("detail.remove")} name={s.name} /></td> : null}
                </tr>
              ))}
            </SubTable>
          )}
          {canWrite ? (adding === "subProcessor" ? <AddSubProcessorForm action={addVendorSubProcessor.bind(null, orgId, id)} countries={countryOptions} vendors={vendorOptions} /> : <AddLink href={`${base}?add=subProcessor#add-subProcessor`} label={t("detail.add")} />) : null}
          {v.subProcessorOf.length > 0 ? (
            <p className="mt-3 text-sm">
              <span className="font-medium">{t("detail.sections.subProcessorOf")}: </span>
              {v.subProcessorOf.map((s, i) => <span key={s.vendorId}>{i > 0 ? ", " : ""}<Link href={`/o/${orgId}/vendors/${s.vendorId}`} className="text-blue-700 hover:underline dark:text-blue-400">{s.name}</Link></span>)}
            </p>
          ) : null}
        </Section>

        <Section id="agreements" title={t("detail.sections.agreements")}>
          {v.agreements.length === 0 ? <p className="text-sm text-zinc-600">{t("detail.empty")}</p> : (
            <ul className="list-disc pl-5 text-sm">
              {v.agreements.map((a) => <li key={a.id}>{a.title} – {te(`DpaStatus.${a.status}`)}{a.signedAt ? <> ({date(a.signedAt)})</> : null}{a.archived ? ` (${t("list.archived")})` : ""}</li>)}
            </ul>
          )}
          {active && userCan(user, "dpa:write", orgId) ? <p className="mt-3"><Link href={`/o/${orgId}/agreements/new?vendor=${id}`} className={secondaryButtonClass}>{t("detail.newAgreement")}</Link></p> : null}
        </Section>

        <Section id="activities" title={t("detail.sections.activities")}>
          {v.activities.length === 0 ? <p className="text-sm text-zinc-600">{t("detail.empty")}</p> : (
            <ul className="list-disc pl-5 text-sm">
              {v.activities.map((a) => <li key={a.id}><Link href={`/o/${orgId}/activities/${a.id}`} className="text-blue-700 hover:underline dark:text-blue-400">{a.referenceNumber} – {a.name}</Link></li>)}
            </ul>
          )}
        </Section>

        <Section id="contacts" title={t("detail.sections.contacts")} description={t("detail.contactsHint")}>
          {v.contacts.length === 0 ? <p className="text-sm text-zinc-600">{t("detail.empty")}</p> : (
            <SubTable caption={t("detail.sections.contacts")} headers={[t("contact.email"), t("contact.name"), t("contact.function"), t("contact.phone"), t("contact.lastSignIn"), ...(canWrite ? [""] : [])]}>
              {v.contacts.map((c) => (
                <tr key={c.id}>
                  <td className="break-all">{c.email}{c.canSignIn ? null : " (–)"}</td><td>{c.name ?? dash}</td><td>{c.function ?? dash}</td><td>{c.phone ?? dash}</td><td>{c.lastSignInAt ? format.dateTime(c.lastSignInAt, { dateStyle: "medium", timeStyle: "short" }) : dash}</td>
                  {canWrite ? <td><RowButton action={disableVendorContact.bind(null, orgId, id)} id={c.id} label={t("contact.disable")} name={c.email} /></td> : null}
                </tr>
              ))}
            </SubTable>
          )}
          {canWrite ? (adding === "contact" ? <AddContactForm action={addVendorContact.bind(null, orgId, id)} /> : <AddLink href={`${base}?add=contact#add-contact`} label={t("detail.add")} />) : null}
        </Section>
      </div>
    </>
  );
}
