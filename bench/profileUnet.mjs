// npm run bench:profile-unet: where the shipped U-Net's wasm step spends its time, per operator type and per
// resolution, from onnxruntime-web's own session profiling in headless Chromium (batch 32, one thread, so
// that the kernel times add up to the step). Prints two tables; writes bench/results/unet-profile.json.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { root, startBenchBrowser } from './harness.mjs';

const BATCH = Number(process.env.BENCH_BATCH ?? 32);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

/** Kernel-time events ({cat: 'Node', name: '<node>_kernel_time', args: {op_name}, dur: µs}): one a console line. */
export function kernelEvents(lines) {
  const events = [];
  for (const line of lines) {
    if (!line.startsWith('{"cat" : "Node"')) continue;
    const e = JSON.parse(line.replace(/,\s*$/, ''));
    if (e.name.endsWith('_kernel_time')) events.push(e);
  }
  return events;
}

/** The resolution a node works at, read from its exported name (the U-Net's blocks by level). */
function resolutionOf(name) {
  if (/mid|down_(res|attn)\.2|up_(res|attn)\.0|ups\.0/.test(name)) return '8x8';
  if (/down_(res|attn)\.1|up_(res|attn)\.1|downs\.1|ups\.1/.test(name)) return '16x16';
  if (/down_(res|attn)\.0|up_(res|attn)\.2|downs\.0|conv_in|conv_out|n_out/.test(name)) return '32x32';
  return 'other';
}

function table(title, totals, all) {
  console.log(`\n${title}`);
  console.log('| part | ms per step | share |');
  console.log('|---|---|---|');
  for (const [k, us] of Object.entries(totals).sort((a, b) => b[1] - a[1])) {
    console.log(`| ${k} | ${(us / 1000 / RUNS).toFixed(1)} | ${((100 * us) / all).toFixed(1)}% |`);
  }
}

const bench = await startBenchBrowser();
let result;
try {
  result = await bench.run(`mode=profile&threads=1&runs=${RUNS}&batches=${BATCH}`, '', { keepConsole: true });
} finally {
  await bench.close();
}
// The profile covers the two warm-up runs too: keep the last RUNS runs' worth of events.
const events = kernelEvents(result.consoleLines);
const perRun = events.length / (RUNS + 2);
const timed = events.slice(Math.round(2 * perRun));
const byOp = {};
const byRes = {};
let all = 0;
for (const e of timed) {
  byOp[e.args.op_name] = (byOp[e.args.op_name] ?? 0) + e.dur;
  const res = resolutionOf(e.name);
  byRes[res] = (byRes[res] ?? 0) + e.dur;
  all += e.dur;
}
console.log(
  `U-Net wasm step at batch ${BATCH}, 1 thread: ${result.stepMs[BATCH].toFixed(1)} ms (median of ${RUNS}); kernels add up to ${(all / 1000 / RUNS).toFixed(1)} ms`,
);
table('By operator type', byOp, all);
table('By resolution', byRes, all);
await mkdir(path.join(root, 'bench/results'), { recursive: true });
await writeFile(
  path.join(root, 'bench/results/unet-profile.json'),
  JSON.stringify(
    {
      measuredAt: new Date().toISOString(),
      batch: BATCH,
      runs: RUNS,
      stepMs: result.stepMs[BATCH],
      msPerStepByOp: Object.fromEntries(Object.entries(byOp).map(([k, v]) => [k, v / 1000 / RUNS])),
      msPerStepByResolution: Object.fromEntries(Object.entries(byRes).map(([k, v]) => [k, v / 1000 / RUNS])),
    },
    null,
    2,
  ) + '\n',
);
