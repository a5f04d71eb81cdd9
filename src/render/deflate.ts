/**
 * Turning a deck's parts into zip entries: UTF-8 bytes, CRC-32 and native deflate. A zlib call
 * costs tens of microseconds before any byte is compressed, and a 1,000-slide deck has 4,000
 * parts; so for a big deck the parts go, in batches, to a helper thread that compresses them
 * while this thread writes the next slides. A batch goes as one buffer of UTF-8 bytes, handed
 * over rather than copied: sent as text, the helper spent as long taking the text in, encoding
 * it and collecting the garbage as compressing it. One helper is enough: it compresses a part
 * in less time than this thread takes to write it, and a second took a share of the cores from
 * this thread (1,000 units on two cores: 2–7% slower, by Node version). A small deck is done
 * here, where starting a thread would cost more than it saves.
 */
import { encodePart, type BatchIn, type BatchOut, type PartIn, type PartOut } from './encode.js';

export type { PartOut } from './encode.js';

export interface Compressor {
  /** Resolves once `flush` has been called (at the latest). */
  encode(part: PartIn): Promise<PartOut>;
  /** Start work on every part handed over so far. */
  flush(): void;
  /** Let go of the helper thread, if any (it stops on its own time). */
  close(): Promise<void>;
}

/** In this thread. */
export function inlineCompressor(): Compressor {
  return {
    encode: (part) => Promise.resolve(encodePart(part)),
    flush: () => undefined,
    close: () => Promise.resolve(),
  };
}

/** The helper's script: compiled beside this module (dist/, and the bundle beside the CLI). Run
 * from the TypeScript sources (the tests), this module finds the compiled one in dist/. */
const HELPER = new URL(
  import.meta.url.endsWith('.ts') ? '../../dist/render/deflate-worker.js' : './deflate-worker.js',
  import.meta.url,
);

/** Bytes gathered before a batch goes to a helper, and the room a batch is made with. */
const BATCH_BYTES = 192 * 1024;
const BATCH_ROOM = 512 * 1024;

interface Waiter {
  resolve: (p: PartOut) => void;
  reject: (e: Error) => void;
}

/** The parts gathered for the next batch: their bytes, written one after another. */
interface Batch {
  /** Over a buffer of its own (handed over with the batch). */
  bytes: Buffer<ArrayBuffer>;
  used: number;
  parts: BatchIn['parts'];
  waiters: Waiter[];
}

/** A batch with room for at least `size` bytes, in a buffer of its own, as it is handed over. */
function newBatch(size: number): Batch {
  return { bytes: Buffer.from(new ArrayBuffer(Math.max(BATCH_ROOM, size))), used: 0, parts: [], waiters: [] };
}

/** On a helper thread. */
export function threadCompressor(): Compressor {
  // worker_threads is loaded here, not at start: most decks are compressed in this thread.
  const { Worker } = process.getBuiltinModule('node:worker_threads');
  const worker = new Worker(HELPER);
  let failed: Error | undefined;
  const out = new Map<number, Waiter[]>();
  let batch: Batch | undefined;
  let nextId = 0;
  const fail = (e: Error) => {
    failed ??= e;
    for (const ws of out.values()) for (const w of ws) w.reject(failed);
    out.clear();
    // Parts gathered but not yet sent fail too: nothing waits for an answer that cannot come.
    for (const w of batch?.waiters ?? []) w.reject(failed);
    batch = undefined;
  };
  const done = ({ id, buffer, out: results }: BatchOut) => {
    const ws = out.get(id);
    out.delete(id);
    let at = 0;
    for (let i = 0; i < results.length; i++) {
      const { crc, size, method, length } = results[i]!;
      ws?.[i]?.resolve({ crc, size, method, body: new Uint8Array(buffer, at, length) });
      at += length;
    }
  };
  worker.on('message', done);
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`briefdeck bug: the compressing thread stopped (exit ${code})`)));
  const flush = () => {
    if (!batch?.parts.length || failed) return;
    const id = nextId++;
    out.set(id, batch.waiters);
    const message: BatchIn = { id, buffer: batch.bytes.buffer, parts: batch.parts };
    worker.postMessage(message, [message.buffer]);
    batch = undefined;
  };
  return {
    encode({ data, compress }) {
      if (failed) return Promise.reject(failed);
      // A UTF-16 code unit is at most three bytes of UTF-8.
      const most = typeof data === 'string' ? data.length * 3 : data.length;
      if (batch && batch.used + most > batch.bytes.length) flush();
      const b = (batch ??= newBatch(most));
      let length = data.length;
      if (typeof data === 'string') length = b.bytes.write(data, b.used, 'utf8');
      else b.bytes.set(data, b.used);
      b.used += length;
      b.parts.push({ length, compress });
      const answer = new Promise<PartOut>((resolve, reject) => b.waiters.push({ resolve, reject }));
      if (b.used >= BATCH_BYTES) flush();
      return answer;
    },
    flush,
    close() {
      // A thread takes a few milliseconds to stop; nothing needs to wait for that, and a thread
      // let go of no longer keeps the process running.
      worker.removeAllListeners('exit');
      worker.unref();
      worker.terminate().catch(() => undefined);
      return Promise.resolve();
    },
  };
}

/** On a helper thread where one can be started (a permission model may forbid it), else here. */
export function bestCompressor(slides: number, helperThread?: boolean): Compressor {
  if (!(helperThread ?? slides >= THREAD_FROM_SLIDES)) return inlineCompressor();
  try {
    return threadCompressor();
  } catch {
    return inlineCompressor();
  }
}

/** Slides from which a deck is worth a helper thread. Measured side by side on two cores with
 * generated briefs: 106 slides built 5–10% faster in this thread alone, 306 the same or faster
 * (Node 24, 20), 1,026 slides 8% (Node 24) to 22% faster with the helper. */
export const THREAD_FROM_SLIDES = 400;
