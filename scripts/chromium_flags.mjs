// The flags every headless Chromium launch here uses (tests, benchmark, render rig, frame decoding):
// no network chatter (this machine has no internet), no sandbox as root, no first-run UI.
export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

/** Software WebGL (SwiftShader): for three.js renders and the WebGL/MediaPipe backends on a GPU-less box. */
export const SWIFTSHADER_ARGS = ['--use-angle=swiftshader', '--enable-unsafe-swiftshader'];

/** Chromium's fake camera playing a y4m file through getUserMedia, permission granted. */
export const fakeCameraArgs = (y4mPath) => [
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  `--use-file-for-fake-video-capture=${y4mPath}`,
];
