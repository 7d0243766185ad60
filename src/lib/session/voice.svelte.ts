// Spoken prompts (Web Speech synthesis) so a person 2–3 m from the laptop can follow a test hands-free.
// The newest instruction wins: a new prompt cancels one still being spoken. Mute is remembered.
const MUTE_KEY = 'goniocam.voice.muted';

export class Voice {
  muted = $state(readMuted());
  /** The last text given to the speech engine (shown on screen too, so nothing is audio-only). */
  lastSpoken = $state('');
  readonly available = typeof window !== 'undefined' && 'speechSynthesis' in window;

  say(text: string): void {
    this.lastSpoken = text;
    if (this.muted || !this.available) return;
    const synth = window.speechSynthesis;
    synth.cancel();
    const u = new SpeechSynthesisUtterance(text);
    u.rate = 1.0;
    synth.speak(u);
  }

  toggle(): void {
    this.muted = !this.muted;
    try {
      localStorage.setItem(MUTE_KEY, this.muted ? '1' : '0');
    } catch {
      // Private mode or storage disabled: the choice lasts for this page only.
    }
    if (this.muted && this.available) window.speechSynthesis.cancel();
  }

  stop(): void {
    if (this.available) window.speechSynthesis.cancel();
  }
}

function readMuted(): boolean {
  try {
    return typeof localStorage !== 'undefined' && localStorage.getItem(MUTE_KEY) === '1';
  } catch {
    return false;
  }
}
