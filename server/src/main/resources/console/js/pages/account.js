// Your account: who you are signed in as, and a new password (every other session of yours ends).
import { post, currentSession } from '../api.js';
import { h, clear, errorBox, notice, field, when } from '../dom.js';

export async function render({ session }) {
  const root = h('div', {}, h('h1', {}, 'Your account'),
    h('table', { class: 'panel' }, h('caption', {}, 'Signed in as'), h('tbody', {},
      [['Login', session.login], ['Organisation', session.organisation + ' (' + session.kind + ', ' + session.state + ')'], ['Role', session.role],
        ['Session ends at the latest', when(session.expiresAt)]].map(([k, v]) => h('tr', {}, h('th', { scope: 'row' }, k), h('td', {}, v))))));
  const current = h('input', { type: 'password', name: 'currentPassword', autocomplete: 'current-password', required: true });
  const fresh = h('input', { type: 'password', name: 'newPassword', autocomplete: 'new-password', required: true, minlength: 12 });
  const again = h('input', { type: 'password', name: 'again', autocomplete: 'new-password', required: true, minlength: 12 });
  const out = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'panel', 'aria-labelledby': 'pw-h' }, h('h2', { id: 'pw-h' }, 'Change your password'),
    h('p', { class: 'hint' }, 'At least 12 characters; a passphrase of several words is easiest to remember. Your other sessions end.'),
    field('Current password', current), field('New password', fresh), field('New password again', again),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Change password')), out);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear(out);
    if (fresh.value !== again.value) { out.append(h('p', { class: 'error', role: 'alert' }, 'The two new passwords differ.')); return; }
    try {
      const renewed = await post('/console/password', { currentPassword: current.value, newPassword: fresh.value });
      Object.assign(currentSession(), renewed);
      form.reset();
      out.append(notice('Password changed. Your other sessions have ended.'));
    } catch (e) {
      out.append(errorBox(e));
    }
  });
  root.append(form);
  return root;
}
