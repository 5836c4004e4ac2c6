import { createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { noiseScheduleFromConfig } from '../../../engine/internal';
import { checkColorMapProp } from './colorMapProps';
import { isSafeCssColor } from './cssColor';
import { checkLabel, labelText, safeRef, sanitizeHostProps, sanitizeStyle } from './hostProps';
import { checkNumber, checkOneOf, describeValue, PropValidator } from './propChecks';
import { MAX_TRAIN_TIMESTEPS, resolveSchedule, sanitizeScheduleSpec, scheduleLabel } from './resolveSchedule';
import { countingReads } from '../testing/countingReads';

// Building a schedule is the work a refused schedule prop must not cause: counted (through the engine's internal
// entry, the only way src/ reaches noiseScheduleFromConfig), passing through.
vi.mock('../../../engine/internal', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../engine/internal')>();
  return { ...actual, noiseScheduleFromConfig: vi.fn(actual.noiseScheduleFromConfig) };
});

const circular: Record<string, unknown> = { a: 1 };
circular.self = circular;
const throwingProxy = new Proxy(
  {},
  {
    get() {
      throw new Error('trap');
    },
    has() {
      throw new Error('trap');
    },
    getPrototypeOf() {
      throw new Error('trap');
    },
  },
);

const throwingGetter = Object.defineProperty({}, 'length', {
  enumerable: true,
  get() {
    throw new Error('getter');
  },
});

describe('describeValue', () => {
  it('describes any value without throwing, and never as [object Object]', () => {
    const values = [
      Symbol('s'),
      10n,
      () => 1,
      circular,
      throwingProxy,
      throwingGetter,
      Promise.resolve(1),
      null,
      undefined,
      NaN,
      [1, 2],
      new Float64Array(2),
      'x'.repeat(100),
    ];
    for (const v of values) {
      const text = describeValue(v);
      expect(typeof text).toBe('string');
      expect(text).not.toContain('[object');
    }
    expect(describeValue(Symbol('s'))).toBe('a symbol');
    expect(describeValue(10n)).toBe('a BigInt');
    expect(describeValue([1, 2])).toBe('an array of 2');
    expect(describeValue('x'.repeat(100))).toMatch(/^'x{40}…'$/);
  });

  it('is what the checks write after "got"', () => {
    expect(checkNumber('seed', Symbol('s'))!.message).toBe('seed must be a finite number; got a symbol.');
    expect(checkOneOf('view', 10n, ['2d', '3d'])!.message).toBe("view must be one of '2d', '3d'; got a BigInt.");
  });
});

describe('PropValidator', () => {
  it('takes the default for undefined, keeps the first problem, and turns a throw into a problem naming the prop', () => {
    const v = new PropValidator({ a: 2, b: 'x', c: throwingProxy });
    expect(v.number('a', 0, { min: 0, max: 5 })).toBe(2);
    expect(v.number('missing', 7)).toBe(7);
    expect(v.number('b', 1)).toBe(1);
    expect(v.problem!.prop).toBe('b');
    v.read('c', null, (x) => ({ value: (x as { y: number }).y }));
    expect(v.problem!.prop).toBe('b');
    const w = new PropValidator({ c: throwingProxy });
    expect(w.read('c', 'fallback', (x) => ({ value: String((x as { y: unknown }).y) }))).toBe('fallback');
    expect(w.problem).toEqual({ prop: 'c', message: 'c could not be read: trap' });
  });

  it('takes callbacks only as functions', () => {
    const v = new PropValidator({ onChange: 'alert(1)' });
    expect(v.callback('onChange')).toBeUndefined();
    expect(v.problem!.message).toBe("onChange must be a function; got 'alert(1)'.");
  });
});

