// The drills goniocam can suggest, as data (from the clinical brief, in our own words). Passive drills
// gain range with help from gravity, body weight or a hand; active drills teach the muscles to own that
// range. Active control follows passive work, right after it in the same session, so new range becomes usable.

/** Which findings a drill fits: the `kind` part of a finding id (see FINDING_KINDS). */
export type FindingKind =
  | 'hir-below-minimum'
  | 'hir-asymmetry'
  | 'pattern-soft-tissue'
  | 'pattern-structural'
  | 'pattern-anteversion'
  | 'squat-valgus-with-limited-hir';

export interface Drill {
  readonly id: string;
  readonly name: string;
  readonly kind: 'passive' | 'active';
  /** What it works on, in plain words. */
  readonly targets: string;
  readonly steps: readonly string[];
  readonly safety: string;
  readonly fits: readonly FindingKind[];
}

const SHARP_PINCH =
  'Stop if you feel a sharp pinch at the front of the hip or in the groin: a stretch should feel like a pull, never a pinch. Pain that stays afterwards is a reason to see a physiotherapist or doctor.';

const LIMITED_IR: readonly FindingKind[] = [
  'hir-below-minimum',
  'hir-asymmetry',
  'pattern-soft-tissue',
  'squat-valgus-with-limited-hir',
];

/** In the order they should be done: passive first, then active. */
export const DRILLS: readonly Drill[] = [
  {
    id: 'modified-90-90',
    name: 'Modified 90/90 stretch',
    kind: 'passive',
    targets:
      'The muscles that turn the hip outward and the capsule at the back of the hip, on the leg turned inward (the back leg).',
    steps: [
      'Sit on the floor with both knees bent to about 90°: the front leg turned out in front of you, the back leg turned in at your side.',
      'Keep the knee and foot of the back leg resting on the floor.',
      'Sit tall, then slowly lean your chest forward over the shin of the front leg so your body weight deepens the stretch in the back hip.',
      'Hold the position, breathing slowly, then switch sides.',
    ],
    safety: SHARP_PINCH,
    fits: LIMITED_IR,
  },
  {
    id: 'supine-passive-ir',
    name: 'Lying passive inward rotation',
    kind: 'passive',
    targets: 'The hip capsule, by letting the ball of the thigh bone turn inward in the socket.',
    steps: [
      'Lie on your back and bend the hip and knee of the leg you are working on to 90°, knee straight above the hip.',
      'Hold the knee steady with one hand and the ankle with the other.',
      'Slowly guide the ankle outward so the thigh turns inward in the hip, keeping the knee where it is.',
      'Hold where you feel a gentle stretch, then return slowly.',
    ],
    safety: SHARP_PINCH,
    fits: LIMITED_IR,
  },
  {
    id: 'seated-ir-lift',
    name: 'Seated inward-rotation lift',
    kind: 'active',
    targets:
      'Strength of the muscles that turn the hip inward (front parts of the gluteus medius and minimus), to control the new range.',
    steps: [
      'Sit on a bench or chair high enough that your feet hang off the floor, knees bent to 90°, the other knee out to the side.',
      'Keep the knee still: do not let it drift out or lift.',
      'Lift the foot outward and up by turning the thigh inward, against gravity, as far as you can control.',
      'Lower it slowly. Do this right after the passive drills.',
    ],
    safety: SHARP_PINCH,
    fits: LIMITED_IR,
  },
  {
    id: 'hip-cars',
    name: 'Hip controlled rotations (CARs)',
    kind: 'active',
    targets:
      'Active control of the hip through its whole range, in every direction, without the trunk helping.',
    steps: [
      'Start on hands and knees, or stand holding something stable. Keep your trunk still and braced throughout.',
      'Bring one knee slowly up toward your chest.',
      'Turn the hip out and lift the knee out to the side.',
      'Sweep the leg back behind you while turning the hip inward, then return to the start.',
      'Make the circle with the knee as large as you can while only the hip moves; go slowly and reverse the direction.',
    ],
    safety: `${SHARP_PINCH} Move only within the range you can control.`,
    fits: [...LIMITED_IR, 'pattern-structural', 'pattern-anteversion'],
  },
];

/** Drill ids that fit a finding kind, passive before active (the order of DRILLS). */
export function drillsFor(kind: FindingKind): string[] {
  return DRILLS.filter((d) => d.fits.includes(kind)).map((d) => d.id);
}

export function drill(id: string): Drill | undefined {
  return DRILLS.find((d) => d.id === id);
}

/** The one line that explains the order, for any screen that lists drills. */
export const DRILL_ORDER_NOTE =
  'Do the passive drills first to gain range, then the active ones straight after so your muscles learn to control it.';
