// Banks: the ones you own or may see; create one; page through a bank's entries; import a file of any exchange
// format in one transaction, with upload progress; export; retract your own entries; confirm or dispute others'.
import { get, post, act, request, upload, may, currentSession } from '../api.js';
import { h, clear, table, empty, errorBox, notice, distribution, when, announce, field, select, message } from '../dom.js';

const CATEGORIES = ['A', 'B', 'C', 'EXPLOITATIVE', 'NOT_ILLEGAL'];
const EXPORTS = ['csv', 'pdq', 'jsonl', 'vics', 'icse', 'stix'];
const IMPORTS = [['', 'Recognise from the file'], ['csv', 'CSV with a header row (type, value, category, …)'],
  ['pdq', 'PDQ text (hash[,quality[,file]] per line)'], ['jsonl', 'JSON Lines (vgtx hash --json)'], ['vics', 'Project VIC (VICS) JSON'],
  ['icse', 'INTERPOL ICSE export (;-separated)'], ['stix', 'STIX 2.1 bundle']];

export async function render({ page, args }) {
  if (page === 'entries' && args[0]) return entryPage(args[0]);
  if (args[0]) return bankPage(args[0]);
  return listPage();
}

async function listPage() {
  const root = h('div', {}, h('h1', {}, 'Banks'));
  if (!may('READ')) {
    root.append(empty('Your role or your organisation\u2019s membership does not allow reading banks.'));
    return root;
  }
  const listing = h('div', {});
  const refresh = async () => {
    try {
      const { banks } = await get('/api/v1/banks');
      clear(listing).append(banks.length
        ? table('Banks you own or may see entries of', ['Name', 'Owner', 'Distribution', 'Category', 'Visible entries', 'Created'],
          banks.map((b) => h('tr', {}, h('td', {}, h('a', { href: '#/banks/' + b.id }, b.name)), h('td', {}, b.owner + (b.owned ? ' (you)' : '')),
            h('td', {}, distribution(b.distribution)), h('td', {}, b.category || ''), h('td', { class: 'num' }, b.visibleEntries.toLocaleString('en')),
            h('td', {}, when(b.createdAt)))))
        : empty('No banks yet.' + (may('WRITE') ? ' Create the first one below.' : '')));
    } catch (e) {
      clear(listing).append(errorBox(e));
    }
  };
  await refresh();
  root.append(listing);
  if (may('WRITE')) root.append(await createForm(refresh));
  return root;
}

async function createForm(refresh) {
  const name = h('input', { name: 'name', required: true, maxlength: 200 });
  const dist = select('distribution', [['AMBER', 'AMBER \u2014 law-enforcement members'], ['GREEN', 'GREEN \u2014 every active organisation'], ['RED', 'RED \u2014 named organisations only']], 'AMBER');
  const category = select('category', [['', '(none)'], ...CATEGORIES.map((c) => [c, c])], '');
  const recipients = h('fieldset', { hidden: true }, h('legend', {}, 'Also shared with (RED)'));
  try {
    const { organisations } = await get('/api/v1/organisations');
    const others = organisations.filter((o) => o.id !== currentSession().organisationId && o.state === 'ACTIVE');
    if (!others.length) recipients.append(h('p', { class: 'hint' }, 'No other active organisations.'));
    for (const o of others) {
      const id = 'r-' + o.id;
      recipients.append(h('div', {}, h('input', { type: 'checkbox', id, value: o.id, name: 'recipient' }), ' ', h('label', { for: id, class: 'plain' }, o.name + ' (' + o.kind + ')')));
    }
  } catch { /* membership not readable: no recipients to offer */ }
  dist.addEventListener('change', () => { recipients.hidden = dist.value !== 'RED'; });
  const out = h('div', {});
  const form = h('form', { class: 'panel', 'aria-labelledby': 'create-h' }, h('h2', { id: 'create-h' }, 'Create a bank'),
    h('div', { class: 'inline' }, field('Name', name), field('Default distribution', dist), field('Default category', category)),
    recipients, h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Create bank')), out);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = { name: name.value.trim(), distribution: dist.value };
    if (category.value) body.category = category.value;
    if (dist.value === 'RED') body.recipients = [...recipients.querySelectorAll('input:checked')].map((c) => Number(c.value));
    try {
      const created = await post('/api/v1/banks', body);
      clear(out).append(notice('Bank \u201c' + body.name + '\u201d created (id ' + created.id + ').'));
      form.reset();
      recipients.hidden = true;
      await refresh();
    } catch (e) {
      clear(out).append(errorBox(e));
    }
  });
  return form;
}

