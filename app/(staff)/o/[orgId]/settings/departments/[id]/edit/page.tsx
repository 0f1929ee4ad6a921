import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { authorizePage, requireUser } from "@/lib/current-user";
import { updateDepartment } from "@/lib/departments/actions";
import { getDepartment } from "@/lib/departments/queries";
import { DepartmentForm } from "../../department-form";
import { SettingsTabs } from "@/components/settings-ui";

export async function generateMetadata() {
  const t = await getTranslations("orgsettings.departments");
  return { title: t("editTitle") };
}

export default async function EditDepartmentPage({ params }: { params: Promise<{ orgId: string; id: string }> }) {
  const { orgId, id } = await params;
  const user = await requireUser();
  authorizePage(user, "department:write", orgId);
  const d = await getDepartment(user, orgId, id);
  if (d.archivedAt) notFound();
  const t = await getTranslations("orgsettings.departments");
  return (
    <>
      <PageHeader title={t("editTitle")} eyebrow={d.name} />
      <SettingsTabs orgId={orgId} current="departments" />
      <DepartmentForm
        action={updateDepartment.bind(null, orgId, id)}
        initial={{ name: d.name, contactName: d.contactName, contactEmail: d.contactEmail, contactPhone: d.contactPhone }}
        version={d.version}
        cancelHref={`/o/${orgId}/settings/departments`}
      />
    </>
  );
}
