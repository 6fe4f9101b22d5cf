import { describe, expect, it } from 'vitest';
import { AsyncMutex } from '@pccovid-inspect/core/adapter-kit';

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 1));

describe('AsyncMutex', () => {
  it('runs calls one at a time, in the order they came', async () => {
    const mutex = new AsyncMutex();
    const events: string[] = [];
    let running = 0;
    const job = (name: string) =>
      mutex.run(async () => {
        running += 1;
        expect(running).toBe(1);
        events.push(`${name}:start`);
        await tick();
        events.push(`${name}:end`);
        running -= 1;
        return name;
      });
    await expect(Promise.all([job('a'), job('b'), job('c')])).resolves.toEqual(['a', 'b', 'c']);
    expect(events).toEqual(['a:start', 'a:end', 'b:start', 'b:end', 'c:start', 'c:end']);
  });

  it('releases the lock when a call throws, and rethrows that error unchanged', async () => {
    const mutex = new AsyncMutex();
    const boom = new Error('boom');
    const failed = mutex.run(async () => {
      await tick();
      throw boom;
    });
    const next = mutex.run(() => 'after');
    await expect(failed).rejects.toBe(boom);
    await expect(next).resolves.toBe('after');
  });

  it('releases the lock when a synchronous function throws, and accepts plain values', async () => {
    const mutex = new AsyncMutex();
    const failed = mutex.run(() => {
      throw new TypeError('sync');
    });
    await expect(failed).rejects.toThrow(TypeError);
    await expect(mutex.run(() => 42)).resolves.toBe(42);
  });
});
