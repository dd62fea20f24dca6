// The validators' playground: every check of the core live, in the page's
// language, with the core's JSON answer beside the human text. The core comes
// from the forms-only script on the page (window.SupportForms.core()); every
// text is from the catalogs, as text nodes.
import { acceptDrops } from '../../web/src/widget/drop-zone.js';

const main = document.querySelector('main.playground');
const coreStatus = document.getElementById('core-status');
const MAX_FILE_BYTES = 10 * 1024 * 1024; // the largest any profile takes; beyond it the head decides
const HEAD_BYTES = 64 * 1024;

const $ = (id) => document.getElementById(id);
// The core's messages carry no final stop, its hints do: two sentences.
const sentences = (message, hint) => (hint ? `${message}${/[.!?…]$/.test(message || '') ? ' ' : '. '}${hint}` : message || '');
const show = (kind, text, valid, json) => {
  const out = $(`pg-${kind}-verdict`);
  out.textContent = text;
  out.dataset.valid = valid === null ? '' : String(valid);
  $(`pg-${kind}-json`).textContent = json === null ? '' : JSON.stringify(json, null, 2);
};

async function start(core) {
  // The page tries passwords from the start: the strength estimate's word lists come with the core.
  await core.loadPasswords().catch(() => {});
  const locale = window.SupportForms.locale;
  const t = (key, params = {}) => core.format(key, params, locale);
  coreStatus.textContent = '';
  coreStatus.hidden = true;

  for (const input of document.querySelectorAll('.check input[data-kind]:not([data-kind="password"])')) {
    const kind = input.dataset.kind;
    const run = () => {
      if (input.value === '') return show(kind, t("ui.playground.empty"), null, null);
      const r = core.validate(kind, input.value, locale);
      const text = r.valid ? (r.formatted && r.formatted !== input.value ? t("ui.playground.valid_formatted", { formatted: r.formatted }) : t("ui.playground.valid")) : sentences(r.message, r.hint);
      show(kind, text, Boolean(r.valid), r);
    };
    input.addEventListener('input', run);
    run();
  }

  const password = $('pg-password');
  const reasons = $('pg-password-reasons');
  const user = () => {
    const out = {};
    for (const el of document.querySelectorAll('input[data-user]')) if (el.value.trim()) out[el.dataset.user] = el.value;
    return out;
  };
  const runPassword = () => {
    reasons.replaceChildren();
    if (password.value === '') return show('password', t("ui.playground.empty"), null, null);
    const r = core.password(password.value, user(), locale);
    if (r.error) return show('password', t("ui.playground.load_failed"), null, r);  // the word lists did not load
    show('password', `${t("ui.forms.strength")}: ${r.strength} (${r.score}/4)`, Boolean(r.valid), r);
    for (const m of r.messages || []) {
      const li = document.createElement('li');
      li.dataset.code = m.code;
      li.textContent = m.hint ? `${m.message}. ${m.hint}` : m.message;
      reasons.append(li);
    }
  };
  for (const el of [password, ...document.querySelectorAll('input[data-user]')]) el.addEventListener('input', runPassword);
  runPassword();

  // A file by its content: the bytes decide, not the name or the browser's type.
  const judge = async (file) => {
    const whole = file.size <= MAX_FILE_BYTES;
    const bytes = new Uint8Array(await file.slice(0, whole ? file.size : HEAD_BYTES).arrayBuffer());
    const r = core.sniff(bytes, file.name, file.type || '', locale, 'feedback', file.size);
    const text = r.valid
      ? t("ui.playground.file_ok", { name: file.name, type: String(r.detected || '').toUpperCase() })
      : `${t("ui.playground.file_refused", { name: file.name })} ${sentences(r.message, r.hint)}`;
    show('file', text, Boolean(r.valid), r);
  };
  const fileInput = $('pg-file');
  fileInput.addEventListener('change', () => {
    if (fileInput.files.length) judge(fileInput.files[0]);
  });
  const zone = $('pg-drop');
  acceptDrops(zone, (files) => judge(files[0]));
  main.dataset.ready = 'true';
}

function boot() {
  coreStatus.textContent = main.dataset.textLoading;
  if (!window.SupportForms) {
    coreStatus.textContent = main.dataset.textFailed;
    return;
  }
  window.SupportForms.core().then(start, () => {
    coreStatus.textContent = main.dataset.textFailed;
    main.dataset.ready = 'failed';
  });
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot, { once: true });
else boot();
