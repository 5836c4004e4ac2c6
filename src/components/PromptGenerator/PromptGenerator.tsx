import { useEffect, useMemo, useState } from 'react';
import { useStudentSource } from '../shared/generation/useStudentSource';
import { usePropState } from '../../hooks/usePropState';
import { useStartWhen } from '../../hooks/useStartWhen';
import { checkFigureProps } from '../shared/props/figureSchema';
import { checkedFigure } from '../shared/ui/checkedFigure';
import {
  FigureCaption,
  FigureDescription,
  FigureRoot,
  type FigureRootBase,
  modelFigureRootProps,
  useFigureIds,
} from '../shared/ui/FigureRoot';
import { GenerationStatus } from '../shared/ui/GenerationStatus';
import { PAUSED_TEXT } from '../shared/ui/StartNotice';
import { ComparisonView } from './ComparisonView';
import type { PromptGeneratorProps } from './PromptGenerator.props';
import {
  initialPromptSettings,
  MAX_UI_COUNT,
  promptGeneratorSchema,
  type PromptGeneratorSettings,
} from './PromptGenerator.schema';
import { noPromptsNote, promptNotes } from './promptNotes';
import { PromptGeneratorForm } from './PromptGeneratorForm';
import type { PromptSettings } from './promptSettings';
import { LivePreviewPanel } from './LivePreviewPanel';
import { ResultItem } from './ResultItem';
import { useLivePreview } from './useLivePreview';
import { usePromptGenerator, type PromptResult } from './usePromptGenerator';

export type { PromptGeneratorProps };

/**
 * The validation layer of {@link PromptGenerator}, run before anything else: every prop checked on a
 * sanitised copy; see its schema.
 */
export function checkPromptGeneratorProps(props: PromptGeneratorProps) {
  return checkFigureProps(promptGeneratorSchema, props);
}

/** Initial settings are compared by content: an equal new object from the host keeps the reader's edits. */
const sameSettings = (a: PromptSettings, b: PromptSettings) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Text-to-image with a real model in the browser: type a prompt, generate a grid, compare any two results
 * side by side. Tells the reader which words the model cannot read, and offers the single step from pure
 * noise that already leans toward the prompt.
 */
export const PromptGenerator = /* @__PURE__ */ checkedFigure(
  { component: 'PromptGenerator', ownClass: 'dk-prompt-generator', check: checkPromptGeneratorProps },
  PromptGeneratorFigure,
);

/** The figure itself, rendered only with valid props (so no engine is acquired for a bad prop). */
function PromptGeneratorFigure({ root, settings }: { root: FigureRootBase; settings: PromptGeneratorSettings }) {
  const { model, liveModel, device, cellSize, maxResults, generateOnLoad, label, startWhen } = settings;
  const gate = useStartWhen(startWhen, root.ref);
  const ids = useFigureIds();
  // New initial props from the host (e.g. Storybook controls) replace the form's values.
  const [form, setForm] = usePropState(initialPromptSettings(settings), { same: sameSettings });
  const gen = usePromptGenerator(model, device, maxResults, gate.started, gate.active);
  // The live model: the host's, else the shipped student unless the host replaced the shipped model.
  const liveSource = useStudentSource(liveModel, model);
  // The live model loads on the reader's first focus of the prompt field: its bytes only for readers who type.
  const [liveWanted, setLiveWanted] = useState(false);
  const live = useLivePreview(liveSource, device, form, gate.started && liveWanted, gate.active);
  const [selected, setSelected] = useState<number[]>([]);
  const ready = gen.engineState.status === 'ready';
  const info = gen.engineState.status === 'ready' ? gen.engineState.info : null;
  const noPrompts = info !== null && !info.acceptsPrompts ? noPromptsNote(info) : null;
  const notes = useMemo(
    () => (noPrompts ? [noPrompts] : gen.tokenizer ? promptNotes(gen.tokenizer, form.prompt).messages : []),
    [noPrompts, gen.tokenizer, form.prompt],
  );

  const [autoStarted, setAutoStarted] = useState(false);
  const { generate } = gen;
  useEffect(() => {
    if (generateOnLoad && ready && !autoStarted) {
      setAutoStarted(true);
      generate(form);
    }
  }, [generateOnLoad, ready, autoStarted, generate, form]);

  const doneIds = new Set(gen.results.filter((r) => r.status === 'done').map((r) => r.id));
  const chosen = selected.filter((s) => doneIds.has(s));
  const pair =
    chosen.length === 2
      ? (chosen.map((s) => gen.results.find((r) => r.id === s)!) as [PromptResult, PromptResult])
      : null;
  const select = (resultId: number, on: boolean) =>
    setSelected(() =>
      on ? [...chosen.filter((s) => s !== resultId), resultId].slice(-2) : chosen.filter((s) => s !== resultId),
    );

  const latest = gen.results[0];
  const paused = gen.running && !gate.active;
  const status =
    gen.phase === 'idle'
      ? 'Not started'
      : paused
        ? PAUSED_TEXT
        : gen.phase === 'error'
          ? 'The model could not be loaded'
          : gen.phase === 'loading'
            ? 'Loading model\u2026'
            : latest?.status === 'running'
              ? `Generating: step ${latest.step} of ${latest.totalSteps}`
              : latest?.status === 'cancelled'
                ? 'Generation cancelled'
                : latest?.status === 'done'
                  ? 'Generation finished'
                  : 'Ready: type a prompt and press Generate';

  return (
    <FigureRoot {...modelFigureRootProps(root, gate, ids, gen.phase, paused)} data-results={gen.results.length}>
      <FigureCaption id={ids.label}>{label}</FigureCaption>
      <FigureDescription id={ids.description}>
        Type an English prompt and generate a grid of glyphs with the diffusion model running in this page. Each result
        is listed, newest first, under its settings; tick Compare on two results to see them side by side. Single step
        shows what the model predicts after one step from pure noise, for the prompt and for the empty prompt.
      </FigureDescription>
      <GenerationStatus
        component="PromptGenerator"
        status={status}
        generation={gen}
        startWhen={startWhen}
        onStart={gate.start}
      />
      <PromptGeneratorForm
        settings={form}
        onChange={setForm}
        onGenerate={() => gen.generate(form)}
        onCancel={gen.cancel}
        running={gen.running}
        ready={ready}
        notes={notes}
        maxCount={MAX_UI_COUNT}
        onPromptFocus={() => setLiveWanted(true)}
      />
      {liveSource !== null && form.mode === 'full' ? (
        <LivePreviewPanel preview={live} count={form.count} cellSize={cellSize} />
      ) : null}
      {pair ? <ComparisonView pair={pair} cellSize={cellSize} onClose={() => setSelected([])} /> : null}
      {gen.results.length > 0 ? (
        <ol aria-label="Results, newest first" className="dk-prompt-generator-results">
          {gen.results.map((r) => (
            <ResultItem
              key={r.id}
              result={r}
              cellSize={cellSize}
              selected={chosen.includes(r.id)}
              onSelect={(on) => select(r.id, on)}
            />
          ))}
        </ol>
      ) : null}
      {chosen.length === 1 ? (
        <p className="dk-caption">Tick Compare on one more result to see the two side by side.</p>
      ) : null}
    </FigureRoot>
  );
}
