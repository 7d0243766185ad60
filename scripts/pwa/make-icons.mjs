#!/usr/bin/env node
// Draws the app icons (public/icons/) from the header's logo: a dark dial with a cyan hand, the same shapes as
// the SVG in App.svelte. `node scripts/pwa/make-icons.mjs` rewrites them; the PNGs are committed so a build
// needs no drawing step. Anti-aliased by 4×4 supersampling of signed distances, written with pngjs.
import { mkdirSync, writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';

const out = new URL('../../public/icons/', import.meta.url).pathname;
mkdirSync(out, { recursive: true });

const BG = [0x0b, 0x10, 0x20];
const DIAL = [0x13, 0x1a, 0x2e];
const RIM = [0x2a, 0x35, 0x58];
const HAND = [0x22, 0xd3, 0xee];

/** Distance from p to the segment a–b (all in logo units, a 32×32 box). */
function segDist(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

/**
 * The logo's colour at a point of its 32-unit box: a 14-unit dial with a 1-unit rim, the hand M16 6 v10 l7 7
 * 3 units wide with round caps. `full` fills the box's background (maskable icons); otherwise it is transparent.
 */
function logoAt(x, y, full) {
  const hand = Math.min(segDist(x, y, 16, 6, 16, 16), segDist(x, y, 16, 16, 23, 23));
  if (hand <= 1.5) return [...HAND, 255];
  const r = Math.hypot(x - 16, y - 16);
  if (r <= 13.5) return [...DIAL, 255];
  if (r <= 14.5) return [...RIM, 255];
  return full ? [...BG, 255] : [0, 0, 0, 0];
}

/** Renders a size×size PNG; `pad` is the share of the side left around the logo (maskable safe zone). */
function render(size, { pad = 0, full = false } = {}) {
  const png = new PNG({ width: size, height: size });
  const S = 4;
  const scale = 32 / (size * (1 - 2 * pad));
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const x = (px + (sx + 0.5) / S - size * pad) * scale;
          const y = (py + (sy + 0.5) / S - size * pad) * scale;
          const c = logoAt(x, y, full);
          // Premultiplied, so transparent samples do not darken the edge.
          for (let k = 0; k < 3; k++) acc[k] += (c[k] * c[3]) / 255;
          acc[3] += c[3];
        }
      }
      const i = (py * size + px) * 4;
      const a = acc[3] / (S * S);
      for (let k = 0; k < 3; k++) png.data[i + k] = a > 0 ? Math.round((acc[k] / (S * S)) * (255 / a)) : 0;
      png.data[i + 3] = Math.round(a);
    }
  }
  return PNG.sync.write(png);
}

writeFileSync(`${out}icon-192.png`, render(192));
writeFileSync(`${out}icon-512.png`, render(512));
// Maskable: the launcher may crop to a circle inside the central 80 %, so the logo sits within it on the
// background colour.
writeFileSync(`${out}icon-maskable-512.png`, render(512, { pad: 0.12, full: true }));
writeFileSync(`${out}apple-touch-icon-180.png`, render(180, { pad: 0.06, full: true }));
writeFileSync(
  `${out}icon.svg`,
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><circle cx="16" cy="16" r="14" fill="#131a2e" stroke="#2a3558"/><path d="M16 6v10l7 7" stroke="#22d3ee" stroke-width="3" fill="none" stroke-linecap="round"/></svg>\n`,
);
console.log(`icons written to ${out}`);
