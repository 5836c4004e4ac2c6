// The `@default` tags of the figures' props, read with the TypeScript compiler from the Props interfaces that
// the public entries (src/index.ts, src/math.ts, src/three.tsx) export, checked against the defaults that the
// figures' validation layers actually apply (each figure's check function called with no props).
//
// The rule: every optional prop declared in the kit's own sources carries exactly one `@default` tag, except
//   - callbacks (a name `on` + capital letter and a function type): they have no default, nothing is called;
//   - the host's attributes inherited from React's HTMLAttributes (FigureHostProps: className, style, id,
//     aria-*, event handlers, ...), passed through to the root untouched;
//   - required props (Math's `tex`), which have no default.
// (The figures take no children and no ref prop: the ref is forwardRef's.) A prop with no default of its own
// says so with `@default undefined` (or `null`), which is checked like any other literal.
//
// A tag is a literal when its whole text is one: `undefined`, `null`, `true`, `false`, a number, a string in
// single or double quotes, or an array or object in JSON form. A literal must equal the applied default. Any
// other text is prose, allowed only for the props of PROSE below, each with the reason no literal holds and a
// check of what its prose claims.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkAttentionMapProps } from '../../src/components/AttentionMap/AttentionMap';
import { checkLatentWalkProps } from '../../src/components/LatentWalk/LatentWalk';
import { checkGlyphSketchProps } from '../../src/components/GlyphSketch/GlyphSketch';
import { checkDatasetMapProps } from '../../src/components/DatasetMap/DatasetMap';
import { DATASET_MAP_RADICALS, datasetMapEntries } from '../../src/components/DatasetMap/datasetMapData';
import { checkDenoiseAnimatorProps } from '../../src/components/DenoiseAnimator/DenoiseAnimator';
import { checkDiffusionTrainerProps } from '../../src/components/DiffusionTrainer/DiffusionTrainer';
import { checkGaussianSamplerProps } from '../../src/components/GaussianSampler/GaussianSampler';
import { checkGuidanceFieldProps, initialGuidanceFieldLayers } from '../../src/components/GuidanceField/GuidanceField';
import { mathDefaults } from '../../src/components/Math/Math';
import { checkNoiseScheduleChartProps } from '../../src/components/NoiseScheduleChart/NoiseScheduleChart';
import { checkPixelGridProps } from '../../src/components/PixelGrid/PixelGrid';
import { pixelGridLayout } from '../../src/components/PixelGrid/pixelGridLayout';
import { checkPixelSource } from '../../src/components/PixelGrid/usePixelGrid';
import { checkPromptGeneratorProps } from '../../src/components/PromptGenerator/PromptGenerator';
import { checkSamplerRaceProps } from '../../src/components/SamplerRace/SamplerRace';
import { checkScoreFieldPlotProps, initialScoreFieldLayers } from '../../src/components/ScoreFieldPlot/ScoreFieldPlot';
import { runForModel } from '../../src/components/shared/generation/runForModel';
import { listGlyphs } from '../../src/data/glyphs';
import { colorMaps } from '../../src/theme/colorMaps';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ENTRIES = ['src/index.ts', 'src/math.ts', 'src/three.tsx'];

type Defaults = Record<string, unknown>;

/**
 * The defaults each figure applies, by prop, read from its validation layer with no props. Where the layer hands
 * on a value that a later step completes (the source's glyph and range, the layers of `show`), that step too.
 */
