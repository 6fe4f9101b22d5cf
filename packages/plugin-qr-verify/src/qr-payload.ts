import { ConfigurationError } from '@pccovid-inspect/core';

/**
 * A legacy system whose posted codes are no longer the correct location code (from 1/11/2021
 * only PC-Covid location codes are): matched by host (the host itself or any subdomain) or by
 * a pattern on the whole payload.
 *
 * @example
 * ```ts
 * const tokhaiyte: LegacyQrSystem = { system: 'tokhaiyte', hosts: ['tokhaiyte.vn'] };
 * ```
 */
export interface LegacyQrSystem {
  /** Short name, e.g. `bluezone`, `ncovi`, `tokhaiyte`, `kbyt`, `zalo`. */
  system: string;
  /** Hosts (lower case) whose URLs belong to the system, subdomains included. */
  hosts?: readonly string[];
  /** Patterns on the trimmed payload (non-URL codes). */
  patterns?: readonly RegExp[];
}

/**
 * The legacy systems flagged by default: Bluezone, NCOVI, the old health-declaration sites
 * (tokhaiyte.vn and its qr. subdomain, kbyt.khambenh.gov.vn) and Zalo check-in codes — the
 * ones the checklist's item b2 names as not correct.
 */
export const DEFAULT_LEGACY_SYSTEMS: readonly LegacyQrSystem[] = Object.freeze([
  { system: 'bluezone', hosts: ['bluezone.gov.vn', 'bluezone.vn', 'bluezone.ai'], patterns: [/^bluezone[:|]/i] },
  { system: 'ncovi', hosts: ['ncovi.vn', 'ncovi.vnpt.vn', 'ncovi.gov.vn'], patterns: [/^ncovi[:|]/i] },
  { system: 'tokhaiyte', hosts: ['tokhaiyte.vn'] },
  { system: 'kbyt', hosts: ['kbyt.khambenh.gov.vn', 'khaibaoyte.khambenh.gov.vn', 'khaibaoyte.vn'] },
  { system: 'zalo', hosts: ['zalo.me'] },
]);

/**
 * The default PC-Covid location-code pattern: an http(s) URL on `pccovid.gov.vn` or a subdomain
 * (codes were created at qr.pccovid.gov.vn), whose `code`/`id` query parameter — else its last
 * path segment — is the location code (4–64 of `A–Z a–z 0–9 _ -`). The exact wire format of the
 * 2021 portal was not published; keep this configurable (`pcCovidPatterns`) and, where the
 * portal's export gives the full decoded text, register that text as the point's code: an exact
 * equality always matches first.
 */
