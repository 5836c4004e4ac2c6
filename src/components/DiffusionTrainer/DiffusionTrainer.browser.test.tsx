import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { captureConsole, mount } from '../shared/testing/testHelpers.browser';
import { axeViolations } from '../shared/testing/axeViolations.browser';
import { ThemeScope } from '../../theme/ThemeScope';
import { mountLightAndDark } from '../shared/testing/mountLightAndDark.browser';
import { DiffusionTrainer } from './DiffusionTrainer';
import { DIFFUSION_TRAINER_CSS } from './diffusionTrainerCss';
import { VIEW_EXTENT } from './trainerEvaluation';

let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
});

/**
 * Waits for `check`. The deadline only turns a hang into a message: it is no bound on speed, so it is wide (a
 * busy machine trains many times slower), and the tests that train have an explicit timeout above it.
 */
async function until(check: () => boolean, timeout = 60_000): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeout) throw new Error(`timed out after ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * The tests that train (in a Worker or in main-thread slices): deliberately heavy, so a timeout with a wide margin over
 * their waits.
 */
const TRAINING_TEST_TIMEOUT = 300_000;

const stepOf = (el: Element) => Number(el.querySelector('[role="figure"]')!.getAttribute('data-step'));

describe('DiffusionTrainer in the browser', () => {
  it('has no axe violations, light and dark, with the drawing pad and with a preset', async () => {
    const m = mount(
      <>
        <DiffusionTrainer gridSize={8} sampleCount={50} samplingSteps={5} />
        <ThemeScope theme="dark">
          <DiffusionTrainer
            data={[
              [0, 0],
              [1, 1],
              [-1, 1],
              [1, -1],
            ]}
            gridSize={8}
            sampleCount={50}
            samplingSteps={5}
          />
        </ThemeScope>
      </>,
    );
    cleanup = m.unmount;
    expect(await axeViolations(m.host)).toEqual([]);
  });

  it(
    'has no axe violations, light and dark, after training with the loss curve, the score error and samples drawn',
    { timeout: TRAINING_TEST_TIMEOUT },
    async () => {
      // A small network and a short run: this machine's test runs share two cores with much else.
      const settings = {
        autoStart: true,
        maxSteps: 150,
        hiddenWidth: 16,
        hiddenLayers: 2,
        gridSize: 8,
        sampleCount: 50,
        samplingSteps: 5,
      } as const;
      const { view: m, figures } = mountLightAndDark(
        <DiffusionTrainer {...settings} />,
        <DiffusionTrainer {...settings} schedule="squaredcos_cap_v2" />,
      );
      cleanup = m.unmount;
      expect(figures).toHaveLength(2);
      // Done, and the samples drawn from the final weights.
      await until(() => figures.every((f) => f.dataset.state === 'done' && f.dataset.samplesStep === '150'), 240_000);
      for (const f of figures) {
        expect(f.querySelector('[data-part="loss"] path[data-series]')).not.toBeNull();
        expect(f.querySelector('[data-part="score-error"] path[data-series]')).not.toBeNull();
        expect(f.querySelector('[data-part="samples"] path[data-series="samples"]')).not.toBeNull();
        expect(f.querySelector('[role="status"]')!.textContent).toBe('Training finished after 150 steps.');
      }
      expect(await axeViolations(m.host)).toEqual([]);
    },
  );

  it(
    'trains in a Worker from the keyboard: Enter on Train, Space on Pause, then Reset',
    { timeout: TRAINING_TEST_TIMEOUT },
    async () => {
      const m = mount(<DiffusionTrainer maxSteps={5000} sampleCount={100} samplingSteps={10} />);
      cleanup = m.unmount;
      const figure = m.host.querySelector('[role="figure"]')!;
      const train = m.host.querySelector('button[data-action="train"]') as HTMLButtonElement;
      train.focus();
      await userEvent.keyboard('{Enter}');
      await until(() => stepOf(m.host) > 20);
      expect(figure.getAttribute('data-mode')).toBe('worker');
      expect(figure.getAttribute('data-state')).toBe('running');
      // The page stays responsive while the Worker trains: the samples follow the weights.
      await until(() => Number(figure.getAttribute('data-samples-step')) > 0);
      expect(train.textContent).toBe('Pause');
      await userEvent.keyboard(' ');
      await until(() => figure.getAttribute('data-state') === 'paused');
      const held = stepOf(m.host);
      await new Promise((r) => setTimeout(r, 300));
      expect(stepOf(m.host)).toBe(held);
      (m.host.querySelector('button[data-action="reset"]') as HTMLButtonElement).click();
      await until(() => stepOf(m.host) === 0);
      expect(figure.getAttribute('data-state')).toBe('idle');
    },
  );

  it(
    'falls back to main-thread slices where Workers are missing, and finishes the run',
    { timeout: TRAINING_TEST_TIMEOUT },
    async () => {
      const saved = globalThis.Worker;
      // @ts-expect-error: a platform without Workers
      delete globalThis.Worker;
      const console = captureConsole();
      try {
        // A tiny network: this machine's test runs share two cores with much else.
        const m = mount(
          <DiffusionTrainer maxSteps={100} hiddenWidth={8} hiddenLayers={1} batchSize={8} autoStart sampleCount={0} />,
        );
        cleanup = m.unmount;
        const figure = m.host.querySelector('[role="figure"]')!;
        await until(() => figure.getAttribute('data-state') === 'done', 240_000);
        expect(figure.getAttribute('data-mode')).toBe('main-thread');
        expect(stepOf(m.host)).toBe(100);
        expect(m.host.querySelector('[role="status"]')!.textContent).toBe('Training finished after 100 steps.');
        expect(console.messages).toEqual([]);
      } finally {
        console.restore();
        globalThis.Worker = saved;
      }
    },
  );

  it('draws points with the pointer and picks a preset from the menu', { timeout: 180_000 }, async () => {
    const m = mount(<DiffusionTrainer data={[]} sampleCount={0} />);
    cleanup = m.unmount;
    const pad = m.host.querySelector('[role="application"]') as SVGSVGElement;
    const box = pad.getBoundingClientRect();
    pad.dispatchEvent(
      new PointerEvent('pointerdown', {
        bubbles: true,
        clientX: box.left + box.width / 2,
        clientY: box.top + box.height / 2,
        pointerId: 1,
      }),
    );
    pad.dispatchEvent(
      new PointerEvent('pointermove', {
        bubbles: true,
        clientX: box.left + box.width / 2 + 20,
        clientY: box.top + box.height / 2,
        pointerId: 1,
      }),
    );
    pad.dispatchEvent(new PointerEvent('pointerup', { bubbles: true, pointerId: 1 }));
    await until(() => /4 points/.test(pad.getAttribute('aria-label') ?? ''));
    const select = m.host.querySelector('select') as HTMLSelectElement;
    await userEvent.selectOptions(select, 'spiral');
    await until(() => m.host.querySelector('[role="figure"]')!.getAttribute('data-data') === 'spiral');
    expect(m.host.querySelector('[data-part="exact"] path[data-series="arrows"]')).not.toBeNull();
  });

  it('draws by touch on a pad scaled down to a narrow page, where the pointer lands', async () => {
    // The figure's rules, as the kit's stylesheet carries them (the pad shrinks with its container, no panning).
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(DIFFUSION_TRAINER_CSS);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    const changes: Array<ReadonlyArray<readonly [number, number]>> = [];
    const m = mount(
      <div style={{ width: 150 }}>
        <DiffusionTrainer data={[]} sampleCount={0} panelSize={240} onDataChange={(d) => changes.push(d as never)} />
      </div>,
    );
    cleanup = () => {
      m.unmount();
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
    const pad = m.host.querySelector('[role="application"]') as SVGSVGElement;
    expect(getComputedStyle(pad).touchAction).toBe('none');
    const box = pad.getBoundingClientRect();
    // Scaled to the 150 px container, square.
    expect(box.width).toBeLessThanOrEqual(150);
    expect(box.width).toBeGreaterThan(100);
    expect(Math.abs(box.height - box.width)).toBeLessThan(1);
    const touch = (type: string, fx: number, fy: number) =>
      pad.dispatchEvent(
        new PointerEvent(type, {
          bubbles: true,
          pointerType: 'touch',
          isPrimary: true,
          pointerId: 7,
          clientX: box.left + fx * box.width,
          clientY: box.top + fy * box.height,
        }),
      );
    // Three quarters across, a quarter down: data (x, y) = (E/2, E/2) for a view of [-E, E].
    touch('pointerdown', 0.75, 0.25);
    touch('pointermove', 0.25, 0.75);
    touch('pointerup', 0.25, 0.75);
    await until(() => /4 points/.test(pad.getAttribute('aria-label') ?? ''));
    const points = changes[changes.length - 1]!;
    const cluster = points.slice(0, 3);
    const mean = (i: 0 | 1) => cluster.reduce((a, p) => a + p[i], 0) / cluster.length;
    expect(mean(0)).toBeCloseTo(VIEW_EXTENT / 2, 0);
    expect(mean(1)).toBeCloseTo(VIEW_EXTENT / 2, 0);
    // The move lands at (-E/2, -E/2).
    expect(points[3]![0]).toBeCloseTo(-VIEW_EXTENT / 2, 1);
    expect(points[3]![1]).toBeCloseTo(-VIEW_EXTENT / 2, 1);
  });
});
