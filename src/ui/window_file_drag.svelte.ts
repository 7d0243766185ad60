// A drag of files over the whole window: shared by the recording drop (a video anywhere on the app) and the
// trainer's import (report files anywhere on the trainer screen). Only drags that carry files are taken, so
// dragging text or a link does nothing, and a dropped file never makes the browser navigate away from the app.
// Enter and leave fire for every element crossed, so the drag is counted, not flagged.

const carriesFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;

export class WindowFileDrag {
  /** Nested dragenters not yet left; above 0 while files are held over the window. */
  depth = $state(0);
  readonly #onfiles: (files: FileList | undefined) => void;

  constructor(onfiles: (files: FileList | undefined) => void) {
    this.#onfiles = onfiles;
  }

  get active(): boolean {
    return this.depth > 0;
  }

  enter = (e: DragEvent): void => {
    if (!carriesFiles(e)) return;
    e.preventDefault();
    this.depth++;
  };

  over = (e: DragEvent): void => {
    if (!carriesFiles(e)) return;
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
  };

  leave = (e: DragEvent): void => {
    if (carriesFiles(e)) this.depth = Math.max(0, this.depth - 1);
  };

  drop = (e: DragEvent): void => {
    if (!carriesFiles(e)) return;
    e.preventDefault();
    this.depth = 0;
    this.#onfiles(e.dataTransfer?.files);
  };
}
