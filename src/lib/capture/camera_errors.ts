// Camera failures, in words a person 2 m from their laptop can act on. Pure: the DOMException's
// name and whether the page is a secure context go in, a message and a way forward come out.

export type CameraErrorKind =
  'insecure' | 'unsupported' | 'denied' | 'no-camera' | 'busy' | 'constraints' | 'unknown';

export interface CameraError {
  readonly kind: CameraErrorKind;
  readonly title: string;
  readonly message: string;
  /** What to do next. */
  readonly action: string;
}

export function describeCameraError(err: unknown, secureContext: boolean): CameraError {
  if (!secureContext) {
    return {
      kind: 'insecure',
      title: 'The camera needs a secure page',
      message: 'Browsers only allow the camera on https:// pages or on http://localhost.',
      action:
        'Open goniocam at http://localhost:4173 on this computer, or start it with "npm run start:lan" and use the https:// address.',
    };
  }
  const name = typeof err === 'object' && err && 'name' in err ? String((err as { name: unknown }).name) : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return {
        kind: 'denied',
        title: 'Camera permission was denied',
        message: 'goniocam cannot see the camera because the browser blocked it for this page.',
        action:
          'Click the camera icon in the address bar, allow the camera for this site, then press "Start camera" again. Or analyse a video or image file instead.',
      };
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError-no-device':
      return {
        kind: 'no-camera',
        title: 'No camera found',
        message: 'This device has no camera the browser can use (or it is switched off).',
        action: 'Connect a camera and press "Start camera" again, or open a video or image file instead.',
      };
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return {
        kind: 'busy',
        title: 'The camera is busy',
        message: 'Another app or browser tab is using the camera, or the system could not start it.',
        action: 'Close the other app (video call, another tab), then press "Start camera" again.',
      };
    case 'OverconstrainedError':
      return {
        kind: 'constraints',
        title: 'This camera cannot use that resolution',
        message: 'The camera rejected the requested resolution.',
        action: 'Choose another resolution (640×480 works on almost every camera) and start again.',
      };
    case 'TypeError':
    case 'NotSupportedError':
      return {
        kind: 'unsupported',
        title: 'This browser cannot open a camera',
        message: 'The camera API (getUserMedia) is not available here.',
        action: 'Use a current Chrome, Edge, Firefox or Safari, or open a video or image file instead.',
      };
    default:
      return {
        kind: 'unknown',
        title: 'The camera could not start',
        message:
          err instanceof Error && err.message ? err.message : 'An unexpected error came from the camera.',
        action:
          'Press "Start camera" again; if it keeps failing, reload the page or open a video file instead.',
      };
  }
}
