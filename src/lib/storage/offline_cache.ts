// Names of the Cache Storage caches the service worker fills on first use (vite.config.ts → scripts/pwa/) and
// the app's "Make available offline" fills ahead of time. The files in them (model weights, the MediaPipe
// runtime) have no hash in their URLs, so a cache is named for the content it holds: when the weights or the
// runtime change, the name changes, the new files are fetched again and the app deletes the old cache.
// Pure: the build (Node) and the app compute the same names from the same inputs.

export const MODEL_CACHE_PREFIX = 'goniocam-models-';
export const MEDIAPIPE_CACHE_PREFIX = 'goniocam-mediapipe-';

export interface OfflineCacheNames {
  /** /models/*.json and *.bin, named for models/SHA256SUMS. */
  readonly models: string;
  /** /mediapipe/pose/*, named for the @mediapipe/pose version. */
  readonly mediapipe: string;
}

/** FNV-1a (32 bit) of a string's UTF-16 code units, 8 hex digits: short and stable, not a security hash. */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * `modelSums` is models/SHA256SUMS (one sha256 per weight file, checked by `npm run models:check`); line endings
 * and surrounding blanks do not count, so a checkout with CRLF names the same cache.
 */
export function offlineCacheNames(modelSums: string, mediapipeVersion: string): OfflineCacheNames {
  const sums = modelSums
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n');
  if (!sums) throw new Error('offlineCacheNames: models/SHA256SUMS is empty');
  if (!/^[\w.-]+$/.test(mediapipeVersion))
    throw new Error(`offlineCacheNames: bad @mediapipe/pose version "${mediapipeVersion}"`);
  return {
    models: `${MODEL_CACHE_PREFIX}${shortHash(sums)}`,
    mediapipe: `${MEDIAPIPE_CACHE_PREFIX}${mediapipeVersion}`,
  };
}

/** Caches of ours that an earlier build filled and the current one no longer reads. */
export function staleCaches(existing: readonly string[], current: OfflineCacheNames): string[] {
  const keep = new Set<string>([current.models, current.mediapipe]);
  return existing.filter(
    (n) => (n.startsWith(MODEL_CACHE_PREFIX) || n.startsWith(MEDIAPIPE_CACHE_PREFIX)) && !keep.has(n),
  );
}
