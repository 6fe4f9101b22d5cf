/** Thrown inside a send when its signal (or an attempt's timeout) aborts. */
export class Aborted extends Error {
  constructor(readonly byCaller: boolean) {
    super(byCaller ? 'aborted by the caller' : 'attempt timed out');
  }
}

/** Waits `ms`, or rejects with `Aborted` as soon as `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new Aborted(true));
    const onAbort = () => {
      clearTimeout(timer);
      reject(new Aborted(true));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * A signal that aborts when `parent` aborts or after `timeoutMs` (Node 20.0 has no
 * `AbortSignal.any`). `done()` removes the listener and the timer.
 */
export function attemptSignal(parent: AbortSignal, timeoutMs: number): { signal: AbortSignal; timedOut: () => boolean; done: () => void } {
  const controller = new AbortController();
  let timedOut = false;
  const onAbort = () => controller.abort();
  parent.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  return {
    signal: controller.signal,
    timedOut: () => timedOut && !parent.aborted,
    done: () => {
      clearTimeout(timer);
      parent.removeEventListener('abort', onAbort);
    },
  };
}
