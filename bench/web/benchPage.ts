// Runs inside headless Chromium (driven by bench/run.mjs): per-step U-Net latency on onnxruntime-web wasm,
// end-to-end generation through the engine's Worker, model load time, and the longest main-thread task.
import * as ort from 'onnxruntime-web/wasm';
import { createEngineWorker, generateImages, getDefaultModelUrl, loadModel } from '../../src/engine';
import { defaultTurboModelSource } from '../../src/engine/internal';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function unetStepLatency(threads: number, batches: number[], runs: number, modelUrl: string, profile = false) {
  ort.env.wasm.numThreads = threads;
  const manifest = await (await fetch(modelUrl)).json();
  const unetUrl = new URL(manifest.unet.file, new URL(modelUrl, location.href));
  const bytes = new Uint8Array(await (await fetch(unetUrl)).arrayBuffer());
  const session = await ort.InferenceSession.create(bytes, {
    executionProviders: ['wasm'],
    graphOptimizationLevel: 'all',
    enableProfiling: profile,
  });
  const { width, height, channels } = manifest.image;
  const L = manifest.textEncoder.maxLength;
  const D = manifest.textEncoder.hiddenSize;
  const out: Record<number, number> = {};
  for (const b of batches) {
    const feeds = {
      [manifest.unet.inputs.sample]: new ort.Tensor(
        'float32',
        new Float32Array(b * channels * height * width).map(() => Math.random() * 2 - 1),
        [b, channels, height, width],
      ),
      [manifest.unet.inputs.timestep]: new ort.Tensor('float32', new Float32Array(b).fill(500), [b]),
      [manifest.unet.inputs.encoderHiddenStates]: new ort.Tensor(
        'float32',
        new Float32Array(b * L * D).map(() => Math.random()),
        [b, L, D],
      ),
      [manifest.unet.inputs.encoderAttentionMask]: new ort.Tensor('float32', new Float32Array(b * L).fill(1), [b, L]),
    };
    const fetches = [manifest.unet.output]; // what the engine's predict() fetches
    for (let i = 0; i < 2; i++) await session.run(feeds, fetches);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await session.run(feeds, fetches);
      times.push(performance.now() - t0);
    }
    out[b] = median(times);
  }
  // The wasm build prints its profile (one JSON event per kernel run) to the console at endProfiling();
  // bench/profileUnet.mjs reads it from there.
  if (profile) session.endProfiling();
  await session.release();
  return out;
}

async function endToEnd(threads: number) {
  // Main-thread tasks over 50 ms (PerformanceObserver 'longtask') while the Worker loads and generates, by phase.
  const longTasks: { start: number; ms: number }[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push({ start: e.startTime, ms: e.duration });
  });
  observer.observe({ type: 'longtask', buffered: false });
  const worker = createEngineWorker();
  const t0 = performance.now();
  const info = await worker.load(getDefaultModelUrl(), { device: 'wasm', threads });
  const loadMs = performance.now() - t0;
  const loadEnd = performance.now();
  const runs: number[] = [];
  for (let r = 0; r < 2; r++) {
    const t1 = performance.now();
    let frames = 0;
    for await (const _ of worker.generate({
      prompt: 'gold',
      count: 16,
      steps: 20,
      guidanceScale: 3,
      seed: r,
      scheduler: 'dpmSolverMultistep',
    }))
      frames++;
    if (frames !== 20) throw new Error(`expected 20 frames, got ${frames}`);
    runs.push(performance.now() - t1);
  }
  await worker.terminate();
  await new Promise((r) => setTimeout(r, 100)); // let the last entries be delivered
  for (const e of observer.takeRecords()) longTasks.push({ start: e.startTime, ms: e.duration });
  observer.disconnect();
  const mainThreadLongTasks = {
    load: longTasks.filter((t) => t.start < loadEnd).map((t) => Math.round(t.ms)),
    generate: longTasks.filter((t) => t.start >= loadEnd).map((t) => Math.round(t.ms)),
  };
  const longest = Math.max(0, ...longTasks.map((t) => t.ms));
  // The same generation on the page's own thread, for the cost of not using the Worker.
  const model = await loadModel(getDefaultModelUrl(), { device: 'wasm', threads });
  const t2 = performance.now();
  await generateImages({
    model,
    prompt: 'gold',
    count: 16,
    steps: 20,
    guidanceScale: 3,
    seed: 0,
    scheduler: 'dpmSolverMultistep',
  });
  const mainThreadMs = performance.now() - t2;
  await model.dispose();
  return {
    threads: info.threads,
    loadMs,
    endToEndMs: runs,
    longestMainThreadTaskMs: longest,
    mainThreadLongTasks,
    sameOnMainThreadMs: mainThreadMs,
  };
}

