import { ValidationError, type Target } from '@pccovid-inspect/core';
import { decodeQrImage, type QrDecodeLimits, type QrDecodePass } from './decode-qr-image.js';
import { checkQrPayloadOptions, classifyQrPayload, registeredLocationCode, type QrPayloadOptions } from './qr-payload.js';

/** What the photographed code is, for the target it was taken at. */
export type QrPhotoStatus = 'match' | 'other-target' | 'legacy' | 'not-pc-covid' | 'unreadable';

/**
 * The verification of one photo (or one payload), with the reason in Vietnamese and English.
 *
 * @example
 * ```ts
 * const v: QrPhotoVerification = { status: 'legacy', payload: 'https://qr.tokhaiyte.vn/x1', legacySystem: 'tokhaiyte',
 *   reasonVi: 'Mã QR cũ (tokhaiyte), không phải mã QR địa điểm PC-Covid.', reasonEn: 'A legacy QR code (tokhaiyte), not a PC-Covid location code.' };
 * ```
 */
export interface QrPhotoVerification {
  status: QrPhotoStatus;
  /** The decoded text (absent when unreadable). */
  payload?: string;
  /** The PC-Covid location code inside the payload (statuses `match` and `other-target`). */
  locationCode?: string;
  /** Which legacy system (status `legacy`). */
  legacySystem?: string;
  /** The other target whose code it is, when `otherTargets` named it. */
  otherTargetId?: string;
  /** How the photo was read (from {@link verifyQrPhoto}; absent for {@link verifyQrPayload}). */
  decode?: { format?: 'png' | 'jpeg'; pass?: QrDecodePass; passesTried: number; failure?: 'unsupported-format' | 'corrupt-image' | 'too-large' | 'no-code-found' };
  reasonVi: string;
  reasonEn: string;
}

/**
 * What a payload is matched against.
 *
 * @example
 * ```ts
 * const options: VerifyQrOptions = { registeredCodes: registeredCodesOf(target), otherTargets: [{ targetId: 'tg-2', registeredCodes: ['HT-436-000124'] }] };
 * ```
 */
export interface VerifyQrOptions extends QrPayloadOptions {
  /** The target's registered location codes (a code, or the full text its QR decodes to). */
  registeredCodes: readonly string[];
  /** Other targets' codes, to name whose code was posted. Optional. */
  otherTargets?: readonly { targetId: string; registeredCodes: readonly string[] }[];
  /** Bounds on decoding (photos only). */
  limits?: QrDecodeLimits;
}

function checkCodes(codes: unknown, path: (string | number)[]): readonly string[] {
  if (!Array.isArray(codes) || codes.some((c) => typeof c !== 'string')) {
    throw new ValidationError({
      subject: 'VerifyQrOptions',
      issues: [{ path, code: 'custom', message: 'phải là danh sách chuỗi / must be a list of strings' }],
    });
  }
  return (codes as string[]).map((c) => c.trim()).filter((c) => c !== '');
}

function matches(payload: string, locationCode: string | undefined, registered: readonly string[], options: QrPayloadOptions): boolean {
  return registered.some((r) => r === payload || (locationCode !== undefined && registeredLocationCode(r, options) === locationCode));
}

/**
 * Classifies an already decoded payload for a target (no image work). Legacy codes are flagged
 * first; a match needs exact equality with a registered code, or of the PC-Covid location code
 * inside the payload with the one inside (or equal to) a registered code — never a prefix,
 * case-folding or fuzzy comparison, so a code of target A never matches target B.
 *
 * @example
 * ```ts
 * verifyQrPayload('https://qr.pccovid.gov.vn/HT-436-000123', { registeredCodes: ['HT-436-000123'] }).status; // 'match'
 * ```
 */
