// A host page's code against the declarations, checked by `tsc --noEmit`
// (scripts/test.sh). The @ts-expect-error lines prove the types refuse misuse:
// tsc fails if any of them stops being an error.
import SupportWidget, { createSupportWidget } from './support-widget';
import type { FormResult, SupportCore, ValidationResult } from './support-widget';
import { loadCore } from './support-core';

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
  const strength = core.password('Jyfnfif1985!', { name: 'Наталья' });
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
