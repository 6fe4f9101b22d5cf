/**
 * Why a guard refused an event, in Vietnamese and English. Lifecycle errors carry it as
 * `reasonVi` / `reasonEn` of an `InvalidTransitionError`.
 *
 * @example
 * ```ts
 * const reason: GuardReason = { vi: 'Tổ kiểm tra phải có đúng một trưởng đoàn', en: 'the team must have exactly one lead' };
 * ```
 */
export interface GuardReason {
  /** The reason in Vietnamese. */
  vi: string;
  /** The reason in English. */
  en: string;
}

/**
 * For each guard of a machine, a function explaining (from the context and the refused event)
 * why it refused.
 *
 * @example
 * ```ts
 * const reasons: GuardReasons<{ openIds: string[] }, { type: string }> = {
 *   hasNoOpenRemediation: (c) => ({ vi: `còn ${c.openIds.length} việc khắc phục`, en: `${c.openIds.length} remediation(s) still open` }),
 * };
 * ```
 */
export type GuardReasons<TContext, TEvent> = Readonly<Record<string, (context: TContext, event: TEvent) => GuardReason>>;
