import { describe, expect, it } from 'vitest';
import { readLaunchOptions } from './launch_options';

describe('readLaunchOptions', () => {
  it('reads known values', () => {
    expect(readLaunchOptions('?model=blazepose-full&backend=wasm&autostart=camera&bench')).toEqual({
      model: 'blazepose-full',
      backend: 'wasm',
      autostart: 'camera',
      bench: true,
    });
  });

  it('reads a guided test to start hands-free', () => {
    expect(readLaunchOptions('?test=prone&autostart=test')).toEqual({
      test: 'prone',
      autostart: 'test',
      bench: false,
    });
  });

  it('ignores unknown or hostile values', () => {
    expect(readLaunchOptions('?rotation=180&autostart=camera')).toEqual({
      rotation: 180,
      autostart: 'camera',
      bench: false,
    });
    expect(readLaunchOptions('?model=<script>&backend=cuda&autostart=mic&test=standing&rotation=90')).toEqual(
      {
        bench: false,
      },
    );
  });
});