describe('host attributes', () => {
  const own = new Set(['mean']);

  it('keeps what a div takes as text and drops what would throw or print [object Object]', () => {
    const onClick = () => {};
    const host = sanitizeHostProps(
      {
        mean: 1,
        id: 'x',
        'data-n': 3,
        'aria-hidden': true,
        title: '<b>kept as text</b>',
        className: Symbol('c'),
        'data-obj': { a: 1 },
        'data-nan': NaN,
        'data-sym': Symbol('s'),
        onClick,
        onKeyDown: 'alert(1)',
        children: 'no',
        dangerouslySetInnerHTML: { __html: '<script></script>' },
      },
      own,
    );
    expect(host).toEqual({ id: 'x', 'data-n': 3, 'aria-hidden': true, title: '<b>kept as text</b>', onClick });
  });

  it('keeps a string className and a style of CSS properties to strings and numbers', () => {
    expect(sanitizeHostProps({ className: 'a b', style: { color: 'red', width: 3, '--x': '1px' } }, own)).toEqual({
      className: 'a b',
      style: { color: 'red', width: 3, '--x': '1px' },
    });
    // Keys the browser throws on when React assigns them, and values that would print NaN or [object Object].
    expect(
      sanitizeStyle({
        length: -1,
        0: 'x',
        cssText: 'color:red',
        parentRule: 1,
        color: { a: 1 },
        margin: NaN,
        padding: 2,
      }),
    ).toEqual({ padding: 2 });
    expect(sanitizeStyle('color: red')).toBeUndefined();
    expect(sanitizeStyle(throwingProxy)).toBeUndefined();
  });

  it('never throws on a props object that cannot be read', () => {
    expect(sanitizeHostProps({ a: throwingProxy, b: throwingGetter }, own)).toEqual({});
  });

  it('passes a ref React can attach, and nothing else', () => {
    const fn = () => {};
    const obj = { current: null };
    expect(safeRef(fn)).toBe(fn);
    expect(safeRef(obj)).toBe(obj);
    expect(safeRef(5 as never)).toBeNull();
  });
});

describe('labels', () => {
  it('takes a string or a React element, nothing else', () => {
    expect(checkLabel('label', 'A figure').value).toBe('A figure');
    const element = createElement('em', null, 'x');
    expect(checkLabel('label', element).value).toBe(element);
    expect(checkLabel('label', { a: 1 }).problem!.message).toBe(
      'label must be a string or a React element; got object.',
    );
    expect(checkLabel('label', Promise.resolve('x')).problem!.prop).toBe('label');
    expect(checkLabel('label', 'x'.repeat(5000)).problem!.message).toMatch(
      /at most 1000 characters.*got 5000 characters/,
    );
    expect(labelText('x')).toBe('x');
    expect(labelText(element)).toBeUndefined();
  });
});

describe('CSS colours from host data', () => {
  it('accepts colours', () => {
    for (const c of [
      'red',
      '#123',
      '#a1b2c3d4',
      'rgb(10 20 30 / 50%)',
      'rgba(1, 2, 3, 0.5)',
      'var(--dk-radical-85, var(--dk-accent, #2f6fde))',
      'oklch(0.7 0.1 200)',
      'color-mix(in srgb, red 50%, blue)',
      'transparent',
      'currentColor',
    ]) {
      expect(isSafeCssColor(c), c).toBe(true);
    }
  });

  it('refuses anything that could add a declaration, load a resource or leave the property', () => {
    for (const c of [
      'red;background:url(x)',
      'url(x)',
      'expression(alert(1))',
      'red}body{color:blue',
      '"red"',
      "red'",
      'red\\;',
      'image-set(x)',
      'red !important',
      '',
      'r'.repeat(300),
      'rgb((1)',
      'rgb(1))',
      '(red)',
      12,
      null,
    ]) {
      expect(isSafeCssColor(c), String(c)).toBe(false);
    }
  });
});

