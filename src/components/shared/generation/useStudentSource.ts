import { useMemo } from 'react';
import { defaultTurboModelSource, type ModelFileMap } from '../../../engine/internal';

/**
 * The few-step model of a figure's student prop (PromptGenerator's `liveModel`, SamplerRace's `student`,
 * GlyphSketch's `liveModel`): the host's URL; none for false; left out, the shipped student while the shipped model
 * is the one in use (a host's own model gets no student it did not name).
 */
export function useStudentSource(
  student: string | false | undefined,
  model: string | undefined,
): string | ModelFileMap | null {
  return useMemo(
    () => (student === false ? null : (student ?? (model === undefined ? defaultTurboModelSource() : null))),
    [student, model],
  );
}
