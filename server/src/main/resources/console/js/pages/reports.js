// Reports: the hotline workflow. The queues of reports your organisation made or received (a tab each, a state
// filter, pages); a new report; one report with its steps, matches and hits; assessing, routing again and the
// takedown steps; and the time-to-removal statistics. A reported URL is shown as text, never as a link: nobody opens
// reported material from the console by a slip of the mouse.
import { get, post, may } from '../api.js';
import { h, clear, table, empty, errorBox, notice, when, announce, field, select, distribution, actionButton, pager, facts, stateTag, victim } from '../dom.js';
import { barChart } from '../charts.js';
import { parseHashes } from './lookup.js';

const STATES = ['RECEIVED', 'ASSESSED', 'NOT_ILLEGAL', 'ROUTED', 'NOTICE_SENT', 'REMOVED', 'REMOVAL_CONFIRMED'];
const CATEGORIES = ['A', 'B', 'C', 'EXPLOITATIVE'];
const SOURCES = [['PUBLIC', 'PUBLIC \u2014 a member of the public'], ['PARTNER', 'PARTNER \u2014 another hotline or partner'],
  ['AUTOMATIC_MATCH', 'AUTOMATIC_MATCH \u2014 found by matching']];
const NEXT_STEP = { ROUTED: ['NOTICE_SENT', 'Notice sent'], NOTICE_SENT: ['REMOVED', 'Removed'], REMOVED: ['REMOVAL_CONFIRMED', 'Removal confirmed'] };
const QUEUES = [['own', 'Made by us'], ['incoming', 'Routed to us']];
const PAGE = 25;
const MAX_HASHES = 1000;

export async function render({ args, session }) {
  if (args[0] === 'statistics') return statisticsPage();
  if (args[0]) return reportPage(args[0]);
  return listPage(session);
}

/** Hours as text: "33 h", "1.5 h". */
export function hours(v) {
  return v === null || v === undefined ? '\u2014' : v.toLocaleString('en', { maximumFractionDigits: 1 }) + ' h';
}

async function listPage(session) {
  const root = h('div', {}, h('h1', {}, 'Reports'),
    h('p', { class: 'lead' }, 'Reports of URLs and content hashes \u2014 never content \u2014 that ' + session.organisation
      + ' made or that were routed to it. See also ', h('a', { href: '#/reports/statistics' }, 'time to removal'), '.'));
  if (!may('READ')) {
    root.append(empty('Your role or your organisation\u2019s membership does not allow reading reports.'));
    return root;
  }
  let queue = session.kind === 'LAW_ENFORCEMENT' ? 'incoming' : 'own';
  const state = select('state', [['', 'Any state'], ...STATES.map((s) => [s, s.replaceAll('_', ' ')])], '');
  const panel = h('div', { role: 'tabpanel', id: 'queue-panel', tabindex: '0' });
  const tabs = QUEUES.map(([q, label]) => h('button', { type: 'button', role: 'tab', id: 'tab-' + q, 'aria-controls': 'queue-panel' }, label));
  const select_ = (q, focus) => {
    queue = q;
    tabs.forEach((t, i) => {
      const on = QUEUES[i][0] === q;
      t.setAttribute('aria-selected', String(on));
      t.tabIndex = on ? 0 : -1;
      if (on && focus) t.focus();
    });
    panel.setAttribute('aria-labelledby', 'tab-' + q);
    return load(0);
  };
  tabs.forEach((t, i) => {
    t.addEventListener('click', () => select_(QUEUES[i][0], false));
    t.addEventListener('keydown', (event) => {
      const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
      if (!step) return;
      event.preventDefault();
      select_(QUEUES[(i + step + QUEUES.length) % QUEUES.length][0], true);
    });
  });
  const load = async (after) => {
    try {
      const page = await get('/api/v1/reports?queue=' + queue + '&limit=' + PAGE + (state.value ? '&state=' + state.value : '') + (after ? '&after=' + after : ''));
      clear(panel).append(page.reports.length ? queueTable(queue, page.reports) : empty(emptyText(queue, state.value, after, session)),
        pager(after, page.next, load));
    } catch (e) {
      clear(panel).append(errorBox(e));
    }
  };
  state.addEventListener('change', () => load(0));
  await select_(queue, false);
  root.append(h('section', { 'aria-labelledby': 'queue-h' }, h('h2', { id: 'queue-h' }, 'Queue'),
    h('div', { class: 'inline queue-bar' }, h('div', { role: 'tablist', 'aria-label': 'Report queues', class: 'tabs' }, tabs), field('State', state)),
    panel));
  if (may('WRITE')) root.append(createForm());
  return root;
}