async function bankPage(id) {
  const { banks } = await get('/api/v1/banks');
  const bank = banks.find((b) => String(b.id) === String(id));
  const root = h('div', {}, h('p', {}, h('a', { href: '#/banks' }, '\u2190 All banks')));
  const count = h('span', {}, bank ? bank.visibleEntries.toLocaleString('en') : '');
  if (!bank) {
    root.append(h('h1', {}, 'Bank ' + id), empty('No bank ' + id + ' that you may see.'));
    return root;
  }
  root.append(h('h1', {}, 'Bank \u201c' + bank.name + '\u201d'),
    h('p', { class: 'lead' }, 'Owned by ', bank.owner, bank.owned ? ' (your organisation)' : '', ' \u00b7 default ', distribution(bank.distribution),
      bank.category ? ' \u00b7 category ' + bank.category : '', ' \u00b7 ', count, ' visible entries'));
  const entries = h('div', {});
  const load = async (after) => {
    try {
      const pageOf = await get('/api/v1/banks/' + bank.id + '/entries?limit=25' + (after ? '&after=' + after : ''));
      clear(entries).append(entryTable(bank, pageOf.entries, () => load(after)));
      const nav = h('div', { class: 'actions' });
      if (after) nav.append(h('button', { type: 'button', class: 'secondary', onclick: () => load(0) }, 'First page'));
      if (pageOf.next) nav.append(h('button', { type: 'button', class: 'secondary', onclick: () => load(pageOf.next) }, 'Next page'));
      entries.append(nav);
    } catch (e) {
      clear(entries).append(errorBox(e));
    }
  };
  await load(0);
  root.append(h('h2', {}, 'Entries'), entries, exportPanel(bank));
  const afterImport = async () => {
    await load(0);
    const now = (await get('/api/v1/banks')).banks.find((b) => b.id === bank.id);
    if (now) count.textContent = now.visibleEntries.toLocaleString('en');
  };
  if (bank.owned && may('WRITE')) root.append(importPanel(bank, afterImport));
  return root;
}

function entryTable(bank, list, reload) {
  if (!list.length) return empty('No entries you may see in this bank yet.' + (bank.owned ? ' Import a file below.' : ''));
  return table('Entries of ' + bank.name, ['Entry', 'Type', 'Value', 'Category', 'Distribution', 'State', 'Label', 'Actions'],
    list.map((e) => h('tr', {}, h('td', {}, h('a', { href: '#/entries/' + e.id }, '#' + e.id)), h('td', {}, e.type), h('td', { class: 'hash' }, e.value),
      h('td', {}, e.category || ''), h('td', {}, distribution(e.distribution)), h('td', {}, e.state), h('td', {}, e.label || ''),
      h('td', {}, entryActions(bank.owned, e, reload)))));
}

