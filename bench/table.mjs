// Prints the Markdown table of bench/README.md from the JSON lines the harness appends with
// `--out=file.jsonl` (PCCI_BENCH_OUT): `node bench/table.mjs out.jsonl [more.jsonl…]`.
import { readFileSync } from 'node:fs';

const lines = process.argv.slice(2).flatMap((f) =>
  readFileSync(f, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l)),
);
const ms = (v) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v >= 1 ? v.toFixed(2) : v.toFixed(3));
const r = (v) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
const side = (s, rep) => {
  const med = `${s.medianIsLowerBound ? '> ' : ''}${ms(s.medianMs)} ms`;
  const per = s.msPerOp !== null && rep.ops ? ` (${s.msPerOpIsLowerBound ? '≥ ' : ''}${ms(s.msPerOp)} ms/${rep.opLabel})` : '';
  return med + per;
};
const spread = (s) => (s.runs.every((x) => x.capped) ? 'capped' : `${ms(s.minMs)}–${s.runs.some((x) => x.capped) ? '> ' : ''}${ms(s.maxMs)}`);
const peak = (s) => (s.peakMiBMedian === null ? 'n/a' : `${s.peakMiBMedian.toFixed(0)}`);
console.log('| bench | size | ours (median) | raw (median) | ratio ours/raw | spread ours · raw · pair ratios | peak RSS MiB ours / raw | runs | goal | met? |');
console.log('| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | --- | --- |');
for (const rep of lines.filter((l) => l.size !== undefined)) {
  let ratio = rep.raw.medianIsLowerBound ? 'unknown' : `${rep.ratioIsLowerBound ? '> ' : ''}${r(rep.ratio)}×`;
  if (rep.ours.msPerOpIsLowerBound && rep.raw.msPerOp && !rep.raw.msPerOpIsLowerBound) ratio += ` (≥ ${r(rep.ours.msPerOp / rep.raw.msPerOp)}× per ${rep.opLabel}, prefix rate)`;
  const pairs = rep.pairRatioMin === null ? 'no uncapped pair' : `${r(rep.pairRatioMin)}–${r(rep.pairRatioMax)}×`;
  const runs = `${rep.ours.runs.length}${rep.ours.skipped ? `+${rep.ours.skipped} skipped` : ''} / ${rep.raw.runs.length}`;
  const goal = rep.goalRatio === null ? '—' : `ours/raw ≤ ${rep.goalRatio}`;
  const met = rep.goalMet === null ? (rep.goalRatio === null ? '—' : 'unknown') : rep.goalMet ? 'met' : '**NOT met**';
  console.log(
    `| ${rep.bench} | ${rep.size ? rep.size.toLocaleString('en') : '—'} | ${side(rep.ours, rep)} | ${side(rep.raw, rep)} | ${ratio} | ${spread(rep.ours)} · ${spread(rep.raw)} · ${pairs} | ${peak(rep.ours)} / ${peak(rep.raw)} | ${runs} | ${goal} | ${met} |`,
  );
}
for (const s of lines.filter((l) => l.scaling)) {
  const v = s.scaling;
  console.log(
    `| ${s.bench} scaling | ${v.from.toLocaleString('en')} → ${v.to.toLocaleString('en')} | ${v.oursIsLowerBound ? '≥ ' : ''}${r(v.ours)}× ms/op | ${v.raw === null ? '—' : `${r(v.raw)}×`} | | | | | ours ≤ ${v.goal}× | ${v.verdict === 'NOT met' ? '**NOT met**' : v.verdict} |`,
  );
}
