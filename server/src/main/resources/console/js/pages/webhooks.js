// Webhooks: your organisation's HTTPS endpoints that receive its notifications as signed JSON POSTs (ADMINs only).
// Register one (its signing secret is shown once, here and never again), rotate a secret, delete; and the deliveries,
// with the dead-letter list (every attempt failed) and a retry.
import { get, post, del, may } from '../api.js';
import { h, clear, table, empty, errorBox, notice, when, announce, field, select, actionButton, pager, stateTag } from '../dom.js';
import { KINDS, kindLabel } from '../kinds.js';

export async function render({ session }) {
  const root = h('div', {}, h('h1', {}, 'Webhooks'),
    h('p', { class: 'lead' }, 'HTTPS endpoints that receive ' + session.organisation + '\u2019s notifications as signed JSON POSTs. See the README for verifying the ',
      h('code', {}, 'X-VGTX-Signature'), ' header.'));
  if (!may('MANAGE_ORGANISATION')) {
    root.append(empty('Only your organisation\u2019s ADMINs manage its webhooks' + (session.state !== 'ACTIVE' ? ', and only while it is ACTIVE.' : '.')));
    return root;
  }
  const secret = h('div', { 'aria-live': 'polite' });
  const listing = h('div', {});
  const deliveries = h('section', { 'aria-labelledby': 'deliveries-h' });
  let hooks = [];
  const refresh = async () => {
    try {
      hooks = (await get('/api/v1/webhooks')).webhooks;
      clear(listing).append(hooks.length
        ? table('Webhooks of ' + session.organisation, ['URL', 'Kinds', 'Description', 'Registered', 'Secret rotated', 'Actions'],
          hooks.map((w) => h('tr', {}, h('td', { class: 'url' }, w.url), h('td', {}, w.allKinds ? 'Every kind' : w.kinds.map(kindLabel).join(', ')),
            h('td', {}, w.description || ''), h('td', {}, when(w.createdAt)), h('td', {}, when(w.secretRotatedAt)),
            h('td', {}, h('div', { class: 'actions' },
              actionButton('Rotate secret', async () => {
                if (!confirm('Rotate the secret of ' + w.url + '? The old one stops signing at once: switch the receiver straight after.')) return;
                const rotated = await post('/api/v1/webhooks/' + w.id + '/secret');
                showSecret(secret, 'New signing secret of ' + w.url, rotated.secret);
                await refresh();
              }, { label: 'Rotate secret of webhook ' + w.id }),
              actionButton('Delete', async () => {
                if (!confirm('Delete the webhook ' + w.url + '? Its pending deliveries go with it.')) return;
                await del('/api/v1/webhooks/' + w.id);
                announce('Webhook deleted.');
                await refresh();
              }, { class: 'danger', label: 'Delete webhook ' + w.id }))))), { class: 'webhooks' })
        : empty('No webhooks yet. Register one below to have notifications sent to your own systems.'));
    } catch (e) {
      clear(listing).append(errorBox(e));
    }
  };
  await refresh();
  root.append(secret, listing, registerForm(secret, refresh));
  await deliveryPanel(deliveries, () => hooks);
  root.append(deliveries);
  return root;
}

function showSecret(box, title, value) {
  const input = h('input', { readonly: true, value, size: Math.min(80, value.length + 2), class: 'hash', id: 'webhook-secret' });
  clear(box).append(h('div', { class: 'notice secret', role: 'status' },
    h('p', {}, h('strong', {}, title), ' \u2014 shown only now: copy it to the receiver. It is never shown again.'),
    h('label', { for: 'webhook-secret' }, 'Signing secret'), input));
  input.focus();
  input.select();
}