const FIGURES: Record<string, () => Defaults> = {
  GaussianSamplerProps: () => checkGaussianSamplerProps({}).settings,
  PixelGridProps: () => {
    const { settings } = checkPixelGridProps({});
    const source = checkPixelSource({ glyphSize: settings.glyphSize });
    if (source.problem) throw new Error(source.problem.message);
    // The glyph shown by default, as the index the prop takes.
    const glyph = listGlyphs(settings.glyphSize).findIndex((g) => g.char === source.glyph?.char);
    return { ...settings, glyph, range: source.range };
  },
  NoiseScheduleChartProps: () => checkNoiseScheduleChartProps({}).settings,
  ScoreFieldPlotProps: () => {
    const { settings } = checkScoreFieldPlotProps({});
    return { ...settings, show: initialScoreFieldLayers(settings.show) };
  },
  GuidanceFieldProps: () => {
    const { settings } = checkGuidanceFieldProps({});
    return { ...settings, show: initialGuidanceFieldLayers(settings.show) };
  },
  DiffusionTrainerProps: () => checkDiffusionTrainerProps({}).settings,
  DatasetMapProps: () => checkDatasetMapProps({}).settings,
  DenoiseAnimatorProps: () => checkDenoiseAnimatorProps({}).settings,
  PromptGeneratorProps: () => checkPromptGeneratorProps({}).settings,
  AttentionMapProps: () => checkAttentionMapProps({}).settings,
  LatentWalkProps: () => checkLatentWalkProps({}).settings,
  GlyphSketchProps: () => checkGlyphSketchProps({}).settings,
  SamplerRaceProps: () => checkSamplerRaceProps({}).settings,
  MathProps: () => mathDefaults(),
  // The host's attributes every figure takes on its root: React's, passed through as given, none with a default.
  FigureHostProps: () => ({}),
};

/** Props interfaces the entries export that are not a figure's. */
const NOT_FIGURES: Record<string, string> = {
  ThemeScopeProps: 'ThemeScope is the theme provider, not a figure, and lives in src/theme (outside this check).',
  ...Object.fromEntries(
    ['Button', 'Select', 'Slider', 'NumberField', 'TextField', 'Toggle', 'SegmentedChoice'].map((name) => [
      `${name}Props`,
      `${name} is one of the kit's controls: a native element's own attributes, passed through (no defaults of the kit).`,
    ]),
  ),
};

/** The shipped model's manifest, which the model-driven figures defer to. */
const shippedManifest = JSON.parse(
  readFileSync(path.join(root, 'assets/models/glyffuser-mini/model.json'), 'utf8'),
) as {
  scheduler_config: { _class_name: string };
  guidance: { default: number };
};

/** The number a prose tag gives in `pattern`'s first group. */
function numberIn(tag: string, pattern: RegExp): number {
  const match = pattern.exec(tag);
  expect(match, `'${tag}' should match ${pattern}`).not.toBeNull();
  return Number(match![1]);
}

interface ProseDefault {
  /** Why no literal states the default. */
  reason: string;
  /** Checks what the prose says against the code (the tag's text, the figure's defaults). */
  verify: (tag: string, defaults: Defaults) => void;
}

const modelDefault: ProseDefault = {
  reason:
    "the layer leaves `model` undefined and the engine loads its default model, which the site's configure({ modelUrl }) may change",
  verify(tag, d) {
    expect(d.model).toBeUndefined();
    expect(tag).toContain('glyffuser-mini');
  },
};

/**
 * A second model (PromptGenerator's live preview, SamplerRace's student): the shipped student unless the host chose its
 * own model.
 */
const studentDefault = (prop: string): ProseDefault => ({
  reason: `the layer leaves \`${prop}\` undefined and the figure picks the shipped student only while the shipped model is the one in use`,
  verify(tag, d) {
    expect(d[prop]).toBeUndefined();
    expect(tag).toMatch(
      /^the shipped glyffuser-mini-turbo when neither `model` nor `configure\(\{ modelUrl \}\)` replaces the shipped model, else false$/,
    );
  },
});

const modelScheduler: ProseDefault = {
  reason: "the layer leaves `scheduler` undefined and the engine uses the loaded model's own scheduler_config",
  verify(tag, d) {
    expect(d.scheduler).toBeUndefined();
    const name = /\((\w+) for the shipped glyffuser-mini\)/.exec(tag)?.[1];
    expect(`${name}Scheduler`).toBe(shippedManifest.scheduler_config._class_name);
  },
};

const modelGuidance: ProseDefault = {
  reason: "the layer leaves `guidanceScale` undefined and the engine uses the loaded model's guidance.default",
  verify(tag, d) {
    expect(d.guidanceScale).toBeUndefined();
    expect(numberIn(tag, /\(([\d.]+) for the shipped glyffuser-mini\)/)).toBe(shippedManifest.guidance.default);
  },
};

