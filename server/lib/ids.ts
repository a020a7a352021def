// Ids for the rows the SQL lane writes: UUIDv7, time-ordered and monotonic within this process, as uuid's v7()
// makes them. uuid 14 asks the kernel for 16 random bytes for every id (crypto.getRandomValues): a getrandom system
// call that took 30-40 µs per post in bench:pipeline's profile, on the request path. Here the random bytes come from
// a 4 KiB pool refilled once every 256 ids, as Node's own crypto.randomUUID() does, and uuid lays out the id.
import { randomFillSync } from 'node:crypto';
import { v7 } from 'uuid';

const pool = new Uint8Array(4096);
let used = pool.length;

function randomBytes16(): Uint8Array {
  if (used + 16 > pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  const bytes = pool.subarray(used, used + 16);
  used += 16;
  return bytes;
}

// uuid keeps this state itself only when it draws the random bytes itself: the same rule, kept here.
const state = { msecs: -Infinity, seq: 0 };

/** A new UUIDv7, later than every id this process made before. */
export function newId(): string {
  const random = randomBytes16();
  const now = Date.now();
  if (now > state.msecs) {
    // A random start within the millisecond, as uuid does: 31 bits from the random bytes.
    state.seq = (((random[6] ?? 0) & 0x7f) << 24) | ((random[7] ?? 0) << 16) | ((random[8] ?? 0) << 8) | (random[9] ?? 0);
    state.msecs = now;
  } else {
    state.seq = (state.seq + 1) | 0;
    if (state.seq === 0) state.msecs++;
  }
  return v7({ random, msecs: state.msecs, seq: state.seq });
}
