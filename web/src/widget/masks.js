// Input masks that help without fighting: they only shape what is being typed
// at the end of a field (the view skips them on deletion or mid-text edits),
// and leave anything they do not recognise (a foreign number, a pasted note)
// as it is for the core to judge.
const FORMAT_CHARS = /^[\d\s()+\-.]*$/;

// +7 916 123-45-67, built up digit by digit.
export function maskPhone(value) {
  if (!FORMAT_CHARS.test(value) || !/^\s*(\+7|7|8|9)/.test(value)) return value;
  let d = value.replace(/\D/g, '');
  if (d[0] === '9') d = '7' + d;
  if (d.length > 11) return value;
  const n = d.slice(1);
  let out = '+7';
  if (n.length) out += ' ' + n.slice(0, 3);
  if (n.length > 3) out += ' ' + n.slice(3, 6);
  if (n.length > 6) out += '-' + n.slice(6, 8);
  if (n.length > 8) out += '-' + n.slice(8, 10);
  return out;
}

// 123-456-789 01
export function maskSnils(value) {
  if (!FORMAT_CHARS.test(value)) return value;
  const d = value.replace(/\D/g, '');
  if (d.length > 11) return value;
  let out = d.slice(0, 3);
  if (d.length > 3) out += '-' + d.slice(3, 6);
  if (d.length > 6) out += '-' + d.slice(6, 9);
  if (d.length > 9) out += ' ' + d.slice(9, 11);
  return out;
}

// 01.02.1990, dots added as the digits come; an ISO date (1990-02-01), a
// date typed with its own dots elsewhere (1.2.1990) or anything but digits and
// dots is left for the core to judge.
export function maskDate(value) {
  if (!/^(\d{2}\.){0,2}\d*$/.test(value)) return value;
  const d = value.replace(/\D/g, '');
  if (d.length > 8) return value;
  let out = d.slice(0, 2);
  if (d.length > 2) out += '.' + d.slice(2, 4);
  if (d.length > 4) out += '.' + d.slice(4, 8);
  if (value.endsWith('.') && (d.length === 2 || d.length === 4)) out += '.'; // the dot the person typed stays
  return out;
}

const MASKS = { phone: maskPhone, snils: maskSnils, date: maskDate, birth_date: maskDate };
const none = (v) => v;
export const maskFor = (type) => MASKS[type] || none;
