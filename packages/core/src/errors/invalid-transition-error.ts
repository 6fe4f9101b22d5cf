import { InspectError, hasMarker, markerFor } from './inspect-error.js';

const MARKER = markerFor('INVALID_TRANSITION');

/**
 * Thrown when an event is sent to a lifecycle in a state that does not accept it
 * (`INVALID_TRANSITION`), or a domain guard refuses it. Never silently ignored; nothing changed.
 *
 * @example
 * ```ts
 * new InvalidTransitionError({ machineId: 'visit', state: 'planned', event: 'minutes.sign' })
 * ```
 */
export class InvalidTransitionError extends InspectError {
  readonly machineId: string;
  readonly state: string;
  readonly event: string;
  /** The guard that refused, when a guard did. */
  readonly guard: string | undefined;
  private readonly [MARKER] = true;

  constructor(options: { machineId: string; state: string; event: string; guard?: string; reasonVi?: string; reasonEn?: string }) {
    const why = options.guard ? ` (${options.guard})` : '';
    super('INVALID_TRANSITION', {
      messageVi: `Không thể thực hiện "${options.event}" khi ${options.machineId} đang ở trạng thái "${options.state}"${why}${options.reasonVi ? `: ${options.reasonVi}` : ''}.`,
      messageEn: `Cannot apply "${options.event}" while ${options.machineId} is "${options.state}"${why}${options.reasonEn ? `: ${options.reasonEn}` : ''}.`,
      hint: 'Check the current state first (e.g. the campaign overview) and follow the lifecycle order.',
    });
    this.name = 'InvalidTransitionError';
    this.machineId = options.machineId;
    this.state = options.state;
    this.event = options.event;
    this.guard = options.guard;
  }

  static override isInstance(error: unknown): error is InvalidTransitionError {
    return hasMarker(error, MARKER);
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), machineId: this.machineId, state: this.state, event: this.event, guard: this.guard };
  }
}
