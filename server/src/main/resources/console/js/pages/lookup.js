// Lookup: paste hashes, or drop images, and see what every bank knows about them — the entries you may see,
// and for the rest only who holds them (hit/no-hit: contact them; they have been told).
import { post, request, may } from '../api.js';
import { h, clear, table, errorBox, distribution, announce, field, select, victim } from '../dom.js';

const MAX = 10000;
const PREFIX = /^(md5|sha1|sha256|pdq|photodna)\s*[:=]\s*/i;

/** Lines of hashes to queries; a line may say its type ("sha256:…"), else its length does (64 hex digits: as chosen). */
export function parseHashes(text, sixtyFour) {
  const hashes = [];
  const errors = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    let line = raw.trim();
    if (!line || line.startsWith('#')) return;
    let type = null;
    const prefix = line.match(PREFIX);
    if (prefix) {
      type = prefix[1].toUpperCase();
      line = line.slice(prefix[0].length).trim();
    }
    const value = line.split(/[\s,;]+/)[0];
    if (!type) {
      if (!/^[0-9a-fA-F]+$/.test(value)) { errors.push(`line ${i + 1}: not a hexadecimal hash`); return; }
      type = { 32: 'MD5', 40: 'SHA1', 64: sixtyFour }[value.length];
      if (!type) { errors.push(`line ${i + 1}: ${value.length} hex digits is no known hash (MD5 32, SHA-1 40, SHA-256/PDQ 64)`); return; }
    }
    hashes.push({ type, value });
  });
  return { hashes, errors };
}

export async function render() {
  const page = h('div', {}, h('h1', {}, 'Lookup'),
    h('p', { class: 'lead' }, 'Match hashes or images against every bank on the node. Entries you may not see answer only with the organisation that holds them and its contact.'));
  if (!may('READ')) {
    page.append(h('p', { class: 'empty' }, 'Your role or your organisation\u2019s membership does not allow lookups.'));
    return page;
  }
  const results = h('div', { id: 'lookup-results' });

  const textarea = h('textarea', { id: 'hashes', rows: 8, spellcheck: 'false', placeholder: 'One hash per line: MD5, SHA-1, SHA-256 or PDQ (64 hex digits), optionally prefixed "sha256:" or "pdq:"' });
  const sixtyFour = select('sixtyfour', [['PDQ', 'PDQ'], ['SHA256', 'SHA-256']], 'PDQ');
  const threshold = h('input', { type: 'number', min: 0, max: 64, value: 31, name: 'threshold', inputmode: 'numeric' });
  const button = h('button', { type: 'submit' }, 'Look up');
  const form = h('form', { class: 'panel', 'aria-labelledby': 'by-hash' },
    h('h2', { id: 'by-hash' }, 'By hash'),
    field('Hashes', textarea),
    h('div', { class: 'inline' }, field('64 hex digits are', sixtyFour), field('PDQ distance threshold', threshold)),
    h('div', { class: 'actions' }, button));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const { hashes, errors } = parseHashes(textarea.value, sixtyFour.value);
    clear(results);
    if (errors.length) { results.append(h('div', { class: 'error', role: 'alert' }, h('p', {}, 'Some lines are not hashes:'), h('ul', {}, errors.slice(0, 20).map((e) => h('li', {}, e))))); return; }
    if (!hashes.length) { results.append(h('p', { class: 'error', role: 'alert' }, 'Paste at least one hash.')); return; }
    if (hashes.length > MAX) { results.append(h('p', { class: 'error', role: 'alert' }, `At most ${MAX} hashes at a time, not ${hashes.length}.`)); return; }
    button.disabled = true;
    results.append(h('p', { class: 'loading' }, 'Looking up ' + hashes.length + ' hash' + (hashes.length === 1 ? '' : 'es') + '\u2026'));
    try {
      const answer = await post('/api/v1/match', { hashes, threshold: Number(threshold.value) });
      clear(results).append(hashResults(answer.results));
    } catch (e) {
      clear(results).append(errorBox(e));
    } finally {
      button.disabled = false;
    }
  });

  page.append(form, imagePanel(results), results);
  return page;
}

