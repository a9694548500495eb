// Bytes to text for CRM exports, chunk by chunk: UTF-8 (a BOM is dropped), UTF-16 with a BOM (Excel's
// "Unicode text"), and Windows-1252 / Latin-1, which older exports and Excel on Windows still write.
// A file is read as UTF-8 until a byte sequence is not valid UTF-8; if nothing but ASCII came before,
// the whole file is Windows-1252 from then on, else (a file of both) each bad byte is read as
// Windows-1252 and valid sequences stay UTF-8.

import { isUtf8 } from 'node:buffer';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'mixed';

/** Windows-1252's characters for 0x80-0x9F (where it differs from Latin-1); undefined bytes stay as they are. */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d,
  0x017d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, 0x9d, 0x017e, 0x0178,
];

const C1 = /[\u0080-\u009f]/g;

export function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(C1, (c) => String.fromCharCode(CP1252_HIGH[c.charCodeAt(0) - 0x80] as number));
}

/** Length of a valid UTF-8 sequence at `i`, or 0 when the bytes there are not one. */
function utf8Length(b: Uint8Array, i: number): number {
  const c = b[i] as number;
  const cont = (k: number) => i + k < b.length && ((b[i + k] as number) & 0xc0) === 0x80;
  if (c < 0x80) return 1;
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) {
    const c1 = b[i + 1] ?? 0;
    if ((c === 0xe0 && c1 < 0xa0) || (c === 0xed && c1 > 0x9f)) return 0;
    return cont(1) && cont(2) ? 3 : 0;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    const c1 = b[i + 1] ?? 0;
    if ((c === 0xf0 && c1 < 0x90) || (c === 0xf4 && c1 > 0x8f)) return 0;
    return cont(1) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/** Valid UTF-8 sequences as UTF-8, every other byte as Windows-1252. */
export function decodeMixed(bytes: Uint8Array): string {
  let out = '';
  let start = 0;
  let i = 0;
  const flush = (end: number) => {
    if (end > start) out += Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('utf8');
  };
  while (i < bytes.length) {
    const n = utf8Length(bytes, i);
    if (n > 0) {
      i += n;
      continue;
    }
    flush(i);
    out += decodeWindows1252(bytes.subarray(i, i + 1));
    i += 1;
    start = i;
  }
  flush(i);
  return out;
}

/** Where a chunk stops being complete UTF-8: the start of a sequence cut by the chunk's end. */
function completeUpTo(b: Uint8Array): number {
  const n = b.length;
  for (let back = 1; back <= 3 && back <= n; back += 1) {
    const c = b[n - back] as number;
    if ((c & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    return need > back ? n - back : n;
  }
  return n;
}

export class ByteDecoder {
  encoding: Encoding = 'utf-8';
  private started = false;
  private carry: Uint8Array = new Uint8Array(0);
  private sawNonAscii = false;
  private utf16: InstanceType<typeof TextDecoder> | undefined;

  /** Decodes the next chunk; bytes of a character cut by the chunk's end wait for the next one. */
  push(chunk: Uint8Array): string {
    let bytes: Uint8Array = chunk;
    if (this.carry.length > 0) {
      bytes = Buffer.concat([this.carry, chunk]);
      this.carry = new Uint8Array(0);
    }
    if (!this.started) {
      if (bytes.length < 3 && chunk.length > 0) {
        this.carry = bytes;
        return '';
      }
      this.started = true;
      bytes = this.start(bytes);
    }
    if (this.utf16 !== undefined) return this.utf16.decode(bytes, { stream: true });
    if (this.encoding === 'windows-1252') return decodeWindows1252(bytes);
    const end = completeUpTo(bytes);
    if (end < bytes.length) {
      this.carry = bytes.slice(end);
      bytes = bytes.subarray(0, end);
    }
    return this.decodeComplete(bytes);
  }

  /** The rest at the end of input (a cut character is read as Windows-1252 bytes). */
  end(): string {
    if (!this.started) {
      this.started = true;
      const bytes = this.start(this.carry);
      this.carry = new Uint8Array(0);
      return this.utf16 !== undefined ? this.utf16.decode(bytes) : this.decodeComplete(bytes);
    }
    if (this.utf16 !== undefined) return this.utf16.decode();
    const rest = this.carry;
    this.carry = new Uint8Array(0);
    if (rest.length === 0) return '';
    return this.encoding === 'windows-1252' ? decodeWindows1252(rest) : this.decodeComplete(rest);
  }

  private start(bytes: Uint8Array): Uint8Array {
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3);
    if (bytes[0] === 0xff && bytes[1] === 0xfe) {
      this.encoding = 'utf-16le';
      this.utf16 = new TextDecoder('utf-16le');
      return bytes.subarray(2);
    }
    if (bytes[0] === 0xfe && bytes[1] === 0xff) {
      this.encoding = 'utf-16be';
      this.utf16 = new TextDecoder('utf-16be');
      return bytes.subarray(2);
    }
    return bytes;
  }

  private decodeComplete(bytes: Uint8Array): string {
    if (isUtf8(bytes)) {
      const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
      if (text.length !== bytes.length) this.sawNonAscii = true;
      return text;
    }
    if (!this.sawNonAscii && this.encoding === 'utf-8') {
      this.encoding = 'windows-1252';
      return decodeWindows1252(bytes);
    }
    this.encoding = 'mixed';
    return decodeMixed(bytes);
  }
}
