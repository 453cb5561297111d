// Small charts in inline SVG, no library. Each carries its numbers as text too (title and desc; the stacked charts
// also a table under "Numbers"), so a screen reader gets the same information as the picture. Colours are SVG
// attributes, never inline styles, which the console's Content-Security-Policy forbids.
import { h, table } from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';
const COLOURS = { GREEN: '#2e7d32', AMBER: '#b36b00', RED: '#b3261e' };
const DEFAULT_COLOUR = '#1f5fa8';
const whole = (v) => v.toLocaleString('en');

function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  for (const c of children) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return el;
}

/** The figure every chart is: a caption, then the picture (or the empty state) and what else is given. */
function figure(title, ...content) {
  return h('figure', { class: 'chart panel' }, h('figcaption', {}, h('strong', {}, title)), ...content);
}

function emptyFigure(title, text) {
  return figure(title, h('p', { class: 'empty' }, text || 'Nothing to show yet.'));
}

/** An SVG picture labelled by its title and described by its numbers as text. */
function picture(title, description, width, height) {
  const id = 'c-' + Math.random().toString(36).slice(2);
  return s('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': id + '-t ' + id + '-d' },
    s('title', { id: id + '-t' }, title),
    s('desc', { id: id + '-d' }, description));
}

/** A colour key of [{label, colour}]: small SVG swatches, so no inline style is needed. */
function legend(series) {
  return h('p', { class: 'legend', 'aria-hidden': 'true' }, series.map((x) => h('span', { class: 'legend-item' },
    s('svg', { viewBox: '0 0 10 10', width: 10, height: 10 }, s('rect', { width: 10, height: 10, rx: 2, fill: x.colour })), ' ' + x.label)));
}

/** The same numbers as a table, folded away under "Numbers". */
function numbers(caption, headers, rows) {
  return h('details', { class: 'numbers' }, h('summary', {}, 'Numbers'),
    table(caption, headers, rows.map((cells) => h('tr', {}, cells.map((c) => h('td', {}, c))))));
}

/**
 * A horizontal bar chart of [{label, value}] (value 0 allowed); empty data shows an empty state (or opts.empty).
 * opts.format turns a value into its text (default: a whole number with separators); opts.zeroes draws data that is all
 * zero (a measured 0) instead of the empty state; opts.labelWidth widens the label column for long labels.
 */
export function barChart(title, data, opts = {}) {
  const format = opts.format || whole;
  if (!data.length || (!opts.zeroes && data.every((d) => d.value === 0))) return emptyFigure(title, opts.empty);
  const max = Math.max(...data.map((d) => d.value), 1);
  const rowH = 26, labelW = opts.labelWidth || 118, width = labelW + 222, barMax = width - labelW - 50;
  const svg = picture(title, data.map((d) => `${d.label}: ${format(d.value)}`).join(', '), width, data.length * rowH + 8);
  data.forEach((d, i) => {
    const y = i * rowH + 4;
    const w = Math.max(d.value > 0 ? 2 : 0, Math.round((d.value / max) * barMax));
    svg.append(
      s('text', { x: labelW - 8, y: y + 17, 'text-anchor': 'end', class: 'bar-label' }, d.label),
      s('rect', { x: labelW, y: y + 4, width: w, height: rowH - 10, rx: 2, fill: COLOURS[d.label] || DEFAULT_COLOUR }),
      s('text', { x: labelW + w + 6, y: y + 17, class: 'bar-value' }, format(d.value)));
  });
  return figure(title, svg);
}

/**
 * Horizontal bars of rows [{label, values: {seriesKey: n}}], each bar stacked from series [{key, label, colour}], with
 * the row's total at its end, a colour key and a table of every number. Rows whose total is 0 are left out; no rows
 * left shows the empty state (opts.empty).
 */
