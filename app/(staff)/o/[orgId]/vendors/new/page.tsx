import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { authorizePage, requireUser } from "@/lib/current-user";
import { createVendor } from "@/lib/vendors/actions";
import { listCountries } from "@/lib/vendors/queries";
import { VendorForm } from "../vendor-form";

export async function generateMetadata() {
  const t = await getTranslations("vendor.form");
  return { title: t("newTitle") };
}

export default async function NewVendorPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const user = await requireUser();
  authorizePage(user, "vendor:write", orgId);
  const locale = await getLocale();
  const t = await getTranslations("vendor.form");
  const countries = (await listCountries()).map((c) => ({ value: c.code, label: locale === "en" ? c.label.en : c.label.de, hint: c.code }));
  return (
    <>
      <PageHeader title={t("newTitle")} />
      <VendorForm action={createVendor.bind(null, orgId)} countries={countries} cancelHref={`/o/${orgId}/vendors`} />
    </>
  );
}
