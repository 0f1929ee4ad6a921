import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { DescriptionList } from "@/components/description-list";
import { ExternalLink } from "@/components/external-link";
import { PageHeader } from "@/components/page-header";
import { Section } from "@/components/section";
import { SubTable } from "@/components/sub-table";
import { UserMenu } from "@/components/user-menu";
import { requireUser, userCan } from "@/lib/current-user";
import { listMyVendorSheets } from "@/lib/vendors/queries";
import type { Label } from "@/lib/activities/queries";

export async function generateMetadata() {
  const t = await getTranslations("register.portal");
  return { title: t("title") };
}

/**
 * Vendor portal: the signed-in vendor contact's own vendor sheet(s), read-only. Only (organisation, vendor)
 * pairs the user may act on with `vendor-sheet:self`; everyone else gets 404 (vendors see nothing else).
 */
export default async function VendorPortalPage() {
  const user = await requireUser();
  const allowed = user.vendorContacts.filter((v) => userCan(user, "vendor-sheet:self", v.orgId));
  if (allowed.length === 0) notFound();
  const sheets = await listMyVendorSheets({ ...user, vendorContacts: allowed });
  if (sheets.length === 0) notFound();

  const locale = await getLocale();
  const t = await getTranslations("register.portal");
  const te = await getTranslations("enums");
  const format = await getFormatter();
  const pick = (l: Label | null) => (l ? l[locale] : null);
  const date = (d: Date | null) => (d ? <time dateTime={d.toISOString()}>{format.dateTime(d, { dateStyle: "medium" })}</time> : null);
  const dash = "—";

  return (
    <main id="main" tabIndex={-1} className="mx-auto max-w-5xl px-4 py-8">
      <PageHeader title={t("title")} description={t("description")} actions={<UserMenu email={user.email} name={user.name} role="VENDOR" />} />
      <div className="flex flex-col gap-10">
        {sheets.map((v) => (
          <article key={v.id} aria-labelledby={`vendor-${v.id}`} className="flex flex-col gap-4">
            <header>
              <h2 id={`vendor-${v.id}`} className="text-xl font-semibold break-words">
                {v.name}
              </h2>
              <p className="text-sm text-zinc-600 dark:text-zinc-400">
                {t("forOrganisation", { name: v.organisationName })} · {t("asOf")} {format.dateTime(v.updatedAt, { dateStyle: "medium", timeStyle: "short" })}
              </p>
            </header>

            <Section headingLevel={3} title={t("sections.masterData")}>
              <DescriptionList
                items={[
                  { term: t("fields.name"), value: v.name },
                  { term: t("fields.legalForm"), value: v.legalForm },
                  { term: t("fields.kind"), value: te(`VendorKind.${v.kind}`) },
                  { term: t("fields.address"), value: [v.address.street, [v.address.postalCode, v.address.city].filter(Boolean).join(" ")].filter(Boolean).join("\n") },
                  { term: t("fields.country"), value: pick(v.address.country) },
                  { term: t("fields.website"), value: <ExternalLink href={v.website} /> },
                  { term: t("fields.email"), value: v.email },
                  { term: t("fields.phone"), value: v.phone },
                  { term: t("fields.contactName"), value: v.contactName },
                  { term: t("fields.dpo"), value: [v.dpo.name, v.dpo.email].filter(Boolean).join("\n") },
                  { term: t("fields.euRepresentative"), value: v.euRepresentative },
                  { term: t("fields.parentCompany"), value: [v.parentCompany, pick(v.parentCountry)].filter(Boolean).join(", ") },
                  { term: t("fields.services"), value: v.services },
                  {
                    term: t("fields.dpf"),
                    value: v.latestDpfCheck ? (
                      <>
                        {te(`DpfStatus.${v.latestDpfCheck.status}`)} · {t("fields.checkedAt")} {date(v.latestDpfCheck.checkedAt)}
                      </>
                    ) : null,
                  },
                ]}
              />
            </Section>

            <Section headingLevel={3} title={t("sections.contacts")}>
              {v.contacts.length === 0 ? (
                <p className="text-sm text-zinc-500 italic">{t("none")}</p>
              ) : (
                <SubTable caption={t("sections.contacts")} headers={[t("fields.name"), t("fields.function"), t("fields.email"), t("fields.phone")]}>
                  {v.contacts.map((c) => (
                    <tr key={c.id}>
                      <th scope="row" className="font-medium">
                        {c.name ?? dash}
                      </th>
                      <td>{c.function ?? dash}</td>
                      <td className="break-all">{c.email}</td>
                      <td>{c.phone ?? dash}</td>
                    </tr>
                  ))}
                </SubTable>
              )}
            </Section>

            <Section headingLevel={3} title={t("sections.locations")}>
              {v.locations.length === 0 ? (
                <p className="text-sm text-zinc-500 italic">{t("none")}</p>
              ) : (
                <SubTable caption={t("sections.locations")} headers={[t("fields.country"), t("fields.city"), t("fields.locationPurpose"), t("fields.note")]}>
                  {v.locations.map((l) => (
                    <tr key={l.id}>
                      <th scope="row" className="font-medium">
                        {l.country[locale]}
                      </th>
                      <td>{l.city ?? dash}</td>
                      <td>{te(`LocationPurpose.${l.purpose}`)}</td>
                      <td>{l.note ?? dash}</td>
                    </tr>
                  ))}
                </SubTable>
              )}
            </Section>

            <Section headingLevel={3} title={t("sections.certifications")}>
              {v.certifications.length === 0 ? (
                <p className="text-sm text-zinc-500 italic">{t("none")}</p>
              ) : (
                <SubTable
                  caption={t("sections.certifications")}
                  headers={[t("fields.certification"), t("fields.issuer"), t("fields.certificateNumber"), t("fields.validFrom"), t("fields.validUntil"), t("fields.document")]}
                >
                  {v.certifications.map((c) => (
                    <tr key={c.id}>
                      <th scope="row" className="font-medium">
                        {c.name}
                      </th>
                      <td>{c.issuer ?? dash}</td>
                      <td>{c.certificateNumber ?? dash}</td>
                      <td>{date(c.validFrom) ?? dash}</td>
                      <td>{date(c.validUntil) ?? dash}</td>
                      <td>{c.documentUrl ? <ExternalLink href={c.documentUrl}>{t("fields.open")}</ExternalLink> : dash}</td>
                    </tr>
                  ))}
                </SubTable>
              )}
            </Section>

            <Section headingLevel={3} title={t("sections.subProcessors")}>
              {v.subProcessors.length === 0 ? (
                <p className="text-sm text-zinc-500 italic">{t("none")}</p>
              ) : (
                <SubTable caption={t("sections.subProcessors")} headers={[t("fields.name"), t("fields.country"), t("fields.service"), t("fields.access")]}>
                  {v.subProcessors.map((s) => (
                    <tr key={s.id}>
                      <th scope="row" className="font-medium">
                        {s.name}
                      </th>
                      <td>{pick(s.country) ?? dash}</td>
                      <td>{s.service ?? dash}</td>
                      <td>{te(`TransferAccess.${s.access}`)}</td>
                    </tr>
                  ))}
                </SubTable>
              )}
            </Section>
          </article>
        ))}
      </div>
    </main>
  );
}