const automaticExtent: ProseDefault = {
  reason: 'left undefined, the view is sized from the data and N(0, I) when the model is computed',
  verify(tag, d) {
    expect(d.extent).toBeUndefined();
    expect(tag).toMatch(/^automatic/);
  },
};

/** The props whose `@default` is prose, by `Interface.prop`. */
const PROSE: Record<string, ProseDefault> = {
  'PixelGridProps.cellSize': {
    reason: 'left undefined, the cell size is fitted to `size` and the grid once the source is known',
    verify(_tag, d) {
      expect(d.cellSize).toBeUndefined();
      const layout = (width: number, height: number, size: number) =>
        pixelGridLayout({ width, height, size, renderer: 'auto', showValues: 'auto' }).cellSize;
      expect(layout(32, 32, d.size as number)).toBe(Math.floor((d.size as number) / 32));
      expect(layout(20, 30, 100)).toBe(3);
      expect(layout(64, 64, 8)).toBe(1);
    },
  },
  'PixelGridProps.label': {
    reason: 'left undefined, the caption is made from the glyph shown',
    verify(tag, d) {
      expect(d.label).toBeUndefined();
      expect(tag).toContain('`Pixel grid`');
    },
  },
  'ScoreFieldPlotProps.extent': automaticExtent,
  'GuidanceFieldProps.extent': automaticExtent,
  'GuidanceFieldProps.label': {
    reason: "left undefined, there is no caption and the figure's accessible name is made from its state",
    verify(_tag, d) {
      expect(d.label).toBeUndefined();
    },
  },
  'DiffusionTrainerProps.samplingSteps': {
    reason: "it depends on the schedule's number of training steps T",
    verify(tag, d) {
      expect(tag).toMatch(/^min\(50, T\)/);
      expect(numberIn(tag, /: (\d+) for the default 1000-step schedule/)).toBe(d.samplingSteps);
      expect(d.samplingSteps).toBe(50);
      expect(
        checkDiffusionTrainerProps({ schedule: { beta_schedule: 'linear', num_train_timesteps: 20 } }).settings
          .samplingSteps,
      ).toBe(20);
    },
  },
  'DiffusionTrainerProps.t': {
    reason: "it depends on the schedule's number of training steps T",
    verify(tag, d) {
      expect(tag).toMatch(/^round\(T \/ 10\)/);
      expect(numberIn(tag, /: (\d+) for the default 1000-step schedule/)).toBe(d.t);
      expect(d.t).toBe(100);
      expect(
        checkDiffusionTrainerProps({ schedule: { beta_schedule: 'linear', num_train_timesteps: 500 } }).settings.t,
      ).toBe(50);
    },
  },
  'DatasetMapProps.data': {
    reason: 'the default is the 400 shipped entries, too long to write out',
    verify(tag, d) {
      expect(d.data).toBe(datasetMapEntries());
      expect(numberIn(tag, /^the (\d+) shipped/)).toBe(datasetMapEntries().length);
      expect(tag).toContain('`datasetMapEntries()`');
    },
  },
  'DatasetMapProps.radicals': {
    reason: 'the default is DATASET_MAP_RADICALS, whose colours are long CSS fallbacks; the tag names the radicals',
    verify(tag, d) {
      expect(d.radicals).toEqual(DATASET_MAP_RADICALS);
      const named = [...tag.matchAll(/(\w+) (\d+)/g)].map((m) => ({ name: m[1], radical: Number(m[2]) }));
      expect(named).toEqual(DATASET_MAP_RADICALS.map((r) => ({ name: r.name, radical: r.radical })));
    },
  },
  'DenoiseAnimatorProps.model': modelDefault,
  'DenoiseAnimatorProps.scheduler': modelScheduler,
  'DenoiseAnimatorProps.guidanceScale': modelGuidance,
  'DenoiseAnimatorProps.classLabel': {
    reason: 'left undefined, the class is chosen for the loaded model (runForModel)',
    verify(tag, d) {
      expect(d.classLabel).toBeUndefined();
      const info = (nullClass?: number) =>
        ({
          conditioning: 'class',
          acceptsPrompts: false,
          manifest: { classes: ['a', 'b', 'null'], nullClass },
        }) as unknown as Parameters<typeof runForModel>[1];
      // With a null class the label is left out, and the engine samples the null class; without, class 0.
      const run: Parameters<typeof runForModel>[0] = {};
      expect(runForModel(run, info(2)).classLabel).toBeUndefined();
      expect(runForModel(run, info()).classLabel).toBe(0);
      expect(tag).toMatch(/null class .* else its first class, 0$/);
    },
  },
  'PromptGeneratorProps.model': modelDefault,
  'PromptGeneratorProps.liveModel': studentDefault('liveModel'),
  'GlyphSketchProps.model': modelDefault,
  'GlyphSketchProps.liveModel': studentDefault('liveModel'),
  'GlyphSketchProps.scheduler': modelScheduler,
  'GlyphSketchProps.guidanceScale': modelGuidance,
  'LatentWalkProps.model': modelDefault,
  'LatentWalkProps.scheduler': modelScheduler,
  'LatentWalkProps.guidanceScale': modelGuidance,
  'AttentionMapProps.model': modelDefault,
  'AttentionMapProps.scheduler': modelScheduler,
  'AttentionMapProps.guidanceScale': modelGuidance,
  'SamplerRaceProps.model': modelDefault,
  'SamplerRaceProps.student': studentDefault('student'),
  'SamplerRaceProps.guidanceScale': modelGuidance,
};

