import { NotFoundPanel } from "@/components/not-found-panel";

/** 404 inside an organisation, rendered in the register's <main> (the layout adds navigation only for members). */
export default function OrganisationNotFound() {
  return <NotFoundPanel />;
}
