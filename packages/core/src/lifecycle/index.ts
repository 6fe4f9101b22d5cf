/**
 * `@pccovid-inspect/core/lifecycle` — the lifecycles (campaign, visit, remediation): pure
 * XState v5 machines, persisted as `{ machineId, machineVersion, snapshot }`, upgraded by a
 * migration registry, and driven by a small pure API the service calls. For apps that drive or
 * inspect a lifecycle themselves (a dashboard of accepted events, an offline device).
 *
 * @example
 * ```ts
 * import { lifecycleState } from '@pccovid-inspect/core/lifecycle';
 * lifecycleState(visitRecord.lifecycle).acceptedEvents; // ['visit.start', 'visit.cancel', …]
 * ```
 *
 * @packageDocumentation
 */
export { LIFECYCLE_KINDS, LifecycleKindSchema } from './lifecycle-kind.js';
export type { LifecycleKind } from './lifecycle-kind.js';
export { PersistedLifecycleSchema, PersistedSnapshotSchema } from './persisted-lifecycle.js';
export type { PersistedLifecycle, PersistedSnapshot } from './persisted-lifecycle.js';
export { LIFECYCLE_MACHINES } from './lifecycle-machines.js';
export type { LifecycleContext, LifecycleDescriptor, LifecycleEvent, LifecycleInput, LifecycleState, LifecycleTypeMap } from './lifecycle-machines.js';
export { startLifecycle, applyLifecycleEvent, canApply, tickLifecycle, lifecycleState } from './lifecycle-api.js';
export type { LifecycleOptions, LifecycleResult, LifecycleView } from './lifecycle-api.js';
export { LIFECYCLE_MIGRATIONS, createMigrationRegistry, migratePersisted } from './migration-registry.js';
export type { MigrationRegistry, MigrationRegistryOptions } from './migration-registry.js';
export type { SnapshotMigration } from './snapshot-migration.js';
export { V1_REFUSAL_REASON_NOT_RECORDED, visitV1ToV2Migration } from './visit-v1-migration.js';
export { ClockTickEventSchema, isPastCivilDate } from './clock-tick-event.js';
export type { ClockTickEvent } from './clock-tick-event.js';
export { CAMPAIGN_MACHINE_VERSION, campaignMachine } from './campaign-machine.js';
export {
  CAMPAIGN_MACHINE_STATES,
  CampaignMachineContextSchema,
  CampaignMachineEventSchema,
  CampaignMachineInputSchema,
  CampaignNominationRecordSchema,
} from './campaign-machine-schemas.js';
export type { CampaignMachineContext, CampaignMachineEvent, CampaignMachineInput, CampaignMachineState, CampaignNominationRecord } from './campaign-machine-schemas.js';
export { VISIT_MACHINE_VERSION, visitMachine } from './visit-machine.js';
export { VISIT_MACHINE_STATES, VisitMachineContextSchema, VisitMachineEventSchema, VisitMachineInputSchema, VisitSignaturesSchema } from './visit-machine-schemas.js';
export type { VisitMachineContext, VisitMachineEvent, VisitMachineInput, VisitMachineState, VisitSignatures } from './visit-machine-schemas.js';
export { REMEDIATION_MACHINE_VERSION, remediationMachine } from './remediation-machine.js';
export {
  DEFAULT_REMINDER_LIMIT,
  REMEDIATION_MACHINE_STATES,
  RemediationMachineContextSchema,
  RemediationMachineEventSchema,
  RemediationMachineInputSchema,
  RemediationRecheckSchema,
} from './remediation-machine-schemas.js';
export type { RemediationMachineContext, RemediationMachineEvent, RemediationMachineInput, RemediationMachineState, RemediationRecheck } from './remediation-machine-schemas.js';
