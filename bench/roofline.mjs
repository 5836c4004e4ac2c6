// npm run bench:roofline: the ceiling on the web/native ratio of a compute-bound step on this CPU. Measures the
// peak f32 multiply-add rate of one thread, side by side in one run:
//   - wasm in Chromium: SIMD128 (4 lanes) as f32x4.mul + f32x4.add (what onnxruntime-web's npm build has), and
//     as f32x4.relaxed_madd (relaxed SIMD: a fused multiply-add where the CPU has one);
//   - native C (gcc -O2 -march=native): 4, 8 and 16 lanes, fused (FMA) and unfused.
// Each kernel runs independent accumulator chains (acc = acc * k + c), 6 to 12 of them (enough to hide the
// latency; too many spill registers), and its figure is the best chain count: the throughput of the vector
// units, the most any convolution can reach there. A convolution that
// reaches a share e of the native peak natively; on wasm it reaches at most the wasm peak, so its web/native ratio
// is at least (native peak / wasm peak) x e. The bench measures e for the shipped U-Net's step (batch 32, one
// thread of onnxruntime-node, its multiply-adds from model.json) and prints that bound for each wasm kernel:
// no wasm CPU kernel of that kind, however good, can bring the step's ratio below it on this machine.
// Needs gcc (for the native side) and Debian's chromium. Writes bench/results/roofline.json.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright';
import { median, nativeStepTimes, rendererCpuSeconds, root } from './harness.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CHAIN_COUNTS = [6, 8, 10, 12]; // latency x issue width is 8 for a 4-cycle FMA on 2 ports
const WASM_ITERS = 200_000_000; // about a second a kernel: the renderer's CPU clock ticks coarsely
const NATIVE_ITERS = 200_000_000;

// ---- wasm: a hand-assembled module exporting run(iters: i32) -> f32 ----
const leb = (n) => {
  const out = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
};
const f32 = (x) => [...new Uint8Array(new Float32Array([x]).buffer)];
const section = (id, bytes) => [id, ...leb(bytes.length), ...bytes];
const SIMD = (op) => [0xfd, ...leb(op)];
const F32X4_SPLAT = 0x13,
  F32X4_EXTRACT_LANE = 0x1f,
  F32X4_ADD = 0xe4,
  F32X4_MUL = 0xe6,
  F32X4_RELAXED_MADD = 0x105;
const LOCAL_GET = 0x20,
  LOCAL_SET = 0x21;

/**
 * fused: f32x4.relaxed_madd(acc, k, c); else f32x4.add(f32x4.mul(acc, k), c). Locals: 0 iters, 1..chains acc, then k,
 * c.
 */
function wasmKernel(fused, chains) {
  const k = chains + 1,
    c = chains + 2;
  const body = [];
  for (let i = 1; i <= chains; i++) body.push(0x43, ...f32(1 + i / 64), ...SIMD(F32X4_SPLAT), LOCAL_SET, i);
  body.push(0x43, ...f32(0.999), ...SIMD(F32X4_SPLAT), LOCAL_SET, k);
  body.push(0x43, ...f32(0.001), ...SIMD(F32X4_SPLAT), LOCAL_SET, c);
  body.push(0x02, 0x40, 0x03, 0x40); // block, loop
  body.push(LOCAL_GET, 0, 0x45, 0x0d, 1); // if (iters == 0) break
  for (let i = 1; i <= chains; i++) {
    if (fused) body.push(LOCAL_GET, i, LOCAL_GET, k, LOCAL_GET, c, ...SIMD(F32X4_RELAXED_MADD), LOCAL_SET, i);
    else body.push(LOCAL_GET, i, LOCAL_GET, k, ...SIMD(F32X4_MUL), LOCAL_GET, c, ...SIMD(F32X4_ADD), LOCAL_SET, i);
  }
  body.push(LOCAL_GET, 0, 0x41, 1, 0x6b, LOCAL_SET, 0, 0x0c, 0, 0x0b, 0x0b); // iters -= 1; continue; end end
  body.push(LOCAL_GET, 1, ...SIMD(F32X4_EXTRACT_LANE), 0); // sum of lane 0 of every chain, so none is dead
  for (let i = 2; i <= chains; i++) body.push(LOCAL_GET, i, ...SIMD(F32X4_EXTRACT_LANE), 0, 0x92);
  body.push(0x0b);
  const locals = [1, ...leb(chains + 2), 0x7b]; // chains + 2 locals of type v128
  const func = [...locals, ...body];
  return new Uint8Array([
    0x00,
    0x61,
    0x73,
    0x6d,
    0x01,
    0x00,
    0x00,
    0x00,
    ...section(1, [1, 0x60, 1, 0x7f, 1, 0x7d]), // type: (i32) -> f32
    ...section(3, [1, 0]),
    ...section(7, [1, 3, ...Buffer.from('run'), 0x00, 0]),
    ...section(10, [1, ...leb(func.length), ...func]),
  ]);
}

