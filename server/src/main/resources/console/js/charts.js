// Small bar charts in inline SVG, no library. Each carries its numbers as text too (title and desc), so a
// screen reader gets the same information as the picture.
import { h } from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';
const COLOURS = { GREEN: '#2e7d32', AMBER: '#b36b00', RED: '#b3261e' };

function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  for (const c of children) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return el;
}

/**
 * A horizontal bar chart of [{label, value}] (value 0 allowed); empty data shows an empty state (or opts.empty).
 * opts.format turns a value into its text (default: a whole number with separators); opts.zeroes draws data that is all
 * zero (a measured 0) instead of the empty state; opts.labelWidth widens the label column for long labels.
 */
export function barChart(title, data, opts = {}) {
  const format = opts.format || ((v) => v.toLocaleString('en'));
  const id = 'c-' + Math.random().toString(36).slice(2);
  if (!data.length || (!opts.zeroes && data.every((d) => d.value === 0))) {
    return h('figure', { class: 'chart panel' }, h('figcaption', {}, h('strong', {}, title)), h('p', { class: 'empty' }, opts.empty || 'Nothing to show yet.'));
  }
  const max = Math.max(...data.map((d) => d.value), 1);
  const rowH = 26, labelW = opts.labelWidth || 118, width = labelW + 222, barMax = width - labelW - 50;
  const height = data.length * rowH + 8;
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': id + '-t ' + id + '-d' },
    s('title', { id: id + '-t' }, title),
    s('desc', { id: id + '-d' }, data.map((d) => `${d.label}: ${format(d.value)}`).join(', ')));
  data.forEach((d, i) => {
    const y = i * rowH + 4;
    const w = Math.max(d.value > 0 ? 2 : 0, Math.round((d.value / max) * barMax));
    svg.append(
      s('text', { x: labelW - 8, y: y + 17, 'text-anchor': 'end', class: 'bar-label' }, d.label),
      s('rect', { x: labelW, y: y + 4, width: w, height: rowH - 10, rx: 2, fill: COLOURS[d.label] || '#1f5fa8' }),
      s('text', { x: labelW + w + 6, y: y + 17, class: 'bar-value' }, format(d.value)));
  });
  return h('figure', { class: 'chart panel' }, h('figcaption', {}, h('strong', {}, title)), svg);
}
