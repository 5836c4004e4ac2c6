import { useRef, type KeyboardEvent } from 'react';
import { Button } from '../shared/ui/controls';
import { formatShare } from './describeAttention';

/** Props of {@link WordPicker}. */
export interface WordPickerProps {
  /** The prompt's words, in token order. */
  words: readonly string[];
  /** The chosen word (its index). */
  selected: number;
  /** Each word's mean share of the attention at the shown step (missing while nothing is computed). */
  shares: readonly number[];
  /** Chooses a word (click, Enter/Space, arrow keys, or focus while tabbing). */
  onSelect: (word: number) => void;
  /** A word under the pointer (null when the pointer leaves): shown while hovered, without choosing it. */
  onHover: (word: number | null) => void;
}

/**
 * The prompt's words as a toolbar of toggle buttons (aria-pressed). One tab stop (roving tabindex): Left/Right
 * (and Up/Down) move and choose, Home/End go to the ends; hovering a word with a mouse or pen previews its map.
 */
export function WordPicker({ words, selected, shares, onSelect, onHover }: WordPickerProps) {
  const refs = useRef<Array<HTMLButtonElement | null>>([]);
  const move = (to: number) => {
    const i = (to + words.length) % words.length;
    onSelect(i);
    refs.current[i]?.focus();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const keys: Record<string, () => void> = {
      ArrowRight: () => move(selected + 1),
      ArrowDown: () => move(selected + 1),
      ArrowLeft: () => move(selected - 1),
      ArrowUp: () => move(selected - 1),
      Home: () => move(0),
      End: () => move(words.length - 1),
    };
    const action = keys[e.key];
    if (!action || words.length === 0) return;
    e.preventDefault();
    action();
  };
  return (
    <div
      role="toolbar"
      aria-label="Prompt words"
      aria-orientation="horizontal"
      onKeyDown={onKeyDown}
      onPointerLeave={() => onHover(null)}
      className="dk-attention-map-words"
    >
      {words.map((word, i) => {
        const pressed = i === selected;
        const share = shares[i];
        return (
          <Button
            key={`${i}-${word}`}
            ref={(el) => {
              refs.current[i] = el;
            }}
            aria-pressed={pressed}
            tabIndex={pressed ? 0 : -1}
            data-word={i}
            onClick={() => onSelect(i)}
            // A mouse or pen previews the word it passes over; a finger's tap chooses it (onClick).
            onPointerEnter={(e) => {
              if (e.pointerType !== 'touch') onHover(i);
            }}
          >
            {word}
            {share !== undefined ? <span className="dk-attention-map-share">{formatShare(share)}</span> : null}
          </Button>
        );
      })}
    </div>
  );
}
