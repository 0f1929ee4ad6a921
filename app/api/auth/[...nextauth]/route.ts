// next-auth endpoints (callback, session, csrf, sign-out). lib/auth.ts wraps them: the raw e-mail
// callback answers GET with the confirm page, POSTs need a same-origin request, and links can only be
// requested through the login action.
import { handlers } from "@/lib/auth";

export const { GET, POST } = handlers;
