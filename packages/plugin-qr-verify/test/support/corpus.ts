/**
 * The photo corpus of the QR tests: 220 readable photos (PC-Covid codes of six targets, legacy
 * codes, other codes) and 22 unreadable ones, all from seed 2021, each verified once.
 */
import { verifyQrPhoto, type QrPhotoVerification } from '../../src/index.js';
import { qrModules, readableParams, renderPhoto, seededRandom, unreadableParams, type GrayImage } from './photos.js';

/** Six targets; codes chosen to be close to each other (prefixes, case, URL vs bare code). */
export const TARGETS = [
  { targetId: 'tg-a', registeredCodes: ['HT-436-000123'] },
  { targetId: 'tg-b', registeredCodes: ['HT-436-0001234'] },
  { targetId: 'tg-c', registeredCodes: ['https://qr.pccovid.gov.vn/ht-436-000123'] },
  { targetId: 'tg-d', registeredCodes: ['https://qr.pccovid.gov.vn/HT-440-000007', 'HT-440-000008'] },
  { targetId: 'tg-e', registeredCodes: ['HT-438-000042'] },
  { targetId: 'tg-f', registeredCodes: ['HT-436-00012'] },
] as const;

/** What each target actually posts (one payload per registered code). */
export const POSTED: readonly { targetId: string; payload: string }[] = [
  { targetId: 'tg-a', payload: 'https://qr.pccovid.gov.vn/HT-436-000123' },
  { targetId: 'tg-b', payload: 'https://qr.pccovid.gov.vn/HT-436-0001234' },
  { targetId: 'tg-c', payload: 'https://qr.pccovid.gov.vn/ht-436-000123' },
  { targetId: 'tg-d', payload: 'https://qr.pccovid.gov.vn/HT-440-000007' },
  { targetId: 'tg-d', payload: 'https://qr.pccovid.gov.vn/HT-440-000008' },
  { targetId: 'tg-e', payload: 'https://qr.pccovid.gov.vn/HT-438-000042' },
  { targetId: 'tg-f', payload: 'https://qr.pccovid.gov.vn/HT-436-00012' },
];

export const LEGACY: readonly { system: string; payload: string }[] = [
  { system: 'bluezone', payload: 'https://bluezone.gov.vn/qr/checkin?id=84HT0123' },
  { system: 'ncovi', payload: 'https://ncovi.vnpt.vn/location/HT-436-000123' },
  { system: 'tokhaiyte', payload: 'https://qr.tokhaiyte.vn/HT-436-000123' },
  { system: 'tokhaiyte', payload: 'https://tokhaiyte.vn/?ma=7789' },
  { system: 'kbyt', payload: 'https://kbyt.khambenh.gov.vn/#/qr/a7f3' },
  { system: 'zalo', payload: 'https://zalo.me/s/khaibaoyte/HT436' },
];

export const OTHER: readonly string[] = ['https://hatinh.gov.vn/', 'WIFI:T:WPA;S:UBND-Phuong;P:12345678;;', '00020101021138570010A000000727'];

export type Photo =
  | { kind: 'pc-covid'; targetId: string; payload: string; bytes: Buffer; result: QrPhotoVerification }
  | { kind: 'legacy'; system: string; payload: string; targetId: string; bytes: Buffer; result: QrPhotoVerification }
  | { kind: 'other'; payload: string; targetId: string; bytes: Buffer; result: QrPhotoVerification }
  | { kind: 'unreadable'; how: string; targetId: string; bytes: Buffer; result: QrPhotoVerification };

export const codesOf = (targetId: string): readonly string[] => TARGETS.find((t) => t.targetId === targetId)!.registeredCodes;

export async function buildCorpus(seed = 2021, readable = 220): Promise<Photo[]> {
  const random = seededRandom(seed);
  const modules = new Map<string, GrayImage>();
  const moduleOf = async (payload: string) => {
    let m = modules.get(payload);
    if (m === undefined) {
      m = await qrModules(payload, (['L', 'M', 'Q', 'H'] as const)[modules.size % 4]);
      modules.set(payload, m);
    }
    return m;
  };
  const photos: Photo[] = [];
  for (let i = 0; i < readable; i++) {
    const slot = i % 20; // 12 PC-Covid, 5 legacy, 3 other in every 20
    const target = TARGETS[i % TARGETS.length]!.targetId;
    if (slot < 12) {
      const posted = POSTED[i % POSTED.length]!;
      const code = await moduleOf(posted.payload);
      const bytes = renderPhoto(code, readableParams(random, code.width), random);
      photos.push({ kind: 'pc-covid', ...posted, bytes, result: verifyQrPhoto(bytes, { registeredCodes: codesOf(posted.targetId) }) });
    } else if (slot < 17) {
      const legacy = LEGACY[i % LEGACY.length]!;
      const code = await moduleOf(legacy.payload);
      const bytes = renderPhoto(code, readableParams(random, code.width), random);
      photos.push({ kind: 'legacy', ...legacy, targetId: target, bytes, result: verifyQrPhoto(bytes, { registeredCodes: codesOf(target) }) });
    } else {
      const payload = OTHER[i % OTHER.length]!;
      const code = await moduleOf(payload);
      const bytes = renderPhoto(code, readableParams(random, code.width), random);
      photos.push({ kind: 'other', payload, targetId: target, bytes, result: verifyQrPhoto(bytes, { registeredCodes: codesOf(target) }) });
    }
  }
  const hows = ['blank', 'tiny', 'cropped', 'washed'] as const;
  for (let i = 0; i < 20; i++) {
    const how = hows[i % hows.length]!;
    const code = await moduleOf(POSTED[i % POSTED.length]!.payload);
    const bytes = renderPhoto(how === 'blank' ? null : code, unreadableParams(random, code.width, how), random);
    const targetId = POSTED[i % POSTED.length]!.targetId;
    photos.push({ kind: 'unreadable', how, targetId, bytes, result: verifyQrPhoto(bytes, { registeredCodes: codesOf(targetId) }) });
  }
  const notImage = Buffer.from('GIF89a not a photo of a QR code');
  photos.push({ kind: 'unreadable', how: 'not-an-image', targetId: 'tg-a', bytes: notImage, result: verifyQrPhoto(notImage, { registeredCodes: codesOf('tg-a') }) });
  const truncated = photos[0]!.bytes.subarray(0, 200);
  photos.push({ kind: 'unreadable', how: 'truncated', targetId: 'tg-a', bytes: Buffer.from(truncated), result: verifyQrPhoto(truncated, { registeredCodes: codesOf('tg-a') }) });
  return photos;
}
