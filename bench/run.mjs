// npm run bench: measures, side by side in one run on this machine, the U-Net's per-step latency on
// onnxruntime-node (native) and onnxruntime-web wasm in headless Chromium (cross-origin isolated), then
// end-to-end generation in Chromium. Prints a table and writes bench/results/runtime.json.
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { nativeStepLatency, root, startBenchBrowser } from './harness.mjs';

const modelDir = path.join(root, 'assets/models/glyffuser-mini');
const BATCHES = [8, 16, 32];
const RUNS = Number(process.env.BENCH_RUNS ?? 10);

const bench = await startBenchBrowser();
try {
  const native = {
    1: await nativeStepLatency(modelDir, 1, BATCHES, RUNS),
    2: await nativeStepLatency(modelDir, 2, BATCHES, RUNS),
  };
  const web = {};
  for (const threads of [1, 2]) web[threads] = (await bench.run(`mode=step&threads=${threads}&runs=${RUNS}`)).stepMs;
  const e2e = await bench.run('mode=e2e&threads=2');
  const turbo = await bench.run(`mode=turbo&threads=2&runs=${Number(process.env.BENCH_TURBO_RUNS ?? 3)}`);
  const rows = BATCHES.map((b) => ({
    batch: b,
    native1: native[1][b],
    native2: native[2][b],
    web1: web[1][b],
    web2: web[2][b],
    ratio1: web[1][b] / native[1][b],
    ratio2: web[2][b] / native[2][b],
  }));
  const f = (x) => x.toFixed(1);
  console.log(
    `U-Net per-step latency, ms (median of ${RUNS}); ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}`,
  );
  console.log(
    '| batch | node 1 thread | node 2 threads | web wasm 1 thread | web wasm 2 threads | web/native 1t | web/native 2t |',
  );
  console.log('|---|---|---|---|---|---|---|');
  for (const r of rows)
    console.log(
      `| ${r.batch} | ${f(r.native1)} | ${f(r.native2)} | ${f(r.web1)} | ${f(r.web2)} | ${r.ratio1.toFixed(2)} | ${r.ratio2.toFixed(2)} |`,
    );
  const at32 = rows.find((r) => r.batch === 32);
  if (at32)
    console.log(
      `web/native per step at batch 32, 2 threads: ${at32.ratio2.toFixed(2)} (target at most 3, goal 2.5; wall time, so other load on the machine moves it: see bench/README.md)`,
    );
  console.log(
    `\nEnd to end in Chromium (Worker, wasm, ${e2e.threads} threads, 16 glyphs x 20 steps, guidance 3 = batch 32, DPM-Solver++):`,
  );
  console.log(`  model load ${f(e2e.loadMs)} ms; generation ${e2e.endToEndMs.map(f).join(' / ')} ms`);
  const lt = e2e.mainThreadLongTasks;
  const list = (xs) => (xs.length ? `${xs.length} (${xs.join(', ')} ms)` : 'none');
  console.log(
    `  main-thread tasks over 50 ms (Long Tasks API): while the Worker loads the model ${list(lt.load)}; while it generates ${list(lt.generate)}`,
  );
  console.log(`  the same generation on the main thread (no Worker): ${f(e2e.sameOnMainThreadMs)} ms`);
  console.log(
    `\nPrompt to a finished 16-glyph grid in Chromium (Worker, wasm, ${turbo.threads} threads, guidance 7, median of ${turbo.runs}, interleaved):`,
  );
  console.log(
    `  ${turbo.studentModel}, ${turbo.studentSteps} LCM steps (one U-Net call each, batch 16): ${f(turbo.ms.student)} ms`,
  );
  console.log(
    `  glyffuser-mini, 25 DDIM steps (its evaluated default; batch 32 for guidance): ${f(turbo.ms.teacher25)} ms -> student ${turbo.ratio25.toFixed(1)}x faster (target 10x, goal 20x)`,
  );
  console.log(
    `  glyffuser-mini, 15 DDIM steps (PromptGenerator's default): ${f(turbo.ms.teacher15)} ms -> student ${turbo.ratio15.toFixed(1)}x faster`,
  );
  await mkdir(path.join(root, 'bench/results'), { recursive: true });
  await writeFile(
    path.join(root, 'bench/results/runtime.json'),
    JSON.stringify(
      {
        measuredAt: new Date().toISOString(),
        cpu: os.cpus()[0]?.model,
        cores: os.cpus().length,
        runs: RUNS,
        rows,
        endToEnd: e2e,
        studentVersusTeacher: turbo,
      },
      null,
      2,
    ) + '\n',
  );
} finally {
  await bench.close();
}
