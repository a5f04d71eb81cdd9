/**
 * Turning a deck's parts into zip entries: UTF-8 bytes, CRC-32 and native deflate. A zlib call
 * costs tens of microseconds before any byte is compressed, and a 1,000-slide deck has 4,000
 * parts; so for a big deck the parts go, in batches and still as text, to a helper thread that
 * encodes and compresses them while this thread writes the next slides. A small deck is done
 * here, where starting a thread would cost more than it saves.
 */
import { availableParallelism } from 'node:os';
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
  /** Let go of the helper threads, if any (they stop on their own time). */
  close(): Promise<void>;
}

/** zlib's level 3: on slide XML as fast as level 1 and 45% faster than the default 6, for
 * parts 8% larger (a 1,026-slide deck: 5.5 MB instead of 5.2 MB). */
const LEVEL = 3;

function encodeHere({ data, compress }: PartIn): PartOut {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  return {
    crc: crc32(bytes),
    size: bytes.length,
    method: compress ? 8 : 0,
    body: compress ? deflateRawSync(bytes, { level: LEVEL }) : bytes,
  };
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
// arrives as the parts themselves (text is copied as it is, which costs this thread less than
// encoding it) and goes back as one buffer of compressed parts (handed over, not copied).
//
// deflateRawSync builds a stream object and a zlib state for every call, which was a third of
// a helper's time on a big deck (two calls a slide). The helper keeps one zlib state instead,
// reset between parts, and drives it through the handle Node's own deflateRawSync uses; a Node
// without that handle, or a failed call, gets deflateRawSync as before. Text is encoded into
// one reused buffer, and the compressed parts written one after another into another.
//
// The same bytes as deflateRawSync: a reset keeps the settings, but not quite a fresh state.
// zlib's match finder looks up to 258 bytes past the end of the input, where a fresh state has
// zeros and a reset one has the previous part; the match it picks can then differ. So before
// each part the state compresses as many zeros as the part is long (plus room), which puts
// zeros there again: cheap, as zeros are one long match. A part over WIPE_UP_TO bytes, where
// the window would slide, goes to deflateRawSync.
const HELPER = `
const { parentPort, workerData } = require('node:worker_threads');
const zlib = require('node:zlib');
const { crc32, deflateRawSync } = zlib;
const { Z_FINISH } = zlib.constants;
let engine;
try {
  if (workerData.keepState) {
    engine = zlib.createDeflateRaw({ level: ${LEVEL} });
    if (typeof engine._handle?.writeSync !== 'function' || !(engine._writeState instanceof Uint32Array) || typeof engine.reset !== 'function') {
      engine.close();
      engine = undefined;
    }
  }
} catch {
  engine = undefined;
}
engine?.on('error', () => undefined); // a failed call shows as a destroyed engine, below
let text = Buffer.allocUnsafeSlow(1 << 20);
let out = Buffer.allocUnsafeSlow(1 << 20);
let end = 0;
/** Room for n more bytes in out. */
const room = (n) => {
  if (out.length - end >= n) return;
  const bigger = Buffer.allocUnsafeSlow(Math.max(out.length * 2, end + n));
  out.copy(bigger, 0, 0, end);
  out = bigger;
};
const WIPE_UP_TO = 48 * 1024;
const zeros = Buffer.alloc(WIPE_UP_TO + 1024);
/** Compress bytes onto the end of out with the kept state; false if it cannot. */
const deflateKept = (bytes) => {
  if (!engine || bytes.length > WIPE_UP_TO) return false;
  const at = end;
  // Zeros first, their output dropped: see above.
  if (!finish(zeros.subarray(0, bytes.length + 1024))) return false;
  end = at;
  return finish(bytes);
};
/** Compress bytes onto the end of out with the kept state, then reset it; false if it failed. */
const finish = (bytes) => {
  const from = end;
  const state = engine._writeState;
  let inOff = 0;
  let inLen = bytes.length;
  for (;;) {
    room(Math.min(inLen, 1 << 16) + 64);
    const avail = out.length - end;
    engine._handle.writeSync(Z_FINISH, bytes, inOff, inLen, out, end, avail);
    if (engine.destroyed) {
      engine = undefined;
      end = from;
      return false;
    }
    end += avail - state[0];
    inOff += inLen - state[1];
    inLen = state[1];
    // Output room left means the stream is finished.
    if (state[0] !== 0) break;
  }
  engine.reset();
  return true;
};
parentPort.on('message', ({ id, parts }) => {
  end = 0;
  const results = parts.map(({ data, compress }) => {
    let bytes = data;
    if (typeof data === 'string') {
      if (text.length < data.length * 3) text = Buffer.allocUnsafeSlow(data.length * 3);
      bytes = text.subarray(0, text.write(data, 0, 'utf8'));
    }
    const at = end;
    if (!compress || !deflateKept(bytes)) {
      const body = compress ? deflateRawSync(bytes, { level: ${LEVEL} }) : bytes;
      room(body.length);
      out.set(body, end);
      end += body.length;
    }
    return { crc: crc32(bytes), size: bytes.length, method: compress ? 8 : 0, length: end - at };
  });
  const result = out.buffer.slice(out.byteOffset, out.byteOffset + end);
  parentPort.postMessage({ id, buffer: result, out: results }, [result]);
});
`;

/** Characters (or bytes) gathered before a batch goes to a helper. */
const BATCH_SIZE = 128 * 1024;

interface Waiter {
  resolve: (p: PartOut) => void;
  reject: (e: Error) => void;
}

/** On helper threads (batches go to them in turn). `keepState: false` gives each part a zlib
 * state of its own, as a Node without the handle the helper uses would (tests). */
export function threadCompressor(threads = helperThreads(), { keepState = true } = {}): Compressor {
  // worker_threads is loaded here, not at start: most decks are compressed in this thread.
  const { Worker } = process.getBuiltinModule('node:worker_threads');
  const workers = Array.from({ length: threads }, () => new Worker(HELPER, { eval: true, workerData: { keepState } }));
  let failed: Error | undefined;
  const out = new Map<number, Waiter[]>();
  let parts: PartIn[] = [];
  let size = 0;
  let waiters: Waiter[] = [];
  let nextId = 0;
  const fail = (e: Error) => {
    failed ??= e;
    for (const ws of out.values()) for (const w of ws) w.reject(failed);
    out.clear();
    // Parts gathered but not yet sent fail too: nothing waits for an answer that cannot come.
    for (const w of waiters) w.reject(failed);
    waiters = [];
    parts = [];
    size = 0;
  };
  const done = ({
    id,
    buffer,
    out: results,
  }: {
    id: number;
    buffer: ArrayBuffer;
    out: Array<Omit<PartOut, 'body'> & { length: number }>;
  }) => {
    const ws = out.get(id);
    out.delete(id);
    let at = 0;
    for (let i = 0; i < results.length; i++) {
      const { crc, size, method, length } = results[i]!;
      ws?.[i]?.resolve({ crc, size, method, body: new Uint8Array(buffer, at, length) });
      at += length;
    }
  };
  for (const worker of workers) {
    worker.on('message', done);
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`briefdeck bug: a compressing thread stopped (exit ${code})`)));
  }
  const flush = () => {
    if (!parts.length || failed) return;
    const id = nextId++;
    out.set(id, waiters);
    workers[id % workers.length]!.postMessage({ id, parts });
    parts = [];
    size = 0;
    waiters = [];
  };
  return {
    encode(part) {
      if (failed) return Promise.reject(failed);
      parts.push(part);
      size += part.data.length;
      const answer = new Promise<PartOut>((resolve, reject) => waiters.push({ resolve, reject }));
      if (size >= BATCH_SIZE) flush();
      return answer;
    },
    flush,
    close() {
      // A thread takes a few milliseconds to stop; nothing needs to wait for that, and a thread
      // let go of no longer keeps the process running.
      for (const w of workers) {
        w.removeAllListeners('exit');
        w.unref();
        w.terminate().catch(() => undefined);
      }
      return Promise.resolve();
    },
  };
}

/** On helper threads where they can be started (a permission model may forbid them), else here. */
export function bestCompressor(slides: number, helperThread?: boolean): Compressor {
  if (!(helperThread ?? slides >= THREAD_FROM_SLIDES)) return inlineCompressor();
  try {
    return threadCompressor();
  } catch {
    return inlineCompressor();
  }
}

/** As many as there are cores, up to two: this thread writes the slides meanwhile. */
const helperThreads = () => Math.max(1, Math.min(2, availableParallelism()));

/** Slides from which a deck is worth helper threads. Measured side by side on two cores with
 * generated briefs: 106 slides built 6% faster in this thread alone, 306 about the same, 510
 * and 1,026 slides 3–5% faster with helpers. */
export const THREAD_FROM_SLIDES = 400;
