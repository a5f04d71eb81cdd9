/** `briefdeck studio`: prints its address, serves until stopped, refuses a folder that is not one. */
import { describe, expect, it } from 'vitest';
import { bufferIO } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';

describe('briefdeck studio', () => {
  it('prints its address with the token, answers there, and stops when told', async () => {
    const io = bufferIO();
    const stop = new AbortController();
    const done = run(['studio', '.', '--no-open'], io, stop.signal);
    let url: string | undefined;
    for (let i = 0; i < 100 && !url; i++) {
      url = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(io.text())?.[0];
      if (!url) await new Promise((r) => setTimeout(r, 50));
    }
    expect(url).toBeDefined();
    const page = await fetch(url!, { signal: AbortSignal.timeout(10_000) });
    expect(page.status).toBe(200);
    const bare = await fetch(url!.replace(/\?token=.*/, 'api/briefs'), { signal: AbortSignal.timeout(10_000) });
    expect(bare.status).toBe(401);
    stop.abort();
    expect(await done).toBe(0);
  });

  it('refuses what is not a folder, and a port that is not one', async () => {
    const io = bufferIO();
    expect(await run(['studio', 'package.json', '--no-open'], io)).toBe(1);
    expect(io.text()).toContain('not a folder');
    expect(await run(['studio', '.', '--port', '70000', '--no-open'], bufferIO())).toBe(2);
  });
});
