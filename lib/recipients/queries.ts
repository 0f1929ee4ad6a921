import "server-only";
// Read side of the recipients page of one activity: its recipients with transfers, and the choices of the
// forms (vendors, departments, recipient categories, data categories, countries, TIAs), all scoped by the
// organisation in the URL and the user's membership.
import { notFound } from "next/navigation";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/current-user";
import type { Label } from "@/lib/activities/queries";
import type { RecipientKind, RecipientRole, TransferAccess, TransferMechanism } from "@/prisma/generated/sqlite/enums";

export type TransferRow = {
  id: string; version: number; destinationCountry: string | null; internationalOrganisation: string | null; access: TransferAccess; viaVendorId: string | null;
  viaVendorName: string | null; mechanism: TransferMechanism; mechanismNote: string | null; contractConcludedAt: Date | null; isRegular: boolean;
  importerSubjectToGdpr: boolean; art49Assessment: string | null; saInformedAt: Date | null; tiaId: string | null; tiaReference: string | null; tiaDate: Date | null;
  supplementaryMeasures: string | null; evidenceUrl: string | null; note: string | null;
};
export type RecipientRow = {
  id: string; version: number; kind: RecipientKind; vendorId: string | null; vendorName: string | null; departmentId: string | null; departmentName: string | null;
  categoryCode: string | null; role: RecipientRole; service: string | null; dataCategoryIds: string[]; transfers: TransferRow[];
};
export type RecipientsPage = {
  activity: { id: string; name: string; referenceNumber: string; isArchived: boolean; version: number };
  recipients: RecipientRow[];
  choices: {
    vendors: { id: string; name: string; country: string | null }[];
    departments: { id: string; name: string }[];
    categories: { code: string; label: Label }[];
    dataCategories: { id: string; label: Label; isSpecialCategory: boolean }[];
    countries: { code: string; label: Label }[];
    tias: { id: string; title: string }[];
  };
};

export async function getRecipientsPage(user: CurrentUser, orgId: string, activityId: string): Promise<RecipientsPage> {
  const scope = { organisationId: orgId, organisation: { memberships: { some: { userId: user.id } } } };
  const a = await db.processingActivity.findFirst({
    where: { ...scope, id: activityId },
    select: {
      id: true, name: true, referenceNumber: true, archivedAt: true, status: true, version: true,
      dataCategories: { select: { id: true, categoryCode: true, isSpecialCategory: true }, orderBy: { id: "asc" } },
      recipients: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true, version: true, kind: true, vendorId: true, departmentId: true, categoryCode: true, role: true, service: true,
          vendor: { select: { name: true } }, department: { select: { name: true } }, dataCategories: { select: { dataCategoryId: true } },
          transfers: { where: { archivedAt: null }, orderBy: { createdAt: "asc" }, omit: { createdAt: true, updatedAt: true, createdById: true, updatedById: true, organisationId: true, recipientId: true, archivedAt: true }, include: { viaVendor: { select: { name: true } } } },
        },
      },
    },
  });
  if (!a) notFound();
  const [vendors, departments, terms, countries, tias] = await Promise.all([
    db.vendor.findMany({ where: { ...scope, archivedAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true, country: true } }),
    db.department.findMany({ where: { ...scope, archivedAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.vocabularyTerm.findMany({
      where: { kind: { in: ["RECIPIENT_CATEGORY", "DATA_CATEGORY"] }, archivedAt: null, OR: [{ organisationId: null }, { organisationId: orgId }] },
      orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
      select: { kind: true, code: true, labelDe: true, labelEn: true },
    }),
    db.country.findMany({ orderBy: { code: "asc" }, select: { code: true, nameDe: true, nameEn: true } }),
    db.transferImpactAssessment.findMany({ where: { ...scope }, orderBy: { title: "asc" }, select: { id: true, title: true } }),
  ]);
  const dataLabels = new Map(terms.filter((x) => x.kind === "DATA_CATEGORY").map((x) => [x.code, { de: x.labelDe, en: x.labelEn }]));
  return {
    activity: { id: a.id, name: a.name, referenceNumber: a.referenceNumber, isArchived: a.archivedAt !== null || a.status === "ARCHIVED", version: a.version },
    recipients: a.recipients.map((r) => ({
      id: r.id, version: r.version, kind: r.kind, vendorId: r.vendorId, vendorName: r.vendor?.name ?? null, departmentId: r.departmentId, departmentName: r.department?.name ?? null,
      categoryCode: r.categoryCode, role: r.role, service: r.service, dataCategoryIds: r.dataCategories.map((d) => d.dataCategoryId),
      transfers: r.transfers.map(({ viaVendor, ...tr }) => ({ ...tr, viaVendorName: viaVendor?.name ?? null })),
    })),
    choices: {
      vendors, departments, tias,
      categories: terms.filter((x) => x.kind === "RECIPIENT_CATEGORY").map((x) => ({ code: x.code, label: { de: x.labelDe, en: x.labelEn } })),
      dataCategories: a.dataCategories.map((d) => ({ id: d.id, isSpecialCategory: d.isSpecialCategory, label: dataLabels.get(d.categoryCode) ?? { de: d.categoryCode, en: d.categoryCode } })),
      countries: countries.map((c) => ({ code: c.code, label: { de: c.nameDe, en: c.nameEn } })),
    },
  };
}
