// The app's Content-Security-Policy, put into the built index.html as a <meta> tag (pwa_options.ts). Only the
// app's own origin may supply code, styles, workers, models and media. Each exception says why it exists:
//
// - script-src 'wasm-unsafe-eval': compiling WebAssembly counts as eval under CSP. The tfjs wasm backend (the
//   default backend: src/lib/pose/tfjs_backend.ts) and MediaPipe's runtime both compile .wasm binaries
//   (WebAssembly.instantiate / instantiateStreaming); without it no model runs. It allows wasm compilation
//   only, not JavaScript eval or new Function.
// - img-src / media-src blob:: a photo or video the user picks is shown from an object URL of the File (never
//   uploaded). Snapshots and charts are drawn on canvases, which need no source. The camera is a MediaStream
//   (srcObject), which CSP does not govern.
// - Inline scripts and inline style attributes are not allowed: Svelte's styles are built into .css files and
//   its style: directives set properties through the CSSOM, which CSP does not restrict.
// A <meta> policy cannot set frame-ancestors or report-uri; those need an HTTP header from the host.
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'worker-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'blob:'],
  'media-src': ["'self'", 'blob:'],
  'connect-src': ["'self'"],
  'font-src': ["'self'"],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'none'"],
};

export function cspContent(directives: Readonly<Record<string, readonly string[]>> = CSP_DIRECTIVES): string {
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}
