/**
 * @internal A first-come, first-served async mutex: `run(fn)` starts `fn` after every earlier
 * `run` has settled. The SQLite adapter runs every call on its one connection through it, so a
 * transaction's callback — which awaits between statements — never interleaves with other calls.
 */
export class SqliteMutex {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(fn: () => T | Promise<T>): Promise<T> {
    const result = this.tail.then(fn);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}
