// The portal's own submit handling of the feedback form, as its team already
// has it: it knows nothing of the checks. support-forms.js stops an invalid
// form before this handler runs; a valid one arrives here, and it sends the
// request to the reference API (the schema's fields only: the identity and
// password fields of the demo form are not part of a support request).
const form = document.getElementById('feedback');
const status = document.getElementById('feedback-status');
const SCHEMA_FIELDS = ['subject', 'description', 'phone', 'email', 'full_name', 'request_type', 'inn'];

function say(state, text) {
  form.dataset.state = state;
  status.textContent = text;
}

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  const data = new FormData(form);
  const values = { consent: data.get('consent') === 'yes' };
  for (const name of SCHEMA_FIELDS) {
    const v = String(data.get(name) || '').trim();
    if (v) values[name] = v;
  }
  say('sending', form.dataset.textSending);
  try {
    const core = await window.SupportForms.core();
    const locale = window.SupportForms.locale;
    const now = new Date(Date.now() + 3 * 3600 * 1000).toISOString().slice(0, 16); // Moscow time (UTC+3), as the core reads it
    const client = { locale, widget_version: window.SupportForms.version, platform: 'web', page: location.pathname, topic: '', transcript: [], consent_at: now };
    const pkg = core.packageRequest('feedback', values, client, [], locale);
    if (!pkg.valid) throw new Error('not valid');
    const body = new FormData();
    body.append('request', new Blob([JSON.stringify(pkg.request)], { type: 'application/json' }), 'request.json');
    const response = await fetch('/api/v1/support/requests', {
      method: 'POST',
      body,
      headers: { 'Idempotency-Key': crypto.randomUUID(), 'Accept-Language': locale },
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const created = await response.json();
    say('sent', form.dataset.textSent.replace('{number}', created.number));
  } catch {
    say('failed', form.dataset.textFailed);
  }
});
