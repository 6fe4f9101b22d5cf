import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type CryptoKey, type JWK, type JWTPayload, type KeyObject } from 'jose';
import { HttpProblem } from './problem-details.js';

/** Verifies a bearer token and returns its claims; throws when it is not valid. */
export type TokenVerifier = (token: string) => Promise<JWTPayload>;

/** Options of {@link createJwtVerifier}: where the keys come from and what is checked. */
export interface JwtVerifierOptions {
  /**
   * The verification key the host holds: a public `CryptoKey`/`KeyObject` (RS256, ES256, EdDSA…),
   * a JWK, or the raw bytes of an HMAC secret (HS256). Give this or `jwksUrl`.
   */
  key?: CryptoKey | KeyObject | JWK | Uint8Array;
  /** The identity provider's JWKS endpoint (fetched and cached by jose's `createRemoteJWKSet`). Give this or `key`. */
  jwksUrl?: string | URL;
  /** The expected `iss` claim (required). */
  issuer: string | string[];
  /** The expected `aud` claim (required). */
  audience: string | string[];
  /**
   * Accepted `alg` values.
   * @default jose's default for the key type (never `none`)
   */
  algorithms?: string[];
  /**
   * Tolerated clock skew for `exp`/`nbf`, in seconds.
   * @default 0
   */
  clockToleranceSeconds?: number;
  /**
   * Whether a token must carry `exp`.
   * @default true
   */
  requireExpiry?: boolean;
  /**
   * Verified tokens remembered (their claims, until their `exp`), so a client sending the same token
   * again costs no signature check. `exp` is still checked on every request. `0` turns it off.
   * @default 1000
   */
  cacheSize?: number;
}

/**
 * A {@link TokenVerifier} over jose's `jwtVerify`: checks the signature with the host's key or
 * JWKS, and `iss`, `aud`, `exp` (required by default) and `nbf`. Any failure — forged signature,
 * expired, wrong issuer or audience, malformed — becomes `UNAUTHENTICATED` (401).
 *
 * @example
 * ```ts
 * const verifyToken = createJwtVerifier({ jwksUrl: 'https://sso.hatinh.gov.vn/.well-known/jwks.json', issuer: 'https://sso.hatinh.gov.vn', audience: 'pccovid-inspect' });
 * ```
 */
export function createJwtVerifier(options: JwtVerifierOptions): TokenVerifier {
  if ((options.key === undefined) === (options.jwksUrl === undefined)) {
    throw new TypeError('createJwtVerifier: give exactly one of `key` and `jwksUrl` / cho đúng một trong `key` và `jwksUrl`');
  }
  const verifyOptions = {
    issuer: options.issuer,
    audience: options.audience,
    algorithms: options.algorithms,
    clockTolerance: options.clockToleranceSeconds ?? 0,
    requiredClaims: options.requireExpiry === false ? [] : ['exp'],
  };
  const jwks = options.jwksUrl === undefined ? null : createRemoteJWKSet(new URL(options.jwksUrl));
  const key = options.key;
  const cacheSize = options.cacheSize ?? 1000;
  const cache = new Map<string, JWTPayload>();
  const toleranceMs = verifyOptions.clockTolerance * 1000;
  return async (token) => {
    const hit = cache.get(token);
    if (hit) {
      cache.delete(token);
      if (typeof hit.exp === 'number' && hit.exp * 1000 + toleranceMs <= Date.now()) throw unauthenticated(EXPIRED);
      cache.set(token, hit);
      return hit;
    }
    let payload: JWTPayload;
    try {
      const result = jwks ? await jwtVerify(token, jwks, verifyOptions) : await jwtVerify(token, key as CryptoKey | KeyObject | JWK | Uint8Array, verifyOptions);
      payload = result.payload;
    } catch (e) {
      throw unauthenticated(reasonOf(e));
    }
    if (cacheSize > 0) {
      cache.set(token, payload);
      if (cache.size > cacheSize) cache.delete(cache.keys().next().value!);
    }
    return payload;
  };
}

const EXPIRED = { vi: 'mã truy cập đã hết hạn', en: 'the token has expired' };

function reasonOf(e: unknown): { vi: string; en: string } {
  if (e instanceof joseErrors.JWTExpired) return EXPIRED;
  if (e instanceof joseErrors.JWTClaimValidationFailed) return { vi: `mã truy cập sai trường "${e.claim}"`, en: `the token's "${e.claim}" claim is not accepted` };
  if (e instanceof joseErrors.JWSSignatureVerificationFailed) return { vi: 'chữ ký của mã truy cập không hợp lệ', en: 'the token signature is not valid' };
  return { vi: 'mã truy cập không hợp lệ', en: 'the token is not valid' };
}

/** @internal The 401 problem, with the `WWW-Authenticate` challenge of RFC 6750. */
export function unauthenticated(reason: { vi: string; en: string }): HttpProblem {
  return new HttpProblem('UNAUTHENTICATED', {
    messageVi: `Chưa xác thực: ${reason.vi}. Hãy đăng nhập lại và gửi mã truy cập ở tiêu đề Authorization: Bearer.`,
    messageEn: `Not authenticated: ${reason.en}. Sign in again and send the token as Authorization: Bearer.`,
    hint: 'Send a valid JWT from the province identity provider.',
    headers: { 'www-authenticate': `Bearer error="invalid_token", error_description="${reason.en}"` },
  });
}
