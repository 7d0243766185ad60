// "Make available offline": the pose weights the tests use, stored in the Cache Storage cache the service worker
// reads them from (CacheFirst on /models/*, scripts/pwa/pwa_options.ts). The worker would also keep them on first
// use, but only once it controls the page; storing them here does not depend on that, and shows progress.
// The app shell and the tfjs wasm binaries are precached by the worker itself at install.
import { weightShardUrls } from '../pose/model_files';
import { staleCaches, type OfflineCacheNames } from './offline_cache';

declare const __GONIOCAM_OFFLINE_CACHES__: OfflineCacheNames;
/** The names vite.config.ts gave the service worker's caches for this build. */
export const OFFLINE_CACHES: OfflineCacheNames = __GONIOCAM_OFFLINE_CACHES__;

export interface FillProgress {
  readonly doneBytes: number;
  /** Bytes of every file, stored before or now; grows as the weight shards' sizes become known. */
  readonly totalBytes: number;
  readonly filesDone: number;
  readonly files: number;
}

export interface FillResult {
  readonly files: number;
  readonly bytes: number;
  /** Files that were stored already (by an earlier fill or the worker's first-use caching). */
  readonly alreadyStored: number;
}

async function download(url: string, signal?: AbortSignal): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(url, signal ? { signal } : {});
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new Error(`Could not download ${url}: the network is unreachable (${(err as Error).message}).`);
  }
  if (!res.ok) throw new Error(`Could not download ${url}: the server answered ${res.status}.`);
  return res;
}

/**
 * The body's size as the server announced it, or null: a compressed response's content-length counts the
 * compressed bytes (a server may gzip the JSON), not what the body stream yields.
 */
function announcedSize(res: Response): number | null {
  const enc = res.headers.get('content-encoding');
  if (enc && enc !== 'identity') return null;
  const n = Number(res.headers.get('content-length') ?? NaN);
  return Number.isFinite(n) ? n : null;
}

/** Reads a response's body, counting bytes as they arrive; refuses a body shorter or longer than announced. */
async function readCounting(url: string, res: Response, onBytes: (n: number) => void): Promise<Blob> {
  const announced = announcedSize(res);
  const reader = res.body?.getReader();
  if (!reader) throw new Error(`Could not download ${url}: the response has no body.`);
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let n = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    n += value.byteLength;
    onBytes(value.byteLength);
  }
  if (announced !== null && n !== announced)
    throw new Error(`Could not download ${url}: got ${n} of ${announced} bytes (the connection broke).`);
  return new Blob(chunks, { type: res.headers.get('content-type') ?? 'application/octet-stream' });
}

const stored = (blob: Blob) =>
  new Response(blob, {
    status: 200,
    headers: { 'content-type': blob.type, 'content-length': String(blob.size) },
  });

/** Model URLs are given relative to the app (`/models/x.json`); shards resolve against the JSON's absolute URL. */
const absolute = (url: string) => new URL(url, document.baseURI).href;

/**
 * Stores every model JSON in `jsonUrls` and the weight shards it names in `cacheName`, skipping what
 * is stored already. Everything is checked before anything is reported done: a broken download is not stored.
 */
export async function storeModelFiles(
  jsonUrls: readonly string[],
  cacheName: string,
  onProgress: (p: FillProgress) => void,
  signal?: AbortSignal,
): Promise<FillResult> {
  const cache = await caches.open(cacheName);
  let doneBytes = 0;
  let totalBytes = 0;
  let filesDone = 0;
  let files = jsonUrls.length;
  let alreadyStored = 0;
  const report = () => onProgress({ doneBytes, totalBytes, filesDone, files });

  // The JSONs first (small): they name the shards.
  const shards: string[] = [];
  for (const url of jsonUrls.map(absolute)) {
    const hit = await cache.match(url);
    const blob = hit ? await hit.blob() : await readCounting(url, await download(url, signal), () => {});
    let json: unknown;
    try {
      json = JSON.parse(await blob.text());
    } catch {
      throw new Error(`${url} is not a model file (not JSON).`);
    }
    for (const s of weightShardUrls(json, url)) if (!shards.includes(s)) shards.push(s);
    if (hit) alreadyStored++;
    else await cache.put(url, stored(blob));
    totalBytes += blob.size;
    doneBytes += blob.size;
    filesDone++;
    report();
  }

  files += shards.length;
  const missing: string[] = [];
  for (const url of shards) {
    const hit = await cache.match(url);
    if (hit) {
      const size = Number(hit.headers.get('content-length') ?? (await hit.blob()).size);
      alreadyStored++;
      filesDone++;
      totalBytes += size;
      doneBytes += size;
    } else missing.push(url);
  }
  report();
  // Ask for all missing shards at once, so their sizes (and the total) are known from the start; the bodies
  // are read one after another.
  const responses = await Promise.all(missing.map((u) => download(u, signal)));
  const sizes = responses.map(announcedSize);
  for (const n of sizes) totalBytes += n ?? 0;
  report();
  for (const [i, url] of missing.entries()) {
    const blob = await readCounting(url, responses[i]!, (n) => {
      doneBytes += n;
      report();
    });
    // A shard whose size was not announced counts once it is in.
    if (sizes[i] === null) totalBytes += blob.size;
    await cache.put(url, stored(blob));
    filesDone++;
    report();
  }
  return { files, bytes: totalBytes, alreadyStored };
}

/** Whether every file `storeModelFiles` would store is in `cacheName` already (no network). */
export async function modelFilesStored(jsonUrls: readonly string[], cacheName: string): Promise<boolean> {
  if (!(await caches.has(cacheName))) return false;
  const cache = await caches.open(cacheName);
  for (const url of jsonUrls.map(absolute)) {
    const res = await cache.match(url);
    if (!res) return false;
    let shards: string[];
    try {
      shards = weightShardUrls(await res.json(), url);
    } catch {
      return false;
    }
    for (const s of shards) if (!(await cache.match(s))) return false;
  }
  return true;
}

/** Deletes the caches an earlier build filled (other weights, another MediaPipe version). */
export async function deleteStaleCaches(current: OfflineCacheNames = OFFLINE_CACHES): Promise<string[]> {
  const stale = staleCaches(await caches.keys(), current);
  await Promise.all(stale.map((n) => caches.delete(n)));
  return stale;
}
