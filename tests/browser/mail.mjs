// Reads the messages the SMTP sink delivered: the newest one to an address, its text part
// decoded (quoted-printable or base64), and the links in it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

function decodePart(raw, type) {
  const start = raw.indexOf(`Content-Type: ${type}`);
  if (start < 0) return '';
  const rest = raw.slice(start);
  const bodyAt = rest.indexOf('\n\n');
  const headers = rest.slice(0, bodyAt).toLowerCase();
  let body = rest.slice(bodyAt + 2);
  const end = body.indexOf('\n--');
  if (end >= 0) body = body.slice(0, end);
  if (headers.includes('content-transfer-encoding: base64')) {
    return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  }
  if (headers.includes('content-transfer-encoding: quoted-printable')) {
    const bytes = body.replace(/=\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

function mailsTo(dir, address) {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.eml'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8').replace(/\r\n/g, '\n'))
    .filter((raw) => raw.slice(0, raw.indexOf('\n\n')).split('\n')
      .some((l) => l.toLowerCase().startsWith('to:') && l.includes(address)));
}

/** Waits for the n-th message to `address`; returns its decoded text part. */
export async function waitForMail(dir, address, n = 1) {
  for (let i = 0; i < 300; i++) {
    const mails = mailsTo(dir, address);
    if (mails.length >= n) return decodePart(mails[n - 1], 'text/plain');
    await sleep(50);
  }
  throw new Error(`no message #${n} to ${address} in ${dir}`);
}

/** The first link in `text` whose path contains `path`. */
export function linkIn(text, path) {
  const link = text.split(/\s+/).find((w) => w.startsWith('http') && w.includes(path));
  if (!link) throw new Error(`no ${path} link in:\n${text}`);
  return link;
}
