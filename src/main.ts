import { mount } from 'svelte';
import App from './App.svelte';
import { GuidedSession, TEST_MODEL } from './lib/session/guided_session.svelte';
import { LiveSession } from './lib/session/live_session.svelte';
import { HipProgress } from './lib/session/hip_progress.svelte';
import { PeakKeeper } from './lib/session/peak_keeper.svelte';
import { ResultSaver } from './lib/session/result_saver.svelte';
import { OfflineSession } from './lib/session/offline_session.svelte';
import { SquatSession } from './lib/session/squat_session.svelte';
import { DrillSession } from './lib/session/drill_session.svelte';
import { Voice } from './lib/session/voice.svelte';
import { readLaunchOptions } from './ui/launch_options';
import './ui/global.css';

const target = document.getElementById('app');
if (!target) throw new Error('goniocam: #app is missing from index.html');

const launch = readLaunchOptions(window.location.search);
const session = new LiveSession({ bench: launch.bench });
// By default the model goniocam's accuracy was measured with (README); ?model= or the settings change it.
session.model = launch.model ?? TEST_MODEL;
if (launch.backend) session.backend = launch.backend;
if (launch.rotation !== undefined) session.rotation = launch.rotation;
const voice = new Voice();
const pinned = { pinnedModel: launch.model !== undefined };
const guided = new GuidedSession(session, voice, pinned);
const squat = new SquatSession(session, voice, pinned);
// Mobility drills coached from the pose (#/drills).
const drills = new DrillSession(session, voice, pinned);
// Each test's findings link to the other's result from the same session (valgus + limited HIR).
guided.linkSquat(() => squat.result);
squat.linkHip(() => guided.result);
if (launch.test) guided.test = launch.test;

// ?videohooks: the recorded-video decoder and session on window, for the e2e check and the benchmark.
if (new URLSearchParams(window.location.search).has('videohooks')) {
  void import('./lib/session/recording_hooks').then((m) => m.installRecordingHooks());
}

// Every finished result goes to this device's history (IndexedDB), once.
const saver = new ResultSaver(session);
// Each trial's peak for the report: the skeleton, a photo only if the person switched photos on.
const peaks = new PeakKeeper(session);
// A hip test left unfinished by a reload or a crash is offered back (resume or discard), peaks included.
const progress = new HipProgress(guided, peaks);
void progress.load();

// Installable and offline: what is stored for a start with no network, and "Make available offline".
const offline = new OfflineSession(() => session.model, import.meta.env.BASE_URL);
void offline.check();

export default mount(App, {
  target,
  props: { session, guided, squat, drills, launch, saver, offline, progress, peaks },
});
