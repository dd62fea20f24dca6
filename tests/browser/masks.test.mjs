// The input masks help while typing and never fight: what they do not
// recognise stays as typed, for the core to judge.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { maskDate, maskPhone, maskSnils } from '../../web/src/widget/masks.js';

test('a Russian number takes the +7 XXX XXX-XX-XX shape as it is typed, from 8, 7, +7 or 9', () => {
  const typed = '89161234567';
  const steps = [...typed].map((_, i) => maskPhone(typed.slice(0, i + 1)));
  assert.deepEqual(steps, ['+7', '+7 9', '+7 91', '+7 916', '+7 916 1', '+7 916 12', '+7 916 123', '+7 916 123-4', '+7 916 123-45', '+7 916 123-45-6', '+7 916 123-45-67']);
  assert.equal(maskPhone('9161234567'), '+7 916 123-45-67');
  assert.equal(maskPhone('+7 (916) 123 45 67'), '+7 916 123-45-67');
  // Re-masking a masked value changes nothing.
  assert.equal(maskPhone('+7 916 123-45-67'), '+7 916 123-45-67');
});

test('anything else is left alone', () => {
  for (const v of ['+44 20 7946 0958', 'тел. 8 916 123-45-67', '8 916 123-45-67 доб. 12', '891612345678', '+', '', 'abc']) {
    assert.equal(maskPhone(v), v, v);
  }
  for (const v of ['123-456-789 012', 'СНИЛС 112', 'x']) assert.equal(maskSnils(v), v, v);
});

test('SNILS takes the 123-456-789 01 shape', () => {
  assert.equal(maskSnils('112'), '112');
  assert.equal(maskSnils('1122'), '112-2');
  assert.equal(maskSnils('1122334'), '112-233-4');
  assert.equal(maskSnils('11223344595'), '112-233-445 95');
  assert.equal(maskSnils('112 233 445 95'), '112-233-445 95');
});

test('a date takes the DD.MM.YYYY shape; an ISO date or one typed with its own dots stays', () => {
  const typed = '01021990';
  const steps = [...typed].map((_, i) => maskDate(typed.slice(0, i + 1)));
  assert.deepEqual(steps, ['0', '01', '01.0', '01.02', '01.02.1', '01.02.19', '01.02.199', '01.02.1990']);
  assert.equal(maskDate('01.'), '01.');
  assert.equal(maskDate('01.02.1990'), '01.02.1990');
  for (const v of ['1990-02-01', '1.2.1990', '010219901', '01/02/1990', 'вчера']) assert.equal(maskDate(v), v, v);
});
