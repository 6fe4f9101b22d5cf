import { describe, expect, it } from 'vitest';
import { measureTimesText } from './times-metrics.js';
import { decree30HeaderColumnsPt, decree30LinePitchPt, decree30TextWidthPt, mmToPt, mmToTwip } from './decree30-layout.js';

describe('measureTimesText', () => {
  it('measures ASCII with Times widths', () => {
    // "Hi" = H 722 + i 278 = 1000 units = 1 em
    expect(measureTimesText('Hi', 13)).toBeCloseTo(13, 5);
  });

  it('gives a toned letter its base letter width and a horned letter its own', () => {
    expect(measureTimesText('ấ', 10)).toBeCloseTo(measureTimesText('a', 10), 5);
    expect(measureTimesText('ờ', 10)).toBeGreaterThan(measureTimesText('o', 10));
    expect(measureTimesText('Ự', 10, 'bold')).toBeCloseTo(measureTimesText('Ư', 10, 'bold'), 5);
  });

  it('treats NFD input like NFC', () => {
    const nfc = 'Hạnh phúc';
    expect(measureTimesText(nfc.normalize('NFD'), 13)).toBeCloseTo(measureTimesText(nfc, 13), 5);
  });

  it('fits the national title and a department name on one line each at 12 pt bold', () => {
    const { left, right } = decree30HeaderColumnsPt();
    expect(measureTimesText('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 12, 'bold')).toBeLessThan(right - 6);
    expect(measureTimesText('SỞ THÔNG TIN VÀ TRUYỀN THÔNG', 12, 'bold')).toBeLessThan(left - 6);
  });
});

describe('Decree 30 layout units', () => {
  it('converts millimetres', () => {
    expect(mmToPt(25.4)).toBeCloseTo(72, 6);
    expect(mmToTwip(25.4)).toBe(1440);
    expect(decree30TextWidthPt()).toBeCloseTo(mmToPt(165), 6);
    expect(decree30LinePitchPt()).toBeCloseTo(13 * 1.1074 * 1.15, 2);
    expect(decree30LinePitchPt(14, 1)).toBeCloseTo(14 * 1.1074, 2);
  });
});
