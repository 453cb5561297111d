// Notifications: what your organisation has been told — hits on its entries by organisations that may not
// see them, confirmations and disputes of its entries — oldest first, a page at a time.
import { get, may } from '../api.js';
import { h, clear, table, empty, errorBox, when } from '../dom.js';

export async function render({ session }) {
  const root = h('div', {}, h('h1', {}, 'Notifications'), h('p', { class: 'lead' }, 'What ' + session.organisation + ' has been told.'));
  if (!may('READ')) {
    root.append(empty('Your role or your organisation\u2019s membership does not allow reading notifications.'));
    return root;
  }
  const list = h('div', {});
  const load = async (after) => {
    try {
      const page = await get('/api/v1/notifications?limit=100' + (after ? '&after=' + after : ''));
      clear(list);
      if (!page.notifications.length) {
        list.append(empty(after ? 'No more notifications.' : 'No notifications yet. You are told here when another organisation\u2019s lookup hits an entry of yours it may not see, and when one confirms or disputes your entries.'));
      } else {
        list.append(table('Notifications', ['When', 'Kind', 'Subject', 'Details'],
          page.notifications.map((n) => h('tr', {}, h('td', {}, when(n.createdAt)), h('td', {}, kind(n.kind)), h('td', {}, subject(n.subject)),
            h('td', {}, h('dl', { class: 'details' }, Object.entries(n.details || {}).map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])))))));
      }
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

function kind(k) {
  return { MATCH_HIT: 'Hit on your entry', ENTRY_CONFIRMED: 'Entry confirmed', ENTRY_DISPUTED: 'Entry disputed', USER_LOCKED: 'User locked out' }[k] || k;
}

function subject(s) {
  if ((s || '').startsWith('user:')) return s;
  const entry = /^entry:(\d+)$/.exec(s || '');
  return entry ? h('a', { href: '#/entries/' + entry[1] }, s) : s;
}
