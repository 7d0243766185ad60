// What the file dialog offers for a recording. The contents are checked for real after choosing
// (capture/video_sniff.ts); this only filters the dialog, so names and types are enough here.
export const VIDEO_ACCEPT = 'video/mp4,video/quicktime,video/webm,.mp4,.m4v,.mov,.webm';

/** The first file of a drop, if the drop carries files at all (text or links are ignored). */
export function droppedFile(files: FileList | readonly File[] | null | undefined): File | null {
  return files && files.length > 0 ? (files[0] ?? null) : null;
}
