import type { ThemeToken } from '../../theme/theme';
import { themeVar } from '../../theme/theme';

const COLORS: ThemeToken[] = ['accent', 'accent2', 'accent3', 'muted', 'text'];
const DASHES = [undefined, '6 3', '2 3', '8 3 2 3', '1 5'];

/** Colour and dash of series i: both differ, so series stay apart without colour vision. */
export function seriesStyle(i: number): { stroke: string; strokeDasharray: string | undefined } {
  return { stroke: themeVar(COLORS[i % COLORS.length]!), strokeDasharray: DASHES[i % DASHES.length] };
}
