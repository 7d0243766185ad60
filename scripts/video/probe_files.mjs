#!/usr/bin/env node
// node scripts/video/probe_files.mjs FILE… [--json]
// What each video file does in the tools the app and the CLI rely on: ffprobe (the CLI's decoder), and in headless
// Debian Chromium mediabunny (demux + WebCodecs decode of every frame, as the app does) and a <video> element
// (the app's fallback). The page is routed at http://localhost (a secure context, or WebCodecs is absent).
// For writing down what the bad files do (test-fixtures/video/bad/README.md); not a test.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium_flags.mjs';

const files = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const asJson = process.argv.includes('--json');
const BUNDLE = new URL('../../node_modules/mediabunny/dist/bundles/mediabunny.min.mjs', import.meta.url)
  .pathname;

function ffprobe(path) {
  try {
    const out = execFileSync(
      'ffprobe',
      [
        '-v',
        'error',
        '-show_entries',
        'stream=codec_type,codec_name,width,height,nb_frames:format=format_name',
        '-of',
        'json',
        path,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const j = JSON.parse(out.toString());
    return {
      ok: true,
      format: j.format?.format_name,
      streams: (j.streams ?? []).map((s) =>
        [s.codec_type, s.codec_name, s.width, s.nb_frames].filter(Boolean).join(' '),
      ),
    };
  } catch (e) {
    return { ok: false, error: e.stderr?.toString().trim().split('\n').at(-1) };
  }
}

/** Decoding every frame with ffmpeg, as the CLI does: frames out, exit status, and the decoder's complaints. */
function ffmpegDecode(path) {
  const r = spawnSync('ffmpeg', [
    '-v',
    'error',
    '-i',
    path,
    '-map',
    '0:v:0?',
    '-fps_mode',
    'passthrough',
    '-enc_time_base', // ms, or the null muxer's coarse default time base complains about variable-rate frames
    '1:1000',
    '-f',
    'null',
    '-',
    '-progress',
    'pipe:1',
  ]);
  const frames = Number([...r.stdout.toString().matchAll(/frame=(\d+)/g)].at(-1)?.[1] ?? 0);
  const errors = r.stderr.toString().trim().split('\n').filter(Boolean);
  return { frames, exit: r.status, errors: errors.length, firstError: errors[0] ?? null };
}

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const results = [];
try {
  const page = await browser.newPage();
  await page.route('http://localhost:9/**', (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/')
      return route.fulfill({ body: '<!doctype html><body></body>', contentType: 'text/html' });
    if (url.pathname === '/mediabunny.mjs')
      return route.fulfill({ body: readFileSync(BUNDLE), contentType: 'text/javascript' });
    return route.fulfill({
      body: readFileSync(decodeURIComponent(url.pathname.slice('/file'.length))),
      contentType: 'application/octet-stream',
    });
  });
  await page.goto('http://localhost:9/');
  for (const path of files) {
    const inBrowser = await page.evaluate(
      async (url) => {
        const mb = await import('http://localhost:9/mediabunny.mjs');
        const blob = await (await fetch(url)).blob();
        const out = { bytes: blob.size };
        try {
          const input = new mb.Input({ formats: mb.ALL_FORMATS, source: new mb.BlobSource(blob) });
          out.format = (await input.getFormat()).name;
          const track = await input.getPrimaryVideoTrack();
          out.audioTracks = (await input.getAudioTracks()).length;
          if (!track) out.video = 'no video track';
          else {
            out.codec = track.codec;
            out.codecString = await track.getCodecParameterString();
            out.coded = `${track.codedWidth}x${track.codedHeight}`;
            out.rotation = track.rotation;
            out.durationS = Math.round((await track.computeDuration()) * 1000) / 1000;
            out.packets = (await track.computePacketStats()).packetCount;
            out.canDecode = await track.canDecode();
            if (out.canDecode) {
              const ts = [];
              try {
                for await (const s of new mb.VideoSampleSink(track).samples()) {
                  ts.push(Math.round(s.timestamp * 1000));
                  s.close();
                }
              } catch (e) {
                out.decodeError = `${e.name}: ${e.message}`;
              }
              out.decoded = ts.length;
              out.lastMs = ts.at(-1) ?? null;
            }
          }
        } catch (e) {
          out.error = `${e.name}: ${e.message}`;
        }
        // The <video> fallback: metadata, or the element's error.
        out.videoElement = await new Promise((res) => {
          const v = document.createElement('video');
          v.muted = true;
          const done = (s) => {
            URL.revokeObjectURL(v.src);
            res(s);
          };
          v.onloadeddata = () => done(`loaded ${v.videoWidth}x${v.videoHeight} ${v.duration.toFixed(1)} s`);
          v.onerror = () => done(`error ${v.error?.code} ${v.error?.message ?? ''}`.trim());
          setTimeout(() => done('no event in 5 s'), 5000);
          v.src = URL.createObjectURL(blob);
        });
        return out;
      },
      `http://localhost:9/file${encodeURIComponent(path).replace(/%2F/g, '/')}`,
    );
    results.push({
      file: basename(path),
      ffprobe: ffprobe(path),
      ffmpeg: ffmpegDecode(path),
      chromium: inBrowser,
    });
  }
} finally {
  await browser.close();
}
if (asJson) console.log(JSON.stringify(results, null, 1));
else
  for (const r of results) {
    console.log(`\n${r.file}`);
    console.log(
      `  ffprobe: ${r.ffprobe.ok ? `${r.ffprobe.format}; ${r.ffprobe.streams.join(', ') || 'no streams'}` : r.ffprobe.error}`,
    );
    const f = r.ffmpeg;
    console.log(
      `  ffmpeg decode: ${f.frames} frames, exit ${f.exit}${f.errors ? `, ${f.errors} error lines, first: ${f.firstError}` : ''}`,
    );
    console.log(`  chromium: ${JSON.stringify(r.chromium)}`);
  }
