import { mount } from 'svelte';
import App from './App.svelte';
import { LiveSession } from './lib/session/live_session.svelte';
import { readLaunchOptions } from './ui/launch_options';
import './ui/global.css';

const target = document.getElementById('app');
if (!target) throw new Error('goniocam: #app is missing from index.html');

const launch = readLaunchOptions(window.location.search);
const session = new LiveSession({ bench: launch.bench });
if (launch.model) session.model = launch.model;
if (launch.backend) session.backend = launch.backend;

export default mount(App, { target, props: { session, autostart: launch.autostart === 'camera' } });
