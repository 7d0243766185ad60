// Every file a model needs, for storing them ahead of use (src/lib/storage/offline_fill.ts). A tfjs graph model
// is a JSON file naming its weight shards (weightsManifest[].paths, relative to the JSON); the app must fetch
// exactly those, so they are read from the JSON rather than spelled out a second time. The JSON is untrusted
// in the sense that a wrong one must fail here with its name, not send the app to another origin.
import type { ModelId } from '../types';
import { modelUrls } from './model_paths';

/** The model JSON files of `models` (MediaPipe's runtime has none: it is not stored ahead of use). */
export function modelJsonUrls(models: readonly ModelId[], baseUrl: string): string[] {
  const urls = models.flatMap((m) => Object.values(modelUrls(m, baseUrl)).filter((u) => u !== undefined));
  return [...new Set(urls)];
}

/**
 * The weight shard URLs a model JSON names, resolved against the JSON's absolute URL. Refuses a shard that is
 * not a plain file name beside the JSON (another folder or origin), and a JSON without weights.
 */
export function weightShardUrls(modelJson: unknown, jsonUrl: string): string[] {
  const manifest = (modelJson as { weightsManifest?: unknown } | null)?.weightsManifest;
  if (!Array.isArray(manifest) || manifest.length === 0)
    throw new Error(`${jsonUrl} has no weightsManifest: not a tfjs graph model`);
  const out: string[] = [];
  for (const group of manifest) {
    const paths = (group as { paths?: unknown } | null)?.paths;
    if (!Array.isArray(paths)) throw new Error(`${jsonUrl}: a weightsManifest group has no paths`);
    for (const p of paths) {
      if (typeof p !== 'string' || !/^[\w.-]+$/.test(p) || p.startsWith('.'))
        throw new Error(`${jsonUrl}: weight shard ${JSON.stringify(p)} is not a file beside the model`);
      out.push(new URL(p, jsonUrl).href);
    }
  }
  return out;
}