function emptyText(queue, state, after, session) {
  if (after) return 'No more reports.';
  if (state) return 'No report in state ' + state.replaceAll('_', ' ') + ' in this queue.';
  return queue === 'own'
    ? 'No reports made by ' + session.organisation + ' yet.' + (may('WRITE') ? ' Make one below.' : '')
    : 'No reports routed to ' + session.organisation + '. A report hosted in a country of your jurisdiction comes here once a hotline assesses it illegal.';
}

function queueTable(queue, reports) {
  const incoming = queue === 'incoming';
  const headers = ['Report', 'State', 'Reported', 'Hosted in', 'URL', 'Hashes', 'Category', ...(incoming ? ['Reporter'] : []), 'Removed'];
  return table(incoming ? 'Reports routed to us' : 'Reports made by us', headers,
    reports.map((r) => h('tr', {}, h('td', {}, h('a', { href: '#/reports/' + r.id }, 'Report #' + r.id)), h('td', {}, stateTag(r.state)),
      h('td', {}, when(r.reportedAt)), h('td', {}, r.hostingCountry), h('td', { class: 'url' }, r.url || '\u2014'),
      h('td', { class: 'num' }, r.hashes), h('td', {}, r.category || ''), incoming ? h('td', {}, r.reporter) : null,
      h('td', {}, when(r.removedAt)))), { class: 'reports' });
}

function createForm() {
  const url = h('input', { name: 'url', inputmode: 'url', autocomplete: 'off', spellcheck: 'false', maxlength: 4096, size: 60 });
  const hashes = h('textarea', { name: 'hashes', rows: 4, spellcheck: 'false', placeholder: 'One hash per line: MD5, SHA-1, SHA-256 or PDQ, optionally prefixed "sha256:" or "pdq:"' });
  const sixtyFour = select('sixtyfour', [['PDQ', 'PDQ'], ['SHA256', 'SHA-256']], 'PDQ');
  const source = select('source', SOURCES, 'PUBLIC');
  const hosting = h('input', { name: 'hostingCountry', required: true, size: 3, maxlength: 2, pattern: '[A-Za-z]{2}', autocomplete: 'off', 'aria-describedby': 'cc-hint' });
  const uploader = h('input', { name: 'uploaderCountry', size: 3, maxlength: 2, pattern: '[A-Za-z]{2}', autocomplete: 'off', 'aria-describedby': 'cc-hint' });
  const reportedAt = h('input', { type: 'datetime-local', name: 'reportedAt', step: 60 });
  const out = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'panel', 'aria-labelledby': 'new-h' }, h('h2', { id: 'new-h' }, 'New report'),
    h('p', { class: 'hint' }, 'A URL, content hashes, or both \u2014 never the content itself. It is routed once you assess it illegal.'),
    field('URL (optional)', url), field('Hashes (optional)', hashes),
    h('div', { class: 'inline' }, field('64 hex digits are', sixtyFour), field('Source', source), field('Hosting country', hosting),
      field('Uploader country (optional)', uploader), field('Reported at (empty: now)', reportedAt)),
    h('p', { class: 'hint', id: 'cc-hint' }, 'Countries as two letters (ISO 3166-1), e.g. NL. The hosting country decides where the report is routed. Reported at: when the report reached you, in your time zone; time to removal counts from it.'),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Make report')), out);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear(out);
    const parsed = parseHashes(hashes.value, sixtyFour.value);
    const problems = parsed.errors.slice(0, 20);
    if (!url.value.trim() && !parsed.hashes.length && !problems.length) problems.push('Give a URL, hashes, or both.');
    if (parsed.hashes.length > MAX_HASHES) problems.push(`At most ${MAX_HASHES} hashes per report, not ${parsed.hashes.length}.`);
    if (problems.length) {
      out.append(h('div', { class: 'error', role: 'alert' }, h('ul', {}, problems.map((p) => h('li', {}, p)))));
      return;
    }
    const body = { source: source.value, hostingCountry: hosting.value.trim().toUpperCase() };
    if (url.value.trim()) body.url = url.value.trim();
    if (parsed.hashes.length) body.hashes = parsed.hashes;
    if (uploader.value.trim()) body.uploaderCountry = uploader.value.trim().toUpperCase();
    if (reportedAt.value) body.reportedAt = new Date(reportedAt.value).toISOString();
    try {
      const made = await post('/api/v1/reports', body);
      announce('Report ' + made.id + ' made.');
      location.hash = '#/reports/' + made.id;
    } catch (e) {
      out.append(errorBox(e));
    }
  });
  return form;
}

