import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { DescriptionList } from "@/components/description-list";
import { ExternalLink } from "@/components/external-link";
import { PageHeader } from "@/components/page-header";
import { Section } from "@/components/section";
import { StatTile } from "@/components/stat-tile";
import { summarizeActivities } from "@/lib/activities/queries";
import { authorize, requireUser } from "@/lib/current-user";
import { getOrganisation } from "@/lib/organisations/queries";
import { countVendors } from "@/lib/vendors/queries";

export async function generateMetadata() {
  const t = await getTranslations("register.overview");
  return { title: t("title") };
}

/** Start page of an organisation: counts by status, overdue reviews, drafts, vendors, third-country transfers, cover sheet. */
export default async function OrganisationOverviewPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const user = await requireUser();
  authorize(user, "register:read", orgId);

  const now = new Date();
  const organisation = await getOrganisation(user, orgId);
  const summary = await summarizeActivities(user, orgId, now);
  const vendorCount = await countVendors(user, orgId);
  const t = await getTranslations("register.overview");
  const tStatus = await getTranslations("enums.ActivityStatus");
  const format = await getFormatter();
  const locale = await getLocale();
  const list = `/o/${orgId}/activities`;
  const n = (v: number) => format.number(v);

  const address = [organisation.address.street, [organisation.address.postalCode, organisation.address.city].filter(Boolean).join(" "), organisation.address.countryName[locale]]
    .filter(Boolean)
    .join("\n");
  const roles = [organisation.actsAsController ? t("cover.actsAsController") : null, organisation.actsAsProcessor ? t("cover.actsAsProcessor") : null]
    .filter(Boolean)
    .join(", ");
  const dpo = organisation.dpo;

  return (
    <>
      <PageHeader eyebrow={t("title")} title={organisation.name} description={t("description")} />

      <h2 className="sr-only">{t("tiles.heading")}</h2>
      <ul className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <li>
          <StatTile label={t("tiles.active")} value={n(summary.active)} href={list} />
        </li>
        <li>
          <StatTile label={tStatus("DRAFT")} value={n(summary.byStatus.DRAFT)} href={`${list}?status=DRAFT`} />
        </li>
        <li>
          <StatTile label={tStatus("IN_REVIEW")} value={n(summary.byStatus.IN_REVIEW)} href={`${list}?status=IN_REVIEW`} />
        </li>
        <li>
          <StatTile label={tStatus("RELEASED")} value={n(summary.byStatus.RELEASED)} href={`${list}?status=RELEASED`} />
        </li>
        <li>
          <StatTile
            label={t("tiles.overdueReviews")}
            value={n(summary.overdueReviews)}
            tone={summary.overdueReviews > 0 ? "warning" : "neutral"}
            hint={t("tiles.overdueReviewsHint")}
          />
        </li>
        <li>
          <StatTile label={t("tiles.vendors")} value={n(vendorCount)} />
        </li>
        <li>
          <StatTile label={t("tiles.thirdCountryTransfers")} value={n(summary.thirdCountryTransfers)} />
        </li>
        <li>
          <StatTile label={tStatus("ARCHIVED")} value={n(summary.byStatus.ARCHIVED)} href={`${list}?status=ARCHIVED`} />
        </li>
      </ul>

      <div className="mt-8">
        <Section id="cover-sheet" title={t("cover.title")} description={t("cover.description")}>
          <div className="grid gap-6 lg:grid-cols-2">
            <div>
              <h3 className="mb-2 font-semibold">{t("cover.controller")}</h3>
              <DescriptionList
                columns={1}
                items={[
                  { term: t("cover.name"), value: organisation.name },
                  ...(organisation.legalForm ? [{ term: t("cover.legalForm"), value: organisation.legalForm }] : []),
                  { term: t("cover.address"), value: address },
                  { term: t("cover.phone"), value: organisation.phone },
                  { term: t("cover.email"), value: organisation.email },
                  { term: t("cover.website"), value: <ExternalLink href={organisation.website} /> },
                  { term: t("cover.roles"), value: roles },
                  { term: t("cover.management"), value: organisation.management },
                  { term: t("cover.headOfDataProcessing"), value: organisation.headOfDataProcessing },
                  { term: t("cover.euRepresentative"), value: organisation.euRepresentative },
                ]}
              />
            </div>
            <div>
              <h3 className="mb-2 font-semibold">{t("cover.dpo")}</h3>
              <DescriptionList
                columns={1}
                items={[
                  { term: t("cover.dpoName"), value: dpo.name },
                  { term: t("cover.dpoType"), value: dpo.name || dpo.company ? (dpo.isExternal ? t("cover.dpoExternal") : t("cover.dpoInternal")) : null },
                  ...(dpo.isExternal ? [{ term: t("cover.dpoCompany"), value: dpo.company }] : []),
                  { term: t("cover.address"), value: dpo.address },
                  { term: t("cover.phone"), value: dpo.phone },
                  { term: t("cover.email"), value: dpo.email },
                ]}
              />
              <h3 className="mt-6 mb-2 font-semibold">{t("cover.supervisoryAuthority")}</h3>
              <DescriptionList columns={1} items={[{ term: t("cover.supervisoryAuthorityName"), value: organisation.supervisoryAuthority }]} />
            </div>
          </div>
        </Section>
      </div>
    </>
  );
}
