/**
 * Hostile values for the fuzz tests of the figures: what a host page can pass where a prop is expected.
 * Arbitraries produce tokens ({@link Hostile}) that print by name; {@link materialize} turns them into the
 * values themselves (a fresh circular object, a Proxy whose traps throw, ...) just before a render, so a
 * counterexample always prints, whatever the value would do to a printer.
 */
import { createElement } from 'react';
import fc from 'fast-check';

/** Strings that must come out escaped, never as markup or as CSS: each carries the marker `fuzzinj`. */
export const INJECTIONS = [
  '<script data-fuzzinj>alert(1)</script>',
  '"><img data-fuzzinj src=x onerror=alert(1)>',
  "'><svg data-fuzzinj onload=alert(1)>",
  'red;background:url(fuzzinj-css)',
  'var(--x);}body{background:url(fuzzinj-css)',
  'javascript:alert("fuzzinj")',
] as const;

/** Words a figure must never write into its own markup (a host's string containing them is never generated). */
export const BANNED_TOKENS = ['NaN', 'Infinity', '[object Object]', 'undefined'] as const;

/** A string without the banned tokens. */
export const safeString = (options: { minLength?: number; maxLength?: number } = {}) =>
  fc
    .oneof(
      { weight: 4, arbitrary: fc.string({ maxLength: options.maxLength ?? 24, minLength: options.minLength ?? 0 }) },
      { weight: 1, arbitrary: fc.constantFrom(...INJECTIONS) },
    )
    .filter(
      (s) =>
        (options.maxLength === undefined || s.length <= options.maxLength) &&
        s.length >= (options.minLength ?? 0) &&
        !BANNED_TOKENS.some((t) => s.includes(t)),
    );

function circular(): unknown {
  const o: Record<string, unknown> = { beta_schedule: 'linear', label: 'x', schedule: 'linear' };
  o.self = o;
  o.points = [o];
  o.components = [o];
  return o;
}

function deep(depth: number): unknown {
  const root: Record<string, unknown> = {};
  let o = root;
  for (let i = 0; i < depth; i++) {
    const next: Record<string, unknown> = {};
    o.label = next;
    o.schedule = next;
    o.points = [next];
    o = next;
  }
  return root;
}

function throwingProxy(): unknown {
  const fail = () => {
    throw new Error('fuzz: proxy trap');
  };
  return new Proxy(
    {},
    {
      get: fail,
      has: fail,
      ownKeys: fail,
      getPrototypeOf: fail,
      getOwnPropertyDescriptor: fail,
      set: fail,
      apply: fail,
    },
  );
}

function throwingGetters(): unknown {
  const o = {};
  for (const key of [
    'length',
    'width',
    'height',
    'data',
    'schedule',
    'label',
    'points',
    'components',
    'beta_schedule',
    'num_train_timesteps',
    'trained_betas',
    '0',
    '1',
    'x',
    'y',
    'char',
    'color',
    'name',
    'radical',
    'then',
  ]) {
    Object.defineProperty(o, key, {
      enumerable: true,
      get() {
        throw new Error(`fuzz: getter ${key}`);
      },
    });
  }
  return o;
}

/** The hostile values, by name; each call makes a fresh one. */
export const HOSTILE_FACTORIES: Record<string, () => unknown> = {
  undefined: () => undefined,
  null: () => null,
  true: () => true,
  false: () => false,
  NaN: () => Number.NaN,
  Infinity: () => Number.POSITIVE_INFINITY,
  '-Infinity': () => Number.NEGATIVE_INFINITY,
  '-0': () => -0,
  '5e-324': () => 5e-324,
  '1e308': () => 1e308,
  '-1e308': () => -1e308,
  '2^53+2': () => 2 ** 53 + 2,
  '3e6': () => 3e6,
  '1e9': () => 1e9,
  '0.5': () => 0.5,
  '-1': () => -1,
  emptyString: () => '',
  longString: () => 'a'.repeat(100_000),
  nulString: () => 'x\u0000y',
  injection0: () => INJECTIONS[0],
  injection1: () => INJECTIONS[1],
  injection3: () => INJECTIONS[3],
  symbol: () => Symbol('fuzz'),
  bigint: () => 10n,
  hugeBigint: () => 2n ** 80n,
  function: () => () => 1,
  throwingFunction: () => () => {
    throw new Error('fuzz: function');
  },
  nanFunction: () => () => Number.NaN,
  wrongShapeColorMap: () => () => 'red',
  nanColorMap: () => () => [Number.NaN, 0, 0],
  class: () => class Fuzz {},
  circular,
  circularArray: () => {
    const a: unknown[] = [1, 2];
    a.push(a);
    return a;
  },
  deep: () => deep(20_000),
  throwingProxy,
  revokedProxy: () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    return proxy;
  },
  throwingGetters,
  toStringThrows: () => ({
    toString() {
      throw new Error('fuzz: toString');
    },
    valueOf() {
      throw new Error('fuzz: valueOf');
    },
  }),
  toPrimitiveThrows: () => ({
    [Symbol.toPrimitive]() {
      throw new Error('fuzz: toPrimitive');
    },
  }),
  nullProto: () => Object.create(null),
  emptyObject: () => ({}),
  date: () => new Date(Number.NaN),
  regexp: () => /fuzz/g,
  map: () => new Map([[1, 2]]),
  set: () => new Set([1]),
  promise: () => Promise.resolve('fuzz'),
  thenable: () => ({ then() {} }),
  element: () => createElement('b', null, 'fuzz element'),
  hugeSparseArray: () => new Array(2 ** 32 - 1),
  hugeArrayLike: () => ({ length: 1e12, 0: 1 }),
  negativeArrayLike: () => ({ length: -1 }),
  nanTypedArray: () => new Float64Array([Number.NaN, Number.POSITIVE_INFINITY]),
  typedArray: () => new Uint8Array(4),
  arrayBuffer: () => new ArrayBuffer(8),
  dataView: () => new DataView(new ArrayBuffer(8)),
  numberObject: () => new Number(5),
  stringObject: () => new String('linear'),
  emptyArray: () => [],
  arrayOfObjects: () => [{}, {}],
  arrayOfNaN: () => [Number.NaN, Number.NaN],
  pair: () => [1, 2],
  nestedPair: () => [[1, 2]],
  dangerousHtml: () => ({ __html: INJECTIONS[0] }),
};