/**
 * GFLOP/s (2 per lane per multiply-add) of each wasm kernel in Chromium, the best over CHAIN_COUNTS: { name: { gflops }
 * | { error } }.
 */
async function wasmPeaks(page, cdp) {
  const out = {};
  for (const [name, fused] of [
    ['wasm SIMD128 mul+add (4 lanes)', false],
    ['wasm relaxed SIMD madd (4 lanes)', true],
  ]) {
    const runs = [];
    for (const chains of CHAIN_COUNTS) runs.push(await wasmPeak(page, cdp, wasmKernel(fused, chains), chains));
    out[name] = best(runs);
  }
  return out;
}

/** One kernel's rate over the renderer's CPU time (read over the DevTools protocol), not wall time. */
async function wasmPeak(page, cdp, bytes, chains) {
  const error = await page.evaluate(
    async ({ bytes, iters }) => {
      try {
        const { instance } = await WebAssembly.instantiate(new Uint8Array(bytes));
        instance.exports.run(iters / 10); // compile with TurboFan before timing
        window.rooflineKernel = instance.exports.run;
        return null;
      } catch (error) {
        return String(error.message ?? error);
      }
    },
    { bytes: [...bytes], iters: WASM_ITERS },
  );
  if (error) return { error };
  const t0 = await rendererCpuSeconds(cdp);
  const sum = await page.evaluate((iters) => window.rooflineKernel(iters), WASM_ITERS);
  const s = (await rendererCpuSeconds(cdp)) - t0;
  if (!Number.isFinite(sum)) return { error: `non-finite result ${sum}` };
  return { gflops: (WASM_ITERS * chains * 4 * 2) / s / 1e9 };
}

/** The fastest of several runs of one kernel, or the first error when all failed. */
function best(results) {
  const ok = results.filter((r) => !r.error);
  return ok.length ? { gflops: Math.max(...ok.map((r) => r.gflops)) } : results[0];
}

// ---- native: the same kernel in C with GCC's vector extensions, one binary per width and fusion ----
const cSource = (chains) => `#include <stdio.h>
#include <stdlib.h>
#include <time.h>
typedef float vf __attribute__((vector_size(LANES * 4)));
int main(int argc, char **argv) {
  long iters = atol(argv[1]);
  vf acc[${chains}], k, c;
  for (int l = 0; l < LANES; l++) { k[l] = 0.999f; c[l] = 0.001f; }
  for (int i = 0; i < ${chains}; i++) for (int l = 0; l < LANES; l++) acc[i][l] = 1.0f + (i + 1) / 64.0f;
  struct timespec t0, t1;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t0);
  for (long n = 0; n < iters; n++) {
${Array.from({ length: chains }, (_, i) => `    acc[${i}] = acc[${i}] * k + c;`).join('\n')}
  }
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t1);
  float sum = 0;
  for (int i = 0; i < ${chains}; i++) sum += acc[i][0];
  double s = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
  printf("%f %f\\n", iters * ${chains} * LANES * 2.0 / s / 1e9, sum);
  return 0;
}
`;
const NATIVE = [
  ['native 4 lanes, mul+add', 4, false],
  ['native 4 lanes, FMA', 4, true],
  ['native 8 lanes, FMA', 8, true],
  ['native 16 lanes, FMA', 16, true],
];

