/**
 * Helpers of the model-driven components' browser tests (not shipped: only *.browser.test files import it).
 */
import { createRoot, type Root } from 'react-dom/client';
import type { ReactNode } from 'react';
import { flushSync } from 'react-dom';

/** Renders into a fresh div on the page; returns it, its root, and a cleanup. */
export function mount(node: ReactNode): {
  host: HTMLDivElement;
  root: Root;
  rerender: (next: ReactNode) => void;
  unmount: () => void;
} {
  const host = document.createElement('div');
  document.body.appendChild(host);
  const root = createRoot(host);
  flushSync(() => root.render(node));
  return {
    host,
    root,
    rerender: (next) => flushSync(() => root.render(next)),
    unmount: () => {
      root.unmount();
      host.remove();
    },
  };
}

/** Collects console.error and console.warn calls until `restore()`. */
export function captureConsole(): { messages: string[]; restore: () => void } {
  const messages: string[] = [];
  const { error, warn } = console;
  console.error = (...args: unknown[]) => {
    messages.push(args.map(String).join(' '));
    error.apply(console, args);
  };
  console.warn = (...args: unknown[]) => {
    messages.push(args.map(String).join(' '));
    warn.apply(console, args);
  };
  return {
    messages,
    restore: () => {
      console.error = error;
      console.warn = warn;
    },
  };
}

/** Resolves once `check` returns a truthy value (polled every 20 ms), or rejects after `timeoutMs`. */
export async function until<T>(check: () => T, timeoutMs = 60_000, what = 'condition'): Promise<NonNullable<T>> {
  const start = performance.now();
  for (;;) {
    const value = check();
    if (value) return value as NonNullable<T>;
    if (performance.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The button of `host` with this exact text. */
export function button(host: HTMLElement, text: string): HTMLButtonElement {
  const found = [...host.querySelectorAll('button')].find((b) => b.textContent === text);
  if (!found) throw new Error(`no button '${text}'`);
  return found;
}
