// Dashboard: what this organisation can see, at a glance. Built from bank totals, entry counts, its own lookups per
// day, report counts and time-to-removal aggregates only, so looking at it reads no restricted entry and no report
// (and adds nothing to the audit trail).
import { get, may } from '../api.js';
import { h, errorBox } from '../dom.js';
import { barChart, columnChart, stackedBarChart } from '../charts.js';

const CATEGORIES = ['A', 'B', 'C', 'EXPLOITATIVE', 'NOT_ILLEGAL'];
const DISTRIBUTIONS = ['GREEN', 'AMBER', 'RED'];
const TYPES = ['MD5', 'SHA1', 'SHA256', 'PDQ', 'PHOTODNA'];
const DAYS = 30;
const DISTRIBUTION_SERIES = [
  { key: 'GREEN', label: 'GREEN', colour: '#2e7d32' },
  { key: 'AMBER', label: 'AMBER', colour: '#b36b00' },
  { key: 'RED', label: 'RED', colour: '#b3261e' }];
// Each hash looked up is one of these three, so the columns stack to the hashes looked up that day.
const LOOKUP_SERIES = [
  { key: 'visible', label: 'with a match you may see', colour: '#1f5fa8' },
  { key: 'hitOnly', label: 'hit/no-hit only', colour: '#7b4fa0' },
  { key: 'none', label: 'no match', colour: '#9aa5b1' }];
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
  let banks, notifications, entries;
  try {
    [banks, notifications, entries] = await Promise.all([get('/api/v1/banks'), get('/api/v1/notifications?limit=1000'),
      get('/api/v1/statistics/entries')]);
  } catch (e) {
    page.append(errorBox(e));
    return page;
  }
  const list = banks.banks;
  const own = list.filter((b) => b.owned);
  page.append(h('div', { class: 'cards' },
    card(list.length, 'banks you can see'),
    card(entries.total, 'entries you can see'),
    card(own.length, 'banks your organisation owns'),
    card(notifications.notifications.length + (notifications.next ? '+' : ''), 'notifications')));

  page.append(h('h2', {}, 'Entries and banks'),
    h('div', { class: 'charts' },
      stackedBarChart('Visible entries by category and distribution', byCategory(entries.counts), DISTRIBUTION_SERIES,
        { rowHeader: 'Category', empty: 'No entries you may see yet.' }),
      barChart('Visible entries by hash type', TYPES.map((t) => ({ label: t, value: count(entries.counts, (c) => c.type === t) }))
        .filter((d) => d.value > 0), { empty: 'No entries you may see yet.' }),
      barChart('Banks by distribution', DISTRIBUTIONS.map((d) => ({ label: d, value: list.filter((b) => b.distribution === d).length })))),
    h('p', { class: 'hint' }, 'Active entries, each by its own category and distribution; \u201cnone\u201d has no category.'));
  if (!list.length) page.append(h('p', { class: 'empty' }, 'No banks yet. Create one under Banks, or ask a member to share theirs.'));
  page.append(await lookups());
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

/** Rows of the category chart: each category with entries, then those without one, split by distribution. */
function byCategory(counts) {
  return [...CATEGORIES, null].map((category) => ({
    label: category === null ? 'none' : category.replaceAll('_', ' '),
    values: Object.fromEntries(DISTRIBUTIONS.map((d) => [d, count(counts, (c) => c.category === category && c.distribution === d)])),
  }));
}

function count(counts, which) {
  return counts.filter(which).reduce((sum, c) => sum + c.entries, 0);
}

/** This organisation's own lookups per UTC day: counts written in the background, never another organisation's. */
async function lookups() {
  const section = h('section', { 'aria-labelledby': 'dash-lookups-h' }, h('h2', { id: 'dash-lookups-h' }, 'Lookups'));
  let matches;
  try {
    matches = await get('/api/v1/statistics/matches?days=' + DAYS);
  } catch (e) {
    section.append(errorBox(e));
    return section;
  }
  const days = matches.days;
  const total = (field) => days.reduce((sum, d) => sum + d[field], 0);
  section.append(h('div', { class: 'cards' },
    card(total('hashesLookedUp'), 'hashes looked up, last ' + DAYS + ' days'),
    card(total('hashesWithVisibleMatch'), 'with a match you may see'),
    card(total('hashesWithHitOnly'), 'answered hit/no-hit only')),
  h('div', { class: 'charts' },
    columnChart('Hashes your organisation looked up per day (UTC, last ' + DAYS + ' days)', days.map((d) => ({
      label: d.day,
      values: { visible: d.hashesWithVisibleMatch, hitOnly: d.hashesWithHitOnly,
        none: d.hashesLookedUp - d.hashesWithVisibleMatch - d.hashesWithHitOnly },
    })), LOOKUP_SERIES, { pointHeader: 'Day', short: (day) => day.slice(5), empty: 'No lookups in the last ' + DAYS + ' days.' })),
  h('p', { class: 'hint' }, 'Only ' + matches.organisation + '\u2019s own lookups (the API, Lookup, and the hashes of reports it assessed); counted in the background, so the last second may still be missing.'));
  return section;
}