/** One binary per native kernel and chain count: { name: [path | { error }] }. */
async function buildNative(dir) {
  const bins = {};
  for (const chains of CHAIN_COUNTS) {
    const src = path.join(dir, `peak${chains}.c`);
    await writeFile(src, cSource(chains));
    for (const [name, lanes, fused] of NATIVE) {
      const bin = path.join(dir, `peak${chains}_${lanes}_${fused ? 'fma' : 'nofma'}`);
      const flags = ['-O2', '-march=native', `-DLANES=${lanes}`, `-ffp-contract=${fused ? 'fast' : 'off'}`];
      if (lanes === 16) flags.push('-mprefer-vector-width=512');
      try {
        execFileSync('gcc', [...flags, src, '-o', bin], { stdio: ['ignore', 'ignore', 'pipe'] });
        (bins[name] ??= []).push(bin);
      } catch (error) {
        (bins[name] ??= []).push({ error: `gcc failed: ${String(error.stderr ?? error.message).split('\n')[0]}` });
      }
    }
  }
  return bins;
}

function nativePeak(bin) {
  if (typeof bin !== 'string') return bin;
  const [gflops, sum] = execFileSync(bin, [String(NATIVE_ITERS)], { encoding: 'utf8' })
    .trim()
    .split(' ')
    .map(Number);
  return Number.isFinite(sum) ? { gflops } : { error: `non-finite result ${sum}` };
}

const cpuFlags = (() => {
  try {
    const info = readFileSync('/proc/cpuinfo', 'utf8');
    const flags = new Set((info.match(/^flags\s*:(.*)$/m)?.[1] ?? '').trim().split(/\s+/));
    return ['avx2', 'fma', 'avx512f'].filter((f) => flags.has(f));
  } catch {
    return [];
  }
})();

/**
 * Whether each of onnxruntime-web's .wasm files uses relaxed SIMD: compiled by a Node whose relaxed SIMD is
 * switched off, a file with a relaxed instruction fails with "simd opcode not available".
 */
function ortRelaxedSimd() {
  const dist = path.join(root, 'node_modules/onnxruntime-web/dist');
  const script = `const fs = require('fs'); for (const f of fs.readdirSync(${JSON.stringify(dist)}).filter((f) => f.endsWith('.wasm'))) {
    let r = 'no'; try { new WebAssembly.Module(fs.readFileSync(${JSON.stringify(dist)} + '/' + f)); } catch (e) { r = /simd opcode not available/.test(e.message) ? 'yes' : 'does not compile in Node: ' + e.message.split(':').slice(1, 2).join('').trim(); }
    console.log(f + '\\t' + r); }`;
  const out = execFileSync(process.execPath, ['--no-experimental-wasm-relaxed-simd', '-e', script], {
    encoding: 'utf8',
  });
  return Object.fromEntries(
    out
      .trim()
      .split('\n')
      .map((line) => line.split('\t')),
  );
}

// the shipped U-Net's step on onnxruntime-node, one thread, batch 32, measured first (before the wide kernels,
// after which some CPUs run slower for a while)
const modelDir = path.join(root, 'assets/models/glyffuser-mini');
const macsPerImage = JSON.parse(await readFile(path.join(modelDir, 'model.json'), 'utf8')).training?.unetMacsPerImage;
// the smaller of wall time (inflated by other load) and the process's CPU time (which counts Node's own
// threads too): both are at least the step's own compute time
const nativeStep = macsPerImage
  ? { ...(await nativeStepTimes(modelDir, 1, [32], 10))[32], macsPerImage, batch: 32 }
  : null;

