import type { ModelId } from '../lib/types';

export const MODEL_LABELS: Record<ModelId, string> = {
  'movenet-lightning': 'MoveNet Lightning (fast)',
  'movenet-thunder': 'MoveNet Thunder (accurate)',
  'blazepose-lite': 'BlazePose lite · 33 points + 3D',
  'blazepose-full': 'BlazePose full · 33 points + 3D',
  'mediapipe-lite': 'BlazePose lite · MediaPipe (GPU)',
  'mediapipe-full': 'BlazePose full · MediaPipe (GPU)',
};

export const RESOLUTIONS = ['640x480', '1280x720', '1920x1080'] as const;
