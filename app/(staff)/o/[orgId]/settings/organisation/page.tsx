import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { DescriptionList } from "@/components/description-list";
import { ExternalLink } from "@/components/external-link";
import { PageHeader } from "@/components/page-header";
import { Section } from "@/components/section";
import { primaryButtonClass } from "@/components/form/styles";
import { authorize, requireUser, userCan } from "@/lib/current-user";
import { getOrganisation, getOrganisationForEdit } from "@/lib/organisations/queries";
import { SavedNote, SettingsTabs } from "@/components/settings-ui";

export async function generateMetadata() {
  const t = await getTranslations("orgsettings.organisation");
  return { title: t("title") };
}

/** The cover sheet (Vorblatt) of the register: Art. 30(1)(a) controller data, DPO, supervisory authority, register settings. Every member reads it; DPO and ADMIN edit it. */
export default async function OrganisationSettingsPage({ params, searchParams }: { params: Promise<{ orgId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { orgId } = await params;
  const user = await requireUser();
  authorize(user, "register:read", orgId);
  const sp = await searchParams;
  const cover = await getOrganisation(user, orgId);
  const { values, updatedAt } = await getOrganisationForEdit(user, orgId);
  const canManage = userCan(user, "organisation:manage", orgId);
  const t = await getTranslations("orgsettings.organisation");
  const format = await getFormatter();
  const locale = await getLocale();
  const yesNo = (v: boolean) => (v ? t("values.yes") : t("values.no"));
  const address = [cover.address.street, [cover.address.postalCode, cover.address.city].filter(Boolean).join(" "), cover.address.countryName[locale === "en" ? "en" : "de"]]
    .filter(Boolean)
    .join("\n");

  return (
    <>
      <PageHeader
        title={t("title")}
        eyebrow={cover.name}
        description={t("description")}
        actions={canManage ? <Link href={`/o/${orgId}/settings/organisation/edit`} className={primaryButtonClass}>{t("edit")}</Link> : undefined}
      />
      <SettingsTabs orgId={orgId} current="organisation" />
      {sp.saved === "1" ? <SavedNote /> : null}
      {canManage ? null : <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-400">{t("readOnly")}</p>}
      <div className="grid gap-6 lg:grid-cols-2">
        <Section id="controller" title={t("sections.controller")}>
          <DescriptionList
            columns={1}
            items={[
              { term: t("fields.name"), value: cover.name },
              { term: t("fields.legalForm"), value: cover.legalForm },
              { term: t("fields.address"), value: address },
              { term: t("fields.phone"), value: cover.phone },
              { term: t("fields.email"), value: cover.email },
              { term: t("fields.website"), value: cover.website ? <ExternalLink href={cover.website} /> : null },
              { term: t("fields.management"), value: cover.management },
              { term: t("fields.headOfDataProcessing"), value: cover.headOfDataProcessing },
              { term: t("fields.euRepresentative"), value: cover.euRepresentative },
            ]}
          />
        </Section>
        <Section id="dpo" title={t("sections.dpo")}>
          <DescriptionList
            columns={1}
            items={[
              { term: t("fields.dpoName"), value: cover.dpo.name },
              { term: t("fields.dpoExternal"), value: yesNo(cover.dpo.isExternal) },
              { term: t("fields.dpoCompany"), value: cover.dpo.company },
              { term: t("fields.dpoAddress"), value: cover.dpo.address },
              { term: t("fields.dpoPhone"), value: cover.dpo.phone },
              { term: t("fields.dpoEmail"), value: cover.dpo.email },
            ]}
          />
        </Section>
        <Section id="authority" title={t("sections.authority")}>
          <DescriptionList columns={1} items={[{ term: t("fields.supervisoryAuthority"), value: cover.supervisoryAuthority }]} />
        </Section>
        <Section id="register" title={t("sections.register")}>
          <DescriptionList
            columns={1}
            items={[
              { term: t("fields.actsAsController"), value: yesNo(cover.actsAsController) },
              { term: t("fields.actsAsProcessor"), value: yesNo(cover.actsAsProcessor) },
              { term: t("fields.employeeCount"), value: values.employeeCount === null ? null : format.number(values.employeeCount) },
              { term: t("fields.requireFourEyes"), value: yesNo(values.requireFourEyes) },
              { term: t("fields.defaultReviewMonths"), value: t("values.months", { count: values.defaultReviewMonths }) },
            ]}
          />
        </Section>
      </div>
      <p className="mt-4 text-xs text-zinc-600 dark:text-zinc-400">{t("lastChange", { at: format.dateTime(updatedAt, { dateStyle: "medium", timeStyle: "short" }) })}</p>
    </>
  );
}
