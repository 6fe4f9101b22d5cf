/**
 * @internal A first-come, first-served async mutex: `run(fn)` starts `fn` after every earlier
 * `run` has settled. Works in any JavaScript runtime (no Node built-ins).
 */
export class MemoryMutex {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.tail.then(fn);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}
