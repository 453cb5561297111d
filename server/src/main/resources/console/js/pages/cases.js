// Cases: a law-enforcement member's own cases, each linking hashes and series; the deconfliction alerts that say another
// organisation works on the same material; and series, whose victim an agency marks identified so that no one hunts
// an already-rescued child. Partners see none of it (the API answers them 403): the page says so and asks nothing.
import { get, post, del, may } from '../api.js';
import { h, clear, table, empty, errorBox, notice, when, announce, field, select, actionButton, facts, stateTag } from '../dom.js';
import { parseHashes } from './lookup.js';
import { deconflictionAlerts, alertBox, alertCases } from '../deconfliction.js';

const MAX_LINKS = 10000;

export async function render({ args, session }) {
  if (session.kind !== 'LAW_ENFORCEMENT') {
    return h('div', {}, h('h1', {}, 'Cases'),
      h('div', { class: 'panel', role: 'note' },
        h('p', {}, h('strong', {}, 'Cases are for law-enforcement members. '), session.organisation + ' is a ' + session.kind.toLowerCase()
          + ' partner: it has no cases on this node, and no case of another organisation is shown to it.'),
        h('p', {}, 'When a lookup or a report of yours touches a hash a police case links, you are told under ',
          h('a', { href: '#/notifications' }, 'Notifications'), ' whom to contact.')));
  }
  if (!may('READ')) {
    return h('div', {}, h('h1', {}, 'Cases'), empty('Your role or your organisation\u2019s membership does not allow reading cases.'));
  }
  if (args[0] === 'series' && args[1]) {
    let name;
    try {
      name = decodeURIComponent(args.slice(1).join('/'));
    } catch {
      name = args.slice(1).join('/');
    }
    return seriesPage(name, session);
  }
  if (args[0]) return casePage(args[0]);
  return listPage(session);
}

async function listPage(session) {
  const root = h('div', {}, h('h1', {}, 'Cases'),
    h('p', { class: 'lead' }, 'The cases of ' + session.organisation + '. When another organisation\u2019s case, lookup or report touches a hash or series one of them links, both of you are told (deconfliction).'));
  const alerts = h('section', { 'aria-labelledby': 'alerts-h' }, h('h2', { id: 'alerts-h' }, 'Deconfliction alerts'));
  try {
    const all = await deconflictionAlerts();
    if (!all.length) alerts.append(empty('No deconfliction alerts: no other organisation has touched what your cases link.'));
    else {
      alerts.append(h('ul', { class: 'alerts' }, all.slice(0, 5).map((n) => h('li', {}, alertBox(n), h('p', { class: 'hint' }, when(n.createdAt))))));
      if (all.length > 5) alerts.append(h('p', {}, h('a', { href: '#/notifications/DECONFLICTION' }, 'All ' + all.length + ' deconfliction alerts')));
    }
  } catch (e) {
    alerts.append(errorBox(e));
  }
  const listing = h('div', {});
  try {
    const { cases } = await get('/api/v1/cases');
    listing.append(cases.length
      ? table('Cases of ' + session.organisation, ['Case', 'Reference', 'State', 'Opened', 'Closed'],
        cases.map((c) => h('tr', {}, h('td', {}, h('a', { href: '#/cases/' + c.id }, c.title)), h('td', {}, c.reference || ''),
          h('td', {}, stateTag(c.state)), h('td', {}, when(c.createdAt)), h('td', {}, when(c.closedAt)))), { class: 'cases' })
      : empty('No cases yet.' + (may('WRITE') ? ' Open one below.' : '')));
  } catch (e) {
    listing.append(errorBox(e));
  }
  root.append(alerts, h('h2', {}, 'Your cases'), listing);
  if (may('WRITE')) root.append(openForm());
  root.append(seriesLookup());
  return root;
}

function openForm() {
  const title = h('input', { name: 'title', required: true, maxlength: 200, size: 40 });
  const reference = h('input', { name: 'reference', maxlength: 200 });
  const out = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'panel', 'aria-labelledby': 'open-h' }, h('h2', { id: 'open-h' }, 'Open a case'),
    h('p', { class: 'hint' }, 'Only your organisation sees it; its title and reference never go into the audit trail.'),
    h('div', { class: 'inline' }, field('Title', title), field('Reference (optional)', reference), h('button', { type: 'submit' }, 'Open case')), out);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear(out);
    const body = { title: title.value.trim() };
    if (reference.value.trim()) body.reference = reference.value.trim();
    try {
      const opened = await post('/api/v1/cases', body);
      announce('Case opened.');
      location.hash = '#/cases/' + opened.id;
    } catch (e) {
      out.append(errorBox(e));
    }
  });
  return form;
}

