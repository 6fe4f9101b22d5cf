import { configurationProblem } from './postgres-options.js';

/** @internal The oldest server the adapter supports, as `server_version_num` (13.0). */
export const MIN_SERVER_VERSION_NUM = 130000;

/**
 * @internal Refuses a server older than `MIN_SERVER_VERSION_NUM`: `versionNum` and `version` are
 * what the server reports as `server_version_num` (`'150012'`) and `server_version` (`'15.12
 * (Debian 15.12-0+deb12u2)'`). A value that is not a version number is refused too. Throws
 * `CONFIGURATION_INVALID` with a hint.
 */
export function checkServerVersion(versionNum: string | undefined, version: string | undefined): void {
  const num = /^\d+$/.test(versionNum?.trim() ?? '') ? Number(versionNum) : 0;
  if (num >= MIN_SERVER_VERSION_NUM) return;
  const shown = version?.trim() || versionNum?.trim() || '?';
  const minimum = MIN_SERVER_VERSION_NUM / 10000;
  throw configurationProblem(
    `máy chủ PostgreSQL ${shown} quá cũ (cần ${minimum} trở lên)`,
    `the PostgreSQL server ${shown} is too old (${minimum} or newer is needed)`,
    `Upgrade the server to PostgreSQL ${minimum} or newer (row-level security, identity columns and the planner features the adapter relies on).`,
  );
}