/** Retract for the owner; confirm and dispute for everyone else who may write. */
function entryActions(owned, entry, reload) {
  const box = h('div', { class: 'actions' });
  if (!may('WRITE') || entry.state !== 'ACTIVE') return box;
  const run = (label, fn) => h('button', { type: 'button', class: label === 'Retract' ? 'danger' : 'secondary', 'aria-label': label + ' entry ' + entry.id,
    onclick: async (event) => {
      event.target.disabled = true;
      try {
        await fn();
        announce(label + ' done for entry ' + entry.id);
        await reload();
      } catch (e) {
        box.append(errorBox(e));
        event.target.disabled = false;
      }
    } }, label);
  if (owned) {
    box.append(run('Retract', () => {
      if (!confirm('Retract entry ' + entry.id + '? It stops matching at once, and the retraction reaches every feed reader.')) throw new Error('Not retracted.');
      return act('/api/v1/entries/' + entry.id + '/retract');
    }));
  } else {
    box.append(run('Confirm', () => post('/api/v1/entries/' + entry.id + '/confirm', {})),
      run('Dispute', () => {
        const reason = prompt('Why do you dispute entry ' + entry.id + '? (optional)');
        if (reason === null) throw new Error('Not disputed.');
        return post('/api/v1/entries/' + entry.id + '/dispute', reason ? { reason } : {});
      }));
  }
  return box;
}

function exportPanel(bank) {
  const format = select('format', EXPORTS, 'csv');
  const out = h('div', {});
  const button = h('button', { type: 'button', onclick: async () => {
    button.disabled = true;
    clear(out);
    try {
      const response = await request('GET', '/api/v1/banks/' + bank.id + '/export?format=' + format.value, undefined, { raw: true });
      const blob = await response.blob();
      const a = h('a', { href: URL.createObjectURL(blob), download: bank.name.replace(/[^A-Za-z0-9._-]+/g, '_') + '.' + (format.value === 'pdq' ? 'txt' : format.value === 'stix' || format.value === 'vics' ? 'json' : format.value) });
      document.body.append(a);
      a.click();
      a.remove();
      out.append(notice('Exported ' + blob.size.toLocaleString('en') + ' bytes.'));
    } catch (e) {
      out.append(errorBox(e));
    } finally {
      button.disabled = false;
    }
  } }, 'Export');
  return h('section', { class: 'panel', 'aria-labelledby': 'export-h' }, h('h2', { id: 'export-h' }, 'Export'),
    h('p', { class: 'hint' }, 'The entries you may see, in the chosen format.'),
    h('div', { class: 'inline' }, field('Format', format), button), out);
}

