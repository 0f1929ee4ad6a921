import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { authorizePage, requireUser } from "@/lib/current-user";
import { updateTia } from "@/lib/tias/actions";
import { getTia } from "@/lib/tias/queries";
import { listCountries, listVendorOptions } from "@/lib/vendors/queries";
import { TiaForm } from "../../tia-form";

export async function generateMetadata() {
  const t = await getTranslations("measures.tias");
  return { title: t("editTitle") };
}

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

export default async function EditTiaPage({ params }: { params: Promise<{ orgId: string; id: string }> }) {
  const { orgId, id } = await params;
  const user = await requireUser();
  authorizePage(user, "tia:write", orgId);
  const a = await getTia(user, orgId, id);
  if (a.archivedAt) notFound();
  const t = await getTranslations("measures.tias");
  const locale = await getLocale();
  const [vendors, countries] = await Promise.all([listVendorOptions(user, orgId), listCountries()]);
  return (
    <>
      <PageHeader title={t("editTitle")} eyebrow={a.title} />
      <TiaForm
        action={updateTia.bind(null, orgId, id)}
        vendors={vendors.map((v) => ({ value: v.id, label: v.name, hint: v.country ?? undefined }))}
        countries={countries.map((c) => ({ value: c.code, label: locale === "en" ? c.label.en : c.label.de, hint: c.code }))}
        initial={{
          title: a.title, vendorId: a.vendorId, destinationCountry: a.destinationCountry, importerRole: a.importerRole, mechanism: a.mechanism, dataFormat: a.dataFormat,
          lawsAssessed: a.lawsAssessed, practicalExperience: a.practicalExperience, supplementaryMeasures: a.supplementaryMeasures, residualRisk: a.residualRisk,
          conclusion: a.conclusion, signedOffBy: a.signedOffBy, assessedAt: day(a.assessedAt), nextReviewAt: day(a.nextReviewAt), documentUrl: a.documentUrl,
        }}
        version={a.version}
        cancelHref={`/o/${orgId}/tias/${id}`}
      />
    </>
  );
}
