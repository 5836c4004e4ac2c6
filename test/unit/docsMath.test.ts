// The docs' formulas: every MDX page under stories/ must pass Storybook's own indexer (a plain MDX parse with
// no plugins: a brace of TeX outside code breaks the whole index) and compile with the docs' MDX options, its
// formulas typeset by KaTeX without error, none left as code.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import mdxLoader from '@storybook/addon-docs/mdx-loader';
import { analyzeMdx } from 'storybook/internal/core-server';
import { describe, expect, it } from 'vitest';
import config from '../../.storybook/main';
import { remarkCodeMath } from '../../.storybook/remarkCodeMath';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function mdxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? mdxFiles(p) : p.endsWith('.mdx') ? [p] : [];
  });
}

/** The addon-docs options of .storybook/main.ts. */
function docsOptions(): Record<string, unknown> {
  const entry = (config.addons ?? []).find((a) => typeof a === 'object' && a.name === '@storybook/addon-docs');
  return (entry as { options: Record<string, unknown> }).options;
}

/** Compiles MDX as Storybook's loader does, with the docs' plugins. */
function compileMdx(source: string, resourcePath: string): Promise<string> {
  const { mdxPluginOptions } = docsOptions() as { mdxPluginOptions: Record<string, unknown> };
  return new Promise((resolve, reject) => {
    const context = {
      async: () => (error: Error | null, code?: string) => (error ? reject(error) : resolve(code!)),
      getOptions: () => mdxPluginOptions,
      resourcePath,
    };
    mdxLoader.call(context, source);
  });
}

const count = (text: string, re: RegExp) => (text.match(re) ?? []).length;

describe('typeset maths in the docs', () => {
  const files = mdxFiles(path.join(root, 'stories'));

  it('finds the pages', () => {
    expect(files.map((f) => path.relative(root, f))).toEqual(
      expect.arrayContaining(['stories/Explainer.mdx', 'stories/Engine.mdx']),
    );
  });

  for (const file of files) {
    const name = path.relative(root, file);
    it(`${name}: indexes, compiles, and typesets every formula`, { timeout: 60_000 }, async () => {
      const source = readFileSync(file, 'utf8');
      await expect(analyzeMdx(source)).resolves.toBeTruthy();
      const code = await compileMdx(source, file);
      expect(count(code, /katex-error/g), 'a formula KaTeX could not parse').toBe(0);
      expect(count(code, /language-math/g), 'a formula left as code').toBe(0);
      // No formula written as a plain code block any more (the old style: sqrt(ᾱ_t) and friends in ``` blocks).
      const blocks = [...source.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)]
        .filter((m) => m[1] !== 'math')
        .map((m) => m[2]!);
      expect(blocks.filter((b) => /sqrt\(|ᾱ|ε̂|∇/.test(b))).toEqual([]);
      if (name === 'stories/Explainer.mdx') {
        expect(count(code, /className: "katex"/g)).toBeGreaterThanOrEqual(40);
        expect(count(code, /className: "katex-display"/g)).toBeGreaterThanOrEqual(6);
      }
    });
  }
});

describe('remarkCodeMath', () => {
  const text = (value: string) => ({ type: 'text', value });
  const code = (value: string) =>
    ({ type: 'inlineCode', value }) as { type: string; value: string; data?: Record<string, unknown> };

  it('marks $`...`$ as inline maths and drops the dollars', () => {
    const a = code('x_{t}');
    const b = code('w');
    const tree = {
      type: 'root',
      children: [{ type: 'paragraph', children: [text('so $'), a, text('$ and $'), b, text('$.')] }],
    };
    remarkCodeMath()(tree);
    const p = tree.children[0]!.children;
    expect(p.filter((n) => n.type === 'text').map((n) => (n as { value: string }).value)).toEqual([
      'so ',
      ' and ',
      '.',
    ]);
    expect(a.data).toMatchObject({
      hName: 'code',
      hProperties: { className: ['language-math', 'math-inline'] },
      hChildren: [{ type: 'text', value: 'x_{t}' }],
    });
    expect(b.data?.hProperties).toBeDefined();
  });

  it('leaves ordinary inline code alone', () => {
    const c = code('npm test');
    const tree = { type: 'root', children: [{ type: 'paragraph', children: [text('run '), c, text(' now, $5')] }] };
    remarkCodeMath()(tree);
    expect(c.data).toBeUndefined();
  });
});