type Literal = { value: unknown } | null;

/** The tag's value when its whole text is a literal, else null (prose). */
function parseLiteral(text: string): Literal {
  if (text === 'undefined') return { value: undefined };
  const quoted = /^'([^'\\]*)'$/.exec(text);
  if (quoted) return { value: quoted[1] };
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return null;
  }
}

/** A default as the docs write it: a colour map function by its name, anything else as it is. */
function documented(value: unknown): unknown {
  if (typeof value === 'function') {
    const name = Object.entries(colorMaps).find(([, map]) => map === value)?.[0];
    if (name) return name;
  }
  return value;
}

interface PropDoc {
  name: string;
  /** Declared in React's types (a host attribute), not the kit's. */
  host: boolean;
  optional: boolean;
  callback: boolean;
  /** The text of each `@default` tag, whitespace collapsed. */
  defaults: string[];
}

let props: Map<string, PropDoc[]>;

/** The Props interfaces (and type aliases) exported by the entries, with their props (inherited ones included). */
function readPropsInterfaces(): Map<string, PropDoc[]> {
  const { config } = ts.readConfigFile(path.join(root, 'tsconfig.json'), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, root);
  const program = ts.createProgram(
    ENTRIES.map((e) => path.join(root, e)),
    { ...options, noEmit: true },
  );
  const checker = program.getTypeChecker();
  const out = new Map<string, PropDoc[]>();
  for (const entry of ENTRIES) {
    const file = program.getSourceFile(path.join(root, entry));
    const module = file && checker.getSymbolAtLocation(file);
    if (!module) throw new Error(`cannot read ${entry}`);
    for (const exported of checker.getExportsOfModule(module)) {
      if (!exported.name.endsWith('Props') || out.has(exported.name)) continue;
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      if (!symbol.declarations?.some((d) => ts.isInterfaceDeclaration(d) || ts.isTypeAliasDeclaration(d)))
        throw new Error(`${exported.name} of ${entry} is not a type`);
      const type = checker.getDeclaredTypeOfSymbol(symbol);
      const docs = checker.getPropertiesOfType(type).map((prop): PropDoc => {
        const decl = prop.valueDeclaration ?? prop.declarations![0]!;
        const propType = checker.getNonNullableType(checker.getTypeOfSymbolAtLocation(prop, decl));
        return {
          name: prop.name,
          host: decl.getSourceFile().fileName.includes('/node_modules/'),
          optional: (prop.flags & ts.SymbolFlags.Optional) !== 0,
          callback: /^on[A-Z]/.test(prop.name) && propType.getCallSignatures().length > 0,
          defaults: ts
            .getJSDocTags(decl)
            .filter((tag) => tag.tagName.text === 'default')
            .map((tag) => (ts.getTextOfJSDocComment(tag.comment) ?? '').replace(/\s+/g, ' ').trim()),
        };
      });
      out.set(exported.name, docs);
    }
  }
  return out;
}

