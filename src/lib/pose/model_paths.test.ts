import { describe, expect, it } from 'vitest';
import { MODEL_IDS } from './config';
import { mediapipeSolutionPath, modelUrls } from './model_paths';

describe('model paths', () => {
  it('puts every tfjs model file under <base>models/, never on another origin', () => {
    expect(modelUrls('movenet-lightning', '/app/')).toEqual({ model: '/app/models/movenet-lightning.json' });
    expect(modelUrls('movenet-thunder', '/')).toEqual({ model: '/models/movenet-thunder.json' });
    expect(modelUrls('blazepose-full', './')).toEqual({
      detector: './models/blazepose-detector.json',
      landmark: './models/blazepose-full.json',
    });
    for (const id of MODEL_IDS) {
      for (const url of Object.values(modelUrls(id, '/base/'))) {
        expect(url).toMatch(/^\/base\/models\/[a-z-]+\.json$/);
      }
    }
  });

  it('serves the MediaPipe runtime from the app base', () => {
    expect(modelUrls('mediapipe-full', '/')).toEqual({});
    expect(mediapipeSolutionPath('/app/')).toBe('/app/mediapipe/pose');
  });
});