async function reportPage(id) {
  const root = h('div', {}, h('p', {}, h('a', { href: '#/reports' }, '\u2190 All reports')));
  const body = h('div', {});
  root.append(body);
  let report;
  try {
    report = await get('/api/v1/reports/' + encodeURIComponent(id));
  } catch (e) {
    body.append(h('h1', {}, 'Report ' + id), errorBox(e));
    return root;
  }
  const show = (r, said) => {
    clear(body).append(...reportView(r, (next, what) => {
      show(next, what);
      announce(what);
    }));
    if (said) body.querySelector('h1').after(notice(said));
  };
  show(report);
  return root;
}

/** Who recorded a step: the organisation, and the user ("user:12 alice" shows as alice) or the token ("token 7"). */
function who(step) {
  if (!step) return '';
  const actor = step.actor || ('token:' + step.tokenId);
  const user = /^user:\d+ (.+)$/.exec(actor);
  return step.organisation + ' (' + (user ? user[1] : actor.replace(':', ' ')) + ')';
}

function reportView(r, done) {
  const mine = r.relation === 'REPORTER';
  const parts = [h('h1', {}, 'Report #' + r.id),
    h('p', { class: 'lead' }, stateTag(r.state), ' \u00b7 ', mine ? 'made by your organisation' : 'routed to your organisation by ' + r.reporter)];
  parts.push(facts('The report', [
    ['URL', r.url ? h('span', { class: 'url' }, r.url) : '\u2014 (hashes only)'],
    ['Hashes', String(r.hashes.length)],
    ['Source', r.source],
    ['Reported', when(r.reportedAt)],
    ['Hosting country', r.hostingCountry],
    ['Uploader country', r.uploaderCountry || 'unknown'],
    ['Reporter', r.reporter],
  ], { class: 'panel' }));

  const steps = [
    ['Received', r.created],
    ['Assessed', r.assessment && r.assessment.assessed],
    ['Routed', r.routing.routedAt ? { at: r.routing.routedAt, routed: true } : null],
    ['Notice sent', r.takedown.noticeSent],
    ['Removed', r.takedown.removed],
    ['Removal confirmed', r.takedown.removalConfirmed],
  ];
  parts.push(h('h2', {}, 'Steps'),
    table('Steps of report #' + r.id, ['Step', 'When', 'Recorded by'], steps.map(([name, step]) => h('tr', { class: step ? '' : 'pending' },
      h('th', { scope: 'row' }, name), h('td', {}, step ? when(step.at) : 'not yet'),
      h('td', {}, step ? (step.routed ? 'to ' + r.routing.receivers.length + ' organisation' + (r.routing.receivers.length === 1 ? '' : 's') : who(step)) : '')))),
    r.takedown.hoursToRemoval !== null && r.takedown.hoursToRemoval !== undefined
      ? h('p', { id: 'time-to-removal' }, 'Time to removal: ', h('strong', {}, hours(r.takedown.hoursToRemoval)), ' from the reported time.') : null);

  parts.push(h('h2', {}, 'Assessment'), assessment(r, done));
  parts.push(h('h2', {}, 'Routing'), routing(r, done));
  parts.push(h('h2', {}, 'Takedown'), takedown(r, done));
  parts.push(h('h2', {}, 'Matches and hits'), results(r));
  return parts.filter(Boolean);
}

