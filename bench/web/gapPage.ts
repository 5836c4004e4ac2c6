// Runs inside headless Chromium (driven by bench/webGap.mjs): the U-Net's per-step latency on onnxruntime-web
// wasm under one variant of the session options, thread count, proxy and model file, and which .wasm loaded.
// Query: model (manifest URL), unet (the .onnx URL; default the manifest's), threads, batch, runs,
// opts (JSON session options), proxy=1, prealloc=1 (outputs handed to run() pre-allocated), ep (provider).
import * as ort from 'onnxruntime-web/wasm';
import { getDefaultModelUrl } from '../../src/engine';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const params = new URLSearchParams(location.search);
const status = document.getElementById('status')!;

async function stepLatency() {
  const threads = Number(params.get('threads') ?? 2);
  const batch = Number(params.get('batch') ?? 32);
  const runs = Number(params.get('runs') ?? 8);
  const modelUrl = params.get('model') ?? getDefaultModelUrl();
  const options = JSON.parse(params.get('opts') ?? '{}') as Record<string, unknown>;
  ort.env.wasm.numThreads = threads;
  if (params.get('proxy') === '1') ort.env.wasm.proxy = true;
  const manifest = await (await fetch(modelUrl)).json();
  const unetUrl = params.get('unet') ?? new URL(manifest.unet.file, new URL(modelUrl, location.href)).href;
  const bytes = new Uint8Array(await (await fetch(unetUrl)).arrayBuffer());
  const t0 = performance.now();
  const session = await ort.InferenceSession.create(bytes, {
    executionProviders: [params.get('ep') ?? 'wasm'],
    graphOptimizationLevel: 'all',
    ...options,
  });
  const createMs = performance.now() - t0;
  const { width, height, channels } = manifest.image;
  const L = manifest.textEncoder.maxLength;
  const D = manifest.textEncoder.hiddenSize;
  const feeds = {
    [manifest.unet.inputs.sample]: new ort.Tensor(
      'float32',
      new Float32Array(batch * channels * height * width).map(() => Math.random() * 2 - 1),
      [batch, channels, height, width],
    ),
    [manifest.unet.inputs.timestep]: new ort.Tensor('float32', new Float32Array(batch).fill(500), [batch]),
    [manifest.unet.inputs.encoderHiddenStates]: new ort.Tensor(
      'float32',
      new Float32Array(batch * L * D).map(() => Math.random()),
      [batch, L, D],
    ),
    [manifest.unet.inputs.encoderAttentionMask]: new ort.Tensor('float32', new Float32Array(batch * L).fill(1), [
      batch,
      L,
    ]),
  };
  const output = manifest.unet.output as string;
  const fetches: string[] | Record<string, ort.Tensor> =
    params.get('prealloc') === '1'
      ? {
          [output]: new ort.Tensor('float32', new Float32Array(batch * channels * height * width), [
            batch,
            channels,
            height,
            width,
          ]),
        }
      : [output];
  // The proxy worker takes the inputs' buffers (transfers them): hand it fresh copies each run.
  const proxy = params.get('proxy') === '1';
  const fresh = () =>
    proxy
      ? Object.fromEntries(
          Object.entries(feeds).map(([k, t]) => [
            k,
            new ort.Tensor('float32', (t.data as Float32Array).slice(), t.dims),
          ]),
        )
      : feeds;
  for (let i = 0; i < 2; i++) await session.run(fresh(), fetches as never);
  // bench/webGap.mjs reads the renderer's CPU time around the timed runs: wait for its go-ahead
  const w = window as unknown as { gapReady?: boolean; gapGo?: boolean };
  w.gapReady = true;
  while (!w.gapGo) await new Promise((r) => setTimeout(r, 20));
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const f = fresh();
    const t1 = performance.now();
    await session.run(f, fetches as never);
    times.push(performance.now() - t1);
  }
  await session.release();
  const wasmFiles = performance
    .getEntriesByType('resource')
    .map((e) => e.name.split('?')[0]!.split('/').pop()!)
    .filter((n) => n.endsWith('.wasm'));
  return {
    stepMs: median(times),
    times,
    createMs,
    crossOriginIsolated,
    numThreads: ort.env.wasm.numThreads,
    wasmFiles,
    hardwareConcurrency: navigator.hardwareConcurrency,
  };
}

stepLatency().then(
  (result) => {
    (window as unknown as { benchResult: unknown }).benchResult = result;
    status.textContent = 'done';
  },
  (error) => {
    (window as unknown as { benchResult: unknown }).benchResult = { error: String((error as Error).stack ?? error) };
    status.textContent = 'error';
  },
);