const tmp = await mkdtemp(path.join(os.tmpdir(), 'diffusion-kit-roofline-'));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
const samples = {};
const push = (name, r) => {
  samples[name] ??= { gflops: [], error: null };
  if (r.error) samples[name].error = r.error;
  else samples[name].gflops.push(r.gflops);
};
try {
  const bins = await buildNative(tmp);
  const page = await browser.newPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  for (let round = 0; round < ROUNDS; round++) {
    // alternate which side goes first, so that other load on the machine hits both alike
    const wasmFirst = round % 2 === 0;
    if (wasmFirst) for (const [n, r] of Object.entries(await wasmPeaks(page, cdp))) push(n, r);
    for (const [name] of NATIVE) push(name, best(bins[name].map(nativePeak)));
    if (!wasmFirst) for (const [n, r] of Object.entries(await wasmPeaks(page, cdp))) push(n, r);
  }
} finally {
  await browser.close();
  await rm(tmp, { recursive: true, force: true });
}

const peak = Object.fromEntries(
  Object.entries(samples).map(([n, s]) => [n, s.gflops.length ? median(s.gflops) : undefined]),
);
console.log(
  `Peak f32 multiply-add rate of one thread, GFLOP/s of CPU time (median of ${ROUNDS} rounds); ${os.cpus()[0]?.model ?? 'unknown CPU'}; flags: ${cpuFlags.join(' ') || 'none of avx2 fma avx512f'}`,
);
console.log('| kernel | GFLOP/s |');
console.log('|---|---|');
for (const [name, s] of Object.entries(samples))
  console.log(`| ${name} | ${s.error ? `failed: ${s.error}` : peak[name].toFixed(1)} |`);
const bestNative = Math.max(...NATIVE.map(([n]) => peak[n] ?? 0));
const ratios = {};
console.log(`\nPeak ratio (best native ${bestNative.toFixed(1)} GFLOP/s / wasm peak):`);
for (const name of ['wasm SIMD128 mul+add (4 lanes)', 'wasm relaxed SIMD madd (4 lanes)']) {
  if (!peak[name]) continue;
  ratios[name] = bestNative / peak[name];
  console.log(`- ${name}: ${ratios[name].toFixed(2)}x`);
}
let stepShare;
if (nativeStep) {
  const ms = Math.min(nativeStep.ms, nativeStep.cpuMs);
  const gflops = (2 * macsPerImage * 32) / (ms / 1000) / 1e9;
  stepShare = gflops / bestNative;
  console.log(
    `\nThe shipped U-Net step on onnxruntime-node (batch 32, 1 thread): ${nativeStep.ms.toFixed(0)} ms wall, ${nativeStep.cpuMs.toFixed(0)} ms CPU; ${gflops.toFixed(1)} GFLOP/s in its multiply-adds, ${(100 * stepShare).toFixed(0)}% of the native peak.`,
  );
  console.log('Lowest web/native ratio of that step any wasm kernel can reach (peak ratio x that share):');
  for (const [name, r] of Object.entries(ratios)) console.log(`- ${name}: ${(r * stepShare).toFixed(2)}x`);
}
const ortRelaxed = ortRelaxedSimd();
console.log("\nonnxruntime-web's .wasm files with relaxed SIMD (FMA) instructions:");
for (const [file, r] of Object.entries(ortRelaxed)) console.log(`- ${file}: ${r}`);
await mkdir(path.join(root, 'bench/results'), { recursive: true });
await writeFile(
  path.join(root, 'bench/results/roofline.json'),
  JSON.stringify(
    {
      measuredAt: new Date().toISOString(),
      rounds: ROUNDS,
      chainCounts: CHAIN_COUNTS,
      cpuFlags,
      peakGflops: peak,
      peakRatios: ratios,
      nativeStep: nativeStep && { ...nativeStep, shareOfPeak: stepShare },
      ortRelaxedSimd: ortRelaxed,
      samples,
    },
    null,
    2,
  ) + '\n',
);
