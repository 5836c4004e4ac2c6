// One schema per figure: each figure's stories take their argTypes from the schema (no story restates a range or a
// list of options), and the generated Props interfaces match their schemas (as `npm run gen:props -- --check` does
// in npm test; here the rule for stories, which a generator cannot see).
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { numberProp, checkFigureProps, choiceProp } from '../../src/components/shared/props/figureSchema';
import { markdownText, schemaArgTypes } from '../../src/components/shared/props/schemaArgTypes';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const componentsDir = path.join(root, 'src/components');
const figures = readdirSync(componentsDir).filter((name) =>
  existsSync(path.join(componentsDir, name, `${name}.schema.ts`)),
);

/**
 * The places in a story file where a control states a range or a step: `min:`, `max:` or `step:` inside `control: { ...
 * }`.
 */
function restatedRanges(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(/control\s*:\s*\{[^}]*\}/g))
    if (/\b(min|max|step)\s*:/.test(match[0])) found.push(match[0]);
  return found;
}

describe('figure schemas', () => {
  it('every figure component has a schema', () => {
    // The figures of the kit: each has a folder with <Name>.tsx and <Name>.stories.tsx (Math is a typesetting helper,
    // not a figure).
    const withStories = readdirSync(componentsDir).filter(
      (name) => name !== 'Math' && existsSync(path.join(componentsDir, name, `${name}.stories.tsx`)),
    );
    expect(withStories.filter((name) => !figures.includes(name))).toEqual([]);
  });

  it.each(figures)('%s: the stories take their argTypes from the schema and restate no range', (figure) => {
    const source = readFileSync(path.join(componentsDir, figure, `${figure}.stories.tsx`), 'utf8');
    expect(source).toMatch(/argTypes\s*:\s*(\{[^}]*\.\.\.)?\s*schemaArgTypes\(/);
    expect(restatedRanges(source)).toEqual([]);
  });

  it('finds a restated range (the check above can fail)', () => {
    expect(restatedRanges(`argTypes: { t: { control: { type: 'range', min: 0, max: 999 } } }`)).toHaveLength(1);
    expect(restatedRanges(`argTypes: { t: { control: 'object' } }`)).toEqual([]);
  });

  it('gives Storybook the range, the options, the doc and the default of each field', () => {
    const schema = {
      width: numberProp({ doc: 'Width in px.', default: 240, min: 120, max: 2000, integer: true }),
      view: choiceProp({ doc: 'What to show.', default: 'a', options: ['a', 'b'] as const }),
    };
    const argTypes = schemaArgTypes(schema);
    expect(argTypes.width).toMatchObject({
      control: { type: 'range', min: 120, max: 2000, step: 1 },
      description: 'Width in px. Accepts an integer from 120 to 2000.',
      table: { defaultValue: { summary: '240' }, type: { summary: 'number' } },
    });
    expect(argTypes.view).toMatchObject({
      control: 'select',
      options: ['a', 'b'],
      table: { defaultValue: { summary: "'a'" } },
    });
  });

  it('escapes markdown emphasis in a doc outside code spans (Storybook renders descriptions as markdown)', () => {
    expect(markdownText('diffusers beta_schedule names, `num_train_timesteps` at most *10000*')).toBe(
      'diffusers beta\\_schedule names, `num_train_timesteps` at most \\*10000\\*',
    );
  });

  it('checks props in the schema order, applies defaults and keeps the host attributes apart', () => {
    const schema = {
      width: numberProp({ doc: 'Width in px.', default: 240, min: 120, max: 2000 }),
      view: choiceProp({ doc: 'What to show.', default: 'a', options: ['a', 'b'] as const }),
    };
    expect(checkFigureProps(schema, { className: 'x' })).toEqual({
      settings: { width: 240, view: 'a' },
      host: { className: 'x' },
      problem: null,
    });
    const bad = checkFigureProps(schema, { width: 5, view: 'c' });
    expect(bad.problem).toEqual({ prop: 'width', message: 'width must be a number from 120 to 2000; got 5.' });
    expect(bad.host).toEqual({});
  });
});
