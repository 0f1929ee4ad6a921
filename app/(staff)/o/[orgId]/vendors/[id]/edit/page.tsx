import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { authorizePage, requireUser } from "@/lib/current-user";
import { updateVendor } from "@/lib/vendors/actions";
import { getVendor, listCountries } from "@/lib/vendors/queries";
import { VendorForm } from "../../vendor-form";

export async function generateMetadata() {
  const t = await getTranslations("vendor.form");
  return { title: t("editTitle") };
}

export default async function EditVendorPage({ params }: { params: Promise<{ orgId: string; id: string }> }) {
  const { orgId, id } = await params;
  const user = await requireUser();
  authorizePage(user, "vendor:write", orgId);
  const v = await getVendor(user, orgId, id);
  if (v.archivedAt) notFound();
  const locale = await getLocale();
  const t = await getTranslations("vendor.form");
  const countries = (await listCountries()).map((c) => ({ value: c.code, label: locale === "en" ? c.label.en : c.label.de, hint: c.code }));
  const initial = {
    name: v.name, legalForm: v.legalForm, kind: v.kind, street: v.address.street, postalCode: v.address.postalCode, city: v.address.city, country: v.countryCode,
    website: v.website, email: v.email, phone: v.phone, contactName: v.contactName, dpoName: v.dpo.name, dpoEmail: v.dpo.email, euRepresentative: v.euRepresentative,
    parentCompany: v.parentCompany, parentCountry: v.parentCountryCode, sector: v.sector, services: v.services, notes: v.notes,
  };
  return (
    <>
      <PageHeader title={t("editTitle")} eyebrow={v.name} />
      <VendorForm action={updateVendor.bind(null, orgId, id)} countries={countries} initial={initial} version={v.version} cancelHref={`/o/${orgId}/vendors/${id}`} />
    </>
  );
}