describe('schedule props', () => {
  it('take diffusers snake_case keys, with the engine camelCase as an alias', () => {
    expect(
      sanitizeScheduleSpec('s', { beta_schedule: 'linear', num_train_timesteps: 10, _class_name: 'DDIMScheduler' })
        .value,
    ).toEqual({ beta_schedule: 'linear', num_train_timesteps: 10 });
    expect(sanitizeScheduleSpec('s', { betaSchedule: 'linear', numTrainTimesteps: 10 }).value).toEqual({
      beta_schedule: 'linear',
      num_train_timesteps: 10,
    });
    expect(sanitizeScheduleSpec('s', { beta_schedule: 'linear', betaSchedule: 'sigmoid' }).problem!.message).toBe(
      's: give beta_schedule or its alias betaSchedule, not both.',
    );
    expect(
      resolveSchedule('s', { betaSchedule: 'scaled_linear', numTrainTimesteps: 10, betaStart: 0.01, betaEnd: 0.04 })
        .schedule!.betas[9],
    ).toBeCloseTo(0.04, 15);
  });

  it('limit the training steps, naming the limit, before any work', () => {
    const built = vi.mocked(noiseScheduleFromConfig).mock.calls;
    const before = built.length;
    expect(resolveSchedule('schedule', { num_train_timesteps: 3e6 }).problem!.message).toBe(
      `schedule: num_train_timesteps must be an integer from 1 to ${MAX_TRAIN_TIMESTEPS} (the limit on training steps); got 3000000.`,
    );
    // A huge sparse array: its length is checked before anything is allocated or read (element reads counted).
    const huge = countingReads(new Array(2 ** 32 - 1));
    expect(resolveSchedule('schedule', { trained_betas: huge.value }).problem!.message).toMatch(
      /trained_betas must hold from 1 to 10000 betas .*got 4294967295/,
    );
    expect(huge.reads()).toBe(0);
    expect(built.length - before).toBe(0);
    // The counts are live: an accepted config (not built before, so not cached) is built, its betas read.
    const small = countingReads([0.1, 0.2, 0.3]);
    expect(resolveSchedule('schedule', { num_train_timesteps: 3, trained_betas: small.value }).problem).toBeNull();
    expect(small.reads()).toBe(3);
    expect(built.length - before).toBe(1);
  });

  it('refuse values the cache key or the message could not print', () => {
    expect(resolveSchedule('schedule', { beta_start: 10n }).problem!.message).toBe(
      'schedule: beta_start must be a number between 0 and 1; got a BigInt.',
    );
    expect(resolveSchedule('schedule', { num_train_timesteps: Symbol('n') }).problem!.prop).toBe('schedule');
    // Unknown keys are never read, so a circular value among them does no harm.
    expect(resolveSchedule('schedule', { beta_schedule: 'linear', extra: circular }).problem).toBeNull();
    expect(resolveSchedule('schedule', throwingProxy).problem!.message).toMatch(
      /^schedule could not be read: trap|^schedule must be/,
    );
  });

  it('refuse a degenerate schedule whose alpha-bar is not a number in [0, 1]', () => {
    const bad = resolveSchedule('schedule', {
      num_train_timesteps: 10_000,
      beta_start: 0.01,
      beta_end: 0.22,
      rescale_betas_zero_snr: true,
    });
    expect(bad.problem!.message).toMatch(/^schedule: this schedule is degenerate: at t = \d+/);
  });

  it('label a spec without throwing', () => {
    expect(scheduleLabel({ betaSchedule: 'sigmoid' })).toBe('sigmoid');
    expect(scheduleLabel(circular as never)).toBe('linear');
  });
});

describe('colour-map props', () => {
  it('take a name or a function to [r, g, b], tried before use and guarded after', () => {
    expect(checkColorMapProp('colorMap', 'viridis').value!(0)).toEqual([68, 1, 84]);
    expect(checkColorMapProp('colorMap', 'jet').problem!.message).toMatch(
      /^colorMap must be one of 'viridis', 'greys', 'diverging' or a function/,
    );
    expect(checkColorMapProp('colorMap', () => 'red').problem!.message).toBe(
      "colorMap must return [r, g, b], three finite numbers from 0 to 255, for t in [0, 1]; at t = 0 it returned 'red'.",
    );
    expect(checkColorMapProp('colorMap', () => [NaN, 0, 0]).problem!.prop).toBe('colorMap');
    expect(
      checkColorMapProp('colorMap', () => {
        throw new Error('boom');
      }).problem!.message,
    ).toBe('colorMap threw at t = 0: boom');
    // Accepted at the probes, but off elsewhere: clamped, or black.
    const odd = checkColorMapProp(
      'colorMap',
      (t: number) => (t === 0.3 ? undefined : [t * 1000, -5, 0.4]) as never,
    ).value!;
    expect(odd(1)).toEqual([255, 0, 0]);
    expect(odd(0.3)).toEqual([0, 0, 0]);
  });
});
