import { useId } from 'react';
import { getGlyph, listGlyphs } from '../../data/glyphs';
import { Button, SegmentedChoice, Select } from '../shared/ui/controls';
import type { SketchTool } from './sketchCells';

/** Props of {@link SketchToolbar}. */
export interface SketchToolbarProps {
  /** The pad's tool. */
  tool: SketchTool;
  /** Called with the tool the reader picks. */
  onToolChange: (tool: SketchTool) => void;
  /** Called when the reader clears the pad. */
  onClear: () => void;
  /**
   * Called with a glyph's bitmap (a fresh copy, row-major, 1 = ink) when the reader starts from a glyph; without
   * it, or with no `glyphs`, there is no glyph menu.
   */
  onLoadGlyph?: (cells: Float32Array, char: string) => void;
  /** The characters the glyph menu offers (shipped glyphs of `side`; others are left out). */
  glyphs?: readonly string[];
  /** The side of the pad in cells: the glyph size looked up. */
  side: number;
  /** What Clear clears, for its accessible name ("Clear sketch", "Clear mask"). */
  clearLabel?: string;
  disabled?: boolean;
}

/** The first meaning of a Unihan definition, short enough for a menu ("water; river" -> "water"). */
function shortMeaning(definition: string): string {
  const first = definition.split(/[;,]/)[0]!.trim();
  return first.length > 24 ? `${first.slice(0, 23)}…` : first;
}

/** The glyphs of `chars` that the kit ships at `side`, in order, with a short meaning each. */
function glyphChoices(chars: readonly string[], side: number): Array<{ char: string; meaning: string }> {
  const shipped = new Map(listGlyphs(side).map((g) => [g.char, g.definition]));
  return chars.flatMap((char) => {
    const definition = shipped.get(char);
    return definition === undefined ? [] : [{ char, meaning: shortMeaning(definition) }];
  });
}

/**
 * The sketch pad's tools: Draw / Erase (a segmented choice, so the arrow keys switch it and screen readers say
 * "radio button, 1 of 2"), Clear, and a menu that starts the pad from a real glyph of the kit's data set. The menu
 * always shows its prompt, so the same glyph can be loaded again after drawing over it.
 */
export function SketchToolbar({
  tool,
  onToolChange,
  onClear,
  onLoadGlyph,
  glyphs = [],
  side,
  clearLabel = 'Clear',
  disabled,
}: SketchToolbarProps) {
  const selectId = useId();
  const choices = onLoadGlyph ? glyphChoices(glyphs, side) : [];
  return (
    <div className="dk-glyph-sketch-toolbar" role="group" aria-label="Sketch tools" data-part="sketch-toolbar">
      <SegmentedChoice<SketchTool>
        legend="Tool"
        hideLegend
        options={[
          { value: 'draw', label: 'Draw', title: 'Draw (D)' },
          { value: 'erase', label: 'Erase', title: 'Erase (E)' },
        ]}
        value={tool}
        onChange={onToolChange}
        disabled={disabled}
      />
      <Button onClick={onClear} disabled={disabled} data-action="clear" aria-label={clearLabel}>
        Clear
      </Button>
      {choices.length > 0 ? (
        <span className="dk-field">
          <label htmlFor={selectId}>Start from a glyph</label>
          <Select
            id={selectId}
            value=""
            disabled={disabled}
            data-part="glyph-menu"
            onChange={(e) => {
              const char = e.currentTarget.value;
              const glyph = char ? getGlyph(char, { size: side }) : undefined;
              if (glyph) onLoadGlyph?.(Float32Array.from(glyph.data), char);
            }}
          >
            <option value="">Choose…</option>
            {choices.map(({ char, meaning }) => (
              <option key={char} value={char}>
                {char} ({meaning})
              </option>
            ))}
          </Select>
        </span>
      ) : null}
    </div>
  );
}
