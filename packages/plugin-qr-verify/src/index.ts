/**
 * Posted-QR verification for @pccovid-inspect: decode the photo of the location code posted at a
 * unit, match it to the unit's registered PC-Covid code, flag legacy codes (Bluezone, NCOVI,
 * tokhaiyte, kbyt, Zalo) and unreadable photos; and the checklist plugin `qr-verify@1` that
 * applies the result to item b2 and has the service store it on the photo with the answer.
 *
 * @packageDocumentation
 */
export { decodeQrImage, QR_DECODE_PASSES } from './decode-qr-image.js';
export type { QrDecodeLimits, QrDecodePass, QrDecodeResult } from './decode-qr-image.js';
export { checkQrPayloadOptions, classifyQrPayload, DEFAULT_LEGACY_SYSTEMS, DEFAULT_PC_COVID_PATTERNS, registeredLocationCode } from './qr-payload.js';
export type { LegacyQrSystem, QrPayloadKind, QrPayloadOptions } from './qr-payload.js';
export { registeredCodesOf, verifyQrPayload, verifyQrPhoto } from './verify-qr-photo.js';
export type { QrPhotoStatus, QrPhotoVerification, VerifyQrOptions } from './verify-qr-photo.js';
export { createQrVerifyPlugin, QR_VERIFY_PLUGIN_ID, QR_VERIFY_PLUGIN_VERSION } from './qr-verify-plugin.js';
export type { QrVerificationLookup, QrVerifyPluginOptions } from './qr-verify-plugin.js';
