// Drawing a LegSeries' references onto a uPlot chart: the band, the threshold lines and the compensation
// shading under the angle line (drawClear), the trial/rep markers and the scrub position over it (draw).
// uPlot draws the series; these hooks draw only what chart_series.ts decided.
import type uPlot from 'uplot';
import type { LegSeries } from './chart_series';

/** Colours from global.css, read once per chart so the chart follows the app's theme. */
export interface ChartColours {
  readonly text: string;
  readonly muted: string;
  readonly line: string;
  readonly ok: string;
  readonly warn: string;
  readonly bad: string;
  readonly leg: string;
}

export function themeColours(el: Element, leg: 'left' | 'right'): ChartColours {
  const css = getComputedStyle(el);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    text: v('--text', '#e8ecf8'),
    muted: v('--muted', '#9aa5c4'),
    line: v('--line', '#2a3558'),
    ok: v('--ok', '#34d399'),
    warn: v('--warn', '#fbbf24'),
    bad: v('--bad', '#f87171'),
    leg: v(`--${leg}`, leg === 'left' ? '#ffb020' : '#22d3ee'),
  };
}

/** Translucent version of a #rrggbb colour. */
export function alpha(hex: string, a: number): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return hex;
  return `rgba(${parseInt(m[1]!, 16)}, ${parseInt(m[2]!, 16)}, ${parseInt(m[3]!, 16)}, ${a})`;
}

/** Band, threshold lines and compensation spans: drawn first, so the angle line stays on top. */
export function drawUnder(u: uPlot, s: LegSeries, c: ChartColours): void {
  const { ctx, bbox } = u;
  const px = devicePixelRatio || 1;
  const x = (t: number) => u.valToPos(t, 'x', true);
  const y = (d: number) => u.valToPos(d, 'y', true);
  ctx.save();
  ctx.beginPath();
  ctx.rect(bbox.left, bbox.top, bbox.width, bbox.height);
  ctx.clip();
  for (const sh of s.shades) {
    ctx.fillStyle = alpha(sh.severity === 'invalid' ? c.bad : c.warn, 0.16);
    const x0 = x(sh.startS);
    ctx.fillRect(x0, bbox.top, Math.max(x(sh.endS) - x0, 2 * px), bbox.height);
  }
  if (s.band) {
    ctx.fillStyle = alpha(c.ok, 0.13);
    const top = y(s.band.highDeg);
    ctx.fillRect(bbox.left, top, bbox.width, y(s.band.lowDeg) - top);
    ctx.fillStyle = c.ok;
    ctx.font = `${12 * px}px system-ui, sans-serif`;
    ctx.textAlign = 'right';
    ctx.fillText(s.band.label, bbox.left + bbox.width - 6 * px, top + 14 * px);
  }
  ctx.setLineDash([6 * px, 5 * px]);
  ctx.lineWidth = 1.5 * px;
  for (const l of s.lines) {
    ctx.strokeStyle = c.warn;
    ctx.beginPath();
    ctx.moveTo(bbox.left, y(l.deg));
    ctx.lineTo(bbox.left + bbox.width, y(l.deg));
    ctx.stroke();
    ctx.fillStyle = c.warn;
    ctx.textAlign = 'left';
    ctx.font = `${12 * px}px system-ui, sans-serif`;
    ctx.fillText(l.label, bbox.left + 6 * px, y(l.deg) - 5 * px);
  }
  ctx.restore();
}

/** Trial/rep markers with their labels, and the frame being shown (the scrub line). */
export function drawOver(u: uPlot, s: LegSeries, c: ChartColours, selectedS: number | null): void {
  const { ctx, bbox } = u;
  const px = devicePixelRatio || 1;
  ctx.save();
  ctx.beginPath();
  ctx.rect(bbox.left, 0, bbox.width, bbox.top + bbox.height);
  ctx.clip();
  ctx.font = `600 ${11 * px}px system-ui, sans-serif`;
  ctx.textAlign = 'center';
  // Labels go in the first of two rows where they do not touch a neighbour; with no room (a phone-wide
  // chart, trials close together) the line is drawn without its label.
  const rowEnd = [-Infinity, -Infinity];
  for (const m of s.markers) {
    const x = u.valToPos(m.tS, 'x', true);
    ctx.strokeStyle = m.kind === 'void' ? c.muted : c.text;
    ctx.globalAlpha = m.kind === 'void' ? 0.6 : 0.85;
    ctx.lineWidth = 1 * px;
    ctx.setLineDash(m.kind === 'void' ? [3 * px, 3 * px] : []);
    ctx.beginPath();
    ctx.moveTo(x, bbox.top);
    ctx.lineTo(x, bbox.top + bbox.height);
    ctx.stroke();
    const half = ctx.measureText(m.label).width / 2;
    const row = rowEnd.findIndex((end) => x - half > end + 4 * px);
    if (row === -1) continue;
    rowEnd[row] = x + half;
    ctx.fillStyle = m.kind === 'void' ? c.muted : c.text;
    ctx.fillText(m.label, x, bbox.top - (row === 0 ? 4 : 16) * px);
  }
  ctx.globalAlpha = 1;
  ctx.setLineDash([]);
  if (selectedS !== null) {
    const x = u.valToPos(selectedS, 'x', true);
    ctx.strokeStyle = c.leg;
    ctx.lineWidth = 2 * px;
    ctx.beginPath();
    ctx.moveTo(x, bbox.top);
    ctx.lineTo(x, bbox.top + bbox.height);
    ctx.stroke();
  }
  ctx.restore();
}
