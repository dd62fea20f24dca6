// The Subresource Integrity value of a file's bytes, as manifest.json,
// widget-files.json and the pages' integrity attributes carry it.
import { createHash } from 'node:crypto';

export const integrity = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
