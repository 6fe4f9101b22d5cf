/** The fields of a nodemailer error that say what failed, without the server's text (which names addresses). */
interface SmtpErrorFields {
  code?: unknown;
  originalCode?: unknown;
  responseCode?: unknown;
  permanent?: unknown;
  command?: unknown;
  timeoutType?: unknown;
}

/** How one failed SMTP send is reported: a short non-personal reason, whether it is final, a hint. */
export interface SmtpFailure {
  reason: string;
  permanent: boolean;
  hint?: string;
  /** A safe stand-in for the nodemailer error as `cause`: code, reply code and command only. */
  cause: Error;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && /^[A-Z0-9_ ]{1,40}$/i.test(v) ? v : undefined);

/**
 * Sorts a nodemailer error: a 5xx reply (but 503, and but a refused login) is a permanent
 * refusal of the message; a 4xx, 503, a refused or dropped connection, a timeout, a TLS or DNS
 * failure and a refused login are transient (the message waits; the hint says what to fix).
 */
export function classifySmtpError(error: unknown): SmtpFailure {
  const e = (typeof error === 'object' && error !== null ? error : {}) as SmtpErrorFields;
  const code = str(e.code);
  const originalCode = str(e.originalCode);
  const command = str(e.command);
  const responseCode = typeof e.responseCode === 'number' && Number.isInteger(e.responseCode) ? e.responseCode : undefined;
  const cause = new Error(
    `SMTP failure: ${[code && `code ${code}`, originalCode && `originalCode ${originalCode}`, responseCode && `reply ${responseCode}`, command && `command ${command}`].filter(Boolean).join(', ') || 'unknown'}`,
  );
  Object.assign(cause, { code, originalCode, responseCode, command });
  const done = (reason: string, permanent: boolean, hint?: string): SmtpFailure => ({ reason, permanent, cause, ...(hint ? { hint } : {}) });

  if (code === 'EABORT') return done('timeout', false);
  if (code === 'EAUTH' || code === 'ENOAUTH')
    return done('SMTP auth failed', false, 'Máy chủ SMTP từ chối đăng nhập: kiểm tra auth.user/auth.pass. / The SMTP server refused the login: check auth.user and auth.pass.');
  if (responseCode !== undefined && responseCode >= 400) {
    const permanent = e.permanent === true || (e.permanent === undefined && responseCode >= 500 && responseCode !== 503);
    return done(`SMTP ${responseCode}`, permanent);
  }
  if (originalCode === 'ECONNREFUSED') return done('connection refused', false);
  if (code === 'ETIMEDOUT' || originalCode === 'ETIMEDOUT') return done('timeout', false);
  if (code === 'ETLS' || code === 'EREQUIRETLS')
    return done('TLS failed', false, 'STARTTLS/TLS với máy chủ SMTP không thành công: kiểm tra tls và requireTLS. / TLS with the SMTP server failed: check tls and requireTLS.');
  if (code === 'EDNS') return done('host not found', false, 'Không tìm thấy máy chủ SMTP: kiểm tra host. / The SMTP host was not found: check host.');
  if (code === 'ECONNECTION' || code === 'ESOCKET') return done('connection lost', false);
  return done(code ? `SMTP ${code}` : 'SMTP error', false);
}
