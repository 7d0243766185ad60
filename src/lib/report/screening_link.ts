// The trainer's screening link: which tests and sides, a client label, instructions and the trainer's
// public key, as JSON, deflated (CompressionStream) and base64url'd into the URL *fragment*, which
// browsers never send to a server. Opening a link is opening untrusted input: the decoder bounds the
// link's length and the inflated size, and validates every field (valibot) before the app acts on it.
import * as v from 'valibot';
import { deflate, fromBase64url, fromUtf8, inflate, toBase64url, utf8 } from './bytes';

export const LINK_FORMAT = 1;
/** The fragment route a link opens. */
export const LINK_ROUTE = '#/screen/';
/** Longer fragments are refused (a real one is ≈ 200–1500 characters; browsers cope with far more). */
export const MAX_LINK_CHARS = 8000;
/** Inflated payload ceiling: instructions are capped at 1000 characters, so 16 kB is ample. */
export const MAX_PAYLOAD_BYTES = 16 * 1024;

const RequestSchema = v.object({
  v: v.literal(LINK_FORMAT),
  tests: v.pipe(
    v.array(v.picklist(['seated', 'supine', 'prone', 'squat'])),
    v.minLength(1),
    v.maxLength(4),
    v.check((t) => new Set(t).size === t.length, 'a test is listed twice'),
  ),
  sides: v.pipe(
    v.array(v.picklist(['right', 'left'])),
    v.minLength(1),
    v.maxLength(2),
    v.check((s) => new Set(s).size === s.length, 'a side is listed twice'),
  ),
  client: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(100)),
  instructions: v.pipe(v.string(), v.maxLength(1000)),
  /** The trainer's ECDH P-256 public key, raw, base64url (87 characters). */
  key: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{87}$/, 'not a P-256 public key')),
});

export type ScreeningRequest = v.InferOutput<typeof RequestSchema>;

/** The fragment payload for a request (what follows LINK_ROUTE). */
export async function encodeScreeningRequest(req: ScreeningRequest): Promise<string> {
  const checked = v.parse(RequestSchema, req);
  return toBase64url(await deflate(utf8(JSON.stringify(checked))));
}

/** The whole link: this app's address with the request in its fragment. */
export async function screeningLink(appUrl: string, req: ScreeningRequest): Promise<string> {
  return `${appUrl.replace(/#.*$/, '')}${LINK_ROUTE}${await encodeScreeningRequest(req)}`;
}

export type Decoded = { ok: true; request: ScreeningRequest } | { ok: false; error: string };

/** A fragment ('#/screen/…') or bare payload → the request, or why the link cannot be used. */
export async function decodeScreeningRequest(fragment: string): Promise<Decoded> {
  const payload = fragment.startsWith(LINK_ROUTE) ? fragment.slice(LINK_ROUTE.length) : fragment;
  const broken = (why: string): Decoded => ({
    ok: false,
    error: `This screening link cannot be used: ${why}. Ask your trainer to send it again.`,
  });
  if (payload.length === 0) return broken('it is empty');
  if (payload.length > MAX_LINK_CHARS) return broken('it is far longer than a goniocam link');
  const bytes = fromBase64url(payload);
  if (!bytes) return broken('it was cut or altered (not base64url)');
  const raw = await inflate(bytes, MAX_PAYLOAD_BYTES);
  if (!raw) return broken('it was cut or altered (it does not unpack)');
  let json: unknown;
  try {
    json = JSON.parse(fromUtf8(raw));
  } catch {
    return broken('it was cut or altered (not JSON)');
  }
  const parsed = v.safeParse(RequestSchema, json);
  if (!parsed.success) {
    const where = parsed.issues
      .slice(0, 2)
      .map((i) => `${v.getDotPath(i) ?? 'the link'}: ${i.message}`)
      .join('; ');
    return broken(`it is not a goniocam ${LINK_FORMAT} link (${where})`);
  }
  return { ok: true, request: parsed.output };
}
