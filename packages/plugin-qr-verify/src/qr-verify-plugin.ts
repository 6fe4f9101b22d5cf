import { z } from 'zod';
import { ConfigurationError, defineChecklistPlugin, defineChecklistRuleType, type ChecklistPlugin, type Evidence } from '@pccovid-inspect/core';
import type { QrPhotoVerification } from './verify-qr-photo.js';

/** The plugin's id and version: applying it derives `<base>+qr-verify@1`. */
export const QR_VERIFY_PLUGIN_ID = 'qr-verify';
export const QR_VERIFY_PLUGIN_VERSION = '1';

/**
 * Where the plugin reads the verification recorded for a photo, keyed by the photo's SHA-256 —
 * a `Map` works. Record it when the photo is received (`verifyQrPhoto` on its bytes, for the
 * target of the visit) and keep it with the photo: checklist rules must be pure, so the plugin
 * never reads image files itself, and a content-addressed record gives the same verdict every
 * time the answers are evaluated.
 *
 * @example
 * ```ts
 * const verifications = new Map<string, QrPhotoVerification>();
 * verifications.set(sha256, verifyQrPhoto(bytes, { registeredCodes: registeredCodesOf(target) }));
 * ```
 */
export interface QrVerificationLookup {
  get(sha256: string): QrPhotoVerification | undefined;
}

/**
 * Options of {@link createQrVerifyPlugin}.
 *
 * @example
 * ```ts
 * const options: QrVerifyPluginOptions = { verifications, itemIds: ['b2'] };
 * ```
 */
export interface QrVerifyPluginOptions {
  /** The recorded verifications, by SHA-256 of the photo bytes. */
  verifications: QrVerificationLookup;
  /** The items whose photos show the posted code. Default `['b2']`. */
  itemIds?: readonly string[];
}

const NO_PARAMS = z.strictObject({});

/**
 * The QR verification as a checklist plugin (`qr-verify@1`). On the QR item (`b2` by default),
 * when it is answered Đạt (met):
 *
 * - the evidence verifier `postedCodeMatches` refuses a photo whose recorded verification is a
 *   legacy code, a code of another target or not a PC-Covid code, and a photo with no SHA-256 or
 *   with no recorded verification (violation `qr-verify:postedCodeMatches` at
 *   `['answers', 'b2', 'evidence', i]`);
 * - the rule `matchedPhoto` needs at least one photo whose code matched the target's registered
 *   code (violation `qr-verify:matchedPhoto` at `['answers', 'b2', 'evidence']`); an unreadable
 *   wide shot beside a matching close-up is fine.
 *
 * Chưa đạt (not met) answers are not checked: a photo of a legacy code is the evidence of why.
 * Throws `ConfigurationError` when `verifications` has no `get`.
 *
 * @example
 * ```ts
 * const plugin = createQrVerifyPlugin({ verifications });
 * const service = createInspectionService({ storage, tenant, adminUnits, plugins: [plugin] });
 * const template = applyChecklistPlugins(PC_COVID_CHECKLIST_V1, [plugin]); // version '1+qr-verify@1'
 * ```
 */
export function createQrVerifyPlugin(options: QrVerifyPluginOptions): ChecklistPlugin {
  const lookup = options?.verifications;
  if (typeof lookup !== 'object' || lookup === null || typeof lookup.get !== 'function') {
    throw new ConfigurationError({
      problemVi: 'createQrVerifyPlugin cần verifications có hàm get(sha256)',
      problemEn: 'createQrVerifyPlugin needs verifications with a get(sha256) function',
      hint: 'Pass a Map<string, QrPhotoVerification> filled with verifyQrPhoto when photos are received.',
    });
  }
  const itemIds = [...(options.itemIds ?? ['b2'])];
  const recorded = (evidence: Evidence): QrPhotoVerification | undefined => (evidence.kind === 'photo' && evidence.sha256 !== undefined ? lookup.get(evidence.sha256) : undefined);

  const matchedPhoto = defineChecklistRuleType({
    name: 'matchedPhoto',
    params: NO_PARAMS,
    evaluate: ({ response }) => (response.evidence.some((e) => recorded(e)?.status === 'match') ? { satisfied: true } : { satisfied: false, path: ['evidence'] }),
  });

  return defineChecklistPlugin({
    id: QR_VERIFY_PLUGIN_ID,
    version: QR_VERIFY_PLUGIN_VERSION,
    rules: [matchedPhoto],
    itemRules: Object.fromEntries(
      itemIds.map((itemId) => [
        itemId,
        [
          {
            kind: 'custom',
            type: `${QR_VERIFY_PLUGIN_ID}:matchedPhoto`,
            when: 'met',
            params: {},
            message: {
              vi: 'Đạt phải kèm ít nhất một ảnh đọc được đúng mã QR địa điểm PC-Covid đã đăng ký của đơn vị.',
              en: "A met answer needs at least one photo whose code reads as the unit's registered PC-Covid location code.",
            },
          },
        ],
      ]),
    ),
    evidenceVerifiers: [
      {
        name: 'postedCodeMatches',
        evidenceKind: 'photo',
        itemIds,
        verify: (evidence, { answer }) => {
          if (answer !== 'met' || evidence.kind !== 'photo') return { ok: true };
          if (evidence.sha256 === undefined) {
            return {
              ok: false,
              messageVi: 'Ảnh chưa có mã băm SHA-256 nên không đối chiếu được kết quả đọc mã QR.',
              messageEn: 'The photo has no SHA-256 digest, so its QR verification cannot be looked up.',
            };
          }
          const verification = lookup.get(evidence.sha256);
          if (verification === undefined) {
            return {
              ok: false,
              messageVi: 'Ảnh chưa được kiểm tra mã QR (verifyQrPhoto) khi tiếp nhận.',
              messageEn: 'The photo has not been QR-verified (verifyQrPhoto) when it was received.',
            };
          }
          if (verification.status === 'match' || verification.status === 'unreadable') return { ok: true };
          return { ok: false, messageVi: verification.reasonVi, messageEn: verification.reasonEn };
        },
      },
    ],
  });
}