function assessment(r, done) {
  const a = r.assessment;
  if (a) {
    return facts('Assessment', [
      ['Verdict', a.illegal ? 'Illegal, category ' + a.category : 'Not illegal'],
      a.illegal ? ['Note', a.note || '\u2014'] : ['Reason', a.reason],
      ['Assessed', h('span', {}, when(a.assessed.at), ' by ', who(a.assessed))],
    ], { class: 'panel' });
  }
  if (r.relation !== 'REPORTER') return empty('Not assessed yet.');
  if (!may('WRITE') || r.state !== 'RECEIVED') return empty('Not assessed yet. Your organisation\u2019s ANALYSTs and ADMINs assess it.');
  const illegal = h('input', { type: 'radio', name: 'verdict', id: 'verdict-illegal', value: 'illegal', checked: true });
  const legal = h('input', { type: 'radio', name: 'verdict', id: 'verdict-not', value: 'not' });
  const category = select('category', CATEGORIES, 'A');
  const note = h('input', { name: 'note', size: 40, maxlength: 1000 });
  const reason = h('input', { name: 'reason', size: 40, maxlength: 1000 });
  const ifIllegal = h('div', { class: 'inline' }, field('Category', category), field('Note (optional)', note));
  const ifNot = h('div', { class: 'inline', hidden: true }, field('Reason', reason));
  const toggle = () => {
    ifIllegal.hidden = !illegal.checked;
    ifNot.hidden = illegal.checked;
    reason.required = !illegal.checked;
  };
  illegal.addEventListener('change', toggle);
  legal.addEventListener('change', toggle);
  const out = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'panel', 'aria-labelledby': 'assess-h' }, h('h3', { id: 'assess-h' }, 'Assess this report'),
    h('p', { class: 'hint' }, 'Its hashes are matched as your organisation may see them; an illegal report is routed at once to the police and hotline holding the hosting country.'),
    h('fieldset', {}, h('legend', {}, 'Verdict'),
      h('div', {}, illegal, ' ', h('label', { for: 'verdict-illegal', class: 'plain' }, 'Illegal')),
      h('div', {}, legal, ' ', h('label', { for: 'verdict-not', class: 'plain' }, 'Not illegal'))),
    ifIllegal, ifNot, h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Record assessment')), out);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear(out);
    const body = illegal.checked ? { illegal: true, category: category.value } : { illegal: false, reason: reason.value.trim() };
    if (illegal.checked && note.value.trim()) body.note = note.value.trim();
    if (!illegal.checked && !body.reason) {
      out.append(h('p', { class: 'error', role: 'alert' }, 'Say why it is not illegal.'));
      return;
    }
    try {
      const next = await post('/api/v1/reports/' + r.id + '/assessment', body);
      done(next, next.state === 'ROUTED' ? 'Assessed and routed.' : 'Assessment recorded.');
    } catch (e) {
      out.append(errorBox(e));
    }
  });
  return form;
}

function routing(r, done) {
  const box = h('div', {});
  const receivers = r.routing.receivers;
  if (receivers.length) {
    box.append(table('Routed to', ['Organisation', 'Kind', 'Why', 'Routed'], receivers.map((x) => h('tr', {},
      h('td', {}, x.organisation), h('td', {}, x.kind), h('td', {}, { JURISDICTION: 'holds the jurisdiction', HOTLINE: 'hotline of the country', FALLBACK: 'the node\u2019s fallback' }[x.reason] || x.reason),
      h('td', {}, when(x.routedAt))))));
  } else {
    box.append(empty(r.state === 'RECEIVED' ? 'Routed once assessed illegal.' : r.state === 'NOT_ILLEGAL' ? 'Not routed: assessed not illegal.' : 'Not routed yet.'));
  }
  if (r.routing.note) box.append(h('p', { class: 'warning', role: 'note' }, r.routing.note));
  if (r.relation === 'REPORTER' && may('WRITE') && (r.state === 'ASSESSED' || r.state === 'ROUTED')) {
    box.append(h('div', { class: 'actions' }, actionButton('Route again', async () => {
      const next = await post('/api/v1/reports/' + r.id + '/route');
      done(next, 'Routed again: ' + next.routing.receivers.length + ' receiver(s).');
    }), h('span', { class: 'hint' }, 'After an organisation joins or takes on the jurisdiction; those that have it keep it.')));
  }
  return box;
}

function takedown(r, done) {
  const box = h('div', {});
  const next = NEXT_STEP[r.state];
  if (!r.takedown.noticeSent && !next) {
    box.append(empty(r.state === 'NOT_ILLEGAL' ? 'No takedown: assessed not illegal.' : 'Takedown starts once the report is routed.'));
    return box;
  }
  if (!next) {
    box.append(notice('Removal confirmed.'));
    return box;
  }
  if (!may('WRITE')) {
    box.append(empty('Next: ' + next[1].toLowerCase() + '. Your role does not record takedown steps.'));
    return box;
  }
  const at = h('input', { type: 'datetime-local', name: 'at', step: 60 });
  const out = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'panel inline', 'aria-label': 'Record the next takedown step' },
    field('When (empty: now)', at), h('button', { type: 'submit' }, 'Record: ' + next[1]), out);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear(out);
    const body = { step: next[0] };
    if (at.value) body.at = new Date(at.value).toISOString();
    try {
      const after = await post('/api/v1/reports/' + r.id + '/takedown', body);
      done(after, next[1] + ' recorded.');
    } catch (e) {
      out.append(errorBox(e));
    }
  });
  box.append(form);
  return box;
}

