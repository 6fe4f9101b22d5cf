/**
 * A first-come, first-served async mutex: `run(fn)` starts `fn` after every earlier `run` has
 * settled, whether it resolved or threw. An in-process adapter runs each write (a `commit`)
 * through one mutex so writes never interleave. Works in any JavaScript runtime (no Node built-ins); it does not lock across
 * processes.
 *
 * @example
 * ```ts
 * const mutex = new AsyncMutex();
 * const commit = (batch: CommitBatch) => mutex.run(() => applyBatch(batch));
 * ```
 */
export class AsyncMutex {
  private tail: Promise<unknown> = Promise.resolve();

  /**
   * Runs `fn` once every earlier call has settled; resolves or rejects as `fn` does.
   *
   * @example
   * ```ts
   * const record = await mutex.run(() => store.get(collection, tenantId, id));
   * ```
   */
  run<T>(fn: () => T | Promise<T>): Promise<T> {
    const result = this.tail.then(fn);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}
