/** The shared secret, issuer and audience of the HTTP bench's tokens (HS256). */
import { SignJWT } from 'jose';

export const BENCH_SECRET = new TextEncoder().encode('bench-secret-of-the-province-identity-provider');
export const BENCH_ISSUER = 'https://sso.bench.invalid';
export const BENCH_AUDIENCE = 'pccovid-inspect';

/** A token for the seed's director, valid for an hour. */
export function directorToken(): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ pcci_role: 'director', pcci_tenant: '42' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('p-dau-tung-lam')
    .setIssuer(BENCH_ISSUER)
    .setAudience(BENCH_AUDIENCE)
    .setExpirationTime(now + 3600)
    .sign(BENCH_SECRET);
}
