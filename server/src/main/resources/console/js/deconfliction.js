// Deconfliction alerts (notifications of kind DECONFLICTION): another organisation's case, lookup or report touches a
// hash or series one of your cases links, or the other way round. Each side is told in its own terms only: the hashes it
// linked or asked about itself, the series it may see — never the other side's hash.
import { get } from './api.js';
import { h } from './dom.js';

const THEIRS = { CASE: 'a case of theirs', MATCH: 'a lookup of theirs', REPORT: 'a report of theirs' };

/** Every DECONFLICTION notification of the organisation, newest first (at most `pages` pages of 1 000). */
export async function deconflictionAlerts(pages = 10) {
  const all = [];
  let after = 0;
  for (let i = 0; i < pages; i++) {
    const page = await get('/api/v1/notifications?kind=DECONFLICTION&limit=1000' + (after ? '&after=' + after : ''));
    all.push(...page.notifications);
    if (!page.next) break;
    after = page.next;
  }
  return all.reverse();
}

/** The case ids an alert names on the reader's side. */
export function alertCases(n) {
  const ids = ((n.details || {}).cases || '').split(',').filter(Boolean);
  const subject = /^case:(\d+)$/.exec(n.subject || '');
  if (subject && !ids.includes(subject[1])) ids.push(subject[1]);
  return ids;
}

/** One alert, told plainly: who, how they touched it, what overlaps, whom to call. */
export function alertBox(n, opts = {}) {
  const d = n.details || {};
  const cases = alertCases(n);
  const links = opts.caseLinks !== false;
  const caseRefs = cases.flatMap((id, i) => [i ? ', ' : '', links ? h('a', { href: '#/cases/' + id }, '#' + id) : '#' + id]);
  const yours = d.origin === 'CASE' || (!d.origin && cases.length)
    ? ['your case' + (cases.length > 1 ? 's ' : ' '), ...caseRefs]
    : [d.origin === 'MATCH' ? 'your lookup' : d.origin === 'REPORT' ? 'your report' : 'your work'];
  const hashes = (d.hashes || '').split(',').filter(Boolean);
  const series = (d.series || '').split('\n').filter(Boolean);
  const items = [
    ...hashes.map((x) => h('li', { class: 'hash' }, x.replace(':', ' '))),
    ...series.map((s) => h('li', {}, 'series ', links ? h('a', { href: '#/cases/series/' + encodeURIComponent(s) }, s) : s)),
  ];
  const count = Number(d.count || items.length);
  return h('div', { class: 'deconfliction' },
    h('p', {}, h('span', { class: 'flag' }, 'Deconfliction'), ' ', h('strong', {}, d.counterpart || 'Another organisation'), ' \u2014 ',
      THEIRS[d.counterpart_origin] || 'their work', ' touches ', yours, '. ',
      d.contact ? ['Contact them: ', h('strong', {}, d.contact), '.'] : 'No contact given.'),
    items.length ? h('ul', { class: 'overlap', 'aria-label': 'What overlaps' }, items) : null,
    count > items.length ? h('p', { class: 'hint' }, `${count} overlaps in all; the first ${items.length} are listed.`) : null);
}
