// Sign-in: the form works without scripts (the server redirects); with them, errors show in place.
const form = document.getElementById('signin');
const error = document.getElementById('signin-error');

function show(message) {
  error.textContent = message;
  error.hidden = false;
  document.getElementById('password').focus();
}

if (new URLSearchParams(location.search).has('failed')) {
  show('Wrong login or password, or the account is locked after repeated failed sign-ins.');
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const button = form.querySelector('button');
  button.disabled = true;
  error.hidden = true;
  try {
    const response = await fetch('/console/login', {
      method: 'POST',
      headers: { 'Accept': 'application/json' },
      body: new URLSearchParams(new FormData(form)),
    });
    if (response.ok) {
      location.replace('/');
      return;
    }
    let detail = 'Sign-in failed (' + response.status + ').';
    try {
      const problem = await response.json();
      if (problem.detail) detail = problem.detail;
    } catch { /* not JSON */ }
    if (response.status === 429) detail = 'Too many failed attempts from this address. ' + detail;
    show(detail);
  } catch {
    show('The node cannot be reached. Check your connection and try again.');
  } finally {
    button.disabled = false;
  }
});
