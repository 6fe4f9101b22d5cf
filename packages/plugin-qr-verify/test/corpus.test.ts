import { beforeAll, describe, expect, it } from 'vitest';
import { verifyQrPayload, verifyQrPhoto } from '../src/index.js';
import { buildCorpus, codesOf, TARGETS, type Photo } from './support/corpus.js';

let photos: Photo[];

beforeAll(async () => {
  photos = await buildCorpus();
}, 900_000); // 242 photos rendered and decoded in pure JS, on a shared 2-core machine

describe('generated photo corpus (seed 2021)', () => {
  it('has at least 200 photos, and decodes at least 95 % of the readable ones', () => {
    expect(photos.length).toBeGreaterThanOrEqual(200);
    const readable = photos.filter((p) => p.kind !== 'unreadable');
    const decoded = readable.filter((p) => p.result.status !== 'unreadable');
    const passes = new Map<string, number>();
    for (const p of decoded) passes.set(p.result.decode!.pass!, (passes.get(p.result.decode!.pass!) ?? 0) + 1);
    console.log(
      `đọc được / decoded: ${decoded.length}/${readable.length} (${((100 * decoded.length) / readable.length).toFixed(1)} %); ` +
        `by pass: ${[...passes].map(([k, v]) => `${k} ${v}`).join(', ')}`,
    );
    expect(decoded.length / readable.length).toBeGreaterThanOrEqual(0.95);
  });

  it('every decoded photo carries exactly the payload that was printed', () => {
    for (const p of photos) if (p.kind !== 'unreadable' && p.result.status !== 'unreadable') expect(p.result.payload).toBe(p.payload);
  });

  it('flags every legacy code: never a match, never taken for PC-Covid; decoded ones name their system', () => {
    const legacy = photos.filter((p) => p.kind === 'legacy');
    expect(legacy.length).toBeGreaterThanOrEqual(50);
    const flagged = legacy.filter((p) => p.result.status === 'legacy');
    console.log(`mã cũ / legacy: ${flagged.length}/${legacy.length} flagged, the rest unreadable`);
    for (const p of legacy) {
      expect(['legacy', 'unreadable']).toContain(p.result.status);
      if (p.result.status === 'legacy') expect(p.result.legacySystem).toBe(p.system);
    }
    expect(flagged.length / legacy.length).toBeGreaterThanOrEqual(0.95);
  });

  it('PC-Covid photos match their own target, and other codes are not-pc-covid', () => {
    for (const p of photos) {
      if (p.result.status === 'unreadable') continue;
      if (p.kind === 'pc-covid') expect(p.result.status).toBe('match');
      if (p.kind === 'other') expect(p.result.status).toBe('not-pc-covid');
    }
  });

  it('0 false matches: a code of target A never matches target B (payload cross-check of every decoded photo)', () => {
    let checks = 0;
    let falseMatches = 0;
    for (const p of photos) {
      if (p.result.payload === undefined) continue;
      for (const target of TARGETS) {
        const own = p.kind === 'pc-covid' && p.targetId === target.targetId;
        const otherTargets = TARGETS.filter((t) => t.targetId !== target.targetId);
        const v = verifyQrPayload(p.result.payload, { registeredCodes: target.registeredCodes, otherTargets });
        checks++;
        if (own) {
          expect(v.status).toBe('match');
        } else {
          if (v.status === 'match') falseMatches++;
          if (p.kind === 'pc-covid') expect(v).toMatchObject({ status: 'other-target', otherTargetId: p.targetId });
        }
      }
    }
    console.log(`đối chiếu chéo / cross-checks: ${checks}, false matches: ${falseMatches}`);
    expect(falseMatches).toBe(0);
  });

  it('0 false matches on the photos themselves: each PC-Covid photo of the first 30, against every other target', () => {
    for (const p of photos.filter((q) => q.kind === 'pc-covid' && q.result.status === 'match').slice(0, 30)) {
      const other = TARGETS.find((t) => t.targetId !== p.targetId)!;
      expect(verifyQrPhoto(p.bytes, { registeredCodes: codesOf(other.targetId) }).status).toBe('other-target');
    }
  }, 300_000);

  it('reports the unreadable photos as unreadable, with a reason in Vietnamese and English', () => {
    const unreadable = photos.filter((p) => p.kind === 'unreadable');
    expect(unreadable.length).toBe(22);
    for (const p of unreadable) {
      expect(p.result).toMatchObject({ status: 'unreadable' });
      expect(p.result.payload).toBeUndefined();
      expect(p.result.reasonVi).toMatch(/^Không đọc được mã QR/);
      expect(p.result.reasonEn).toMatch(/^The QR code in the photo could not be read/);
    }
    expect(unreadable.find((p) => p.how === 'not-an-image')!.result.decode?.failure).toBe('unsupported-format');
    expect(unreadable.find((p) => p.how === 'truncated')!.result.decode?.failure).toBe('corrupt-image');
  });
});
