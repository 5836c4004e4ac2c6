/**
 * axe-core over a part of the page, for the browser tests (not shipped: only *.browser.test files import it).
 */
import axe from 'axe-core';

/** axe's violations under `el`, one line each: rule, help and the elements it names (empty when clean). */
export async function axeViolations(el: Element): Promise<string[]> {
  const result = await axe.run(el);
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}
