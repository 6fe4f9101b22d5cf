import type { z } from 'zod';
import { CAMPAIGN_MACHINE_VERSION, campaignGuardReasons, campaignMachine } from './campaign-machine.js';
import {
  CAMPAIGN_MACHINE_STATES,
  CampaignMachineContextSchema,
  CampaignMachineEventSchema,
  CampaignMachineInputSchema,
  type CampaignMachineContext,
  type CampaignMachineEvent,
  type CampaignMachineInput,
  type CampaignMachineState,
} from './campaign-machine-schemas.js';
import type { GuardReasons } from './guard-reason.js';
import type { LifecycleKind } from './lifecycle-kind.js';
import { REMEDIATION_MACHINE_VERSION, remediationGuardReasons, remediationMachine } from './remediation-machine.js';
import {
  REMEDIATION_MACHINE_STATES,
  RemediationMachineContextSchema,
  RemediationMachineEventSchema,
  RemediationMachineInputSchema,
  type RemediationMachineContext,
  type RemediationMachineEvent,
  type RemediationMachineInput,
  type RemediationMachineState,
} from './remediation-machine-schemas.js';
import { VISIT_MACHINE_VERSION, visitGuardReasons, visitMachine } from './visit-machine.js';
import {
  VISIT_MACHINE_STATES,
  VisitMachineContextSchema,
  VisitMachineEventSchema,
  VisitMachineInputSchema,
  type VisitMachineContext,
  type VisitMachineEvent,
  type VisitMachineInput,
  type VisitMachineState,
} from './visit-machine-schemas.js';

/**
 * The types of each lifecycle, by kind — what `startLifecycle`, `applyLifecycleEvent` and
 * friends accept and return for a given `kind`.
 *
 * @example
 * ```ts
 * type VisitEvent = LifecycleTypeMap['visit']['event'];
 * ```
 */
export interface LifecycleTypeMap {
  campaign: {
    input: CampaignMachineInput;
    context: CampaignMachineContext;
    event: CampaignMachineEvent;
    state: CampaignMachineState;
    machine: typeof campaignMachine;
  };
  visit: {
    input: VisitMachineInput;
    context: VisitMachineContext;
    event: VisitMachineEvent;
    state: VisitMachineState;
    machine: typeof visitMachine;
  };
  remediation: {
    input: RemediationMachineInput;
    context: RemediationMachineContext;
    event: RemediationMachineEvent;
    state: RemediationMachineState;
    machine: typeof remediationMachine;
  };
}

/** The input of the lifecycle of kind `K`. @example `const i: LifecycleInput<'remediation'> = { remediationId: 'rem-1' };` */
export type LifecycleInput<K extends LifecycleKind> = LifecycleTypeMap[K]['input'];
/** The context of the lifecycle of kind `K`. @example `const c: LifecycleContext<'visit'> = result.context;` */
export type LifecycleContext<K extends LifecycleKind> = LifecycleTypeMap[K]['context'];
/** An event of the lifecycle of kind `K`. @example `const e: LifecycleEvent<'visit'> = { type: 'visit.start' };` */
export type LifecycleEvent<K extends LifecycleKind> = LifecycleTypeMap[K]['event'];
/** A state name of the lifecycle of kind `K`. @example `const s: LifecycleState<'campaign'> = 'reporting';` */
export type LifecycleState<K extends LifecycleKind> = LifecycleTypeMap[K]['state'];

/**
 * Everything the library knows about one lifecycle kind: its id and current version (written
 * into every persisted snapshot), the pure machine, its state names, the schemas that validate
 * input, persisted context and events at the boundary, and the bilingual reason of each guard.
 *
 * @example
 * ```ts
 * const { machine, machineVersion } = LIFECYCLE_MACHINES.visit; // visitMachine, 2
 * ```
 */
export interface LifecycleDescriptor<K extends LifecycleKind> {
  readonly machineId: K;
  readonly machineVersion: number;
  readonly machine: LifecycleTypeMap[K]['machine'];
  readonly states: readonly LifecycleState<K>[];
  readonly inputSchema: z.ZodType<LifecycleInput<K>, LifecycleInput<K>>;
  readonly contextSchema: z.ZodType<LifecycleContext<K>>;
  readonly eventSchema: z.ZodType<LifecycleEvent<K>>;
  readonly guardReasons: GuardReasons<LifecycleContext<K>, LifecycleEvent<K>>;
}

/**
 * The descriptor of every lifecycle kind. The service starts, advances and restores
 * lifecycles through these (or through `startLifecycle` / `applyLifecycleEvent`).
 *
 * @example
 * ```ts
 * for (const kind of LIFECYCLE_KINDS) console.log(kind, LIFECYCLE_MACHINES[kind].machineVersion);
 * ```
 */
export const LIFECYCLE_MACHINES: { readonly [K in LifecycleKind]: LifecycleDescriptor<K> } = Object.freeze({
  campaign: Object.freeze({
    machineId: 'campaign',
    machineVersion: CAMPAIGN_MACHINE_VERSION,
    machine: campaignMachine,
    states: CAMPAIGN_MACHINE_STATES,
    inputSchema: CampaignMachineInputSchema,
    contextSchema: CampaignMachineContextSchema,
    eventSchema: CampaignMachineEventSchema,
    guardReasons: campaignGuardReasons,
  }),
  visit: Object.freeze({
    machineId: 'visit',
    machineVersion: VISIT_MACHINE_VERSION,
    machine: visitMachine,
    states: VISIT_MACHINE_STATES,
    inputSchema: VisitMachineInputSchema,
    contextSchema: VisitMachineContextSchema,
    eventSchema: VisitMachineEventSchema,
    guardReasons: visitGuardReasons,
  }),
  remediation: Object.freeze({
    machineId: 'remediation',
    machineVersion: REMEDIATION_MACHINE_VERSION,
    machine: remediationMachine,
    states: REMEDIATION_MACHINE_STATES,
    inputSchema: RemediationMachineInputSchema,
    contextSchema: RemediationMachineContextSchema,
    eventSchema: RemediationMachineEventSchema,
    guardReasons: remediationGuardReasons,
  }),
} as const);