/** A hostile value, as a token that prints by its name. */
export class Hostile {
  constructor(readonly name: string) {}
  [fc.toStringMethod](): string {
    return `hostile(${this.name})`;
  }
}

/** A large valid value (an image, thousands of points), made at render time and printed by its description. */
export class Big {
  constructor(
    readonly description: string,
    readonly make: () => unknown,
  ) {}
  [fc.toStringMethod](): string {
    return `big(${this.description})`;
  }
}

/** Any hostile value. */
export const hostile: fc.Arbitrary<unknown> = fc
  .constantFrom(...Object.keys(HOSTILE_FACTORIES))
  .map((name) => new Hostile(name));

/**
 * Hostile values whose properties throw when read. React's development build reads a component's props
 * itself, in the browser (it diffs them for its Performance panel, `logComponentRender`), before any of the
 * component's code runs: such a value breaks React there whatever the component does, as it would with any
 * component of the page. The browser fuzz leaves them to the server fuzz (React never reads props there).
 */
export const THROWS_ON_READ: ReadonlySet<string> = new Set(['throwingProxy', 'revokedProxy', 'throwingGetters']);

/**
 * The value a generated prop stands for: tokens made into hostile values (those named in `exclude` into a
 * circular object instead), plain arrays and objects (as the arbitraries build them) walked. Anything else
 * is itself.
 */
export function materialize(value: unknown, exclude: ReadonlySet<string> = new Set()): unknown {
  if (value instanceof Hostile) return HOSTILE_FACTORIES[exclude.has(value.name) ? 'circular' : value.name]!();
  if (value instanceof Big) return value.make();
  if (Array.isArray(value)) return value.map((v) => materialize(v, exclude));
  const proto: unknown = value && typeof value === 'object' ? Object.getPrototypeOf(value) : undefined;
  if ((proto === Object.prototype || proto === null) && !('$$typeof' in (value as object))) {
    return Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, materialize(v, exclude)]));
  }
  return value;
}

const ABSENT = Symbol('absent');

/**
 * Props of a figure: half of the sets with every own prop left out or valid (so the figures are drawn, at
 * the edges of their ranges too), half with own props that may be hostile; the host's attributes, valid or
 * hostile, in every set.
 */
export function propsOf(valid: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Record<string, unknown>> {
  const field = (arb: fc.Arbitrary<unknown>, hostileWeight: number) =>
    hostileWeight === 0
      ? fc.oneof({ weight: 5, arbitrary: fc.constant<unknown>(ABSENT) }, { weight: 4, arbitrary: arb })
      : fc.oneof(
          { weight: 5, arbitrary: fc.constant<unknown>(ABSENT) },
          { weight: 4, arbitrary: arb },
          { weight: hostileWeight, arbitrary: hostile },
        );
  const record = (hostileWeight: number) =>
    fc
      .record(
        {
          ...Object.fromEntries(Object.entries(valid).map(([key, arb]) => [key, field(arb, hostileWeight)])),
          ...Object.fromEntries(Object.entries(HOST_ATTRIBUTES).map(([key, arb]) => [key, field(arb, 1)])),
        },
        { noNullPrototype: true },
      )
      .map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== ABSENT)));
  return fc.oneof(record(0), record(1));
}

// The host's own style is the host's to write, as on any element: its values carry no injection marker (the
// check for injected CSS is about what reaches a style from props and data, e.g. DatasetMap's colours).
const plainString = fc
  .string({ maxLength: 24 })
  .filter((s) => !BANNED_TOKENS.some((t) => s.includes(t)) && !s.includes('fuzzinj'));
const cssKey = fc.constantFrom(
  'color',
  'width',
  'margin',
  '--dk-accent',
  'backgroundImage',
  'font',
  '<b>',
  'a b',
  'length',
  '0',
  'cssText',
  'parentRule',
);
const cssValue = fc.oneof(
  plainString,
  fc.integer({ min: -100, max: 100 }),
  hostile.filter((h) => !(h instanceof Hostile && h.name.startsWith('injection'))),
);

/** The host's attributes of the root: what a page puts on any element. */
const HOST_ATTRIBUTES: Record<string, fc.Arbitrary<unknown>> = {
  className: safeString(),
  style: fc.dictionary(cssKey, cssValue, { maxKeys: 4, noNullPrototype: true }),
  id: safeString(),
  title: safeString(),
  'data-fuzz': fc.oneof(safeString(), fc.integer()),
  'aria-describedby': safeString(),
  tabIndex: fc.integer({ min: -1, max: 3 }),
  hidden: fc.boolean(),
  onClick: fc.constant(() => {}),
  dangerouslySetInnerHTML: fc.constant({ __html: INJECTIONS[0] }),
  children: fc.oneof(safeString(), fc.constant(createElement('i', null, 'child'))),
  innerHTML: fc.constant(INJECTIONS[0]),
};
