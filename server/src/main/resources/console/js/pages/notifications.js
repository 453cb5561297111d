// Notifications: what your organisation has been told — hits on its entries by organisations that may not see them,
// confirmations and disputes, reports routed to it, and deconfliction alerts (which stand out: another organisation
// works on the same material) — oldest first, a page at a time, all kinds or one.
import { get, may } from '../api.js';
import { h, clear, table, empty, errorBox, when, field, select, pager } from '../dom.js';
import { KINDS, kindLabel } from '../kinds.js';
import { alertBox } from '../deconfliction.js';

export async function render({ args, session }) {
  const root = h('div', {}, h('h1', {}, 'Notifications'), h('p', { class: 'lead' }, 'What ' + session.organisation + ' has been told.'));
  if (!may('READ')) {
    root.append(empty('Your role or your organisation\u2019s membership does not allow reading notifications.'));
    return root;
  }
  const initial = args[0] && KINDS[args[0]] ? args[0] : '';
  const kind = select('kind', [['', 'Every kind'], ...Object.entries(KINDS)], initial);
  const lawEnforcement = session.kind === 'LAW_ENFORCEMENT';
  const banner = h('div', {});
  const list = h('div', {});
  const load = async (after) => {
    try {
      const page = await get('/api/v1/notifications?limit=100' + (kind.value ? '&kind=' + kind.value : '') + (after ? '&after=' + after : ''));
      clear(list);
      clear(banner);
      const alerts = page.notifications.filter((n) => n.kind === 'DECONFLICTION').length;
      if (alerts && !kind.value) {
        banner.append(h('div', { class: 'warning', role: 'note' },
          h('strong', {}, alerts === 1 ? '1 deconfliction alert' : alerts + ' deconfliction alerts'), ' on this page: another organisation works on the same material. Contact them before you act. ',
          h('button', { type: 'button', class: 'secondary', onclick: () => { kind.value = 'DECONFLICTION'; load(0); } }, 'Show only deconfliction alerts')));
      }
      if (!page.notifications.length) {
        list.append(empty(after ? 'No more notifications.' : kind.value ? 'No notifications of this kind.'
          : 'No notifications yet. You are told here when another organisation\u2019s lookup hits an entry of yours it may not see, when one confirms or disputes your entries, when a report is routed to you, and when another organisation\u2019s work touches your cases.'));
      } else {
        list.append(table('Notifications', ['When', 'Kind', 'Subject', 'Details'],
          page.notifications.map((n) => n.kind === 'DECONFLICTION'
            ? h('tr', { class: 'deconfliction-row' }, h('td', {}, when(n.createdAt)), h('td', {}, h('span', { class: 'flag' }, kindLabel(n.kind))),
              h('td', {}, subject(n.subject, lawEnforcement)), h('td', {}, alertBox(n, { caseLinks: lawEnforcement })))
            : h('tr', {}, h('td', {}, when(n.createdAt)), h('td', {}, kindLabel(n.kind)), h('td', {}, subject(n.subject, lawEnforcement)),
              h('td', {}, h('dl', { class: 'details' }, Object.entries(n.details || {}).map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])))))));
      }
      list.append(pager(after, page.next, load));
    } catch (e) {
      clear(list).append(errorBox(e));
    }
  };
  kind.addEventListener('change', () => load(0));
  await load(0);
  root.append(h('div', { class: 'inline' }, field('Show', kind)), banner, list);
  return root;
}

function subject(s, lawEnforcement) {
  const text = s || '';
  if (text.startsWith('user:')) return text;
  const entry = /^entry:(\d+)$/.exec(text);
  if (entry) return h('a', { href: '#/entries/' + entry[1] }, text);
  const report = /^report:(\d+)$/.exec(text);
  if (report) return h('a', { href: '#/reports/' + report[1] }, 'Report #' + report[1]);
  const kase = /^case:(\d+)$/.exec(text);
  if (kase && lawEnforcement) return h('a', { href: '#/cases/' + kase[1] }, 'Case #' + kase[1]);
  return text;
}
