// A host page's code against the declarations, checked by `tsc --noEmit`
// (scripts/test.sh). The @ts-expect-error lines prove the types refuse misuse:
// tsc fails if any of them stops being an error.
import SupportWidget, { createSupportWidget } from './support-widget';
import type { FormResult, SupportCore, ValidationResult } from './support-widget';
import { loadCore } from './support-core';
import type { FormValidation } from './support-forms';
import type { BridgeCommand, BridgeEvent } from './support-bridge';

const widget = createSupportWidget({ endpoint: '/api/v1', locale: 'ru', launcher: false });
const off = widget.on('sent', ({ number, due_date }) => console.log(number.toUpperCase(), due_date));
off();
widget.on('error', (e) => console.warn(e.code, e.message ?? ''));
widget.element.addEventListener('support:answer', (e) => console.log(e.detail.topic, e.detail.confidence));
void widget.open({ view: 'form', form: 'feedback', topic: 'access.sms_code' });
void widget.prefill({ email: 'ivan@example.org', consent: true });
void SupportWidget.setLocale('en');
void window.SupportWidget?.ask('не приходит смс').then((r) => r?.topic);

async function checkSnils(core: SupportCore, value: string): Promise<string | null> {
  const r: ValidationResult = core.validate('snils', value, 'ru');
  return r.valid ? r.formatted : (r.message ?? r.error);
}

async function main(): Promise<void> {
  const core = await loadCore({ base: new URL('/widget/', location.href), locale: 'ru', chat: false });
  await checkSnils(core, '112-233-445 95');
  const form: FormResult = core.validateForm('feedback', { email: 'a@b.ru' });
  for (const e of form.errors) console.log(e.path, e.code, e.params);
  let step = core.chatStart();
  step = core.chatText(step.state, 'забыл пароль');
  console.log(step.reply?.buttons.map((b) => b.action));
  await core.loadPasswords();
  const strength = core.password('Jyfnfif1985!', { name: 'Наталья' });
  if ('error' in strength) throw new Error(strength.error);
  console.log(strength.score >= 3);

  // @ts-expect-error: no such event
  widget.on('opened', () => {});
  // @ts-expect-error: no such view
  void widget.open({ view: 'faq' });
  // @ts-expect-error: not an identifier the core validates
  core.validate('iban', 'x');
  // @ts-expect-error: the state is the string the last step returned
  core.chatText(step, 'ещё');
}
void main();

// Forms-only mode on the page's own form.
async function checkFeedbackForm(form: HTMLFormElement): Promise<boolean> {
  const forms = window.SupportForms;
  if (!forms) return true; // the script did not load: the server validates anyway
  const handle = forms.enhance(form);
  form.addEventListener('support:invalid', (e) => console.log(e.detail.errors.map((x) => x.name)));
  const result: FormValidation = await forms.validate(handle.form);
  // @ts-expect-error: not a kind the forms script knows
  const kind: import('./support-forms').ValidateKind = 'iban';
  void kind;
  return result.valid || !result.checked;
}
void checkFeedbackForm;

// The app's side of the webview bridge.
function fromWidget(message: BridgeEvent): void {
  if (message.type === 'sent') console.log(message.number, message.due_date);
  if (message.type === 'error') console.log(message.code);
}
const commands: BridgeCommand[] = [
  { type: 'open', version: 1, view: 'status' },
  { type: 'ask', version: 1, id: 7, text: 'не приходит код' },
  { type: 'setLocale', version: 1, locale: 'en' },
];
for (const c of commands) window.SupportWidgetBridge?.receive(c);
// @ts-expect-error: ask needs its text
window.SupportWidgetBridge?.receive({ type: 'ask', version: 1 });
void fromWidget;
