// User-chosen files. They are untrusted input: type and size are checked, decoding failures become
// a clear message, and nothing leaves the device (object URLs are local to this page).

export const MAX_VIDEO_BYTES = 2 * 1024 ** 3;
export const MAX_IMAGE_BYTES = 50 * 1024 ** 2;

export interface FileProblem {
  readonly title: string;
  readonly message: string;
  readonly action: string;
}

export type Loaded<T> = { ok: true; value: T; dispose: () => void } | { ok: false; error: FileProblem };

/** Open an image file as a decoded <img>. */
export async function loadImageFile(file: File): Promise<Loaded<HTMLImageElement>> {
  if (!file.type.startsWith('image/'))
    return bad(file, 'is not an image', 'Choose a JPEG, PNG or WebP photo.');
  if (file.size > MAX_IMAGE_BYTES) return bad(file, 'is larger than 50 MB', 'Choose a smaller photo.');
  const url = URL.createObjectURL(file);
  const img = new Image();
  img.src = url;
  try {
    await img.decode();
  } catch {
    URL.revokeObjectURL(url);
    return bad(
      file,
      'could not be decoded',
      'The file may be damaged or in a format this browser cannot read; try a JPEG or PNG.',
    );
  }
  return { ok: true, value: img, dispose: () => URL.revokeObjectURL(url) };
}

/** Point a <video> at a video file and wait until its first frame can be shown. */
export async function loadVideoFile(file: File, video: HTMLVideoElement): Promise<Loaded<HTMLVideoElement>> {
  if (!file.type.startsWith('video/') && !/\.(mp4|webm|mov|m4v|ogv)$/i.test(file.name)) {
    return bad(file, 'is not a video', 'Choose an MP4 (H.264) or WebM video.');
  }
  if (file.size > MAX_VIDEO_BYTES)
    return bad(file, 'is larger than 2 GB', 'Trim the video or choose a shorter clip.');
  const url = URL.createObjectURL(file);
  video.srcObject = null;
  video.src = url;
  const ready = await new Promise<boolean>((resolve) => {
    const done = (ok: boolean) => {
      video.removeEventListener('loadeddata', onOk);
      video.removeEventListener('error', onErr);
      resolve(ok);
    };
    const onOk = () => done(true);
    const onErr = () => done(false);
    video.addEventListener('loadeddata', onOk);
    video.addEventListener('error', onErr);
  });
  if (!ready || !video.videoWidth) {
    URL.revokeObjectURL(url);
    video.removeAttribute('src');
    return bad(
      file,
      'cannot be played in this browser',
      'It may use a codec the browser lacks; convert it to MP4 (H.264) or WebM.',
    );
  }
  return {
    ok: true,
    value: video,
    dispose: () => {
      video.pause();
      video.removeAttribute('src');
      video.load();
      URL.revokeObjectURL(url);
    },
  };
}

function bad<T>(file: File, what: string, action: string): Loaded<T> {
  return { ok: false, error: { title: `Can't open "${file.name}"`, message: `The file ${what}.`, action } };
}
