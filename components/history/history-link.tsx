import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { secondaryButtonClass } from "@/components/form/styles";

/** "Version history" link in the header of an entry's page (C33). */
export async function HistoryLink({ href }: { href: string }) {
  const t = await getTranslations("history");
  return <Link href={href} className={secondaryButtonClass}>{t("link")}</Link>;
}
