// Dashboard: what this organisation can see, at a glance. Built from bank totals, report counts and time-to-removal
// aggregates only, so looking at it reads no restricted entry and no report (and adds nothing to the audit trail).
import { get, may } from '../api.js';
import { h, errorBox } from '../dom.js';
import { barChart } from '../charts.js';

const CATEGORIES = ['A', 'B', 'C', 'EXPLOITATIVE', 'NOT_ILLEGAL'];
const DISTRIBUTIONS = ['GREEN', 'AMBER', 'RED'];
const STATES = ['RECEIVED', 'ASSESSED', 'NOT_ILLEGAL', 'ROUTED', 'NOTICE_SENT', 'REMOVED', 'REMOVAL_CONFIRMED'];

export async function render({ session }) {
  const page = h('div', {}, h('h1', {}, 'Dashboard'),
    h('p', { class: 'lead' }, 'What ' + session.organisation + ' can see on this node.'));
  if (!may('READ')) {
    page.append(h('p', { class: 'empty' }, session.state !== 'ACTIVE'
      ? 'Your organisation is ' + session.state + ': it reads and writes nothing until it is ACTIVE.'
      : 'Your role (' + session.role + ') does not read banks. ' + (may('VOTE') ? 'Votes on applications are under Membership.' : '')));
    return page;
  }
  let banks, notifications;
  try {
    [banks, notifications] = await Promise.all([get('/api/v1/banks'), get('/api/v1/notifications?limit=1000')]);
  } catch (e) {
    page.append(errorBox(e));
    return page;
  }
  const list = banks.banks;
  const total = list.reduce((sum, b) => sum + b.visibleEntries, 0);
  const own = list.filter((b) => b.owned);
  page.append(h('div', { class: 'cards' },
    card(list.length, 'banks you can see'),
    card(total, 'entries you can see'),
    card(own.length, 'banks your organisation owns'),
    card(notifications.notifications.length + (notifications.next ? '+' : ''), 'notifications')));

  const byCategory = CATEGORIES.map((c) => ({ label: c, value: sum(list.filter((b) => b.category === c)) }));
  const uncategorised = sum(list.filter((b) => !b.category));
  if (uncategorised) byCategory.push({ label: 'none', value: uncategorised });
  page.append(h('h2', {}, 'Entries and banks'),
    h('div', { class: 'charts' },
      barChart('Visible entries by bank category', byCategory),
      barChart('Visible entries by bank distribution', DISTRIBUTIONS.map((d) => ({ label: d, value: sum(list.filter((b) => b.distribution === d)) }))),
      barChart('Banks by distribution', DISTRIBUTIONS.map((d) => ({ label: d, value: list.filter((b) => b.distribution === d).length })))),
    h('p', { class: 'hint' }, 'Grouped by each bank\u2019s default category and distribution; single entries may say otherwise.'));
  if (!list.length) page.append(h('p', { class: 'empty' }, 'No banks yet. Create one under Banks, or ask a member to share theirs.'));
  page.append(await reports());
  return page;
}

/** Reports: this organisation's by state, and the node's median time to removal by month (aggregates, not audited). */
async function reports() {
  const section = h('section', { 'aria-labelledby': 'dash-reports-h' }, h('h2', { id: 'dash-reports-h' }, 'Reports'));
  let counts, stats;
  try {
    [counts, stats] = await Promise.all([get('/api/v1/reports/counts'), get('/api/v1/reports/statistics')]);
  } catch (e) {
    section.append(errorBox(e));
    return section;
  }
  const o = stats.overall;
  section.append(h('div', { class: 'cards' },
    card(counts.total, 'reports made or received'),
    card((counts.byState.RECEIVED || 0) + (counts.byState.ASSESSED || 0), 'awaiting assessment or routing'),
    card(hours(o.medianHours), 'median time to removal (node)')),
  h('div', { class: 'charts' },
    barChart('Your reports by state', STATES.map((st) => ({ label: st.replaceAll('_', ' '), value: counts.byState[st] || 0 })),
      { labelWidth: 150, empty: 'No reports made or received yet.' }),
    barChart('Median hours to removal by month (every report on the node)', stats.byMonth.map((g) => ({ label: g.month, value: g.medianHours })),
      { format: hours, zeroes: true, empty: 'No report has been removed yet.' }),
    barChart('Reports removed by month (every report on the node)', stats.byMonth.map((g) => ({ label: g.month, value: g.count })),
      { empty: 'No report has been removed yet.' })),
  h('p', { class: 'hint' }, 'Details under ', h('a', { href: '#/reports' }, 'Reports'), ' and ', h('a', { href: '#/reports/statistics' }, 'time to removal'), '.'));
  return section;
}

function hours(v) {
  return v === null || v === undefined ? '\u2014' : v.toLocaleString('en', { maximumFractionDigits: 1 }) + ' h';
}

function card(n, what) {
  return h('div', { class: 'card' }, h('div', { class: 'n' }, typeof n === 'number' ? n.toLocaleString('en') : n), h('div', { class: 'what' }, what));
}

function sum(banks) {
  return banks.reduce((s, b) => s + b.visibleEntries, 0);
}
