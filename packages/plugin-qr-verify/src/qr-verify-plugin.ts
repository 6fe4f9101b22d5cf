import { z } from 'zod';
import {
  ConfigurationError,
  defineChecklistPlugin,
  defineChecklistRuleType,
  type ChecklistPlugin,
  type ChecklistVerifierOutcome,
  type ChecklistVerifierRecord,
  type Evidence,
  type EvidenceVerification,
} from '@pccovid-inspect/core';
import { INPUT_LIMITS } from '@pccovid-inspect/core/schemas';
import type { QrPhotoStatus, QrPhotoVerification } from './verify-qr-photo.js';

/** The plugin's id and version: applying it derives `<base>+qr-verify@1`. */
export const QR_VERIFY_PLUGIN_ID = 'qr-verify';
export const QR_VERIFY_PLUGIN_VERSION = '1';

/** The evidence verifier's name, and what stored verifications are marked `by`. */
const VERIFIER_NAME = 'postedCodeMatches';
const BY = `${QR_VERIFY_PLUGIN_ID}:${VERIFIER_NAME}`;

/**
 * Where the plugin finds the verification of a photo received by this process and not yet
 * recorded with an answer, keyed by the photo's SHA-256 — a `Map` works. Fill it when the photo
 * is received (`verifyQrPhoto` on its bytes, for the target of the visit): checklist rules must be
 * pure, so the plugin never reads image files itself. Once an answer carrying the photo is
 * recorded, the service keeps the result on the photo (`evidence.verification`, audited with the
 * answer) and the plugin reads it there — after a restart too; the entry may then be dropped.
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
  /**
   * The verifications of photos received by this process, by SHA-256 of the photo bytes. Default:
   * none (only verifications stored with recorded answers are read, e.g. in a reporting process).
   */
  verifications?: QrVerificationLookup;
  /** The items whose photos show the posted code. Default `['b2']`. */
  itemIds?: readonly string[];
}

const NO_PARAMS = z.strictObject({});
const NONE: QrVerificationLookup = { get: () => undefined };
const STATUSES: ReadonlySet<string> = new Set<QrPhotoStatus>(['match', 'other-target', 'legacy', 'not-pc-covid', 'unreadable']);
/** What a stored text may not hold (as core's bounded texts): control characters but tab/LF/CR, noncharacters, lone surrogates. */
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const UNSTORABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** A text as the photo's stored verification can hold it: without unstorable characters, at most `max` characters (else absent). */
function storable(text: string | undefined, max: number, singleLine: boolean): string | undefined {
  if (text === undefined) return undefined;
  let clean = text.replace(UNSTORABLE, '').normalize('NFC').trim();
  if (singleLine && /[\t\n\r]/.test(clean)) return undefined;
  if (clean.length > max)
    clean = clean
      .slice(0, max)
      .replace(/[\uD800-\uDBFF]$/, '')
      .trimEnd();
  return clean === '' ? undefined : clean;
}

/** What is kept on the photo: the status, the decoded text (bounded), the location code and the reasons. */
function recordOf(verification: QrPhotoVerification): ChecklistVerifierRecord {
  const payload = storable(verification.payload, INPUT_LIMITS.text.uri, false);
  const locationCode = storable(verification.locationCode, INPUT_LIMITS.text.code, true);
  return {
    status: verification.status,
    ...(payload === undefined ? {} : { payload }),
    ...(locationCode === undefined ? {} : { locationCode }),
    reasonVi: verification.reasonVi,
    reasonEn: verification.reasonEn,
  };
}

/** The verification the service stored on the photo with an earlier answer (by this plugin's verifier), if any. */
function storedOn(evidence: Evidence): QrPhotoVerification | undefined {
  if (evidence.kind !== 'photo') return undefined;
  const stored: EvidenceVerification | undefined = evidence.verification;
  if (stored?.by !== BY || !STATUSES.has(stored.status)) return undefined;
  return {
    status: stored.status as QrPhotoStatus,
    ...(stored.payload === undefined ? {} : { payload: stored.payload }),
    ...(stored.locationCode === undefined ? {} : { locationCode: stored.locationCode }),
    reasonVi: stored.reasonVi,
    reasonEn: stored.reasonEn,
  };
}

