/**
 * Inline maths in the docs' MDX, written as GitHub writes it: $`\sqrt{\bar\alpha_t}`$ (display maths is a
 * ```math fenced block, which rehype-katex typesets by itself). This plugin marks such inline code as maths,
 * dropping the dollars around it, and rehype-katex renders it.
 *
 * Why not remark-math's $...$: Storybook indexes every MDX page with a plain MDX parser that runs no plugins
 * (`analyzeMdx` in storybook/core-server), which reads the `{` of `\sqrt{...}` as the start of a JavaScript
 * expression and fails the whole index ("Could not parse expression with acorn"). Inside code, braces are
 * plain text to every MDX parser; and GitHub renders both forms as maths too.
 */

interface MdastNode {
  type: string;
  value?: string;
  children?: MdastNode[];
  data?: Record<string, unknown>;
}

/** The remark plugin: inline code between a `$` and a `$` becomes inline maths. */
export function remarkCodeMath() {
  return (tree: MdastNode) => walk(tree);
}

function walk(node: MdastNode): void {
  const children = node.children;
  if (!children) return;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.type !== 'inlineCode') {
      walk(child);
      continue;
    }
    const before = children[i - 1];
    const after = children[i + 1];
    if (
      before?.type !== 'text' ||
      after?.type !== 'text' ||
      !before.value?.endsWith('$') ||
      !after.value?.startsWith('$')
    )
      continue;
    before.value = before.value.slice(0, -1);
    after.value = after.value.slice(1);
    // What remark-math makes of $...$: <code class="language-math math-inline">, which rehype-katex typesets inline.
    child.data = {
      ...child.data,
      hName: 'code',
      hProperties: { className: ['language-math', 'math-inline'] },
      hChildren: [{ type: 'text', value: child.value ?? '' }],
    };
  }
}
