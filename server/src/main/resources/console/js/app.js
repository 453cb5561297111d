// The console shell: who is signed in, the navigation, and a page per route (#/banks/3 → pages/banks.js).
import { loadSession, may, signOut } from './api.js';
import { h, clear, errorBox } from './dom.js';

const PAGES = {
  dashboard: 'Dashboard', lookup: 'Lookup', banks: 'Banks', entries: 'Banks', reports: 'Reports', cases: 'Cases',
  membership: 'Membership', notifications: 'Notifications', webhooks: 'Webhooks', audit: 'Audit', account: 'Your account',
};

const main = document.getElementById('main');
let session;

async function start() {
  try {
    session = await loadSession();
  } catch (e) {
    clear(main).append(errorBox(e));
    return;
  }
  const who = document.getElementById('who');
  who.textContent = (session.login || 'token') + ' \u00b7 ' + session.organisation + ' \u00b7 ' + session.role
      + (session.state !== 'ACTIVE' ? ' \u00b7 organisation ' + session.state : '');
  document.getElementById('account').hidden = !session.login;
  const signout = document.getElementById('signout');
  signout.hidden = false;
  signout.addEventListener('click', signOut);
  for (const link of document.querySelectorAll('#nav a[data-needs]')) {
    if (!may(link.dataset.needs)) link.parentElement.hidden = true;
  }
  window.addEventListener('hashchange', route);
  route();
}

let generation = 0;

async function route() {
  const parts = (location.hash || '#/dashboard').replace(/^#\/?/, '').split('/').filter(Boolean);
  const page = PAGES[parts[0]] ? parts[0] : 'dashboard';
  const mine = ++generation;
  for (const link of document.querySelectorAll('#nav a')) {
    const current = link.dataset.page === page || (page === 'entries' && link.dataset.page === 'banks');
    if (current) link.setAttribute('aria-current', 'page'); else link.removeAttribute('aria-current');
  }
  document.title = PAGES[page] + ' \u00b7 VGT Exchange console';
  clear(main).append(h('p', { class: 'loading' }, 'Loading\u2026'));
  try {
    const module = await import('./pages/' + (page === 'entries' ? 'banks' : page) + '.js');
    const content = await module.render({ args: parts.slice(1), page, session });
    if (mine !== generation) return;
    clear(main).append(content);
  } catch (e) {
    if (mine !== generation) return;
    clear(main).append(h('h1', {}, PAGES[page]), errorBox(e));
  }
  main.focus();
}

start();
