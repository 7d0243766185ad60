// The one pipeline per drill (like hip_pipeline.ts): the model and frame turn its camera view needs, the
// placement in words, and the protocol the live session steps. The live screen and the replay tests feed
// poses into this and nothing else. Pure.
import type { FrameRotation } from '../pose/rotation';
import { drillProtocol, type DrillGoal, type DrillState } from '../protocols/drills/drill_protocol';
import type { DrillId, DrillResult } from '../protocols/drills/drill_types';
import type { Protocol } from '../protocols/types';
import type { ModelId, Side } from '../types';
import { TEST_MODELS, TEST_ROTATION } from './test_setup';

export interface DrillPipeline {
  readonly drill: DrillId;
  readonly model: ModelId;
  readonly rotation: FrameRotation;
  /** Where the camera goes, in plain words (shown with the diagram, stored with the record). */
  readonly placement: string;
  /** Which view the drill's numbers come from (the diagram to draw). */
  readonly view: 'overhead' | 'front-seated' | 'front-standing';
  protocol(side: Side, goal?: DrillGoal): Protocol<DrillState, DrillResult>;
}

const OVERHEAD =
  'Camera overhead, 2–2.5 m above the floor (a phone on a high shelf or a boom stand) looking straight down, your whole body in view, head at the top of the picture.';

const SETUP: Record<DrillId, Pick<DrillPipeline, 'model' | 'rotation' | 'placement' | 'view'>> = {
  // Seen from above like the supine test, whose model reads the overhead view best (test_setup.ts).
  'modified-90-90': {
    model: TEST_MODELS.supine,
    rotation: TEST_ROTATION.supine,
    placement: OVERHEAD,
    view: 'overhead',
  },
  'supine-passive-ir': {
    model: TEST_MODELS.supine,
    rotation: TEST_ROTATION.supine,
    placement: OVERHEAD,
    view: 'overhead',
  },
  // The seated test's view and geometry, so the lift's end range is the seated test's number.
  'seated-ir-lift': {
    model: TEST_MODELS.seated,
    rotation: TEST_ROTATION.seated,
    placement: 'Camera in front at knee height, 2–3 m away, both knees and feet in view, square to you.',
    view: 'front-seated',
  },
  'hip-cars': {
    model: TEST_MODELS.stand,
    rotation: TEST_ROTATION.stand,
    placement: 'Camera in front at hip height, 2–3 m away, your whole body in view, facing it straight on.',
    view: 'front-standing',
  },
};

export function drillPipeline(drill: DrillId): DrillPipeline {
  return { drill, ...SETUP[drill], protocol: (side, goal = {}) => drillProtocol(drill, side, goal) };
}
