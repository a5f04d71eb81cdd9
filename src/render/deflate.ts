/**
 * Turning a deck's parts into zip entries: UTF-8 bytes, CRC-32 and native deflate. A zlib call
 * costs tens of microseconds before any byte is compressed, and a 1,000-slide deck has 4,000
 * parts; so for a big deck the parts go, in batches and still as text, to a helper thread that
 * encodes and compresses them while this thread writes the next slides. A small deck is done
 * here, where starting a thread would cost more than it saves.
 */
import { Worker } from 'node:worker_threads';
import { crc32, deflateRawSync } from 'node:zlib';

export interface PartIn {
  /** XML as text, or bytes (pictures). */
  data: string | Uint8Array;
  /** Deflate (8) or store (0). */
  compress: boolean;
}

export interface PartOut {
  crc: number;
  /** Bytes before compression. */
  size: number;
  method: 0 | 8;
  body: Uint8Array;
}

export interface Compressor {
  /** Resolves once `flush` has been called (at the latest). */
  encode(part: PartIn): Promise<PartOut>;
  /** Start work on every part handed over so far. */
  flush(): void;
  /** Let go of the helper thread, if any. */
  close(): Promise<void>;
}

const LEVEL = 6;

function encodeHere({ data, compress }: PartIn): PartOut {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  return { crc: crc32(bytes), size: bytes.length, method: compress ? 8 : 0, body: compress ? deflateRawSync(bytes, { level: LEVEL }) : bytes };
}

/** In this thread. */
export function inlineCompressor(): Compressor {
  return {
    encode: (part) => Promise.resolve(encodeHere(part)),
    flush: () => undefined,
    close: () => Promise.resolve(),
  };
}

// The helper is plain JavaScript evaluated from this string, so it runs the same from the
// TypeScript sources (tests) and from the bundled CLI, with no file to find on disk. A batch
// arrives as one buffer of UTF-8 parts (handed over, not copied) and goes back the same way.
const HELPER = `
const { parentPort } = require('node:worker_threads');
const { crc32, deflateRawSync } = require('node:zlib');
parentPort.on('message', ({ id, buffer, parts }) => {
  const input = Buffer.from(buffer);
  let at = 0;
  const bodies = [];
  const out = parts.map(({ length, compress }) => {
    const bytes = input.subarray(at, at + length);
    at += length;
    const body = compress ? deflateRawSync(bytes, { level: ${LEVEL} }) : bytes;
    bodies.push(body);
    return { crc: crc32(bytes), size: length, method: compress ? 8 : 0, length: body.length };
  });
  const joined = Buffer.concat(bodies);
  const result = joined.buffer.slice(joined.byteOffset, joined.byteOffset + joined.length);
  parentPort.postMessage({ id, buffer: result, out }, [result]);
});
`;

/** Bytes gathered before a batch goes to the helper. */
const BATCH_BYTES = 256 * 1024;

interface Waiter {
  resolve: (p: PartOut) => void;
  reject: (e: Error) => void;
}

/** On a helper thread. */
export function threadCompressor(): Compressor {
  const worker = new Worker(HELPER, { eval: true });
  let failed: Error | undefined;
  const out = new Map<number, Waiter[]>();
  let batch: Array<{ bytes: Uint8Array; compress: boolean }> = [];
  let waiters: Waiter[] = [];
  let size = 0;
  let nextId = 0;
  const fail = (e: Error) => {
    failed ??= e;
    for (const ws of out.values()) for (const w of ws) w.reject(failed);
    out.clear();
  };
  worker.on('message', ({ id, buffer, out: done }: { id: number; buffer: ArrayBuffer; out: Array<Omit<PartOut, 'body'> & { length: number }> }) => {
    const ws = out.get(id);
    out.delete(id);
    let at = 0;
    done.forEach(({ length, ...p }, i) => {
      ws?.[i]?.resolve({ ...p, body: new Uint8Array(buffer, at, length) });
      at += length;
    });
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`briefdeck bug: the compressing thread stopped (exit ${code})`)));
  const flush = () => {
    if (!batch.length) return;
    const id = nextId++;
    out.set(id, waiters);
    // One buffer of its own for the batch, so it can be handed over rather than copied.
    const joined = Buffer.allocUnsafeSlow(size);
    let at = 0;
    for (const p of batch) {
      joined.set(p.bytes, at);
      at += p.bytes.length;
    }
    worker.postMessage({ id, buffer: joined.buffer, parts: batch.map((p) => ({ length: p.bytes.length, compress: p.compress })) }, [joined.buffer]);
    batch = [];
    waiters = [];
    size = 0;
  };
  return {
    encode({ data, compress }) {
      if (failed) return Promise.reject(failed);
      const p = new Promise<PartOut>((resolve, reject) => waiters.push({ resolve, reject }));
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      batch.push({ bytes, compress });
      size += bytes.length;
      if (size >= BATCH_BYTES) flush();
      return p;
    },
    flush,
    async close() {
      worker.removeAllListeners('exit');
      await worker.terminate().catch(() => undefined);
    },
  };
}

/** Slides from which a deck is worth a helper thread. */
export const THREAD_FROM_SLIDES = 80;
