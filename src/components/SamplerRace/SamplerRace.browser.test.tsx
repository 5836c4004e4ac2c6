import { afterEach, describe, expect, it } from 'vitest';
import { liveEngineCount } from '../../hooks/sharedEngine';
import { mountLightAndDark } from '../shared/testing/mountLightAndDark.browser';
import { captureConsole, mount, until } from '../shared/testing/testHelpers.browser';
import { axeViolations } from '../shared/testing/axeViolations.browser';
import { sharedRaceCache } from './raceCache';
import { SamplerRace } from './SamplerRace';

// The real shipped model; one image and a handful of steps, so the whole race is a few dozen U-Net calls.
const figureOf = (host: HTMLElement) => host.querySelector<HTMLElement>('[role="figure"]')!;
const lanes = (host: HTMLElement) => [...host.querySelectorAll<HTMLElement>('li[data-status]')];
const part = (lane: HTMLElement, name: string) => lane.querySelector(`[data-part="${name}"]`)!.textContent ?? '';
const cells = (host: HTMLElement) =>
  [...host.querySelectorAll('tbody tr')].map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent));

function setRange(input: HTMLInputElement, value: number) {
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, String(value));
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
});

// The student's lane has a test of its own; the others race the teacher's samplers alone.
const props = {
  prompt: 'water',
  count: 1,
  steps: 2,
  cellSize: 24,
  schedulers: ['ddim', 'euler'],
  chartSteps: [1, 3],
  referenceScheduler: 'ddim',
  referenceSteps: 3,
  student: false,
} as const;

describe('SamplerRace in Chromium', () => {
  it('races the samplers from the same noise, charts their distance to the reference, and caches every run', async () => {
    sharedRaceCache.clear();
    const log = captureConsole();
    const view = mount(
      <SamplerRace {...props} schedulers={[...props.schedulers]} chartSteps={[...props.chartSteps]} />,
    );
    cleanup = view.unmount;
    const figure = figureOf(view.host);
    await until(() => figure.dataset.state === 'done', 120_000, 'the race and the chart');
    expect(figure.dataset.chartDone).toBe('4'); // reference ddim@3, then ddim@1, euler@1, euler@3
    const [ddim, euler] = lanes(view.host);
    expect(ddim!.dataset.status).toBe('done');
    expect(part(ddim!, 'time')).toMatch(/^\d+\.\d\d s$/);
    expect(part(euler!, 'distance')).toMatch(/^RMS to reference: \d/);
    // The reference is DDIM with 3 steps: DDIM's own point at 3 steps is the same run, so exactly 0;
    // Euler from the same noise ends elsewhere, and 1 step is further from the reference than 3.
    const [ddimRow, eulerRow] = cells(view.host);
    expect(ddimRow![1]).toBe('0');
    expect(Number(eulerRow![1])).toBeGreaterThan(0);
    expect(Number(ddimRow![0])).toBeGreaterThan(0);
    expect(view.host.querySelectorAll('svg[role="img"] circle')).toHaveLength(4);

    // A step count already on the chart: the lanes come from the cache at once, DDIM's distance is 0.
    setRange(view.host.querySelector<HTMLInputElement>('input[type="range"]')!, 3);
    await until(() => figure.dataset.state === 'done' && figure.dataset.steps === '3', 5_000, 'the cached race');
    expect(lanes(view.host).map((l) => part(l, 'time'))).toEqual([
      expect.stringMatching(/\(cached\)$/),
      expect.stringMatching(/\(cached\)$/),
    ]);
    expect(part(lanes(view.host)[0]!, 'distance')).toBe('RMS to reference: 0');
    log.restore();
    expect(log.messages).toEqual([]);
  });

  it('races the shipped student in a lane of its own once the lanes are done, from the same noise, with its distance to the reference', async () => {
    sharedRaceCache.clear();
    const log = captureConsole();
    const view = mount(
      <SamplerRace {...props} student={undefined} schedulers={['ddim']} chartSteps={[2]} referenceSteps={20} />,
    );
    cleanup = view.unmount;
    const figure = figureOf(view.host);
    const student = await until(() => lanes(view.host)[1], 5_000, 'the student lane');
    await until(() => student.dataset.status === 'done', 120_000, "the student's run");
    await until(() => figure.dataset.state === 'done', 120_000, 'the race and the chart');
    expect(student.textContent).toMatch(/^glyffuser-mini-turbo \(LCM, [1-4] steps?, no guidance pass\)/);
    expect(part(student, 'time')).toMatch(/^\d+\.\d\d s$/);
    // From the same noise the student lands near the teacher's 20-step DDIM result: closer than 2-step DDIM does.
    const studentDistance = Number(part(student, 'distance').replace('RMS to reference: ', ''));
    const ddimDistance = Number(part(lanes(view.host)[0]!, 'distance').replace('RMS to reference: ', ''));
    expect(studentDistance).toBeGreaterThan(0);
    expect(studentDistance).toBeLessThan(ddimDistance);
    log.restore();
    expect(log.messages).toEqual([]);
  });

  it('has no axe violations, light and dark, once the race and its chart are done', async () => {
    const race = <SamplerRace {...props} schedulers={[...props.schedulers]} chartSteps={[...props.chartSteps]} />;
    const { view, figures } = mountLightAndDark(race);
    cleanup = view.unmount;
    expect(figures).toHaveLength(2);
    await until(() => figures.every((f) => f.dataset.state === 'done'), 120_000, 'both races');
    // The output is there: each lane's grid, time and distance, the table and the chart's points.
    for (const f of figures) {
      expect(
        lanes(f).every((l) => l.dataset.status === 'done' && /^RMS to reference: \d/.test(part(l, 'distance'))),
      ).toBe(true);
      expect(f.querySelectorAll('svg[role="img"] circle')).toHaveLength(4);
    }
    expect(await axeViolations(view.host)).toEqual([]);
  });

  it('a second figure with the same settings runs nothing: every run is in the cache', async () => {
    const view = mount(
      <SamplerRace {...props} steps={3} schedulers={[...props.schedulers]} chartSteps={[...props.chartSteps]} />,
    );
    const figure = figureOf(view.host);
    await until(() => figure.dataset.state !== 'loading', 60_000, 'the model');
    await until(() => figure.dataset.state === 'done', 5_000, 'the cached race');
    expect(lanes(view.host).every((l) => part(l, 'time').endsWith('(cached)'))).toBe(true);
    view.unmount();
    await until(() => liveEngineCount() === 0, 5_000, 'the engine release');
  });
});
