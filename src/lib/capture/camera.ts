import { describeCameraError, type CameraError } from './camera_errors';

export interface CameraRequest {
  readonly deviceId?: string;
  readonly width: number;
  readonly height: number;
}

export type CameraResult = { ok: true; stream: MediaStream } | { ok: false; error: CameraError };

/** Open a camera. An unsupported resolution falls back to the camera's default before giving up. */
export async function openCamera(req: CameraRequest): Promise<CameraResult> {
  if (!window.isSecureContext) return { ok: false, error: describeCameraError(null, false) };
  if (!navigator.mediaDevices?.getUserMedia) {
    return {
      ok: false,
      error: describeCameraError(Object.assign(new Error(), { name: 'NotSupportedError' }), true),
    };
  }
  const video: MediaTrackConstraints = {
    width: { ideal: req.width },
    height: { ideal: req.height },
    ...(req.deviceId ? { deviceId: { exact: req.deviceId } } : { facingMode: 'user' }),
  };
  try {
    return { ok: true, stream: await navigator.mediaDevices.getUserMedia({ video, audio: false }) };
  } catch (err) {
    if ((err as { name?: string })?.name === 'OverconstrainedError') {
      try {
        return { ok: true, stream: await navigator.mediaDevices.getUserMedia({ video: true, audio: false }) };
      } catch (err2) {
        return { ok: false, error: describeCameraError(err2, true) };
      }
    }
    return { ok: false, error: describeCameraError(err, true) };
  }
}

/** Video inputs; labels are empty until the user has granted the camera once (browser privacy rule). */
export async function listCameras(): Promise<MediaDeviceInfo[]> {
  if (!navigator.mediaDevices?.enumerateDevices) return [];
  const all = await navigator.mediaDevices.enumerateDevices();
  return all.filter((d) => d.kind === 'videoinput');
}

export function stopStream(stream: MediaStream | null): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}
