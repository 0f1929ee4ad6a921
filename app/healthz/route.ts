// Liveness and readiness for load balancers: 200 {status:"ok"} when the database answers a trivial
// query, 503 otherwise. No authentication and no data in the answer.
import { db } from "@/lib/db";
import { errorSummary } from "@/lib/errors";
import { logEvent } from "@/lib/log";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };

export async function GET(): Promise<Response> {
  try {
    await db.$queryRaw`SELECT 1`;
    return Response.json({ status: "ok" }, { headers: NO_STORE });
  } catch (e) {
    logEvent("error", "healthz.database", { error: errorSummary(e) });
    return Response.json({ status: "unavailable" }, { status: 503, headers: { ...NO_STORE, "Retry-After": "5" } });
  }
}