/**
 * Prompt to a finished 16-glyph grid through the engine's Worker, the shipped student (glyffuser-mini-turbo) at its
 * default steps against the teacher at 25 DDIM steps (its evaluated default) and at 15 (PromptGenerator's default),
 * guidance 7 for all; runs interleaved, so machine load moves all of them alike. Median of `runs` each.
 */
async function studentVersusTeacher(threads: number, runs: number) {
  const student = createEngineWorker();
  const teacher = createEngineWorker();
  const studentInfo = await student.load(defaultTurboModelSource()!, { device: 'wasm', threads });
  await teacher.load(getDefaultModelUrl(), { device: 'wasm', threads });
  const timed = async (worker: typeof student, options: Record<string, unknown>) => {
    const t0 = performance.now();
    let frames = 0;
    for await (const _ of worker.generate({ prompt: 'water', count: 16, guidanceScale: 7, ...options })) frames++;
    return { ms: performance.now() - t0, frames };
  };
  const cases = {
    student: () => timed(student, {}),
    teacher25: () => timed(teacher, { steps: 25, scheduler: 'ddim' }),
    teacher15: () => timed(teacher, { steps: 15, scheduler: 'ddim' }),
  };
  const times: Record<string, number[]> = { student: [], teacher25: [], teacher15: [] };
  const frames: Record<string, number> = {};
  for (const run of [student, teacher])
    for await (const _ of run.generate({ prompt: 'gold', count: 16, steps: 2 })) void _; // warm-up
  for (let r = 0; r < runs; r++) {
    for (const [name, go] of Object.entries(cases)) {
      const { ms, frames: n } = await go();
      times[name]!.push(ms);
      frames[name] = n;
    }
  }
  await student.terminate();
  await teacher.terminate();
  const ms = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
  return {
    threads,
    runs,
    studentModel: studentInfo.manifest.name,
    studentSteps: frames.student,
    ms,
    all: times,
    ratio25: ms.teacher25! / ms.student!,
    ratio15: ms.teacher15! / ms.student!,
  };
}

const params = new URLSearchParams(location.search);
const threads = Number(params.get('threads') ?? 1);
const mode = params.get('mode') ?? 'step';
const status = document.getElementById('status')!;
(async () => {
  try {
    const batches = (params.get('batches') ?? '8,16,32').split(',').map(Number);
    const runs = Number(params.get('runs') ?? 10);
    const modelUrl = params.get('model') ?? getDefaultModelUrl();
    const result =
      mode === 'step'
        ? { mode, threads, crossOriginIsolated, stepMs: await unetStepLatency(threads, batches, runs, modelUrl) }
        : mode === 'profile'
          ? {
              mode,
              threads,
              crossOriginIsolated,
              stepMs: await unetStepLatency(threads, batches, runs, modelUrl, true),
            }
          : mode === 'turbo'
            ? { mode, crossOriginIsolated, ...(await studentVersusTeacher(threads, Number(params.get('runs') ?? 3))) }
            : { mode, crossOriginIsolated, ...(await endToEnd(threads)) };
    (window as unknown as { benchResult: unknown }).benchResult = result;
    status.textContent = 'done';
  } catch (error) {
    (window as unknown as { benchResult: unknown }).benchResult = { error: String((error as Error).stack ?? error) };
    status.textContent = 'error';
  }
})();
