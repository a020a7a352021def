// The Redis adapter's message parser: the adapter's own MessagePack codec (notepack.io), except that it recognises
// this process's broadcasts coming back without decoding them.
//
// Redis pub/sub delivers a message to every subscriber, the publisher included. The adapter publishes each broadcast
// as [uid, packet, options], and on hearing one decodes it whole before it compares the uid with its own and drops
// it. In one process (`npm start`) every broadcast comes back like that: decoding the echo of each announcement was
// about 2% of the event loop at 500 posts/s (bench/README.md). The uid is the first element, a short ASCII string,
// so its bytes sit at a fixed place: a message that carries one of this process's uids is answered with just [uid],
// which the adapter drops as before.
import { decode, encode } from 'notepack.io';

/** MessagePack: an array of three elements, then a string of up to 31 bytes. */
const FIXARRAY_3 = 0x93;
const FIXSTR = 0xa0;
const FIXSTR_MASK = 0xe0;
const FIXSTR_LENGTH = 0x1f;

export interface AdapterParser {
  encode(value: unknown): Buffer;
  decode(message: Buffer): unknown;
}

/** One parser per Socket.IO server: it learns the uids of its adapters from the broadcasts they encode. */
export function createAdapterParser(): AdapterParser {
  const ownUids = new Set<string>();
  return {
    encode(value) {
      // Broadcasts are [uid, packet, options]; requests between nodes are objects and pass through as they are.
      if (Array.isArray(value) && value.length === 3 && typeof value[0] === 'string') ownUids.add(value[0]);
      return encode(value) as Buffer;
    },
    decode(message) {
      if (ownUids.size > 0 && message[0] === FIXARRAY_3 && ((message[1] ?? 0) & FIXSTR_MASK) === FIXSTR) {
        const uid = message.toString('latin1', 2, 2 + ((message[1] as number) & FIXSTR_LENGTH));
        if (ownUids.has(uid)) return [uid];
      }
      return decode(message);
    },
  };
}
