// Sealing a screening client's results so only the trainer who asked can read them, and any change on
// the way is detected. Ephemeral-static ECDH on P-256 (the trainer's key from the link, a fresh key per
// file), HKDF-SHA-256 to an AES-256-GCM key, the header bound in as associated data. WebCrypto only, in the
// browser and in Node 20 alike.
//
// What it does not prove: the client's device made the numbers, and the client controls that device, so a
// sealed file shows what the app measured there, not that the numbers cannot have been forged.
import { fromBase64url, toBase64url, utf8 } from './bytes';

export const SEALED_FORMAT = 'goniocam-sealed/1';
/** A sealed reply holds a few reports; 6 MB is far above that and far below what hurts a browser tab. */
export const MAX_SEALED_BYTES = 6 * 1024 * 1024;

const EC = { name: 'ECDH', namedCurve: 'P-256' } as const;

/** The trainer's key pair: the private half cannot be exported (WebCrypto enforces it), only used. */
export function generateTrainerKeys(): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey(EC, false, ['deriveBits']) as Promise<CryptoKeyPair>;
}

/** The public key as it travels in a link: the 65-byte uncompressed point, base64url. */
export async function exportPublicKey(key: CryptoKey): Promise<string> {
  return toBase64url(new Uint8Array(await crypto.subtle.exportKey('raw', key)));
}

/** A public key from a link or a file; null when it is not a P-256 point. */
export async function importPublicKey(b64: string): Promise<CryptoKey | null> {
  const raw = fromBase64url(b64);
  if (!raw || raw.length !== 65 || raw[0] !== 4) return null;
  try {
    return await crypto.subtle.importKey('raw', raw as BufferSource, EC, true, []);
  } catch {
    return null;
  }
}

/** A short fingerprint a trainer can read aloud: the first 8 bytes of SHA-256 of the public key. */
export async function fingerprint(publicKeyB64: string): Promise<string> {
  const raw = fromBase64url(publicKeyB64) ?? new Uint8Array();
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', raw as BufferSource));
  const hex = [...hash.subarray(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return hex.match(/.{4}/g)!.join('-');
}

interface Sealed {
  readonly format: typeof SEALED_FORMAT;
  /** Fingerprint of the trainer key it was sealed to. */
  readonly to: string;
  /** The ephemeral public key (base64url). */
  readonly epk: string;
  readonly salt: string;
  readonly iv: string;
  readonly ct: string;
}

/** Seal bytes to the trainer's public key (from their link): the text of a .goniocam file. */
export async function sealForTrainer(plaintext: Uint8Array, trainerPublicKeyB64: string): Promise<string> {
  const trainer = await importPublicKey(trainerPublicKeyB64);
  if (!trainer) throw new Error("The screening link's key is not a valid P-256 public key.");
  const eph = (await crypto.subtle.generateKey(EC, true, ['deriveBits'])) as CryptoKeyPair;
  const epk = await exportPublicKey(eph.publicKey);
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const to = await fingerprint(trainerPublicKeyB64);
  const key = await aesKey(eph.privateKey, trainer, salt, to);
  const header = { format: SEALED_FORMAT, to, epk, salt: toBase64url(salt), iv: toBase64url(iv) } as const;
  const ct = new Uint8Array(
    await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: aad(header) as BufferSource },
      key,
      plaintext as BufferSource,
    ),
  );
  const sealed: Sealed = { ...header, ct: toBase64url(ct) };
  return JSON.stringify(sealed);
}

export type Opened = { ok: true; plaintext: Uint8Array } | { ok: false; error: string };

/** Open a .goniocam file with the trainer's key pair; every failure is a sentence, never a throw. */
export async function openSealed(text: string, trainer: CryptoKeyPair): Promise<Opened> {
  if (text.length > MAX_SEALED_BYTES)
    return { ok: false, error: 'The file is too large for a goniocam reply.' };
  const s = parseSealed(text);
  if (!s) return { ok: false, error: 'This is not a sealed goniocam file.' };
  const mine = await fingerprint(await exportPublicKey(trainer.publicKey));
  if (s.to !== mine)
    return {
      ok: false,
      error: `This file was sealed to another trainer's key (${s.to}); yours is ${mine}. Only that trainer can open it.`,
    };
  const epk = await importPublicKey(s.epk);
  const salt = fromBase64url(s.salt);
  const iv = fromBase64url(s.iv);
  const ct = fromBase64url(s.ct);
  if (!epk || !salt || salt.length !== 16 || !iv || iv.length !== 12 || !ct)
    return { ok: false, error: 'This sealed goniocam file is damaged.' };
  try {
    const key = await aesKey(trainer.privateKey, epk, salt, s.to);
    const pt = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: iv as BufferSource, additionalData: aad(s) as BufferSource },
      key,
      ct as BufferSource,
    );
    return { ok: true, plaintext: new Uint8Array(pt) };
  } catch {
    return {
      ok: false,
      error:
        'This file was changed after it was sealed, or it was not sealed to your key: it cannot be opened.',
    };
  }
}

function parseSealed(text: string): Sealed | null {
  let j: unknown;
  try {
    j = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof j !== 'object' || j === null) return null;
  const o = j as Record<string, unknown>;
  const str = (k: string) => typeof o[k] === 'string' && (o[k] as string).length <= MAX_SEALED_BYTES;
  if (o.format !== SEALED_FORMAT || !['to', 'epk', 'salt', 'iv', 'ct'].every(str)) return null;
  return o as unknown as Sealed;
}

/** The header is authenticated with the ciphertext: change the recipient or the key and decryption fails. */
function aad(h: Pick<Sealed, 'format' | 'to' | 'epk' | 'salt' | 'iv'>): Uint8Array {
  return utf8(`${h.format}|${h.to}|${h.epk}|${h.salt}|${h.iv}`);
}

async function aesKey(priv: CryptoKey, pub: CryptoKey, salt: Uint8Array, to: string): Promise<CryptoKey> {
  const shared = await crypto.subtle.deriveBits({ name: 'ECDH', public: pub }, priv, 256);
  const hkdf = await crypto.subtle.importKey('raw', shared, 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    {
      name: 'HKDF',
      hash: 'SHA-256',
      salt: salt as BufferSource,
      info: utf8(`${SEALED_FORMAT} to ${to}`) as BufferSource,
    },
    hkdf,
    { name: 'AES-GCM', length: 256 },
    false,
    ['decrypt', 'encrypt'],
  );
}
