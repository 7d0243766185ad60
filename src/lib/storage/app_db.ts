// The one open connection the app's screens share (opening IndexedDB per call would race upgrades). A
// failure (private mode without storage, a blocked upgrade) is kept and re-thrown to each caller, so every
// screen can say "history is not available here" instead of hanging.
import { GoniocamDb } from './goniocam_db';

let opening: Promise<GoniocamDb> | null = null;

export function appDb(): Promise<GoniocamDb> {
  opening ??= GoniocamDb.open();
  return opening;
}