function importPanel(bank, reload) {
  const file = h('input', { type: 'file', name: 'file', accept: '.csv,.txt,.pdq,.jsonl,.ndjson,.json,text/csv,text/plain,application/json' });
  const format = select('format', IMPORTS, '');
  const progress = h('progress', { max: 1, value: 0, hidden: true, 'aria-label': 'Import progress' });
  const status = h('p', { class: 'hint', 'aria-live': 'polite' });
  const out = h('div', {});
  const button = h('button', { type: 'submit' }, 'Import');
  file.addEventListener('change', () => { if (file.files.length) format.value = formatOf(file.files[0].name); });
  const form = h('form', { class: 'panel', 'aria-labelledby': 'import-h' }, h('h2', { id: 'import-h' }, 'Import a file'),
    h('p', { class: 'hint' }, 'Sent to the node as it is and imported in one transaction: all of it, or — at its first bad line or record, which is named — nothing. '
      + 'Any format the node reads (CSV, PDQ text, JSON Lines, Project VIC, INTERPOL ICSE, STIX); the format is chosen from the file name, or recognised from the contents.'),
    h('div', { class: 'inline' }, field('File', file), field('Format', format)), h('div', { class: 'actions' }, button), progress, status, out);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear(out);
    status.textContent = '';
    if (!file.files.length) { out.append(h('p', { class: 'error', role: 'alert' }, 'Choose a file first.')); return; }
    const chosen = file.files[0];
    button.disabled = true;
    progress.hidden = false;
    progress.max = Math.max(chosen.size, 1);
    progress.value = 0;
    try {
      const result = await upload('/api/v1/banks/' + bank.id + '/import' + (format.value ? '?format=' + format.value : ''), chosen, {
        onProgress: (sent, total) => {
          progress.value = sent;
          status.textContent = `Uploading ${size(sent)} of ${size(total)}…`;
        },
        onSent: () => {
          progress.removeAttribute('value');
          status.textContent = `Uploaded ${size(chosen.size)}; the node is importing it in one transaction…`;
        },
      });
      progress.max = Math.max(chosen.size, 1);
      progress.value = progress.max;
      status.textContent = '';
      out.append(notice(imported(chosen.name, result)));
      await reload();
    } catch (e) {
      progress.hidden = true;
      status.textContent = '';
      out.append(h('p', { class: 'error', role: 'alert' }, 'Nothing was imported from ' + chosen.name + ': ' + message(e).replace(/^Nothing was imported: /, '')));
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

/** The format a file's name suggests; '' (recognise from the contents) when it does not say. */
export function formatOf(name) {
  const lower = name.toLowerCase();
  if (/icse|interpol/.test(lower) && lower.endsWith('.csv')) return 'icse';
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.txt') || lower.endsWith('.pdq')) return 'pdq';
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return 'jsonl';
  if (lower.endsWith('.json') && /stix/.test(lower)) return 'stix';
  if (lower.endsWith('.json') && /vic/.test(lower)) return 'vics';
  return '';
}

function imported(name, r) {
  const skipped = Object.entries(r.skipped || {}).map(([kind, count]) => count.toLocaleString('en') + ' ' + kind);
  return `Imported ${name} (${r.format}, ${size(r.bytes)}): ${r.added.toLocaleString('en')} added, ${r.updated.toLocaleString('en')} updated, `
    + `${r.unchanged.toLocaleString('en')} unchanged` + (skipped.length ? '; skipped: ' + skipped.join(', ') : '') + '.';
}

function size(bytes) {
  if (bytes < 1024) return bytes + ' bytes';
  if (bytes < 1024 * 1024) return (bytes / 1024).toFixed(1) + ' KiB';
  return (bytes / 1024 / 1024).toFixed(1) + ' MiB';
}

async function entryPage(id) {
  const root = h('div', {}, h('p', {}, h('a', { href: '#/banks' }, '\u2190 All banks')), h('h1', {}, 'Entry #' + id));
  let detail;
  try {
    detail = await get('/api/v1/entries/' + encodeURIComponent(id));
  } catch (e) {
    root.append(errorBox(e));
    return root;
  }
  const e = detail.entry;
  const { banks } = await get('/api/v1/banks');
  const owned = !!banks.find((b) => b.id === e.bankId && b.owned);
  const rows = [['Bank', h('a', { href: '#/banks/' + e.bankId }, e.bank)], ['Type', e.type], ['Value', h('span', { class: 'hash' }, e.value)],
    ['Quality', e.quality ?? ''], ['Category', e.category || ''], ['Distribution', distribution(e.distribution)], ['State', e.state],
    ['Label', e.label || ''], ['Series', e.series || ''], ['Victim identified', e.victimIdentified ? 'yes' : 'no'],
    ['First seen', when(e.firstSeen)], ['Source', e.sourceOrganisation]];
  root.append(h('table', { class: 'panel' }, h('caption', {}, 'Entry details'), h('tbody', {}, rows.map(([k, v]) => h('tr', {}, h('th', { scope: 'row' }, k), h('td', {}, v))))),
    entryActions(owned, e, async () => { root.replaceWith(await entryPage(id)); }),
    h('h2', {}, 'Confirmations and disputes'),
    detail.opinions.length
      ? table('Opinions of other organisations', ['Organisation', 'Verdict', 'Reason', 'Given'],
        detail.opinions.map((o) => h('tr', {}, h('td', {}, o.organisation), h('td', {}, o.verdict), h('td', {}, o.reason || ''), h('td', {}, when(o.givenAt)))))
      : empty('No organisation has confirmed or disputed this entry yet.'));
  return root;
}
