import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = [];
  const joined = text.replace(/=\r?\n/g, '');
  for (let i = 0; i < joined.length; i++) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(joined[i], 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** The readable text of a MIME message: every part decoded from base64 or quoted-printable. */
export function mimeText(raw: string): string {
  const parts = raw.split(/\r?\n--[^\r\n]*\r?\n/);
  return parts
    .map((part) => {
      const split = part.search(/\r?\n\r?\n/);
      if (split < 0) return part;
      const headers = part.slice(0, split);
      const body = part.slice(split).trim();
      if (/content-transfer-encoding:\s*base64/i.test(headers)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
      if (/content-transfer-encoding:\s*quoted-printable/i.test(headers)) return decodeQuotedPrintable(body);
      return body;
    })
    .join('\n');
}

/** The text of the newest .eml in `dir` addressed to `email`, or undefined when none arrived yet. */
export async function newestMailTo(dir: string, email: string): Promise<string | undefined> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.eml'));
  } catch {
    return undefined;
  }
  const candidates: { text: string; mtime: number; name: string }[] = [];
  for (const name of names) {
    const raw = await readFile(join(dir, name), 'utf8');
    const headerEnd = raw.search(/\r?\n\r?\n/);
    const headers = raw.slice(0, headerEnd < 0 ? raw.length : headerEnd);
    const to = headers.match(/^To:(.*(?:\r?\n[ \t].*)*)/im)?.[1] ?? '';
    if (!to.toLowerCase().includes(email.toLowerCase())) continue;
    candidates.push({ text: mimeText(raw), mtime: (await stat(join(dir, name))).mtimeMs, name });
  }
  candidates.sort((a, b) => b.mtime - a.mtime || b.name.localeCompare(a.name));
  return candidates[0]?.text;
}

/** The password reset link in a mail's text (HTML-escaped ampersands undone). */
export function resetLink(text: string): string | undefined {
  const match = text.match(/https?:\/\/[^\s"'<>]+\/reset-password\?token=[^\s"'<>]+/);
  return match?.[0].replace(/&amp;/g, '&');
}