function seriesLookup() {
  const name = h('input', { name: 'series', required: true, maxlength: 200, autocomplete: 'off' });
  const form = h('form', { class: 'panel', 'aria-labelledby': 'series-h' }, h('h2', { id: 'series-h' }, 'Series'),
    h('p', { class: 'hint' }, 'Whether a series\u2019 victim is identified, and by which agency. A series shows if you may see one of its entries, a case of yours links it, or you marked it.'),
    h('div', { class: 'inline' }, field('Series name', name), h('button', { type: 'submit' }, 'Look up series')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (name.value.trim()) location.hash = '#/cases/series/' + encodeURIComponent(name.value.trim());
  });
  return form;
}

async function casePage(id) {
  const root = h('div', {}, h('p', {}, h('a', { href: '#/cases' }, '\u2190 All cases')));
  const body = h('div', {});
  root.append(body);
  const show = async (said) => {
    let detail, alerts;
    try {
      [detail, alerts] = await Promise.all([get('/api/v1/cases/' + encodeURIComponent(id)), deconflictionAlerts()]);
    } catch (e) {
      clear(body).append(h('h1', {}, 'Case ' + id), errorBox(e));
      return;
    }
    const c = detail.details;
    const mine = alerts.filter((n) => alertCases(n).includes(String(c.id)));
    clear(body).append(h('h1', {}, 'Case \u201c' + c.title + '\u201d'),
      h('p', { class: 'lead' }, stateTag(c.state), c.reference ? ' \u00b7 reference ' + c.reference : '', ' \u00b7 opened ', when(c.createdAt),
        c.closedAt ? [' \u00b7 closed ', when(c.closedAt)] : ''),
      said ? notice(said) : null,
      h('section', { 'aria-labelledby': 'case-alerts-h', class: mine.length ? 'alerting' : '' }, h('h2', { id: 'case-alerts-h' }, 'Deconfliction alerts'),
        mine.length
          ? h('ul', { class: 'alerts' }, mine.map((n) => h('li', {}, alertBox(n), h('p', { class: 'hint' }, when(n.createdAt)))))
          : empty('No deconfliction alert for this case: no other organisation has touched its hashes or series.')),
      h('h2', {}, 'Linked hashes'),
      detail.hashes.length
        ? table('Hashes linked to this case', ['Type', 'Value', 'Linked'], detail.hashes.map((x) => h('tr', {}, h('td', {}, x.type),
          h('td', { class: 'hash' }, x.value), h('td', {}, when(x.linkedAt)))), { class: 'case-hashes' })
        : empty('No hashes linked yet.'),
      h('h2', {}, 'Linked series'),
      detail.series.length
        ? table('Series linked to this case', ['Series', 'Victim identified', 'Linked'], detail.series.map((s) => h('tr', {},
          h('td', {}, h('a', { href: '#/cases/series/' + encodeURIComponent(s.name) }, s.name)), h('td', {}, victim(s)), h('td', {}, when(s.linkedAt)))),
          { class: 'case-series' })
        : empty('No series linked yet.'));
    if (may('WRITE')) body.append(...caseActions(c, show));
  };
  await show();
  return root;
}

function victim(s) {
  if (!s.victimIdentified) return 'no';
  return h('span', { class: 'victim' }, 'Identified' + (s.identifiedBy ? ' by ' + s.identifiedBy : '') + (s.identifiedOn ? ' on ' + s.identifiedOn : ''));
}

function linked(r, what) {
  return `${r.added} ${what} linked, ${r.alreadyLinked} already linked` + (r.alerted ? `; ${r.alerted} other organisation${r.alerted === 1 ? '' : 's'} alerted (deconfliction).` : '.');
}

