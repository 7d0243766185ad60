// The command line the guided-clip tools share (guided_bodies.ts, seated_hold_methods.ts, seated_keypoint_bias.ts):
// `--name value` options, and which rig bodies `--bodies` names: a group of scripts/rig/cases.mjs BODY_GROUPS (dev,
// report; MakeHuman's committed clip has no per-body folder, so a group leaves it out) or ids separated by commas.
const argv = process.argv.slice(2);

/** The value after `--name`, or `fallback`. */
export const arg = (name: string, fallback: string): string =>
  argv.includes(name) ? argv[argv.indexOf(name) + 1]! : fallback;

/** Whether the bare flag `--name` was given. */
export const flag = (name: string): boolean => argv.includes(name);

/** The bodies `--bodies` names (a group, or ids). */
export async function bodiesArg(fallback: string): Promise<string[]> {
  const group = arg('--bodies', fallback);
  // cases.mjs has no type declarations: read as data.
  const casesModule = './rig/cases.mjs';
  const { BODY_GROUPS } = (await import(casesModule)) as { BODY_GROUPS: Record<string, string[]> };
  return BODY_GROUPS[group]?.filter((b) => b !== 'makehuman') ?? group.split(',');
}
