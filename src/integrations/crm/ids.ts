// Ids for new records of an import.

import { randomFillSync } from 'node:crypto';

const pool = Buffer.alloc(4096);
let poolAt = pool.length;
let lastMs = 0;
let sequence = 0;

/**
 * A UUIDv7 (RFC 9562): time-ordered, so a million new rows go to the end of each index instead of
 * all over it, which keeps large imports fast. Ids made in one millisecond keep their order.
 */
export function uuid7(): string {
  if (poolAt + 10 > pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  const ms = Date.now();
  sequence = ms === lastMs ? (sequence + 1) & 0xfff : (pool[poolAt] as number);
  lastMs = ms;
  const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
  const random = pool.toString('hex', poolAt + 1, poolAt + 9);
  poolAt += 9;
  const variant = (0x8 | ((parseInt(random.slice(0, 1), 16) & 0x3) as number)).toString(16);
  return `${hex(Math.floor(ms / 0x10000), 8)}-${hex(ms & 0xffff, 4)}-7${hex(sequence, 3)}-${variant}${random.slice(1, 4)}-${random.slice(4, 16)}`;
}