function caseActions(c, show) {
  const parts = [];
  if (c.state === 'OPEN') {
    const hashes = h('textarea', { name: 'hashes', rows: 4, spellcheck: 'false', placeholder: 'One hash per line: MD5, SHA-1, SHA-256 or PDQ, optionally prefixed "sha256:" or "pdq:"' });
    const sixtyFour = select('sixtyfour', [['PDQ', 'PDQ'], ['SHA256', 'SHA-256']], 'PDQ');
    const hashOut = h('div', { 'aria-live': 'polite' });
    const hashForm = h('form', { class: 'panel', 'aria-labelledby': 'link-h' }, h('h2', { id: 'link-h' }, 'Link hashes'),
      h('p', { class: 'hint' }, 'Each is checked against the other organisations\u2019 open cases (PDQ within 31 bits): both sides of an overlap are told.'),
      field('Hashes to link', hashes), h('div', { class: 'inline' }, field('64 hex digits are', sixtyFour), h('button', { type: 'submit' }, 'Link hashes')), hashOut);
    hashForm.addEventListener('submit', async (event) => {
      event.preventDefault();
      clear(hashOut);
      const parsed = parseHashes(hashes.value, sixtyFour.value);
      if (parsed.errors.length) { hashOut.append(h('div', { class: 'error', role: 'alert' }, h('ul', {}, parsed.errors.slice(0, 20).map((e) => h('li', {}, e))))); return; }
      if (!parsed.hashes.length) { hashOut.append(h('p', { class: 'error', role: 'alert' }, 'Paste at least one hash.')); return; }
      if (parsed.hashes.length > MAX_LINKS) { hashOut.append(h('p', { class: 'error', role: 'alert' }, `At most ${MAX_LINKS} hashes at a time.`)); return; }
      try {
        const r = await post('/api/v1/cases/' + c.id + '/hashes', { hashes: parsed.hashes.map((x) => ({ type: x.type, value: x.value })) });
        const said = linked(r, r.added === 1 ? 'hash' : 'hashes');
        announce(said);
        await show(said);
      } catch (e) {
        hashOut.append(errorBox(e));
      }
    });
    const names = h('input', { name: 'series', required: true, size: 40, autocomplete: 'off', 'aria-describedby': 'series-hint' });
    const seriesOut = h('div', { 'aria-live': 'polite' });
    const seriesForm = h('form', { class: 'panel', 'aria-labelledby': 'link-series-h' }, h('h2', { id: 'link-series-h' }, 'Link series'),
      h('p', { class: 'hint', id: 'series-hint' }, 'Names separated by commas; a series you may see an entry of.'),
      h('div', { class: 'inline' }, field('Series to link', names), h('button', { type: 'submit' }, 'Link series')), seriesOut);
    seriesForm.addEventListener('submit', async (event) => {
      event.preventDefault();
      clear(seriesOut);
      const series = names.value.split(',').map((s) => s.trim()).filter(Boolean);
      if (!series.length) { seriesOut.append(h('p', { class: 'error', role: 'alert' }, 'Name at least one series.')); return; }
      try {
        const r = await post('/api/v1/cases/' + c.id + '/series', { series });
        const said = linked(r, 'series');
        announce(said);
        await show(said);
      } catch (e) {
        seriesOut.append(errorBox(e));
      }
    });
    parts.push(hashForm, seriesForm);
  }
  const closing = c.state === 'OPEN';
  parts.push(h('div', { class: 'panel' }, h('p', { class: 'hint' }, closing
    ? 'A closed case links nothing more and takes no part in deconfliction.'
    : 'Reopening checks the case against the other organisations\u2019 open cases again.'),
  actionButton(closing ? 'Close case' : 'Reopen case', async () => {
    await post('/api/v1/cases/' + c.id + '/state', { state: closing ? 'CLOSED' : 'OPEN' });
    const said = closing ? 'Case closed.' : 'Case reopened.';
    announce(said);
    await show(said);
  }, { class: closing ? 'danger' : '' })));
  return parts;
}

async function seriesPage(name, session) {
  const root = h('div', {}, h('p', {}, h('a', { href: '#/cases' }, '\u2190 All cases')), h('h1', {}, 'Series \u201c' + name + '\u201d'));
  const body = h('div', {});
  root.append(body);
  const path = '/api/v1/series/' + encodeURIComponent(name);
  const show = async (s, said) => {
    clear(body).append(said ? notice(said) : '',
      facts('Series ' + name, [
        ['Victim identified', s.victimIdentified ? victim(s) : 'no'],
        s.markedAt ? ['Marked', when(s.markedAt)] : null,
        ['Entries you may see', s.visibleEntries.toLocaleString('en')],
        ['Your cases linking it', s.cases.length ? s.cases.flatMap((id, i) => [i ? ', ' : '', h('a', { href: '#/cases/' + id }, '#' + id)]) : 'none'],
      ], { class: 'panel' }));
    if (!may('WRITE')) return;
    if (!s.victimIdentified) {
      const on = h('input', { type: 'date', name: 'on' });
      const out = h('div', { 'aria-live': 'polite' });
      const form = h('form', { class: 'panel', 'aria-labelledby': 'mark-h' }, h('h2', { id: 'mark-h' }, 'Mark victim identified'),
        h('p', { class: 'hint' }, 'Your agency becomes the identifying agency: every match and every hit on the series\u2019 entries says so from now on (hits never name the series).'),
        h('div', { class: 'inline' }, field('Identified on (empty: today)', on), h('button', { type: 'submit' }, 'Mark victim identified')), out);
      form.addEventListener('submit', async (event) => {
        event.preventDefault();
        clear(out);
        try {
          const marked = await post(path + '/victim-identified', on.value ? { on: on.value } : {});
          announce('Marked victim identified.');
          await show(marked, 'Marked: the victim of this series is identified.');
        } catch (e) {
          out.append(errorBox(e));
        }
      });
      body.append(form);
    } else if (s.identifiedBy === session.organisation) {
      body.append(h('div', { class: 'panel' }, h('p', { class: 'hint' }, 'Your agency marked this series. Only you may remove the mark.'),
        actionButton('Remove our mark', async () => {
          if (!confirm('Remove your agency\u2019s victim-identified mark from this series?')) return;
          await del(path + '/victim-identified');
          announce('Mark removed.');
          await show(await get(path), 'Mark removed.');
        }, { class: 'danger' })));
    } else {
      body.append(h('p', { class: 'hint' }, 'Marked by ' + s.identifiedBy + ': only that agency may remove the mark.'));
    }
  };
  try {
    await show(await get(path));
  } catch (e) {
    body.append(errorBox(e));
  }
  return root;
}