function imagePanel(results) {
  const input = h('input', { type: 'file', id: 'images', multiple: true, accept: 'image/*' });
  const drop = h('div', { class: 'drop', id: 'drop' },
    h('p', {}, 'Drop image files here, or choose them:'), h('label', { for: 'images' }, 'Images'), input);
  const run = async (files) => {
    if (!files.length) return;
    clear(results).append(h('p', { class: 'loading' }, 'Hashing ' + files.length + ' image' + (files.length === 1 ? '' : 's') + ' on the node\u2026'));
    const rows = [];
    for (const file of files) {
      try {
        const answer = await request('POST', '/api/v1/match/image', file);
        rows.push({ file, answer });
      } catch (e) {
        rows.push({ file, error: e });
      }
    }
    clear(results).append(imageResults(rows));
    announce('Image lookup finished.');
  };
  input.addEventListener('change', () => run([...input.files]));
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => { e.preventDefault(); drop.classList.remove('over'); run([...e.dataTransfer.files]); });
  return h('section', { class: 'panel', 'aria-labelledby': 'by-image' },
    h('h2', { id: 'by-image' }, 'By image'),
    h('p', { class: 'hint' }, 'Each image is sent to the node, hashed there in memory (MD5, SHA-1, SHA-256, PDQ in all eight orientations) and forgotten: it is never stored, and it is not shown here.'),
    drop);
}

function matchRows(queryCell, matches, hits) {
  const rows = [];
  for (const m of matches) {
    const identified = victim(m);
    rows.push(h('tr', {}, queryCell(), h('td', {}, 'Match'), h('td', {}, h('a', { href: '#/entries/' + m.entry }, m.bank + ' #' + m.entry), m.label ? ' \u2014 ' + m.label : ''),
      h('td', {}, m.category || ''), h('td', { class: 'num' }, m.distance), h('td', {}, m.transform || ''), h('td', {}, distribution(m.distribution)),
      h('td', {}, m.series ? h('div', {}, 'Series ', h('strong', {}, m.series)) : '', identified || (m.series ? h('div', { class: 'hint' }, 'Victim not identified') : ''))));
  }
  for (const hit of hits) {
    rows.push(h('tr', { class: 'hit' }, queryCell(), h('td', {}, 'Hit (not visible to you)'),
      h('td', { colspan: 5 }, 'Known to ', h('strong', {}, hit.organisation), hit.contact ? ' \u2014 contact ' + hit.contact : ' \u2014 no contact given', '. They have been told of this lookup.'),
      h('td', {}, victim(hit) || '')));
  }
  return rows;
}

function hashResults(results) {
  const matched = results.filter((r) => r.matches.length).length;
  const hit = results.filter((r) => !r.matches.length && r.hits.length).length;
  const low = results.filter((r) => r.lowQuality).length;
  const rows = [];
  for (const r of results) {
    const cell = () => h('td', { class: 'hash' }, r.query.type + ' ' + r.query.value);
    const found = matchRows(cell, r.matches, r.hits);
    if (r.lowQuality) rows.push(h('tr', {}, cell(), h('td', { colspan: 7 }, 'Not looked up: PDQ quality too low to match reliably.')));
    else if (!found.length) rows.push(h('tr', {}, cell(), h('td', { colspan: 7 }, 'No match')));
    rows.push(...found);
  }
  announce(`${results.length} looked up: ${matched} with matches, ${hit} hit only.`);
  return h('section', { 'aria-labelledby': 'results-h' },
    h('h2', { id: 'results-h' }, 'Results'),
    h('p', { id: 'lookup-summary' }, `${results.length} hash${results.length === 1 ? '' : 'es'} looked up: ${matched} with matches you can see, ${hit} known only to others (hit/no-hit), ${results.length - matched - hit - low} not known${low ? ', ' + low + ' of too low quality' : ''}.`),
    table('Matches and hits', ['Query', 'Result', 'Where', 'Category', 'Distance', 'Transform', 'Distribution', 'Series and victim'], rows, { class: 'results' }));
}

function imageResults(items) {
  const rows = [];
  for (const { file, answer, error } of items) {
    const cell = () => h('td', {}, file.name, answer && answer.pdq ? h('div', { class: 'hash' }, 'PDQ ' + answer.pdq + ' (quality ' + answer.quality + ')') : '');
    if (error) { rows.push(h('tr', {}, cell(), h('td', { colspan: 7 }, errorBox(error)))); continue; }
    const found = matchRows(cell, answer.matches, answer.hits);
    if (answer.error) rows.push(h('tr', {}, cell(), h('td', { colspan: 7 }, 'Not decoded as an image (' + answer.error + '); its digests were looked up.')));
    if (!found.length) rows.push(h('tr', {}, cell(), h('td', { colspan: 7 }, answer.lowQuality ? 'Image too flat to match by PDQ; no exact match.' : 'No match')));
    rows.push(...found);
  }
  return h('section', { 'aria-labelledby': 'results-h' }, h('h2', { id: 'results-h' }, 'Results'),
    table('Image matches and hits', ['Image', 'Result', 'Where', 'Category', 'Distance', 'Transform', 'Distribution', 'Series and victim'], rows, { class: 'results' }));
}