/** What is wrong with the `@default` tags of one interface, one line per prop. */
function problemsOf(iface: string, docs: PropDoc[], defaults: Defaults): string[] {
  const problems: string[] = [];
  for (const prop of docs) {
    if (prop.host) continue;
    const key = `${iface}.${prop.name}`;
    const exempt = !prop.optional || prop.callback;
    if (prop.defaults.length === 0) {
      if (!exempt) problems.push(`${key}: no @default tag`);
      continue;
    }
    if (prop.defaults.length > 1) problems.push(`${key}: ${prop.defaults.length} @default tags`);
    const tag = prop.defaults[0]!;
    const literal = parseLiteral(tag);
    const prose = PROSE[key];
    if (literal && prose) problems.push(`${key}: @default ${tag} is a literal, so it must leave the PROSE list`);
    if (!literal && !prose) problems.push(`${key}: @default ${tag} is neither a literal nor listed in PROSE`);
    if (literal) {
      if (!Object.hasOwn(defaults, prop.name)) {
        problems.push(`${key}: the validation layer gives no default to compare @default ${tag} with`);
        continue;
      }
      const applied = documented(defaults[prop.name]);
      if (!isEqual(applied, literal.value))
        problems.push(`${key}: @default ${tag}, but the code applies ${JSON.stringify(applied) ?? 'undefined'}`);
    }
    if (prose) {
      try {
        prose.verify(tag, defaults);
      } catch (error) {
        problems.push(`${key}: @default ${tag} does not hold: ${(error as Error).message}`);
      }
    }
  }
  return problems;
}

function isEqual(a: unknown, b: unknown): boolean {
  try {
    expect(a).toStrictEqual(b);
    return true;
  } catch {
    return false;
  }
}

beforeAll(() => {
  props = readPropsInterfaces();
}, 120_000);

describe('the @default tags of the figures’ props', () => {
  it('cover every Props interface the entries export', () => {
    const exported = [...props.keys()].filter((name) => !(name in NOT_FIGURES)).sort();
    expect(exported).toEqual(Object.keys(FIGURES).sort());
    for (const name of Object.keys(NOT_FIGURES)) expect(props.has(name), `${name} is listed in NOT_FIGURES`).toBe(true);
  });

  it.each(Object.keys(FIGURES))(
    '%s: every prop that needs one has a @default tag, equal to the default the code applies',
    (iface) => {
      const docs = props.get(iface);
      expect(docs, `${iface} is exported by an entry`).toBeDefined();
      expect(problemsOf(iface, docs!, FIGURES[iface]!())).toEqual([]);
    },
  );

  it('lists in PROSE only props that exist, each with a reason', () => {
    for (const [key, prose] of Object.entries(PROSE)) {
      const [iface, name] = key.split('.') as [string, string];
      const prop = props.get(iface)?.find((p) => p.name === name && !p.host);
      expect(prop, `${key} is a prop of a figure`).toBeDefined();
      expect(prop!.defaults, `${key} has a @default tag`).toHaveLength(1);
      expect(prose.reason.length).toBeGreaterThan(20);
    }
  });

  it('reads literal tags as literals and prose as prose', () => {
    expect(parseLiteral("'greys'")).toEqual({ value: 'greys' });
    expect(parseLiteral('"greys"')).toEqual({ value: 'greys' });
    expect(parseLiteral('[0, 1]')).toEqual({ value: [0, 1] });
    expect(parseLiteral('0.02')).toEqual({ value: 0.02 });
    expect(parseLiteral('undefined')).toEqual({ value: undefined });
    expect(parseLiteral('null')).toEqual({ value: null });
    expect(parseLiteral("the model's guidance.default (7 for glyffuser-mini)")).toBeNull();
    expect(parseLiteral("'a' or 'b'")).toBeNull();
  });
});
