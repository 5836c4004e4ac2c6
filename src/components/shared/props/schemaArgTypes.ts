import type { FigureSchema, PropField } from './figureSchema';

/**
 * One prop's entry in Storybook's argTypes (a structural copy of Storybook's type, so that src needs no Storybook
 * types).
 */
export interface SchemaArgType {
  description: string;
  control: false | string | { type: string; min?: number; max?: number; step?: number };
  options?: readonly string[];
  table: { type: { summary: string }; defaultValue?: { summary: string } };
}

/** A slider step of about 1/200 of the range, rounded to 1, 2 or 5 times a power of ten. */
function niceStep(span: number): number {
  const raw = span / 200;
  const power = 10 ** Math.floor(Math.log10(raw));
  const m = raw / power;
  return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * power;
}

/** The doc of a prop as the reader sees it: the field's line, then what it accepts. */
export function fieldDoc(field: PropField<unknown, unknown>): string {
  return field.accepts ? `${field.doc} Accepts ${field.accepts}.` : field.doc;
}

/**
 * A doc as Storybook's markdown shows it: underscores and asterisks outside `code` spans escaped, so that names
 * such as beta_schedule are not read as emphasis.
 */
export function markdownText(text: string): string {
  return text
    .split(/(`[^`]*`)/)
    .map((part) => (part.startsWith('`') ? part : part.replace(/([_*])/g, '\\$1')))
    .join('');
}

function control(field: PropField<unknown, unknown>): SchemaArgType['control'] {
  const { range } = field;
  if ((field.control === 'range' || field.control === 'number') && range) {
    const { min, max, integer } = range;
    const step = integer ? 1 : min !== undefined && max !== undefined ? niceStep(max - min) : undefined;
    return { type: field.control, min, max, step };
  }
  return field.control;
}

/**
 * Storybook's argTypes of a figure, from its schema: each prop's control (a slider over the accepted range, a
 * select of the accepted names, ...), its doc and its default in the props table. Stories take these as they are,
 * so a range is stated once (a test fails if a story restates one); `overrides` may only hide or re-label.
 */
export function schemaArgTypes(schema: FigureSchema): Record<string, SchemaArgType> {
  const out: Record<string, SchemaArgType> = {};
  for (const [name, field] of Object.entries(schema)) {
    out[name] = {
      description: markdownText(fieldDoc(field)),
      control: control(field),
      ...(field.options ? { options: [...field.options] } : {}),
      table: {
        type: { summary: field.type },
        ...(field.defaultText === undefined ? {} : { defaultValue: { summary: field.defaultText } }),
      },
    };
  }
  return out;
}
