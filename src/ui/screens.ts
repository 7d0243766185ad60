// Which screen the app shows, kept in the URL hash so a bookmark or a screening link opens it directly.
export type Screen = 'hip' | 'squat' | 'recording' | 'live';
export const SCREENS: readonly { id: Screen; label: string }[] = [
  { id: 'hip', label: 'Hip rotation test' },
  { id: 'squat', label: 'Squat screen' },
  { id: 'recording', label: 'Recorded video' },
  { id: 'live', label: 'Live view' },
];

/** '#/squat' → 'squat'; anything unknown → the hip test (the product's main screen). */
export function screenFromHash(hash: string): Screen {
  const id = hash.replace(/^#\/?/, '').split(/[?/]/)[0];
  return SCREENS.some((s) => s.id === id) ? (id as Screen) : 'hip';
}
