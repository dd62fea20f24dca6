// Packaged requests and files for the outbox tests, in the shape that
// forms/request_package.hpp produces (server/openapi.json SupportRequest),
// built here until the widget's core.packageRequest is available to tests.
import { createHash } from 'node:crypto';

function moscowIso(date = new Date()) {
  const t = new Date(date.getTime() + 3 * 3600 * 1000).toISOString().slice(0, 19);
  return t + '+03:00';
}

export function packaged(subject = 'Не приходит SMS-код', { files = [], phone = '+79161234567', description = 'Третий день не могу войти: код не приходит.' } = {}) {
  return JSON.stringify({
    schema_version: 1,
    form: 'feedback',
    form_version: 1,
    request_type: 'feedback',
    topic: null,
    priority: 'standard',
    subject,
    description,
    contacts: { phone, phone_extension: null, email: 'ivan@mail.ru', email_ascii: 'ivan@mail.ru', reply_channel: null },
    applicant: { full_name: null, birth_date: null },
    identifiers: {},
    related_numbers: [],
    occurred_at: null,
    details: {},
    transcript: [],
    attachments: files.map((f) => ({ name: f.name, size: f.bytes.length, type: 'png', sha256: createHash('sha256').update(f.bytes).digest('hex') })),
    client: { locale: 'ru', widget_version: '1.0.0', platform: 'web', page: '/help' },
    consent: { personal_data: true, given_at: moscowIso() },
  });
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

// A real 1x1 PNG, padded with a private ancillary chunk to about `size` bytes.
export function png(size = 0, seed = 1) {
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  const raw = Buffer.from([0x00, 0xc0, 0x40, 0x20]);
  let a = 1, b = 0;
  for (const x of raw) {
    a = (a + x) % 65521;
    b = (b + a) % 65521;
  }
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE(((b << 16) | a) >>> 0, 0);
  const z = Buffer.concat([Buffer.from([0x78, 0x01, 0x01, raw.length, 0, ~raw.length & 0xff, 0xff]), raw, adler]);
  const pad = Buffer.alloc(Math.max(0, size - 70));
  for (let i = 0; i < pad.length; i++) pad[i] = (i * 31 + seed * 7) & 0xff;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', z), ...(pad.length ? [chunk('prVt', pad)] : []), chunk('IEND', Buffer.alloc(0))]);
}
