import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MODEL_IDS } from './config';
import { modelJsonUrls, weightShardUrls } from './model_files';

const modelJson = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../../models/${name}.json`, import.meta.url), 'utf8'));

describe('model files', () => {
  it('lists each JSON once, BlazePose detector shared, MediaPipe none', () => {
    expect(
      modelJsonUrls(['blazepose-full', 'blazepose-lite', 'movenet-thunder', 'mediapipe-full'], '/'),
    ).toEqual([
      '/models/blazepose-detector.json',
      '/models/blazepose-full.json',
      '/models/blazepose-lite.json',
      '/models/movenet-thunder.json',
    ]);
  });

  it('reads the committed models’ shards, each a file that exists in models/', () => {
    for (const id of MODEL_IDS) {
      for (const json of modelJsonUrls([id], '/')) {
        const name = json.replace('/models/', '').replace('.json', '');
        const shards = weightShardUrls(modelJson(name), `http://127.0.0.1:4173${json}`);
        expect(shards.length).toBeGreaterThan(0);
        for (const s of shards) {
          expect(s).toMatch(/^http:\/\/127\.0\.0\.1:4173\/models\/[\w.-]+\.bin$/);
          const file = new URL(`../../../models/${s.split('/').pop()}`, import.meta.url);
          expect(readFileSync(file).length).toBeGreaterThan(100_000);
        }
      }
    }
  });

  it('refuses shards outside the model’s folder and JSON that is not a graph model', () => {
    const url = 'http://127.0.0.1/models/x.json';
    for (const bad of [
      '../secret.bin',
      'http://evil.example/w.bin',
      '//evil.example/w.bin',
      'a/b.bin',
      7,
      '..',
    ])
      expect(() => weightShardUrls({ weightsManifest: [{ paths: [bad] }] }, url)).toThrow(
        /not a file beside/,
      );
    expect(() => weightShardUrls({}, url)).toThrow(/no weightsManifest/);
    expect(() => weightShardUrls(null, url)).toThrow(/no weightsManifest/);
    expect(() => weightShardUrls({ weightsManifest: [{}] }, url)).toThrow(/no paths/);
  });
});
