import { describe, expect, it } from 'vitest';
import { describeCameraError } from './camera_errors';

const named = (name: string) => Object.assign(new Error('x'), { name });

describe('describeCameraError', () => {
  it('explains the secure-context rule before anything else', () => {
    expect(describeCameraError(named('NotAllowedError'), false).kind).toBe('insecure');
  });

  it.each([
    ['NotAllowedError', 'denied'],
    ['NotFoundError', 'no-camera'],
    ['NotReadableError', 'busy'],
    ['OverconstrainedError', 'constraints'],
    ['TypeError', 'unsupported'],
    ['SomethingElse', 'unknown'],
  ])('maps %s to %s with a way forward', (name, kind) => {
    const e = describeCameraError(named(name), true);
    expect(e.kind).toBe(kind);
    expect(e.title.length).toBeGreaterThan(5);
    expect(e.action.length).toBeGreaterThan(20);
  });

  it('survives non-error values', () => {
    expect(describeCameraError(undefined, true).kind).toBe('unknown');
    expect(describeCameraError('boom', true).kind).toBe('unknown');
  });
});