export function stackedBarChart(title, rows, series, opts = {}) {
  const total = (r) => series.reduce((sum, x) => sum + (r.values[x.key] || 0), 0);
  const shown = rows.filter((r) => total(r) > 0);
  if (!shown.length) return emptyFigure(title, opts.empty);
  const max = Math.max(...shown.map(total), 1);
  const rowH = 26, labelW = opts.labelWidth || 118, width = labelW + 222, barMax = width - labelW - 50;
  const parts = (r) => series.filter((x) => r.values[x.key]).map((x) => `${whole(r.values[x.key])} ${x.label}`).join(', ');
  const svg = picture(title, shown.map((r) => `${r.label}: ${whole(total(r))} (${parts(r)})`).join('; '), width, shown.length * rowH + 8);
  shown.forEach((r, i) => {
    const y = i * rowH + 4;
    let x = labelW;
    svg.append(s('text', { x: labelW - 8, y: y + 17, 'text-anchor': 'end', class: 'bar-label' }, r.label));
    for (const part of series) {
      const n = r.values[part.key] || 0;
      if (!n) continue;
      const w = Math.max(2, Math.round((n / max) * barMax));
      svg.append(s('rect', { x, y: y + 4, width: w, height: rowH - 10, fill: part.colour }, s('title', {}, `${r.label}, ${part.label}: ${whole(n)}`)));
      x += w;
    }
    svg.append(s('text', { x: x + 6, y: y + 17, class: 'bar-value' }, whole(total(r))));
  });
  return figure(title, svg, legend(series),
    numbers(title, [opts.rowHeader || '', ...series.map((x) => x.label), 'Total'],
      shown.map((r) => [r.label, ...series.map((x) => whole(r.values[x.key] || 0)), whole(total(r))])));
}

/**
 * Vertical columns over time of points [{label, values: {seriesKey: n}}] (oldest first), each stacked from series
 * [{key, label, colour}]; every opts.every-th label (default 5) is written under its column. All totals 0 shows the
 * empty state (opts.empty). The description and the table name only the points with something in them.
 */
export function columnChart(title, points, series, opts = {}) {
  const total = (p) => series.reduce((sum, x) => sum + (p.values[x.key] || 0), 0);
  const busy = points.filter((p) => total(p) > 0);
  if (!busy.length) return emptyFigure(title, opts.empty);
  const max = Math.max(...points.map(total), 1);
  const left = 40, top = 8, plotH = 120, bottom = 22, step = Math.max(6, Math.floor(300 / points.length)), colW = Math.max(3, step - 2);
  const width = left + points.length * step + 24, height = top + plotH + bottom;
  const parts = (p) => series.map((x) => `${whole(p.values[x.key] || 0)} ${x.label}`).join(', ');
  const svg = picture(title, busy.map((p) => `${p.label}: ${parts(p)}`).join('; ') + '; nothing on the other days.', width, height);
  svg.append(
    s('line', { x1: left - 2, y1: top + plotH, x2: width - 4, y2: top + plotH, stroke: '#8a94a3' }),
    s('text', { x: left - 6, y: top + 10, 'text-anchor': 'end', class: 'bar-value' }, whole(max)),
    s('text', { x: left - 6, y: top + plotH, 'text-anchor': 'end', class: 'bar-value' }, '0'));
  const every = opts.every || 5;
  points.forEach((p, i) => {
    const x = left + i * step;
    let y = top + plotH;
    for (const part of series) {
      const n = p.values[part.key] || 0;
      if (!n) continue;
      const hgt = Math.max(1, Math.round((n / max) * plotH));
      y -= hgt;
      svg.append(s('rect', { x, y, width: colW, height: hgt, fill: part.colour }, s('title', {}, `${p.label}, ${part.label}: ${whole(n)}`)));
    }
    if ((points.length - 1 - i) % every === 0) {
      svg.append(s('text', { x: x + colW / 2, y: height - 6, 'text-anchor': 'middle', class: 'bar-label' }, opts.short ? opts.short(p.label) : p.label));
    }
  });
  return figure(title, svg, legend(series),
    numbers(title, [opts.pointHeader || '', ...series.map((x) => x.label), 'Total'],
      busy.map((p) => [p.label, ...series.map((x) => whole(p.values[x.key] || 0)), whole(total(p))])));
}
