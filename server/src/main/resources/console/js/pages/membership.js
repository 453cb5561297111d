// Membership: the organisations of the node and their applications; the board votes, the node's
// administrators record agreements and suspend or reinstate; an organisation's ADMIN manages its users.
import { get, post, act, del, may, currentSession } from '../api.js';
import { h, clear, table, empty, errorBox, notice, when, announce, field, select } from '../dom.js';

export async function render({ session }) {
  const root = h('div', {}, h('h1', {}, 'Membership'));
  const orgs = h('div', {});
  const refresh = async () => {
    try {
      const { organisations } = await get('/api/v1/organisations');
      const tallies = {};
      if (may('VOTE') || may('NODE_ADMIN')) {
        await Promise.all(organisations.filter((o) => o.state === 'APPLIED').map(async (o) => {
          try { tallies[o.id] = await get('/api/v1/organisations/' + o.id + '/votes'); } catch { /* shown without a tally */ }
        }));
      }
      clear(orgs).append(organisations.length
        ? table('Organisations', ['Name', 'Kind', 'Country', 'State', 'Agreement', 'Actions'],
          organisations.map((o) => h('tr', {}, h('td', {}, o.name, o.operator ? ' (operator)' : ''), h('td', {}, o.kind), h('td', {}, o.country),
            h('td', {}, h('span', { class: 'tag state' }, o.state), tallies[o.id] ? h('div', { class: 'hint' }, tallyText(tallies[o.id])) : ''),
            h('td', {}, o.agreement ? o.agreement.version + ', signed by ' + o.agreement.signatory : ''),
            h('td', {}, actions(o, tallies[o.id], refresh)))))
        : empty('No organisations.'));
    } catch (e) {
      clear(orgs).append(errorBox(e));
    }
  };
  await refresh();
  root.append(h('h2', {}, 'Organisations'), orgs);
  if (may('MANAGE_ORGANISATION')) root.append(await usersPanel(session));
  return root;
}

function tallyText(t) {
  const mine = t.votes.find((v) => v.voterId === currentSession().organisationId);
  return `${t.tally.approvals} for, ${t.tally.rejections} against, ${t.tally.required} needed` + (mine ? ` \u00b7 you voted ${mine.approve ? 'for' : 'against'}` : '');
}

function button(label, fn, cls = 'secondary') {
  const b = h('button', { type: 'button', class: cls, onclick: async () => {
    b.disabled = true;
    try {
      await fn();
    } catch (e) {
      b.after(errorBox(e));
      b.disabled = false;
    }
  } }, label);
  return b;
}

function actions(o, tally, refresh) {
  const box = h('div', { class: 'actions' });
  const done = async (what) => { announce(what); await refresh(); };
  if (o.state === 'APPLIED' && may('VOTE')) {
    box.append(button('Approve ' + o.name, async () => { await post('/api/v1/organisations/' + o.id + '/votes', { approve: true }); await done('Vote recorded.'); }, ''),
      button('Reject ' + o.name, async () => { await post('/api/v1/organisations/' + o.id + '/votes', { approve: false }); await done('Vote recorded.'); }, 'danger'));
  }
  if (o.state === 'APPROVED' && may('NODE_ADMIN')) {
    const version = h('input', { name: 'version', required: true, size: 8 });
    const signatory = h('input', { name: 'signatory', required: true, size: 14 });
    const form = h('form', { class: 'inline' }, field('Agreement version', version), field('Signatory', signatory), h('button', { type: 'submit' }, 'Record agreement'));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      try {
        await post('/api/v1/organisations/' + o.id + '/agreement', { version: version.value.trim(), signatory: signatory.value.trim() });
        await done(o.name + ' is now ACTIVE.');
      } catch (e) {
        form.after(errorBox(e));
      }
    });
    box.append(form);
  }
  if (o.state === 'ACTIVE' && !o.operator && may('NODE_ADMIN')) {
    box.append(button('Suspend ' + o.name, async () => {
      if (!confirm('Suspend ' + o.name + '? Its tokens and users read and write nothing until it is reinstated.')) return;
      await act('/api/v1/organisations/' + o.id + '/suspend');
      await done(o.name + ' suspended.');
    }, 'danger'));
  }
  if (o.state === 'SUSPENDED' && may('NODE_ADMIN')) {
    box.append(button('Reinstate ' + o.name, async () => { await act('/api/v1/organisations/' + o.id + '/reinstate'); await done(o.name + ' reinstated.'); }));
  }
  return box;
}

async function usersPanel(session) {
  const panel = h('section', { class: 'panel', 'aria-labelledby': 'users-h' }, h('h2', { id: 'users-h' }, 'Users of ' + session.organisation));
  const list = h('div', {});
  const out = h('div', { 'aria-live': 'polite' });
  const base = '/api/v1/organisations/' + session.organisationId + '/users';
  const refresh = async () => {
    try {
      const { users } = await get(base);
      clear(list).append(users.length
        ? table('Console users', ['Login', 'Role', 'Created', 'Last sign-in', 'Status', 'Actions'],
          users.map((u) => h('tr', {}, h('td', {}, u.login), h('td', {}, u.role), h('td', {}, when(u.createdAt)), h('td', {}, when(u.lastSignInAt)),
            h('td', {}, u.disabledAt ? 'disabled' : u.lockedUntil && new Date(u.lockedUntil) > new Date() ? 'locked' : 'active'),
            h('td', {}, h('div', { class: 'actions' },
              u.disabledAt || u.lockedUntil
                ? button('Enable ' + u.login, async () => { await act('/api/v1/users/' + u.id + '/enable'); await refresh(); })
                : button('Disable ' + u.login, async () => { await act('/api/v1/users/' + u.id + '/disable'); await refresh(); }),
              button('Delete ' + u.login, async () => {
                if (!confirm('Delete the user ' + u.login + '?')) return;
                await del('/api/v1/users/' + u.id);
                await refresh();
              }, 'danger'))))))
        : empty('No console users yet.'));
    } catch (e) {
      clear(list).append(errorBox(e));
    }
  };
  await refresh();
  const login = h('input', { name: 'login', required: true, autocomplete: 'off' });
  const role = select('role', ['ANALYST', 'VIEWER', 'ADMIN', 'BOARD'], 'ANALYST');
  const password = h('input', { name: 'password', type: 'password', autocomplete: 'new-password', minlength: 12 });
  const form = h('form', {}, h('h3', {}, 'Add a user'),
    h('div', { class: 'inline' }, field('Login', login), field('Role', role), field('Password (empty: generate one)', password),
      h('button', { type: 'submit' }, 'Add user')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear(out);
    const body = { login: login.value.trim(), role: role.value };
    if (password.value) body.password = password.value;
    try {
      const created = await post(base, body);
      out.append(notice('User ' + created.user.login + ' added.' + (created.password ? ' Their password, shown only now: ' + created.password : '')));
      form.reset();
      await refresh();
    } catch (e) {
      out.append(errorBox(e));
    }
  });
  panel.append(list, form, out);
  return panel;
}
