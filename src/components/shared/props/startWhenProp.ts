import { START_WHEN, type StartWhen } from '../../../hooks/useStartWhen';
import type { PropValidator } from './propChecks';

/**
 * The `startWhen` prop of the model-driven figures ('visible' by default: the model loads and runs once the
 * figure scrolls into view; 'mount': at once; 'never': on the reader's Start). See `useStartWhen`.
 */
export function readStartWhen(v: PropValidator): StartWhen {
  return v.oneOf<StartWhen>('startWhen', 'visible', START_WHEN);
}
