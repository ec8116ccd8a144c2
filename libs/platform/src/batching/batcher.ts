import { AsyncResource } from 'node:async_hooks';

/**
 * Coalesces concurrent calls into batches, the way a database groups commits: the first call starts a
 * batch at once; calls that arrive while `concurrency` batches are running wait and leave together in the
 * next one. Under light load every call runs alone with no added delay; under heavy load one round trip
 * serves many callers. Each caller gets its own item's result, or the batch's error.
 *
 * A batch runs in the async context the batcher was made in (at start-up), never in one caller's: it
 * must not join that caller's transaction or speak with its request id.
 */
export class Batcher<Item, Result> {
  private waiting: Array<{
    item: Item;
    resolve: (result: Result) => void;
    reject: (error: unknown) => void;
  }> = [];
  private running = 0;
  private readonly home = new AsyncResource('Batcher');

  constructor(
    /** Returns one result per item, in the items' order. */
    private readonly work: (items: Item[]) => Promise<Result[]>,
    private readonly options: { concurrency: number; maxBatch: number },
  ) {}

  submit(item: Item): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      this.next();
    });
  }

  private next(): void {
    while (this.running < this.options.concurrency && this.waiting.length > 0) {
      const batch = this.waiting.splice(0, this.options.maxBatch);
      this.running += 1;
      void this.home
        .runInAsyncScope(() => this.execute(batch))
        .finally(() => {
          this.running -= 1;
          this.next();
        });
    }
  }

  private async execute(batch: typeof this.waiting): Promise<void> {
    try {
      const results = await this.work(batch.map((entry) => entry.item));
      if (results.length !== batch.length) {
        throw new Error(`a batch of ${batch.length} answered ${results.length} results`);
      }
      batch.forEach((entry, i) => entry.resolve(results[i] as Result));
    } catch (error) {
      batch.forEach((entry) => entry.reject(error));
    }
  }
}
