import { z } from 'zod';
import type { Clock } from '../contracts/clock.js';
import { systemClock } from '../contracts/clock.js';
import type { IdGenerator } from '../contracts/id-generator.js';
import { randomIds } from '../contracts/id-generator.js';
import type { StorageAdapter } from '../contracts/storage-adapter.js';
import type { ChecklistTemplate } from '../entities/checklist-template.js';
import { TenantSchema, type Tenant } from '../entities/tenant.js';
import { AdminUnitSchema, type AdminUnit } from '../entities/admin-unit.js';
import type { ChecklistPlugin } from '../checklist/checklist-plugin.js';
import { applyChecklistPlugins } from '../checklist/apply-checklist-plugins.js';
import { PC_COVID_CHECKLIST_V1 } from '../checklist/pc-covid-checklist-v1.js';
import { ConfigurationError } from '../errors/configuration-error.js';
import { ValidationError } from '../errors/validation-error.js';
import { parseOrThrow } from '../internal/parse.js';
import type { Notifier } from '../contracts/notifier.js';
import { COMMAND_LIST } from './command-table.js';
import { RecordCache } from './record-cache.js';
import { resolveDeliveryOptions, resolveNotifiers, type DeliveryOptions } from './delivery-options.js';
import { guardStorage } from './guarded-storage.js';
import { createAuditSigner, type AuditKey } from './audit-key.js';
import type { InspectionService } from './inspection-service.js';
import { runCommand } from './run-command.js';
import type { ServiceContext } from './service-context.js';

/** An option checked against its schema; a bad one is `CONFIGURATION_INVALID` naming the option and the path. */
function option<S extends z.ZodType>(schema: S, value: unknown, name: string): z.output<S> {
  try {
    return parseOrThrow(schema, value, name);
  } catch (e) {
    const at = ValidationError.isInstance(e) && e.issues[0] ? ` at ${e.issues[0].path.join('.')}` : '';
    throw new ConfigurationError({ problemVi: `${name} không hợp lệ${at}`, problemEn: `invalid ${name}${at}`, cause: e });
  }
}

/** Options of {@link createInspectionService}. */
export interface InspectionServiceOptions {
  /** Where everything is stored (`createSqliteStorage()`, `createMemoryStorage()`, your own). */
  storage: StorageAdapter;
  /** The province the service works for; every record carries its id. */
  tenant: Tenant;
  /**
   * The province's administrative units (from a province pack, e.g.
   * `HA_TINH_2021_DISTRICTS` of `@pccovid-inspect/province-ha-tinh`): documents name districts
   * by them. A district without a unit here is named by its code.
   * @default []
   */
  adminUnits?: readonly AdminUnit[];
  /**
   * The source of "now".
   * @default the system clock
   */
  clock?: Clock;
  /**
   * Record ids for audit events.
   * @default random UUID-based ids
   */
  ids?: IdGenerator;
  /**
   * Where `deliverOutbox` sends messages: a `Notifier` (`{ name, channels?, send(message, { signal }) }`)
   * or several, each message going to the first that lists its channel (else to one that lists
   * none; a channel nobody takes moves the message to its fallback channel). Without any,
   * `deliverOutbox` is `CONFIGURATION_INVALID`.
   * @default none
   */
  notifier?: Notifier | readonly Notifier[];
  /**
   * How `deliverOutbox` delivers: per-message timeout, attempts per channel, backoff, batch size,
   * concurrency, lease, and the attachments of a message (see {@link DeliveryOptions}).
   * @default see DeliveryOptions
   */
  delivery?: DeliveryOptions;
  /**
   * Checklist plugins, applied to every template.
   * @default []
   */
  plugins?: readonly ChecklistPlugin[];
  /**
   * Checklist templates campaigns may pin. With plugins, each base template stays available
   * (campaigns pinned to it keep working) beside its derived version.
   * @default [PC_COVID_CHECKLIST_V1]
   */
  templates?: readonly ChecklistTemplate[];
  /**
   * The province's audit key: an HMAC-SHA-256 `CryptoKey` (usage `sign`) or its raw bytes (at
   * least 16), kept by the host outside the database. With it every audit event carries `mac`,
   * the HMAC of its hash, and `checkpointAudit` signs its checkpoints; `verifyAudit` then detects
   * an event edited with its hash recomputed (`macChecked: true`). Without it, nothing is signed
   * and `verifyAudit` reports `macChecked: false`.
   * @default none
   */
  auditKey?: AuditKey;
}

/**
 * Creates the inspection service over any storage adapter: one method per entry of the command
 * table ({@link COMMANDS}). Every command: validate → authorise → load → pure transition → ONE
 * storage transaction (the aggregate with its expected version, its lifecycle snapshot, a
 * hash-chained audit event, outbox messages) → the new state. Deliver the outbox afterwards
 * with `deliverOutbox`.
 *
 * @example
 * ```ts
 * const service = createInspectionService({ storage: createSqliteStorage(), tenant: HA_TINH_TENANT });
 * await service.createCampaign({ role: 'director', id: 'p-director' }, { campaign });
 * ```
 */
export function createInspectionService(options: InspectionServiceOptions): InspectionService {
  if (!options || typeof options !== 'object') {
    throw new ConfigurationError({ problemVi: 'thiếu tùy chọn', problemEn: 'options are required' });
  }
  const tenant: Tenant = option(TenantSchema, options.tenant, 'tenant');
  const adminUnits: readonly AdminUnit[] = Object.freeze(option(z.array(AdminUnitSchema), options.adminUnits ?? [], 'adminUnits'));
  const plugins = options.plugins ?? [];
  const templates = new Map<string, ChecklistTemplate>();
  for (const base of options.templates ?? [PC_COVID_CHECKLIST_V1]) {
    templates.set(`${base.id}@${base.version}`, base);
    if (plugins.length > 0) {
      const derived = applyChecklistPlugins(base, plugins);
      templates.set(`${derived.id}@${derived.version}`, derived);
    }
  }
  const ctx: ServiceContext = {
    storage: guardStorage(options.storage),
    clock: options.clock ?? systemClock,
    ids: options.ids ?? randomIds,
    tenant,
    adminUnits,
    plugins,
    templates,
    notifiers: resolveNotifiers(options.notifier),
    delivery: resolveDeliveryOptions(options.delivery),
    auditSigner: createAuditSigner(options.auditKey),
    records: new RecordCache(),
  };
  const service: Record<string, unknown> = { tenant, templates: Object.freeze([...templates.values()]) };
  for (const def of COMMAND_LIST) {
    service[def.method] = (actor: unknown, input?: unknown) => runCommand(ctx, def, actor, input);
  }
  return Object.freeze(service) as unknown as InspectionService;
}
