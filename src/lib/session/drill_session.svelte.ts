// The drills screen's state: which drill and side, a ProtocolSession fed by the drill's pipeline
// (pipeline/drill_pipeline.ts), each finished drill saved once to this device's history, and the history
// the gap view and the plan are drawn from.
import { APP_VERSION } from '../app_version';
import { drillPipeline } from '../pipeline/drill_pipeline';
import { finishDrill, type DrillState } from '../protocols/drills/drill_protocol';
import type { DrillId, DrillResult } from '../protocols/drills/drill_types';
import { drillRecord, type DrillRecord } from '../report/drill_record';
import type { SessionRecord } from '../report/session_record';
import { appDb } from '../storage/app_db';
import type { Side } from '../types';
import type { LiveSession } from './live_session.svelte';
import { ProtocolSession } from './protocol_session.svelte';
import type { Voice } from './voice.svelte';

export interface DrillHistory {
  readonly sessions: readonly SessionRecord[];
  readonly drills: readonly DrillRecord[];
  /** Rows that could not be read, with why (kept, not shown as numbers). */
  readonly unreadable: number;
}

export class DrillSession {
  drill = $state<DrillId>('modified-90-90');
  side = $state<Side>('right');
  readonly run: ProtocolSession<DrillState, DrillResult>;
  readonly voice: Voice;
  /** The record of the last finished drill, once saved. */
  saved = $state.raw<DrillRecord | null>(null);
  /** Why history could not be read or written, or null. */
  error = $state<string | null>(null);
  history = $state.raw<DrillHistory | null>(null);
  readonly #live: LiveSession;
  readonly #done = new WeakSet<object>();

  constructor(live: LiveSession, voice: Voice, opts: { pinnedModel?: boolean } = {}) {
    this.#live = live;
    this.voice = voice;
    this.run = new ProtocolSession(live, voice, (s) => s.s.phase === 'done', opts.pinnedModel ?? false);
  }

  get state(): DrillState | null {
    return this.run.state;
  }
  get result(): DrillResult | null {
    return this.run.result;
  }
  get running(): boolean {
    return this.run.running;
  }

  start(): Promise<void> {
    const p = drillPipeline(this.drill);
    this.saved = null;
    return this.run.begin({ protocol: p.protocol(this.side), model: p.model, rotation: p.rotation });
  }

  finish(): void {
    this.run.update(finishDrill);
  }

  exit(): void {
    this.run.exit();
  }

  /** Back to choosing a drill: the last result is put away (it is in history). */
  clear(): void {
    this.run.exit();
    this.run.result = null;
  }

  /** Keep a finished drill in history (once per result), then reload the history the gap view uses. */
  async save(result: DrillResult): Promise<void> {
    if (this.#done.has(result)) return;
    this.#done.add(result);
    const p = drillPipeline(result.drill);
    // A stamp stored with the record, never rendered reactively.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    const meta = { id: crypto.randomUUID(), createdAt: new Date() };
    const record = $state.snapshot(
      drillRecord(
        result,
        {
          placement: p.placement,
          model: this.#live.model,
          backend: this.#live.info?.backend ?? this.#live.backend,
          appVersion: APP_VERSION,
        },
        meta,
      ),
    ) as DrillRecord;
    try {
      await (await appDb()).saveDrill(record);
      this.saved = record;
      this.error = null;
    } catch (e) {
      this.error = `This drill could not be saved on this device (${String(e)}).`;
    }
    await this.loadHistory();
  }

  async loadHistory(): Promise<void> {
    try {
      const db = await appDb();
      const [sessions, drills] = await Promise.all([db.listSessions(), db.listDrills()]);
      this.history = {
        sessions: sessions.records,
        drills: drills.records,
        unreadable: sessions.unreadable.length + drills.unreadable.length,
      };
    } catch (e) {
      this.error = `History is not available here (${String(e)}).`;
    }
  }
}
