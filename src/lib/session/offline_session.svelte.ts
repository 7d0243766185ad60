// Whether goniocam can start and run a test with no network here, and "Make available offline". The service
// worker (scripts/pwa/pwa_options.ts) precaches the app shell when it installs; this class stores the pose
// weights every test uses (plus the model chosen now) in the cache the worker reads them from, and asks the
// browser to keep that storage (navigator.storage.persist()) rather than evict it under pressure.
import { TEST_MODELS } from '../pipeline/test_setup';
import { modelJsonUrls } from '../pose/model_files';
import type { FillProgress } from '../storage/offline_fill';
import {
  OFFLINE_CACHES,
  deleteStaleCaches,
  modelFilesStored,
  storeModelFiles,
} from '../storage/offline_fill';
import type { ModelId } from '../types';

export type OfflineState =
  /** Looking in the cache. */
  | 'checking'
  /** No Cache Storage or service workers here (an old browser, or a page not served over https/localhost). */
  | 'unsupported'
  | 'not-stored'
  | 'storing'
  /** Every weight file the tests use is stored. */
  | 'stored'
  | 'failed';

export class OfflineSession {
  state = $state<OfflineState>('checking');
  progress = $state.raw<FillProgress | null>(null);
  error = $state<string | null>(null);
  /** Whether the app shell is installed (a service worker is active): only then does it open offline. */
  shellReady = $state(false);
  /** The browser's answer to persist() (null: not asked yet, or not supported). */
  persisted = $state<boolean | null>(null);
  readonly #chosenModel: () => ModelId;
  readonly #baseUrl: string;

  /** `chosenModel`: the model picked now (settings or ?model=), stored as well as the tests' own. */
  constructor(chosenModel: () => ModelId, baseUrl: string) {
    this.#chosenModel = chosenModel;
    this.#baseUrl = baseUrl;
  }

  /** The models stored: each test's (pipeline/test_setup.ts) and the one chosen now. */
  get models(): ModelId[] {
    const all = [...Object.values(TEST_MODELS), this.#chosenModel()];
    return all.filter((m, i) => all.indexOf(m) === i);
  }

  #jsonUrls(): string[] {
    return modelJsonUrls(this.models, this.#baseUrl);
  }

  /** Looks (without network) at what is stored; drops caches earlier builds left. */
  async check(): Promise<void> {
    if (!('caches' in window) || !('serviceWorker' in navigator)) {
      this.state = 'unsupported';
      return;
    }
    // Resolves once a worker is active for this page's scope: never on the dev server, which registers none.
    void navigator.serviceWorker.ready.then(() => (this.shellReady = true));
    this.persisted = (await navigator.storage?.persisted?.().catch(() => null)) ?? null;
    await deleteStaleCaches().catch(() => []);
    const stored = await modelFilesStored(this.#jsonUrls(), OFFLINE_CACHES.models).catch(() => false);
    if (this.state === 'checking') this.state = stored ? 'stored' : 'not-stored';
  }

  async makeAvailable(): Promise<void> {
    if (this.state === 'storing' || this.state === 'unsupported') return;
    this.state = 'storing';
    this.error = null;
    this.progress = null;
    // Asked on the person's click: browsers grant it more readily for a user action.
    this.persisted = (await navigator.storage?.persist?.().catch(() => false)) ?? null;
    try {
      await storeModelFiles(this.#jsonUrls(), OFFLINE_CACHES.models, (p) => (this.progress = p));
      this.state = 'stored';
    } catch (err) {
      this.error = (err as Error).message;
      this.state = 'failed';
    }
  }
}
