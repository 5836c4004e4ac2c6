import {
  DatasetMap,
  DenoiseAnimator,
  GaussianSampler,
  GlyphSketch,
  LatentWalk,
  NoiseScheduleChart,
  PixelGrid,
  PromptGenerator,
} from 'diffusion-kit';
// ScoreFieldPlot with its 3-D view: the entry that needs the optional peers three and @react-three/fiber.
import { ScoreFieldPlot } from 'diffusion-kit/three';

/**
 * Every diffusion-kit component on one page, as a site would use them. The model-driven ones are kept small
 * (few images, few steps) so that the page is quick on a CPU. test/examples/run.mjs finds them by data-testid.
 */
export function App() {
  return (
    <main style={{ maxWidth: 980, margin: '0 auto', padding: 16, display: 'grid', gap: 32 }}>
      <h1>diffusion-kit in a React + Vite site</h1>
      <section>
        <h2>Sampling a normal distribution</h2>
        <GaussianSampler data-testid="gaussian-sampler" mean={0.5} std={1.2} sampleCount={400} seed={1} showControls />
      </section>
      <section>
        <h2>An image is a grid of numbers</h2>
        <PixelGrid data-testid="pixel-grid" downsample={2} t={200} schedule="linear" seed={2} />
      </section>
      <section>
        <h2>Noise schedules</h2>
        <NoiseScheduleChart
          data-testid="noise-schedule-chart"
          schedules={['linear', 'squaredcos_cap_v2']}
          t={400}
          showSlider
        />
      </section>
      <section>
        <h2>The score of noised data</h2>
        <ScoreFieldPlot data-testid="score-field-plot" data="two-moons" t={100} seed={3} showControls />
      </section>
      <section>
        <h2>The same density as a surface (three.js, loaded on demand)</h2>
        <ScoreFieldPlot data-testid="score-field-plot-3d" data="ring" t={50} view="3d" width={360} height={300} />
      </section>
      <section>
        <h2>The training set</h2>
        <DatasetMap data-testid="dataset-map" width={420} height={360} />
      </section>
      <section>
        <h2>Denoising, step by step</h2>
        <DenoiseAnimator data-testid="denoise-animator" device="wasm" count={4} steps={4} seed={4} cellSize={40} />
      </section>
      <section>
        <h2>Generate from a prompt</h2>
        <PromptGenerator
          data-testid="prompt-generator"
          device="wasm"
          prompt="water"
          count={2}
          steps={4}
          seed={5}
          cellSize={40}
          generateOnLoad
        />
      </section>
      <section>
        <h2>Finish a sketch</h2>
        <GlyphSketch data-testid="glyph-sketch" device="wasm" prompt="water" strength={0.6} count={2} />
      </section>
      <section>
        <h2>A walk between two seeds</h2>
        <LatentWalk data-testid="latent-walk" device="wasm" prompt="water" seed={0} toSeed={1} frames={5} steps={4} />
      </section>
    </main>
  );
}
