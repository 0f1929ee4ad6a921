import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { authorizePage, requireUser } from "@/lib/current-user";
import { createAgreement } from "@/lib/agreements/actions";
import { listActivityChoices } from "@/lib/agreements/queries";
import { listVendorOptions } from "@/lib/vendors/queries";
import { AgreementForm } from "../agreement-form";

export async function generateMetadata() {
  const t = await getTranslations("vendor.agreements");
  return { title: t("newTitle") };
}

export default async function NewAgreementPage({ params, searchParams }: { params: Promise<{ orgId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { orgId } = await params;
  const user = await requireUser();
  authorizePage(user, "dpa:write", orgId);
  const sp = await searchParams;
  const t = await getTranslations("vendor.agreements");
  const [vendors, activities] = await Promise.all([listVendorOptions(user, orgId), listActivityChoices(user, orgId)]);
  const preselected = typeof sp.vendor === "string" && vendors.some((v) => v.id === sp.vendor) ? sp.vendor : "";
  return (
    <>
      <PageHeader title={t("newTitle")} />
      <AgreementForm
        action={createAgreement.bind(null, orgId)}
        vendors={vendors.map((v) => ({ value: v.id, label: v.name, hint: v.country ?? undefined }))}
        activities={activities.map((a) => ({ id: a.id, label: `${a.referenceNumber} – ${a.name}` }))}
        initial={preselected ? { vendorId: preselected, title: "", status: "DRAFT", signedAt: null, documentVersion: null, effectiveFrom: null, termEndsAt: null, nextReviewAt: null, checklist: {}, sccMechanism: null, documentRef: null, documentUrl: null, notes: null, activityIds: [] } : undefined}
        cancelHref={`/o/${orgId}/agreements`}
      />
    </>
  );
}