export const DEFAULT_PC_COVID_PATTERNS: readonly RegExp[] = Object.freeze([
  /^https?:\/\/(?:[a-z0-9-]+\.)*pccovid\.gov\.vn(?::\d+)?\/[^?#\s]*\?(?:\S*&)?(?:code|id)=(?<code>[A-Za-z0-9_-]{4,64})(?:[&#]\S*)?$/i,
  /^https?:\/\/(?:[a-z0-9-]+\.)*pccovid\.gov\.vn(?::\d+)?\/(?:[^?#\s]*\/)?(?<code>[A-Za-z0-9_-]{4,64})\/?(?:[?#]\S*)?$/i,
]);

/**
 * How payloads are classified: which are PC-Covid location codes, which are legacy.
 *
 * @example
 * ```ts
 * const options: QrPayloadOptions = { legacySystems: [...DEFAULT_LEGACY_SYSTEMS, { system: 'hue-s', hosts: ['hues.vn'] }] };
 * ```
 */
export interface QrPayloadOptions {
  /** Each with a named group `code` (the location code). Default {@link DEFAULT_PC_COVID_PATTERNS}. */
  pcCovidPatterns?: readonly RegExp[];
  /** Default {@link DEFAULT_LEGACY_SYSTEMS}. */
  legacySystems?: readonly LegacyQrSystem[];
}

/**
 * What a decoded payload is.
 *
 * @example
 * ```ts
 * const kind: QrPayloadKind = { kind: 'pc-covid', locationCode: 'HT-436-000123' };
 * ```
 */
export type QrPayloadKind = { kind: 'pc-covid'; locationCode: string } | { kind: 'legacy'; system: string } | { kind: 'other' };

function hostOf(payload: string): string | null {
  if (!/^https?:\/\//i.test(payload)) return null;
  try {
    return new URL(payload).hostname.toLowerCase();
  } catch {
    return null;
  }
}

/**
 * Checks classification options once (so a bad pattern is a start-up error, not a field error).
 * Throws `ConfigurationError` when a PC-Covid pattern has no `code` group or a legacy system has
 * no name.
 *
 * @example
 * ```ts
 * const options = checkQrPayloadOptions({ pcCovidPatterns: [/^PCC:(?<code>\w+)$/] });
 * ```
 */
export function checkQrPayloadOptions(options: QrPayloadOptions = {}): Required<QrPayloadOptions> {
  const pcCovidPatterns = options.pcCovidPatterns ?? DEFAULT_PC_COVID_PATTERNS;
  const legacySystems = options.legacySystems ?? DEFAULT_LEGACY_SYSTEMS;
  for (const pattern of pcCovidPatterns) {
    if (!(pattern instanceof RegExp) || !/\(\?<code>/.test(pattern.source) || pattern.global || pattern.sticky) {
      throw new ConfigurationError({
        problemVi: `mẫu mã PC-Covid ${String(pattern)} phải là RegExp (không cờ g/y) có nhóm tên "code"`,
        problemEn: `the PC-Covid pattern ${String(pattern)} must be a RegExp (no g/y flag) with a named group "code"`,
        hint: 'e.g. /^https:\\/\\/qr\\.pccovid\\.gov\\.vn\\/(?<code>[A-Za-z0-9-]+)$/',
      });
    }
  }
  for (const legacy of legacySystems) {
    if (typeof legacy.system !== 'string' || legacy.system.trim() === '' || ((legacy.hosts ?? []).length === 0 && (legacy.patterns ?? []).length === 0)) {
      throw new ConfigurationError({
        problemVi: `hệ thống mã cũ ${JSON.stringify(legacy.system)} cần tên và ít nhất một tên miền hoặc mẫu`,
        problemEn: `the legacy system ${JSON.stringify(legacy.system)} needs a name and at least one host or pattern`,
      });
    }
    for (const pattern of legacy.patterns ?? []) {
      if (!(pattern instanceof RegExp) || pattern.global || pattern.sticky) {
        throw new ConfigurationError({
          problemVi: `mẫu của hệ thống mã cũ "${legacy.system}" phải là RegExp không cờ g/y`,
          problemEn: `the patterns of legacy system "${legacy.system}" must be RegExps without the g/y flag`,
        });
      }
    }
  }
  return { pcCovidPatterns, legacySystems };
}

/**
 * Classifies a decoded payload: a legacy code (checked first, by host or pattern), a PC-Covid
 * location code (with its code), or something else. Pure.
 *
 * @example
 * ```ts
 * classifyQrPayload('https://qr.pccovid.gov.vn/HT-436-000123'); // { kind: 'pc-covid', locationCode: 'HT-436-000123' }
 * classifyQrPayload('https://qr.tokhaiyte.vn/abc');               // { kind: 'legacy', system: 'tokhaiyte' }
 * ```
 */
export function classifyQrPayload(payload: string, options: QrPayloadOptions = {}): QrPayloadKind {
  const { pcCovidPatterns, legacySystems } = checkQrPayloadOptions(options);
  const text = payload.trim();
  const host = hostOf(text);
  for (const legacy of legacySystems) {
    const byHost = host !== null && (legacy.hosts ?? []).some((h) => host === h.toLowerCase() || host.endsWith(`.${h.toLowerCase()}`));
    if (byHost || (legacy.patterns ?? []).some((p) => p.test(text))) return { kind: 'legacy', system: legacy.system };
  }
  for (const pattern of pcCovidPatterns) {
    const code = pattern.exec(text)?.groups?.code;
    if (code !== undefined && code !== '') return { kind: 'pc-covid', locationCode: code };
  }
  return { kind: 'other' };
}

/**
 * The location code a registered code stands for: the code inside it when it is a full
 * PC-Covid payload, else the trimmed text itself.
 */
export function registeredLocationCode(registered: string, options: QrPayloadOptions = {}): string {
  const kind = classifyQrPayload(registered, options);
  return kind.kind === 'pc-covid' ? kind.locationCode : registered.trim();
}
