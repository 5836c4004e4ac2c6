// npm run bench:compare-unet [-- REV]: the shipped U-Net against the one at git revision REV (default: v1,
// the first shipped model), side by side in one run: per-step latency at batch 32 on onnxruntime-node and
// on onnxruntime-web wasm in headless Chromium (1 and 2 threads), rounds alternating between the two models
// so that load on the machine hits both alike. Prints a table; writes bench/results/unet-compare.json.
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { median, nativeStepLatency, root, startBenchBrowser } from './harness.mjs';

const BASELINE = process.argv[2] ?? '15ee30e'; // glyffuser-mini v1
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const BATCH = 32;
const MODEL = 'assets/models/glyffuser-mini';

// The baseline's model.json and unet.onnx, taken out of git into an ignored folder.
const baseDir = path.join(root, 'bench/.compare', BASELINE);
await mkdir(baseDir, { recursive: true });
for (const file of ['model.json', 'unet.onnx']) {
  const bytes = execFileSync('git', ['show', `${BASELINE}:${MODEL}/${file}`], { cwd: root, maxBuffer: 1 << 28 });
  await writeFile(path.join(baseDir, file), bytes);
}
const models = { baseline: baseDir, current: path.join(root, MODEL) };

const samples = { baseline: { native2: [], web1: [], web2: [] }, current: { native2: [], web1: [], web2: [] } };
const bench = await startBenchBrowser();
try {
  for (let round = 0; round < ROUNDS; round++) {
    for (const name of round % 2 ? ['current', 'baseline'] : ['baseline', 'current']) {
      const dir = models[name];
      samples[name].native2.push((await nativeStepLatency(dir, 2, [BATCH], RUNS))[BATCH]);
      for (const threads of [1, 2]) {
        const url = `/@fs${path.join(dir, 'model.json')}`;
        const r = await bench.run(
          `mode=step&threads=${threads}&runs=${RUNS}&batches=${BATCH}&model=${encodeURIComponent(url)}`,
        );
        samples[name][`web${threads}`].push(r.stepMs[BATCH]);
      }
    }
  }
} finally {
  await bench.close();
}
const summary = Object.fromEntries(
  Object.entries(samples).map(([k, v]) => [
    k,
    Object.fromEntries(Object.entries(v).map(([m, xs]) => [m, { median: median(xs), all: xs }])),
  ]),
);
const f = (x) => x.toFixed(1);
console.log(
  `U-Net step at batch ${BATCH}, ms: median over ${ROUNDS} alternating rounds (each the median of ${RUNS} runs); ${os.cpus().length} cores`,
);
console.log(`| model | node 2 threads | web wasm 1 thread | web wasm 2 threads |`);
console.log('|---|---|---|---|');
for (const name of ['baseline', 'current']) {
  const s = summary[name];
  console.log(
    `| ${name === 'baseline' ? `${BASELINE} (baseline)` : 'shipped now'} | ${f(s.native2.median)} | ${f(s.web1.median)} | ${f(s.web2.median)} |`,
  );
}
const ratio = (m) => summary.current[m].median / summary.baseline[m].median;
console.log(
  `current / baseline: node ${ratio('native2').toFixed(2)}, web 1 thread ${ratio('web1').toFixed(2)}, web 2 threads ${ratio('web2').toFixed(2)}`,
);
await mkdir(path.join(root, 'bench/results'), { recursive: true });
await writeFile(
  path.join(root, 'bench/results/unet-compare.json'),
  JSON.stringify(
    {
      measuredAt: new Date().toISOString(),
      baseline: BASELINE,
      batch: BATCH,
      rounds: ROUNDS,
      runs: RUNS,
      cores: os.cpus().length,
      summary,
    },
    null,
    2,
  ) + '\n',
);