function registerForm(secretBox, refresh) {
  const url = h('input', { name: 'url', required: true, size: 50, inputmode: 'url', autocomplete: 'off', spellcheck: 'false', placeholder: 'https://' });
  const description = h('input', { name: 'description', maxlength: 200, size: 30 });
  const every = h('input', { type: 'radio', name: 'which', id: 'kinds-every', checked: true });
  const some = h('input', { type: 'radio', name: 'which', id: 'kinds-some' });
  const boxes = h('div', { class: 'kinds', hidden: true }, Object.entries(KINDS).map(([k, label]) =>
    h('div', {}, h('input', { type: 'checkbox', id: 'kind-' + k, value: k, name: 'kind' }), ' ', h('label', { for: 'kind-' + k, class: 'plain' }, label + ' (' + k + ')'))));
  const toggle = () => { boxes.hidden = every.checked; };
  every.addEventListener('change', toggle);
  some.addEventListener('change', toggle);
  const out = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'panel', 'aria-labelledby': 'register-h' }, h('h2', { id: 'register-h' }, 'Register a webhook'),
    h('p', { class: 'hint' }, 'The URL must be https:// to a public address; the node\'s own network only where its operator allows it (then plain http:// too). At most 20 per organisation.'),
    h('div', { class: 'inline' }, field('Endpoint URL', url), field('Description (optional)', description)),
    h('fieldset', {}, h('legend', {}, 'Notifications to send'),
      h('div', {}, every, ' ', h('label', { for: 'kinds-every', class: 'plain' }, 'Every kind, including kinds added later')),
      h('div', {}, some, ' ', h('label', { for: 'kinds-some', class: 'plain' }, 'Only these kinds:')), boxes),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Register webhook')), out);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear(out);
    const body = { url: url.value.trim() };
    if (description.value.trim()) body.description = description.value.trim();
    if (some.checked) {
      body.kinds = [...boxes.querySelectorAll('input:checked')].map((c) => c.value);
      if (!body.kinds.length) { out.append(h('p', { class: 'error', role: 'alert' }, 'Choose at least one kind, or every kind.')); return; }
    }
    try {
      const made = await post('/api/v1/webhooks', body);
      form.reset();
      toggle();
      await refresh();
      showSecret(secretBox, 'Webhook registered: ' + made.url, made.secret);
      announce('Webhook registered. Its signing secret is shown once.');
    } catch (e) {
      out.append(errorBox(e));
    }
  });
  return form;
}

async function deliveryPanel(section, hooks) {
  const state = select('state', [['DEAD', 'Dead letters (every attempt failed)'], ['PENDING', 'Pending'], ['DELIVERED', 'Delivered'], ['', 'All']], 'DEAD');
  const list = h('div', {});
  const load = async (after) => {
    try {
      const page = await get('/api/v1/webhooks/deliveries?limit=50' + (state.value ? '&state=' + state.value : '') + (after ? '&after=' + after : ''));
      const urls = Object.fromEntries(hooks().map((w) => [w.id, w.url]));
      clear(list).append(page.deliveries.length
        ? table('Deliveries', ['#', 'Webhook', 'Notification', 'State', 'Attempts', 'Last attempt', 'Last answer', 'Next attempt or delivered', 'Actions'],
          page.deliveries.map((d) => h('tr', {}, h('td', { class: 'num' }, d.id), h('td', { class: 'url' }, urls[d.webhookId] || '#' + d.webhookId),
            h('td', {}, kindLabel(d.kind), h('div', { class: 'hint' }, d.subject + ' \u00b7 event ' + d.eventId)), h('td', {}, stateTag(d.state)),
            h('td', { class: 'num' }, d.attempts), h('td', {}, when(d.lastAttemptAt)),
            h('td', {}, d.lastStatus ? 'HTTP ' + d.lastStatus : '', d.lastError ? h('div', { class: 'hint' }, d.lastError) : ''),
            h('td', {}, d.state === 'PENDING' ? when(d.nextAttemptAt) : when(d.deliveredAt)),
            h('td', {}, d.state === 'PENDING' ? '' : actionButton('Retry', async () => {
              await post('/api/v1/webhooks/deliveries/' + d.id + '/retry');
              announce('Delivery ' + d.id + ' is pending again.');
              await load(after);
            }, { label: 'Retry delivery ' + d.id })))), { class: 'deliveries' })
        : empty(state.value === 'DEAD' ? 'No dead letters: every delivery got through or is still being tried.' : 'No deliveries in this list.'),
      pager(after, page.next, load));
    } catch (e) {
      clear(list).append(errorBox(e));
    }
  };
  state.addEventListener('change', () => load(0));
  section.append(h('h2', { id: 'deliveries-h' }, 'Deliveries'),
    h('p', { class: 'hint' }, 'A failed delivery is tried again with growing pauses; after the last attempt it is a dead letter until you retry it.'),
    h('div', { class: 'inline' }, field('Show', state), h('button', { type: 'button', class: 'secondary', onclick: () => load(0) }, 'Refresh')), list);
  await load(0);
}