/**
 * The QR verification as a checklist plugin (`qr-verify@1`). On the QR item (`b2` by default):
 *
 * - the evidence verifier `postedCodeMatches` finds each photo's verification — in `verifications`
 *   (received by this process) or, failing that, on the photo itself (`evidence.verification`,
 *   stored by the service with an earlier answer) — and returns it as its `record`, so the
 *   service stores it on the photo with the answer, in the same audited commit;
 * - when the item is answered Đạt (met), the verifier refuses a photo whose verification is a
 *   legacy code, a code of another target or not a PC-Covid code, and a photo with no SHA-256
 *   or with no verification (violation `qr-verify:postedCodeMatches` at
 *   `['answers', 'b2', 'evidence', i]`);
 * - the rule `matchedPhoto` needs at least one photo whose code matched the target's registered
 *   code (violation `qr-verify:matchedPhoto` at `['answers', 'b2', 'evidence']`); an unreadable
 *   wide shot beside a matching close-up is fine.
 *
 * Chưa đạt (not met) answers are not refused: a photo of a legacy code is the evidence of why
 * (its verification is still stored). A `verification` sent in by a client is dropped by the
 * service and never read here. Throws `ConfigurationError` when `verifications` has no `get`.
 *
 * @example
 * ```ts
 * const plugin = createQrVerifyPlugin({ verifications });
 * const service = createInspectionService({ storage, tenant, adminUnits, plugins: [plugin] });
 * const template = applyChecklistPlugins(PC_COVID_CHECKLIST_V1, [plugin]); // version '1+qr-verify@1'
 * ```
 */
export function createQrVerifyPlugin(options: QrVerifyPluginOptions = {}): ChecklistPlugin {
  const lookup = options?.verifications ?? NONE;
  if (typeof lookup !== 'object' || lookup === null || typeof lookup.get !== 'function') {
    throw new ConfigurationError({
      problemVi: 'createQrVerifyPlugin cần verifications có hàm get(sha256)',
      problemEn: 'createQrVerifyPlugin needs verifications with a get(sha256) function',
      hint: 'Pass a Map<string, QrPhotoVerification> filled with verifyQrPhoto when photos are received (or no verifications at all).',
    });
  }
  const itemIds = [...(options.itemIds ?? ['b2'])];
  const recorded = (evidence: Evidence): QrPhotoVerification | undefined =>
    evidence.kind === 'photo' ? ((evidence.sha256 === undefined ? undefined : lookup.get(evidence.sha256)) ?? storedOn(evidence)) : undefined;

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
        name: VERIFIER_NAME,
        evidenceKind: 'photo',
        itemIds,
        verify: (evidence, { answer }): ChecklistVerifierOutcome => {
          if (evidence.kind !== 'photo') return { ok: true };
          const verification = recorded(evidence);
          const record = verification === undefined ? {} : { record: recordOf(verification) };
          if (answer !== 'met') return { ok: true, ...record };
          if (evidence.sha256 === undefined) {
            return {
              ok: false,
              messageVi: 'Ảnh chưa có mã băm SHA-256 nên không đối chiếu được kết quả đọc mã QR.',
              messageEn: 'The photo has no SHA-256 digest, so its QR verification cannot be looked up.',
            };
          }
          if (verification === undefined) {
            return {
              ok: false,
              messageVi: 'Ảnh chưa được kiểm tra mã QR (verifyQrPhoto) khi tiếp nhận.',
              messageEn: 'The photo has not been QR-verified (verifyQrPhoto) when it was received.',
            };
          }
          if (verification.status === 'match' || verification.status === 'unreadable') return { ok: true, ...record };
          return { ok: false, messageVi: verification.reasonVi, messageEn: verification.reasonEn, ...record };
        },
      },
    ],
  });
}
