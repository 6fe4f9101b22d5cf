import { InspectError, hasMarker, markerFor } from './inspect-error.js';

const MARKER = markerFor('RENDER_FAILED');

/**
 * Thrown when a renderer could not lay out a document (`RENDER_FAILED`), e.g. a font file is
 * missing.
 *
 * @example
 * ```ts
 * new RenderError({ renderer: 'pdf', documentKind: 'KH', cause: err })
 * ```
 */
export class RenderError extends InspectError {
  readonly renderer: string;
  readonly documentKind: string;
  private readonly [MARKER] = true;

  constructor(options: { renderer: string; documentKind: string; cause?: unknown; hint?: string }) {
    super('RENDER_FAILED', {
      messageVi: `Không tạo được văn bản ${options.documentKind} bằng bộ kết xuất "${options.renderer}".`,
      messageEn: `Could not render the ${options.documentKind} document with the "${options.renderer}" renderer.`,
      hint: options.hint ?? 'See `cause`; check the fonts passed to the renderer.',
      cause: options.cause,
    });
    this.name = 'RenderError';
    this.renderer = options.renderer;
    this.documentKind = options.documentKind;
  }

  static override isInstance(error: unknown): error is RenderError {
    return hasMarker(error, MARKER);
  }
}
