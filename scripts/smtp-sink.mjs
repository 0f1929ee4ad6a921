// Local SMTP sink for development and the end-to-end tests: accepts every message on
// 127.0.0.1:<SMTP_SINK_PORT or 2525> (no TLS, no authentication) and appends it to
// <SMTP_SINK_FILE or .mail/outbox.jsonl>, one JSON object per line:
//
//   {"to":["user@example.com"],        envelope recipients (RCPT TO), lower-cased as sent
//    "from":"no-reply@localhost",      envelope sender (MAIL FROM)
//    "subject":"…",                    Subject header, RFC 2047 encoded-words decoded
//    "text":"…",                       decoded text/plain body (quoted-printable/base64 undone), "" if none
//    "links":["http://…/verify?…"],    every http(s) URL in the decoded text, in order
//    "raw":"…",                        the message exactly as received
//    "receivedAt":"2026-11-23T18:30:00.000Z"}
//
// Point the app at it with SMTP_HOST=127.0.0.1 SMTP_PORT=2525. The sign-in mail's first link is the
// confirm page (/verify?token=…&email=…&callbackUrl=…); open it and press the sign-in button.
// Usage: node scripts/smtp-sink.mjs
import { appendFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { SMTPServer } from "smtp-server";

const port = Number(process.env.SMTP_SINK_PORT ?? 2525);
const file = path.resolve(process.env.SMTP_SINK_FILE ?? ".mail/outbox.jsonl");
mkdirSync(path.dirname(file), { recursive: true });

/** Splits a raw message or MIME part into its unfolded headers (lower-case names) and body. */
function splitPart(raw) {
  const m = /\r?\n\r?\n/.exec(raw);
  const head = m ? raw.slice(0, m.index) : raw;
  const body = m ? raw.slice(m.index + m[0].length) : "";
  const headers = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const i = line.indexOf(":");
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  return { headers, body };
}

const bytesToUtf8 = (bytes) => Buffer.from(bytes).toString("utf8");

function decodeQuotedPrintable(s) {
  const soft = s.replace(/=\r?\n/g, "");
  const bytes = [];
  for (let i = 0; i < soft.length; i++) {
    const c = soft[i];
    if (c === "=" && /^[0-9A-Fa-f]{2}$/.test(soft.slice(i + 1, i + 3))) {
      bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(c, "utf8"));
    }
  }
  return bytesToUtf8(bytes);
}

function decodeBody(body, encoding = "") {
  const e = encoding.toLowerCase();
  if (e === "quoted-printable") return decodeQuotedPrintable(body);
  if (e === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  return body;
}

/** RFC 2047 encoded-words (=?UTF-8?Q?…?= / =?UTF-8?B?…?=) in a header value. */
function decodeHeader(value = "") {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_, _charset, kind, text) =>
      kind.toUpperCase() === "B"
        ? Buffer.from(text, "base64").toString("utf8")
        : decodeQuotedPrintable(text.replace(/_/g, " ")),
    );
}

/** The decoded text/plain content of a message (first such part of a multipart message). */
function plainText(raw) {
  const { headers, body } = splitPart(raw);
  const type = headers["content-type"] ?? "text/plain";
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (/^multipart\//i.test(type) && boundary) {
    for (const part of body.split(`--${boundary}`).slice(1)) {
      if (part.startsWith("--")) break;
      const text = plainText(part.replace(/^\r?\n/, ""));
      if (text !== null) return text;
    }
    return null;
  }
  if (/^text\/plain/i.test(type)) return decodeBody(body, headers["content-transfer-encoding"]);
  return null;
}

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  size: 5 * 1024 * 1024,
  onData(stream, session, callback) {
    const chunks = [];
    stream.on("data", (c) => chunks.push(c));
    stream.on("error", callback);
    stream.on("end", () => {
      try {
        const raw = Buffer.concat(chunks).toString("utf8");
        const text = plainText(raw) ?? "";
        const entry = {
          to: session.envelope.rcptTo.map((r) => r.address),
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          subject: decodeHeader(splitPart(raw).headers.subject),
          text,
          links: text.match(/https?:\/\/[^\s<>"]+/g) ?? [],
          raw,
          receivedAt: new Date().toISOString(),
        };
        appendFileSync(file, `${JSON.stringify(entry)}\n`);
        callback();
      } catch (e) {
        callback(e);
      }
    });
  },
});

server.on("error", (e) => {
  console.error(`[smtp-sink] ${e.message}`);
  process.exitCode = 1;
});

server.listen(port, "127.0.0.1", () => {
  console.log(`[smtp-sink] listening on 127.0.0.1:${port}, writing to ${file}`);
});

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
