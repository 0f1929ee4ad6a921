import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { authorizePage, requireUser } from "@/lib/current-user";
import { updateOrganisation } from "@/lib/organisations/actions";
import { getOrganisationForEdit, listCountryOptions } from "@/lib/organisations/queries";
import { OrganisationForm } from "../organisation-form";
import { SettingsTabs } from "@/components/settings-ui";

export async function generateMetadata() {
  const t = await getTranslations("orgsettings.organisation");
  return { title: t("editTitle") };
}

/** Edit form of the cover sheet (DPO and ADMIN; others get a 404). */
export default async function EditOrganisationPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const user = await requireUser();
  authorizePage(user, "organisation:manage", orgId);
  const org = await getOrganisationForEdit(user, orgId);
  const countries = await listCountryOptions();
  const t = await getTranslations("orgsettings.organisation");
  return (
    <>
      <PageHeader title={t("editTitle")} eyebrow={org.values.name} description={t("editDescription")} />
      <SettingsTabs orgId={orgId} current="organisation" />
      <OrganisationForm
        action={updateOrganisation.bind(null, orgId)}
        initial={org.values}
        version={org.version}
        countries={countries}
        cancelHref={`/o/${orgId}/settings/organisation`}
      />
    </>
  );
}
