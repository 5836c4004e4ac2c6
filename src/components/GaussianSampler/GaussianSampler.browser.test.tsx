import axe from 'axe-core';
import { flushSync } from 'react-dom';
import { createRoot, hydrateRoot, type Root } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { ThemeScope } from '../../theme/ThemeScope';
import { GaussianSampler } from './GaussianSampler';
import { SERVER_MAX_SAMPLES } from './useGaussianSampler';

let root: Root | null = null;
let host: HTMLElement | null = null;
afterEach(() => {
  root?.unmount();
  host?.remove();
  root = null;
});

function mount(node: React.ReactNode): HTMLElement {
  host = document.createElement('div');
  document.body.appendChild(host);
  root = createRoot(host);
  flushSync(() => root!.render(node));
  return host;
}

describe('GaussianSampler in the browser', () => {
  it('has no axe violations, light and dark, with controls', async () => {
    const el = mount(
      <>
        <GaussianSampler showControls />
        <ThemeScope theme="dark">
          <GaussianSampler showControls sampleCount={50} />
        </ThemeScope>
      </>,
    );
    const result = await axe.run(el);
    expect(result.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });

  it('is operable from the keyboard: Tab to the mean slider, arrow keys change it, Enter resamples', async () => {
    const el = mount(<GaussianSampler showControls />);
    const cell = (name: string) => el.querySelector(`[data-value="${name}"]`)!.textContent;
    await userEvent.keyboard('{Tab}');
    expect(document.activeElement).toBe(el.querySelector('input[type="range"]'));
    await userEvent.keyboard('{ArrowRight}{ArrowRight}');
    // mean 0 -> 0.2 in steps of 0.1
    expect(cell('true-mean')).toBe('0.200');
    const before = cell('mle-mean');
    (el.querySelector('button') as HTMLButtonElement).focus();
    await userEvent.keyboard('{Enter}');
    expect(el.querySelector('[role="figure"]')!.getAttribute('data-seed')).toBe('1');
    expect(cell('mle-mean')).not.toBe(before);
  });

  it(`hydrates server markup of ${SERVER_MAX_SAMPLES} samples without a mismatch, then draws all of them`, async () => {
    const node = <GaussianSampler sampleCount={50_000} seed={4} />;
    host = document.createElement('div');
    host.innerHTML = renderToString(node);
    document.body.appendChild(host);
    const figure = host.querySelector('[role="figure"]')!;
    expect(figure.getAttribute('data-shown')).toBe(String(SERVER_MAX_SAMPLES));
    const recoverable: unknown[] = [];
    root = hydrateRoot(host, node, { onRecoverableError: (error) => recoverable.push(error) });
    // Hydrated in place (the server's element kept, no client render from scratch), then every sample drawn.
    await vi.waitFor(() => expect(figure.getAttribute('data-shown')).toBe('50000'), { timeout: 30_000 });
    expect(recoverable).toEqual([]);
    expect(host.querySelector('[role="figure"]')).toBe(figure);
    expect(host.textContent).toContain('Histogram of 50000 of 50000 samples');
  });

  it('draws every sample at once in a client-only mount', () => {
    const el = mount(<GaussianSampler sampleCount={SERVER_MAX_SAMPLES * 3} />);
    expect(el.querySelector('[role="figure"]')!.getAttribute('data-shown')).toBe(String(SERVER_MAX_SAMPLES * 3));
  });
});
