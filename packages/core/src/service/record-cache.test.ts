import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { RecordCache } from './record-cache.js';

const Schema = z.object({ n: z.number() });

describe('RecordCache', () => {
  it('gives the record only at the same version, instant and schema; nobody can change what it holds', () => {
    const cache = new RecordCache(2);
    const data = { n: 1, list: [1] };
    cache.set('visits', 'v-1', 3, '2021-12-07T01:30:00.000Z', Schema, data);
    expect(() => data.list.push(2)).toThrow(TypeError); // frozen, deeply: the writer cannot change it afterwards
    const hit = cache.get('visits', 'v-1', 3, '2021-12-07T01:30:00.000Z', Schema)!.data as typeof data;
    expect(hit).toEqual({ n: 1, list: [1] });
    expect(() => {
      hit.n = 2;
    }).toThrow(TypeError);
    expect(cache.get('visits', 'v-1', 3, '2021-12-07T01:30:00.000Z', Schema)!.data).toEqual({ n: 1, list: [1] });
    expect(cache.get('visits', 'v-1', 4, '2021-12-07T01:30:00.000Z', Schema)).toBeUndefined(); // written again by someone else
    expect(cache.get('visits', 'v-1', 3, '2021-12-07T01:31:00.000Z', Schema)).toBeUndefined(); // same version, other write
    expect(cache.get('visits', 'v-1', 3, '2021-12-07T01:30:00.000Z', z.object({}))).toBeUndefined(); // checked against another schema
  });

  it('holds at most its capacity, dropping the least recently used', () => {
    const cache = new RecordCache(2);
    cache.set('visits', 'a', 1, 't', Schema, { n: 1 });
    cache.set('visits', 'b', 1, 't', Schema, { n: 2 });
    cache.get('visits', 'a', 1, 't', Schema);
    cache.set('visits', 'c', 1, 't', Schema, { n: 3 });
    expect(cache.get('visits', 'b', 1, 't', Schema)).toBeUndefined();
    expect(cache.get('visits', 'a', 1, 't', Schema)).toBeDefined();
    expect(cache.get('visits', 'c', 1, 't', Schema)).toBeDefined();
  });
});
