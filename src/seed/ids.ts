// Medusa-style ids: a prefix and a ULID (`prod_01HV…`). Monotonic within a process, so rows
// created together sort in creation order, which keeps keyset batching over them cheap.
// A seed makes hundreds of thousands of them, so the encoded time and high random half are
// cached and only the low half is re-encoded per id.
import { randomBytes } from 'node:crypto';

const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford base32
const half = 2 ** 40; // the 80 random bits as two 40-bit halves

let lastTime = -1;
let timeText = '';
let high = 0;
let highText = '';
let low = 0;

export function newId(prefix: string): string {
  const now = Date.now();
  if (now > lastTime) {
    lastTime = now;
    timeText = encode(now, 10);
    const bytes = randomBytes(10);
    setHigh(bytes.readUIntBE(0, 5));
    low = bytes.readUIntBE(5, 5);
  } else if (++low === half) {
    // same millisecond: increment the 80-bit random part, as monotonic ULIDs do
    low = 0;
    setHigh((high + 1) % half);
  }
  return `${prefix}_${timeText}${highText}${encode(low, 8)}`;
}

function setHigh(value: number): void {
  high = value;
  highText = encode(value, 8);
}

/** `value` as `length` base32 characters, most significant first */
function encode(value: number, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) {
    out = alphabet[value % 32] + out;
    value = Math.floor(value / 32);
  }
  return out;
}