export function verifyQrPayload(payload: string, options: VerifyQrOptions): QrPhotoVerification {
  const classification = checkQrPayloadOptions(options);
  const registered = checkCodes(options.registeredCodes, ['registeredCodes']);
  const text = payload.trim();
  const kind = classifyQrPayload(text, classification);
  if (kind.kind === 'legacy') {
    return {
      status: 'legacy',
      payload,
      legacySystem: kind.system,
      reasonVi: `Mã QR cũ (${kind.system}), không phải mã QR địa điểm PC-Covid; từ 01/11/2021 chỉ mã PC-Covid là đúng.`,
      reasonEn: `A legacy QR code (${kind.system}), not a PC-Covid location code; from 1 Nov 2021 only PC-Covid codes are correct.`,
    };
  }
  const locationCode = kind.kind === 'pc-covid' ? kind.locationCode : undefined;
  const withCode = locationCode === undefined ? {} : { locationCode };
  if (matches(text, locationCode, registered, classification)) {
    return {
      status: 'match',
      payload,
      ...withCode,
      reasonVi: 'Mã QR niêm yết đúng là mã QR địa điểm đã đăng ký của đơn vị.',
      reasonEn: "The posted code is the unit's registered location code.",
    };
  }
  (options.otherTargets ?? []).forEach((t, i) => checkCodes(t.registeredCodes, ['otherTargets', i, 'registeredCodes']));
  const other = (options.otherTargets ?? []).find((t) => matches(text, locationCode, checkCodes(t.registeredCodes, []), classification));
  if (other !== undefined) {
    return {
      status: 'other-target',
      payload,
      ...withCode,
      otherTargetId: other.targetId,
      reasonVi: `Mã QR niêm yết là mã của đơn vị khác (${other.targetId}), không phải mã đã đăng ký của đơn vị này.`,
      reasonEn: `The posted code belongs to another unit (${other.targetId}), not to this unit's registered codes.`,
    };
  }
  if (kind.kind === 'pc-covid') {
    return {
      status: 'other-target',
      payload,
      locationCode: kind.locationCode,
      reasonVi:
        registered.length === 0
          ? `Mã QR PC-Covid (${kind.locationCode}) nhưng đơn vị chưa có mã đăng ký để đối chiếu.`
          : `Mã QR PC-Covid (${kind.locationCode}) không thuộc các mã đã đăng ký của đơn vị.`,
      reasonEn:
        registered.length === 0
          ? `A PC-Covid code (${kind.locationCode}), but the unit has no registered code to match it against.`
          : `A PC-Covid code (${kind.locationCode}) that is not among the unit's registered codes.`,
    };
  }
  return {
    status: 'not-pc-covid',
    payload,
    reasonVi: 'Đọc được mã QR nhưng không phải mã QR địa điểm PC-Covid.',
    reasonEn: 'A QR code was read, but it is not a PC-Covid location code.',
  };
}

const FAILURE_TEXT = {
  'unsupported-format': { vi: 'tệp không phải ảnh PNG hoặc JPEG', en: 'the file is not a PNG or JPEG image' },
  'corrupt-image': { vi: 'ảnh bị hỏng, không giải nén được', en: 'the image is corrupt and cannot be decoded' },
  'too-large': { vi: 'ảnh vượt giới hạn kích thước', en: 'the image exceeds the size limits' },
  'no-code-found': { vi: 'không tìm thấy mã QR đọc được trong ảnh', en: 'no readable QR code was found in the image' },
} as const;

/**
 * Decodes the photo of a posted code ({@link decodeQrImage}) and classifies it for the target
 * ({@link verifyQrPayload}): `match`, `other-target`, `legacy`, `not-pc-covid` or `unreadable`.
 * Synchronous and deterministic. Throws `ValidationError` when `bytes` is not a `Uint8Array` or
 * the codes are not strings, `ConfigurationError` on a bad pattern.
 *
 * @example
 * ```ts
 * const v = verifyQrPhoto(readFileSync('b2-gate.jpg'), { registeredCodes: registeredCodesOf(target) });
 * console.log(v.status, v.reasonVi, v.reasonEn);
 * ```
 */
export function verifyQrPhoto(bytes: Uint8Array, options: VerifyQrOptions): QrPhotoVerification {
  if (!(bytes instanceof Uint8Array)) {
    throw new ValidationError({
      subject: 'QR photo',
      issues: [{ path: [], code: 'custom', message: 'ảnh phải là Uint8Array (Buffer) / the photo must be a Uint8Array (Buffer)' }],
    });
  }
  checkQrPayloadOptions(options);
  checkCodes(options.registeredCodes, ['registeredCodes']);
  const decoded = decodeQrImage(bytes, options.limits);
  if (!decoded.ok) {
    const text = FAILURE_TEXT[decoded.reason];
    const decode =
      decoded.format === undefined
        ? { passesTried: decoded.passesTried, failure: decoded.reason }
        : { format: decoded.format, passesTried: decoded.passesTried, failure: decoded.reason };
    return {
      status: 'unreadable',
      decode,
      reasonVi: `Không đọc được mã QR trong ảnh: ${text.vi}. Hãy chụp lại gần hơn, rõ nét, đủ sáng.`,
      reasonEn: `The QR code in the photo could not be read: ${text.en}. Take it again closer, sharp and well lit.`,
    };
  }
  return { ...verifyQrPayload(decoded.payload, options), decode: { format: decoded.format, pass: decoded.pass, passesTried: decoded.passesTried } };
}

/**
 * The registered location codes of a target: the `registeredCode` of each of its QR points that
 * has one (PC-Covid points only by default).
 *
 * @example
 * ```ts
 * verifyQrPhoto(bytes, { registeredCodes: registeredCodesOf(target) });
 * ```
 */
export function registeredCodesOf(target: Pick<Target, 'qrPoints'>, options: { pcCovidOnly?: boolean } = {}): string[] {
  const codes: string[] = [];
  for (const point of target.qrPoints) {
    if ((options.pcCovidOnly ?? true) && point.source !== 'pc_covid') continue;
    const code = point.registeredCode?.trim();
    if (code !== undefined && code !== '' && !codes.includes(code)) codes.push(code);
  }
  return codes;
}
