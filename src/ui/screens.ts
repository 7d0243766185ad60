// Which screen the app shows, kept in the URL hash so a bookmark or a screening link opens it directly.
export type Screen =
  'hip' | 'squat' | 'drills' | 'recording' | 'live' | 'history' | 'trainer' | 'report' | 'screen';
/** The screens in the navigation bar. */
export const SCREENS: readonly { id: Screen; label: string }[] = [
  { id: 'hip', label: 'Hip rotation test' },
  { id: 'squat', label: 'Squat screen' },
  { id: 'drills', label: 'Drills' },
  { id: 'recording', label: 'Recorded video' },
  { id: 'live', label: 'Live view' },
  { id: 'history', label: 'History' },
  { id: 'trainer', label: 'Trainer' },
];
/** Screens reached by a link, not the navigation: one report (#/report/ID), a screening link (#/screen/…). */
const LINKED: readonly Screen[] = ['report', 'screen'];

/** '#/squat' → 'squat'; anything unknown → the hip test (the product's main screen). */
export function screenFromHash(hash: string): Screen {
  const id = hash.replace(/^#\/?/, '').split(/[?/]/)[0];
  return SCREENS.some((s) => s.id === id) || LINKED.includes(id as Screen) ? (id as Screen) : 'hip';
}

/** What follows the screen in the hash ('#/report/abc' → 'abc'), decoded; '' when nothing does. */
export function hashArgument(hash: string): string {
  const m = /^#\/?[a-z]+\/(.*)$/.exec(hash);
  if (!m) return '';
  try {
    return decodeURIComponent(m[1]!);
  } catch {
    return '';
  }
}
