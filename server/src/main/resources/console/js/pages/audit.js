// Audit: the node's hash-chained trail, for the node's administrators; and a check of the chain.
import { get, may } from '../api.js';
import { h, clear, table, empty, errorBox, notice, when } from '../dom.js';

export async function render() {
  const root = h('div', {}, h('h1', {}, 'Audit'),
    h('p', { class: 'lead' }, 'Every write and every read of AMBER or RED data, each event chained to the one before by its hash.'));
  if (!may('NODE_ADMIN')) {
    root.append(empty('Only the node\u2019s administrators (ADMINs of the operating organisation) read the audit trail.'));
    return root;
  }
  const verdict = h('div', { 'aria-live': 'polite' });
  const verify = h('button', { type: 'button', onclick: async () => {
    clear(verdict);
    try {
      const v = await get('/api/v1/audit/verify');
      verdict.append(v.intact
        ? notice(`Intact: ${v.events.toLocaleString('en')} events, last hash ${v.lastHash.slice(0, 16)}\u2026`)
        : h('p', { class: 'error', role: 'alert' }, `Broken at event ${v.brokenAt} (${v.problem}): ${v.reason}`));
    } catch (e) {
      verdict.append(errorBox(e));
    }
  } }, 'Verify the chain');
  root.append(h('div', { class: 'panel' }, verify, verdict));

  const list = h('div', {});
  const load = async (after) => {
    try {
      const page = await get('/api/v1/audit?limit=100' + (after ? '&after=' + after : ''));
      clear(list).append(page.events.length
        ? table('Audit events', ['#', 'When', 'Organisation', 'Who', 'Action', 'Subject', 'Outcome', 'Details'],
          page.events.map((e) => h('tr', {}, h('td', { class: 'num' }, e.seq), h('td', {}, when(e.at)), h('td', {}, e.organisation),
            h('td', {}, e.user ? e.user + ' (' + e.role + ')' : e.tokenId ? 'token ' + e.tokenId + ' (' + e.role + ')' : e.role),
            h('td', {}, e.action), h('td', {}, e.subject), h('td', {}, e.outcome),
            h('td', {}, Object.entries(e.details || {}).map(([k, v]) => k + '=' + v).join(', ')))))
        : empty(after ? 'No more events.' : 'No events yet.'));
      const nav = h('div', { class: 'actions' });
      if (after) nav.append(h('button', { type: 'button', class: 'secondary', onclick: () => load(0) }, 'First page'));
      if (page.next) nav.append(h('button', { type: 'button', class: 'secondary', onclick: () => load(page.next) }, 'Next page'));
      list.append(nav);
    } catch (e) {
      clear(list).append(errorBox(e));
    }
  };
  await load(0);
  root.append(list);
  return root;
}
