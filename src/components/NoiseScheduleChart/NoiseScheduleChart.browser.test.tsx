import axe from 'axe-core';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { ThemeScope } from '../../theme/ThemeScope';
import { NoiseScheduleChart } from './NoiseScheduleChart';

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

describe('NoiseScheduleChart in the browser', () => {
  it('has no axe violations, light and dark, with a crosshair', async () => {
    const el = mount(
      <>
        <NoiseScheduleChart t={400} />
        <ThemeScope theme="dark">
          <NoiseScheduleChart t={10} quantities={['snr']} />
        </ThemeScope>
      </>,
    );
    const result = await axe.run(el);
    expect(result.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });

  it('moves the crosshair from the keyboard with the timestep slider', async () => {
    const el = mount(<NoiseScheduleChart quantities={['alphaBar']} />);
    const figure = el.querySelector('[role="figure"]')!;
    await userEvent.keyboard('{Tab}');
    expect(document.activeElement).toBe(el.querySelector('input[type="range"]'));
    await userEvent.keyboard('{End}');
    expect(figure.getAttribute('data-t')).toBe('999');
    await userEvent.keyboard('{ArrowLeft}');
    expect(figure.getAttribute('data-t')).toBe('998');
    expect(el.querySelector('[data-part="live"]')!.textContent).toMatch(/^t = 998\. linear: ᾱ /);
  });
});
