import { InspectError, hasMarker, markerFor } from './inspect-error.js';

const MARKER = markerFor('FORBIDDEN');

/**
 * Thrown when the actor's role may not perform the action (`FORBIDDEN`). Nothing changed.
 *
 * @example
 * ```ts
 * new ForbiddenError({ role: 'provincialViewer', action: 'visit.start' })
 * ```
 */
export class ForbiddenError extends InspectError {
  readonly role: string;
  readonly action: string;
  private readonly [MARKER] = true;

  constructor(options: { role: string; action: string; reasonVi?: string; reasonEn?: string }) {
    super('FORBIDDEN', {
      messageVi: `Vai trò "${options.role}" không được phép thực hiện "${options.action}"${options.reasonVi ? `: ${options.reasonVi}` : ''}.`,
      messageEn: `Role "${options.role}" may not perform "${options.action}"${options.reasonEn ? `: ${options.reasonEn}` : ''}.`,
      hint: 'Ask someone with the right role (see the policy table in the docs).',
    });
    this.name = 'ForbiddenError';
    this.role = options.role;
    this.action = options.action;
  }

  static override isInstance(error: unknown): error is ForbiddenError {
    return hasMarker(error, MARKER);
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), role: this.role, action: this.action };
  }
}
