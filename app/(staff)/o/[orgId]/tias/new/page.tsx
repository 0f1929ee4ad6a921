import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { authorizePage, requireUser } from "@/lib/current-user";
import { createTia } from "@/lib/tias/actions";
import { listCountries, listVendorOptions } from "@/lib/vendors/queries";
import { TiaForm } from "../tia-form";

export async function generateMetadata() {
  const t = await getTranslations("measures.tias");
  return { title: t("newTitle") };
}

export default async function NewTiaPage({ params, searchParams }: { params: Promise<{ orgId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { orgId } = await params;
  const user = await requireUser();
  authorizePage(user, "tia:write", orgId);
  const sp = await searchParams;
  const t = await getTranslations("measures.tias");
  const locale = await getLocale();
  const [vendors, countries] = await Promise.all([listVendorOptions(user, orgId), listCountries()]);
  const preselected = typeof sp.vendor === "string" && vendors.some((v) => v.id === sp.vendor) ? sp.vendor : null;
  return (
    <>
      <PageHeader title={t("newTitle")} />
      <TiaForm
        action={createTia.bind(null, orgId)}
        vendors={vendors.map((v) => ({ value: v.id, label: v.name, hint: v.country ?? undefined }))}
        countries={countries.map((c) => ({ value: c.code, label: locale === "en" ? c.label.en : c.label.de, hint: c.code }))}
        initial={preselected ? {
          title: "", vendorId: preselected, destinationCountry: null, importerRole: null, mechanism: null, dataFormat: "CLEAR", lawsAssessed: null, practicalExperience: null,
          supplementaryMeasures: null, residualRisk: null, conclusion: null, signedOffBy: null, assessedAt: null, nextReviewAt: null, documentUrl: null,
        } : undefined}
        cancelHref={`/o/${orgId}/tias`}
      />
    </>
  );
}
