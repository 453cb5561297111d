// Building the page from data without ever parsing it as HTML: text goes in as text, so nothing a
// bank, a label or another organisation wrote can run as script.

/** h('p', {class: 'x', onclick: fn}, 'text', child, [more]) */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = value;
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else if (child instanceof Node) el.appendChild(child);
    else el.appendChild(document.createTextNode(String(child)));
  }
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

/** A table with a caption, header cells and rows of cells (strings or nodes). */
export function table(caption, headers, rows, opts = {}) {
  return h('table', { class: opts.class },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, headers.map((name) => h('th', { scope: 'col' }, name)))),
    h('tbody', {}, rows));
}

export function empty(text) {
  return h('p', { class: 'empty' }, text);
}

export function errorBox(error) {
  return h('p', { class: 'error', role: 'alert' }, message(error));
}

export function notice(text) {
  return h('p', { class: 'notice', role: 'status' }, text);
}

export function message(error) {
  if (!error) return 'Something went wrong.';
  if (error.status === 403) return 'Not allowed: ' + (error.detail || 'your role or your organisation\u2019s membership does not permit this.');
  if (error.status === 404) return 'Not found: ' + (error.detail || 'it does not exist or you may not see it.');
  return error.detail || error.message || String(error);
}

export function distribution(d) {
  return d ? h('span', { class: 'tag ' + d }, d) : '';
}

export function when(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return h('time', { datetime: iso }, d.toISOString().replace('T', ' ').slice(0, 16) + ' UTC');
}

/** Says something to screen-reader users without moving focus. */
export function announce(text) {
  const status = document.getElementById('status');
  if (status) status.textContent = text;
}

export function field(label, input) {
  const id = input.id || ('f-' + Math.random().toString(36).slice(2));
  input.id = id;
  return h('div', { class: 'field' }, h('label', { for: id }, label), input);
}

export function select(name, options, value) {
  return h('select', { name }, options.map((o) => {
    const [v, text] = Array.isArray(o) ? o : [o, o];
    return h('option', { value: v, selected: v === value }, text);
  }));
}

/** A button that runs one async action at a time; a failure shows as an alert after it, and the button comes back. */
export function actionButton(label, fn, opts = {}) {
  const b = h('button', { type: 'button', class: opts.class ?? 'secondary', 'aria-label': opts.label }, label);
  b.addEventListener('click', async () => {
    b.disabled = true;
    if (b.nextElementSibling && b.nextElementSibling.classList.contains('error')) b.nextElementSibling.remove();
    try {
      await fn();
    } catch (e) {
      b.after(errorBox(e));
    } finally {
      b.disabled = false;
    }
  });
  return b;
}

/** "First page" and "Next page" buttons for a listing paged by an `after` cursor. */
export function pager(after, next, load) {
  const nav = h('div', { class: 'actions' });
  if (after) nav.append(h('button', { type: 'button', class: 'secondary', onclick: () => load(0) }, 'First page'));
  if (next) nav.append(h('button', { type: 'button', class: 'secondary', onclick: () => load(next) }, 'Next page'));
  return nav;
}

/** A two-column table of label → value rows (values may be nodes). */
export function facts(caption, rows, opts = {}) {
  return h('table', { class: 'facts ' + (opts.class || '') },
    h('caption', {}, caption),
    h('tbody', {}, rows.filter(Boolean).map(([k, v]) => h('tr', {}, h('th', { scope: 'row' }, k), h('td', {}, v)))));
}

/** A state as a small tag. */
export function stateTag(state) {
  return state ? h('span', { class: 'tag state s-' + state }, state.replaceAll('_', ' ')) : '';
}

/** "Victim identified by X on D", when a match or hit says so (never the series of an entry you may not see). */
export function victim(v) {
  if (!v.victimIdentified) return null;
  return h('span', { class: 'victim' }, 'Victim identified' + (v.identifiedBy ? ' by ' + v.identifiedBy : '') + (v.identifiedOn ? ' on ' + v.identifiedOn : ''));
}
