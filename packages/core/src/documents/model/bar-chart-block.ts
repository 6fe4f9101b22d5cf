import { z } from 'zod';
import { TextSchema, OptionalTextSchema } from '../../entities/primitives.js';

/**
 * One series of a bar chart: a name (shown in the legend) and one value per category.
 *
 * @example
 * ```ts
 * BarChartSeriesSchema.parse({ name: 'Tỷ lệ đạt', values: [92.5, 71] })
 * ```
 */
export const BarChartSeriesSchema = z.strictObject({
  /** The series name. */
  name: TextSchema,
  /** One finite, non-negative value per category. */
  values: z.array(z.number().finite().nonnegative()),
});
/**
 * A chart series (see {@link BarChartSeriesSchema}).
 *
 * @example
 * ```ts
 * const s: BarChartSeries = { name: 'Số đơn vị', values: [12, 8] };
 * ```
 */
export type BarChartSeries = z.infer<typeof BarChartSeriesSchema>;

/**
 * A horizontal bar chart as data. Renderers draw it as vectors (never a raster image), one bar
 * per category and series, with the value printed beside each bar.
 *
 * @example
 * ```ts
 * BarChartBlockSchema.parse({
 *   type: 'barChart',
 *   title: 'Biểu đồ 1. Tỷ lệ đơn vị đạt theo nội dung kiểm tra (%)',
 *   categories: ['a.1', 'b.2'],
 *   series: [{ name: 'Tỷ lệ đạt', values: [92.5, 71] }],
 *   unit: '%',
 *   maxValue: 100,
 * })
 * ```
 */
export const BarChartBlockSchema = z
  .object({
    type: z.literal('barChart'),
    /** The chart title, printed above it. */
    title: TextSchema,
    /** Category labels, top to bottom. */
    categories: z.array(TextSchema).min(1).max(200),
    /** The series (one colour each). */
    series: z.array(BarChartSeriesSchema).min(1).max(6),
    /** Unit printed after each value, e.g. "%". @default '' */
    unit: OptionalTextSchema.default(''),
    /** The value a full-length bar stands for; `null` uses the largest value. @default null */
    maxValue: z.number().positive().finite().nullable().default(null),
  })
  .superRefine((chart, ctx) => {
    chart.series.forEach((s, i) => {
      if (s.values.length !== chart.categories.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['series', i, 'values'],
          message: `a series needs ${chart.categories.length} values (one per category), not ${s.values.length}`,
        });
      }
    });
  });
/**
 * A bar chart block (see {@link BarChartBlockSchema}).
 *
 * @example
 * ```ts
 * const c: BarChartBlock = BarChartBlockSchema.parse({ type: 'barChart', title: 'T', categories: ['a'], series: [{ name: 's', values: [1] }] });
 * ```
 */
export type BarChartBlock = z.infer<typeof BarChartBlockSchema>;

/**
 * The value a full-length bar stands for: `maxValue`, or the largest value (at least 1).
 *
 * @example
 * ```ts
 * barChartScale({ maxValue: null, series: [{ name: 's', values: [3, 7] }] }) // 7
 * ```
 */
export function barChartScale(chart: Pick<BarChartBlock, 'maxValue' | 'series'>): number {
  if (chart.maxValue !== null) return chart.maxValue;
  let max = 0;
  for (const s of chart.series) for (const v of s.values) if (v > max) max = v;
  return max > 0 ? max : 1;
}

/**
 * A value as printed beside its bar: Vietnamese decimal comma, at most one decimal, then the unit.
 *
 * @example
 * ```ts
 * formatChartValue(92.5, '%') // '92,5%'
 * formatChartValue(12, '')    // '12'
 * ```
 */
export function formatChartValue(value: number, unit: string): string {
  const rounded = Math.round(value * 10) / 10;
  const text = Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1).replace('.', ',');
  return `${text}${unit}`;
}
