import { AsyncLocalStorage } from 'node:async_hooks';
import { Batcher } from './batcher';

function deferred(): { promise: Promise<void>; release: () => void } {
  let release = () => {};
  const promise = new Promise<void>((resolve) => (release = resolve));
  return { promise, release };
}

describe('Batcher', () => {
  it('runs a lone call at once, alone', async () => {
    const batches: number[][] = [];
    const batcher = new Batcher<number, number>(
      async (items) => {
        batches.push(items);
        return items.map((n) => n * 2);
      },
      { concurrency: 1, maxBatch: 10 },
    );
    await expect(batcher.submit(21)).resolves.toBe(42);
    expect(batches).toEqual([[21]]);
  });

  it('gathers calls that arrive while a batch runs into the next batch, each getting its own result', async () => {
    const gate = deferred();
    const batches: number[][] = [];
    const batcher = new Batcher<number, string>(
      async (items) => {
        batches.push(items);
        if (batches.length === 1) {
          await gate.promise;
        }
        return items.map((n) => `#${n}`);
      },
      { concurrency: 1, maxBatch: 10 },
    );
    const first = batcher.submit(1);
    const later = [2, 3, 4].map((n) => batcher.submit(n));
    gate.release();
    await expect(first).resolves.toBe('#1');
    await expect(Promise.all(later)).resolves.toEqual(['#2', '#3', '#4']);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it('keeps batches within maxBatch and runs up to `concurrency` of them together', async () => {
    const gate = deferred();
    let running = 0;
    let most = 0;
    const sizes: number[] = [];
    const batcher = new Batcher<number, number>(
      async (items) => {
        running += 1;
        most = Math.max(most, running);
        sizes.push(items.length);
        await gate.promise;
        running -= 1;
        return items;
      },
      { concurrency: 2, maxBatch: 3 },
    );
    const all = Array.from({ length: 8 }, (_, i) => batcher.submit(i));
    gate.release();
    await expect(Promise.all(all)).resolves.toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(most).toBe(2);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(3);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(8);
  });

  it('rejects every caller of a failed batch and goes on with the next', async () => {
    let calls = 0;
    const batcher = new Batcher<number, number>(
      async (items) => {
        calls += 1;
        if (calls === 1) {
          throw new Error('database went away');
        }
        return items;
      },
      { concurrency: 1, maxBatch: 10 },
    );
    await expect(batcher.submit(1)).rejects.toThrow('database went away');
    await expect(batcher.submit(2)).resolves.toBe(2);
  });

  it('refuses a batch function that answers the wrong number of results', async () => {
    const batcher = new Batcher<number, number>(async () => [], { concurrency: 1, maxBatch: 10 });
    await expect(batcher.submit(1)).rejects.toThrow('a batch of 1 answered 0 results');
  });

  it('runs each batch outside the async context of the caller that started it', async () => {
    const context = new AsyncLocalStorage<string>();
    const seen: Array<string | undefined> = [];
    const batcher = new Batcher<number, number>(
      async (items) => {
        seen.push(context.getStore());
        return items;
      },
      { concurrency: 1, maxBatch: 10 },
    );
    await context.run('request-1', () => batcher.submit(1));
    expect(seen).toEqual([undefined]);
  });
});
