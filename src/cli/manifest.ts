// Fixture manifests (goniocam-fixtures/1, ../shared/FIXTURES.md) are untrusted input: validated with valibot,
// every problem named with its path, files resolved inside the manifest's folder only.
import * as v from 'valibot';
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { STILL_TESTS } from '../lib/pipeline/measure_still';

const Case = v.looseObject({
  id: v.pipe(v.string(), v.minLength(1)),
  file: v.pipe(v.string(), v.minLength(1)),
  test: v.picklist(STILL_TESTS),
  side: v.picklist(['left', 'right']),
  truth: v.optional(
    v.looseObject({
      hipRotationDeg: v.optional(v.nullable(v.number())),
      fppaDeg: v.optional(v.nullable(v.number())),
    }),
  ),
  camera: v.optional(v.looseObject({})),
  expectMeasurable: v.optional(v.boolean()),
});

const Manifest = v.looseObject({
  format: v.literal('goniocam-fixtures/1'),
  source: v.optional(v.string()),
  cases: v.array(Case),
});

export type FixtureCase = v.InferOutput<typeof Case>;
export type FixtureManifest = v.InferOutput<typeof Manifest>;

export async function loadManifest(path: string): Promise<{ manifest: FixtureManifest; dir: string }> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    throw new Error(`Can't read ${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const parsed = v.safeParse(Manifest, raw);
  if (!parsed.success) {
    const issues = parsed.issues.slice(0, 5).map((i) => `${v.getDotPath(i) ?? '(root)'}: ${i.message}`);
    throw new Error(`${path} is not a goniocam-fixtures/1 manifest:\n  ${issues.join('\n  ')}`);
  }
  return { manifest: parsed.output, dir: dirname(resolve(path)) };
}

/** A case's file, refusing paths that leave the manifest's folder (a manifest is untrusted). */
export function caseFile(dir: string, file: string): string {
  const full = resolve(dir, file);
  const rel = relative(dir, full);
  if (rel.startsWith('..') || isAbsolute(rel))
    throw new Error(`case file ${file} is outside the manifest's folder`);
  return full;
}
