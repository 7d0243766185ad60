import type { HipTestId } from '../../lib/protocols/types';

/** Where the camera goes for each test: the placements goniocam's accuracy was measured in (README). */
export const PLACEMENT_TEXT: Record<HipTestId, { caption: string; alt: string; how: string }> = {
  seated: {
    caption: 'Camera in front of you at knee height, 2–3 m away, facing your knees.',
    alt: 'A person sitting on a high bench, knees bent 90°, feet off the floor, the untested knee out to the side; the camera stands in front at knee height, 2 to 3 metres away.',
    how: 'Sit tall on a table or high bench, knees bent 90°, feet off the floor, the knee you are not testing out to the side so the feet cannot touch (it also lets the camera see both knees where they are). Keep the tested knee still and lift the foot outward (internal rotation) or inward (external).',
  },
  supine: {
    caption: 'Camera above your knees looking straight down (2–3 m: a tall tripod or a shelf).',
    alt: 'A person lying on their back, hip and knee bent 90°; the camera is above the knee looking down.',
    how: 'Lie on your back, bend the tested hip and knee to 90°, knee straight above the hip. Steady the knee with one hand and guide the ankle outward (internal) or inward (external) with the other.',
  },
  prone: {
    caption:
      'Camera behind your head on a stand about 1.5 m above the table, 2–3 m from your thighs, tilted down along your body toward your feet.',
    alt: 'A person lying face down with one knee bent 90°; the camera stands beyond their head, about 1.5 metres above the table and 2 to 3 metres from the thighs, tilted down toward the feet.',
    how: 'Lie face down with your head toward the camera, bend the tested knee to 90°, shin pointing at the ceiling. Keep the knee and both hips on the table (from here the camera cannot see the pelvis lift) and let the foot fall outward (internal) or inward (external). The picture shows you upside down; goniocam turns it for the pose model.',
  },
};