function results(r) {
  if (!r.hashes.length) return empty('The report has no hashes: only its URL.');
  if (!r.assessment) return empty('Its hashes are matched when the report is assessed.');
  const rows = [];
  for (const res of r.results) {
    const cell = () => h('td', { class: 'hash' }, res.hash.type + ' ' + res.hash.value);
    for (const m of res.matches) {
      rows.push(h('tr', {}, cell(), h('td', {}, 'Match ', victim(m)), h('td', {}, h('a', { href: '#/entries/' + m.entry }, m.bank + ' #' + m.entry)),
        h('td', {}, m.category || ''), h('td', { class: 'num' }, m.distance), h('td', {}, distribution(m.distribution)), h('td', {}, m.state)));
    }
    for (const hit of res.hits) {
      rows.push(h('tr', { class: 'hit' }, cell(), h('td', {}, 'Hit (not visible to you) ', victim(hit)),
        h('td', { colspan: 5 }, 'Known to ', h('strong', {}, hit.organisation), hit.contact ? ' \u2014 contact ' + hit.contact : ' \u2014 no contact given', '.')));
    }
    if (!res.matches.length && !res.hits.length) rows.push(h('tr', {}, cell(), h('td', { colspan: 6 }, 'No match')));
  }
  return table('Matches and hits found at assessment', ['Hash', 'Result', 'Where', 'Category', 'Distance', 'Distribution', 'State'], rows, { class: 'results' });
}

async function statisticsPage() {
  const root = h('div', {}, h('p', {}, h('a', { href: '#/reports' }, '\u2190 All reports')), h('h1', {}, 'Time to removal'),
    h('p', { class: 'lead' }, 'Hours from a report\u2019s reported time to its removal, over the reports removed in the period. Aggregates only: no report, organisation or URL can be told from them.'));
  if (!may('READ')) {
    root.append(empty('Your role or your organisation\u2019s membership does not allow reading report statistics.'));
    return root;
  }
  const from = h('input', { type: 'date', name: 'from' });
  const to = h('input', { type: 'date', name: 'to' });
  const scope = select('scope', [['all', 'Every report on the node'], ['readable', 'Reports we made or received']], 'all');
  const out = h('div', { id: 'statistics', 'aria-live': 'polite' });
  const form = h('form', { class: 'panel inline', 'aria-label': 'Period and scope' },
    field('Removed from (optional)', from), field('Until, exclusive (optional)', to), field('Over', scope), h('button', { type: 'submit' }, 'Show'));
  const load = async () => {
    clear(out).append(h('p', { class: 'loading' }, 'Loading\u2026'));
    try {
      const q = new URLSearchParams({ scope: scope.value });
      if (from.value) q.set('from', from.value);
      if (to.value) q.set('to', to.value);
      clear(out).append(...statistics(await get('/api/v1/reports/statistics?' + q)));
    } catch (e) {
      clear(out).append(errorBox(e));
    }
  };
  form.addEventListener('submit', (event) => { event.preventDefault(); load(); });
  await load();
  root.append(form, out);
  return root;
}

function statistics(s) {
  const o = s.overall;
  const parts = [h('div', { class: 'cards' },
    card(o.count.toLocaleString('en'), 'reports removed'), card(hours(o.medianHours), 'median time to removal'), card(hours(o.meanHours), 'mean time to removal'))];
  if (!o.count) {
    parts.push(empty('No report was removed in this period.'));
    return parts;
  }
  const opts = { format: hours, zeroes: true };
  parts.push(h('div', { class: 'charts' },
    barChart('Median hours to removal by hosting country', s.byCountry.map((g) => ({ label: g.country, value: g.medianHours })), opts),
    barChart('Median hours to removal by month of removal', s.byMonth.map((g) => ({ label: g.month, value: g.medianHours })), opts),
    barChart('Reports removed by month', s.byMonth.map((g) => ({ label: g.month, value: g.count })))),
  table('Time to removal by hosting country and month', ['Hosting country', 'Month (UTC)', 'Removed', 'Median', 'Mean'],
    s.byCountryAndMonth.map((g) => h('tr', {}, h('td', {}, g.country), h('td', {}, g.month), h('td', { class: 'num' }, g.count),
      h('td', { class: 'num' }, hours(g.medianHours)), h('td', { class: 'num' }, hours(g.meanHours)))), { class: 'statistics' }));
  return parts;
}

function card(n, what) {
  return h('div', { class: 'card' }, h('div', { class: 'n' }, n), h('div', { class: 'what' }, what));
}
