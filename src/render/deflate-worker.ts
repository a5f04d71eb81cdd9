/**
 * A helper thread that compresses batches of a deck's parts (see deflate.ts).
 * Started by path: compiled beside deflate.js in dist/, and bundled beside the CLI.
 */
import { parentPort } from 'node:worker_threads';
import { encodeBytes, type BatchIn, type BatchOut } from './encode.js';

parentPort?.on('message', ({ id, buffer: input, parts }: BatchIn) => {
  let from = 0;
  const encoded = parts.map(({ length, compress }) => {
    const part = encodeBytes(new Uint8Array(input, from, length), compress);
    from += length;
    return part;
  });
  const buffer = new ArrayBuffer(encoded.reduce((n, p) => n + p.body.length, 0));
  const bytes = new Uint8Array(buffer);
  let at = 0;
  const out = encoded.map(({ crc, size, method, body }) => {
    bytes.set(body, at);
    at += body.length;
    return { crc, size, method, length: body.length };
  });
  const answer: BatchOut = { id, buffer, out };
  parentPort?.postMessage(answer, [buffer]);
});
