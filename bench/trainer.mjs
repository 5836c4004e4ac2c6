// node bench/trainer.mjs [steps] [schedule]: trains the DiffusionTrainer's default model (MLP 3 x 64 SiLU,
// batch 128, Adam 2e-2 with cosine decay, T = 1000; `schedule` a diffusers beta_schedule, default 'linear', the
// figure's; 'cosine' for 'squaredcos_cap_v2') on 2000 points of the two-moons preset, in one run on one thread as
// the training Worker does, and prints its wall time in ms and steps/s (and the same in CPU time: on a busy
// machine the second is what the code costs). Then samples 1000 points with every scheduler (50 steps), as the
// figure does (predicted x0 clamped to the data's box, `clipSample`) and without the clamp, and compares them
// with fresh data: mean nearest distance samples -> data ("on the moons") and data -> samples ("covers them"),
// and MMD^2 (gaussian kernel, h = 0.3), beside the same figures for N(0, I) and for a second draw of the data.
// Also the learned score's mean error against the exact score per t. Prints a table; writes
// bench/results/trainer.json (trainer-<schedule>.json for another schedule). The engine's TypeScript is
// bundled in memory with esbuild (no build needed).
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The public engine (schedules, the 2-D mixtures) and the trainer, which the package does not publish.
const entry = "export * from './src/engine/index.ts'; export * from './src/engine/training/index.ts';";
const bundle = await build({
  stdin: { contents: entry, resolveDir: root, loader: 'ts' },
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'node',
  external: ['onnxruntime-web', 'onnxruntime-web/*'],
});
const e = await import(`data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString('base64')}`);

const STEPS = Number(process.argv[2] ?? 3000);
const SCHEDULE = process.argv[3] === 'cosine' ? 'squaredcos_cap_v2' : (process.argv[3] ?? 'linear');
const moons = e.mixture2dPreset('two-moons');
const data = e.sampleMixture2d(moons, 2000, e.createRng(1));
const abar = e.noiseSchedule({ betaSchedule: SCHEDULE }).alphasCumprod;
const bounds = e.dataBounds(data);
const trainer = e.createNoiseTrainer({ data, alphasCumprod: abar, seed: 0, batchSize: 128, decaySteps: STEPS });

const load = os.loadavg()[0];
const curve = [];
const wall0 = performance.now();
const cpu0 = process.cpuUsage();
for (let done = 0; done < STEPS;) {
  const n = Math.min(500, STEPS - done);
  trainer.train(n);
  done += n;
  const recent = trainer.losses.slice(-n);
  curve.push({ step: done, loss: recent.reduce((a, b) => a + b, 0) / n, seconds: (performance.now() - wall0) / 1000 });
}
const wallMs = performance.now() - wall0;
const wallS = wallMs / 1000;
const cpuS = (process.cpuUsage(cpu0).user + process.cpuUsage(cpu0).system) / 1e6;

const reference = e.sampleMixture2d(moons, 1000, e.createRng(7));
const figures = (x) => ({
  near: e.meanNearestDistance(x, reference),
  cover: e.meanNearestDistance(reference, x),
  mmd2: e.mmdSquared(x, reference),
});
const rows = [];
for (const clamp of [true, false]) {
  for (const scheduler of ['ddpm', 'ddim', 'dpmSolverMultistep', 'euler', 'eulerAncestral']) {
    const t0 = performance.now();
    const x = e.sampleNoisePredictor(trainer.model, {
      alphasCumprod: abar,
      scheduler,
      steps: 50,
      count: 1000,
      rng: e.createRng(3),
      clipSample: clamp ? bounds : null,
    });
    rows.push({
      name: `${scheduler}, 50 steps${clamp ? '' : ', no x0 clamp'}`,
      ms: performance.now() - t0,
      ...figures(x),
    });
  }
}
rows.push({
  name: 'N(0, I) (no model)',
  ...figures(e.sampleMixture2d(e.createMixture2d([{ mean: [0, 0], cov: 1 }]), 1000, e.createRng(8))),
});
rows.push({ name: 'the data itself (another draw)', ...figures(e.sampleMixture2d(moons, 1000, e.createRng(9))) });
const timesteps = [10, 50, 100, 200, 400, 600, 800, 999];
const err = e.scoreErrorByTimestep(trainer.model, moons, {
  alphasCumprod: abar,
  timesteps,
  pointsPerTimestep: 512,
  rng: e.createRng(5),
});

const f = (x, d = 3) => x.toFixed(d);
console.log(
  `DiffusionTrainer default model on two moons, ${SCHEDULE} schedule, ${STEPS} steps; ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}; load average ${f(load, 2)} at the start`,
);
console.log(
  `training: ${f(wallMs, 0)} ms wall (${f(STEPS / wallS, 0)} steps/s), ${f(cpuS * 1000, 0)} ms CPU (${f(STEPS / cpuS, 0)} steps/s of CPU); loss ${curve.map((c) => `${c.step}: ${f(c.loss)}`).join(', ')}`,
);
console.log('| samples | mean distance to data | data to nearest sample | MMD^2 | ms |');
console.log('|---|---|---|---|---|');
for (const r of rows)
  console.log(
    `| ${r.name} | ${f(r.near)} | ${f(r.cover)} | ${r.mmd2.toExponential(2)} | ${r.ms === undefined ? '' : f(r.ms, 0)} |`,
  );
console.log(
  `learned score vs exact, mean error / mean |score| per t: ${timesteps.map((t, k) => `${t}: ${f(err.meanError[k], 2)}/${f(err.meanScore[k], 2)}`).join(', ')}`,
);
await mkdir(path.join(root, 'bench/results'), { recursive: true });
await writeFile(
  path.join(root, `bench/results/${SCHEDULE === 'linear' ? 'trainer' : `trainer-${SCHEDULE}`}.json`),
  JSON.stringify(
    {
      measuredAt: new Date().toISOString(),
      cpu: os.cpus()[0]?.model,
      cores: os.cpus().length,
      loadAverageAtStart: load,
      schedule: SCHEDULE,
      steps: STEPS,
      wallMs,
      wallSeconds: wallS,
      cpuSeconds: cpuS,
      curve,
      samples: rows,
      scoreError: timesteps.map((t, k) => ({ t, meanError: err.meanError[k], meanScore: err.meanScore[k] })),
    },
    null,
    2,
  ) + '\n',
);
