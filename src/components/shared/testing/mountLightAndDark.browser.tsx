import type { ReactNode } from 'react';
import { ThemeScope } from '../../../theme/ThemeScope';
import { mount } from './testHelpers.browser';

/**
 * Mounts a figure twice, in the page's (light) theme and inside a dark ThemeScope, for the axe checks of both
 * themes; returns the mount and the two figure roots, light first.
 */
export function mountLightAndDark(light: ReactNode, dark: ReactNode = light) {
  const view = mount(
    <>
      {light}
      <ThemeScope theme="dark" style={{ padding: 8 }}>
        {dark}
      </ThemeScope>
    </>,
  );
  return { view, figures: [...view.host.querySelectorAll<HTMLElement>('[role="figure"]')] };
}
