/** Options of the per-subject token bucket. */
export interface RateLimitOptions {
  /**
   * Requests a subject may make at once (the bucket's size).
   * @default 120
   */
  burst?: number;
  /**
   * Requests per second added back to the bucket.
   * @default 50
   */
  perSecond?: number;
  /**
   * Most subjects tracked; the least recently seen go first.
   * @default 10000
   */
  maxSubjects?: number;
}

/** @internal A token bucket per subject: `take` answers 0 when allowed, else the seconds to wait. */
export class RateLimiter {
  private readonly burst: number;
  private readonly perSecond: number;
  private readonly maxSubjects: number;
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    options: RateLimitOptions,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.burst = options.burst ?? 120;
    this.perSecond = options.perSecond ?? 50;
    this.maxSubjects = options.maxSubjects ?? 10_000;
    if (!(this.burst >= 1) || !(this.perSecond > 0)) throw new TypeError('rate limit: burst ≥ 1 and perSecond > 0 / burst ≥ 1 và perSecond > 0');
  }

  take(subject: string): number {
    const t = this.now();
    const b = this.buckets.get(subject) ?? { tokens: this.burst, at: t };
    this.buckets.delete(subject);
    b.tokens = Math.min(this.burst, b.tokens + ((t - b.at) / 1000) * this.perSecond);
    b.at = t;
    this.buckets.set(subject, b);
    if (this.buckets.size > this.maxSubjects) this.buckets.delete(this.buckets.keys().next().value!);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - b.tokens) / this.perSecond));
  }
}
