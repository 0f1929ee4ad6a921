// Guards for route handlers, which (unlike server actions) get no Origin check and no body limit from
// Next.js (reliability-checks §3.1; C09, C23).
import { env } from "@/lib/env";
import { ForbiddenError, PayloadTooLargeError } from "@/lib/errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The origin the app is served from (AUTH_URL), e.g. "https://register.example.com". */
export function appOrigin(): string {
  return env().AUTH_URL;
}

/**
 * Pure decision behind assertSameOrigin: a state-changing request is same-origin when its Origin
 * equals `expectedOrigin`, or when the browser marks it `Sec-Fetch-Site: same-origin`. A request with
 * neither (curl, an old browser without Origin on a POST) is refused.
 */
export function isSameOriginRequest(method: string, headers: Headers, expectedOrigin: string): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return true;
  const origin = headers.get("origin");
  if (origin !== null && origin !== "null" && origin === expectedOrigin) return true;
  return headers.get("sec-fetch-site") === "same-origin";
}

/** Throws ForbiddenError("errors.crossOrigin") (403) for a cross-origin non-GET request. */
export function assertSameOrigin(request: Request): void {
  if (!isSameOriginRequest(request.method, request.headers, appOrigin())) {
    throw new ForbiddenError("errors.crossOrigin");
  }
}

/**
 * Reads the request body with a hard byte limit: a declared Content-Length above the limit is refused
 * before reading, and the stream is cancelled as soon as it exceeds the limit.
 * Throws PayloadTooLargeError (413) beyond `maxBytes`.
 */
export async function readBodyLimited(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = request.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) > maxBytes) throw new PayloadTooLargeError(maxBytes);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new PayloadTooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    body.set(c, offset);
    offset += c.byteLength;
  }
  return body;
}
