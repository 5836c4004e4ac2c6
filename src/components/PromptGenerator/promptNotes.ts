import type { ModelInfo, WordTokenizer } from '../../engine';

/** What the reader should know about how the model reads their prompt. */
export interface PromptNotes {
  /** Words the model has no vector for (read as one shared "unknown" token). */
  unknown: string[];
  /** Words outside the vocabulary read as a near neighbour (`golden` read as `gold`). */
  aliased: { word: string; as: string }[];
  /** Words past the tokenizer's length limit (dropped). */
  truncated: string[];
  /** The tokenizer's length limit in words. */
  maxWords: number;
  /** Sentences to show under the prompt field; empty when there is nothing to say. */
  messages: string[];
}

function unique(words: readonly string[]): string[] {
  return [...new Set(words)];
}

/** Tokenises the prompt as the model will and explains unknown and truncated words. */
export function promptNotes(tokenizer: Pick<WordTokenizer, 'encode' | 'maxLength'>, text: string): PromptNotes {
  const encoded = tokenizer.encode(text);
  // Unknown words beyond the limit are reported as dropped, not as unknown.
  const kept = new Set(encoded.words.slice(0, tokenizer.maxLength));
  const unknown = unique(encoded.unknownWords.filter((w) => kept.has(w)));
  const truncated = unique(encoded.truncatedWords);
  const aliased = [
    ...new Map((encoded.aliasedWords ?? []).filter((a) => kept.has(a.word)).map((a) => [a.word, a])).values(),
  ];
  const messages: string[] = [];
  if (aliased.length > 0) {
    messages.push(`Read as a close word the model knows: ${aliased.map((a) => `${a.word} as ${a.as}`).join(', ')}.`);
  }
  if (unknown.length > 0) {
    messages.push(
      `Unknown to the model: ${unknown.join(', ')}. It reads ${unknown.length === 1 ? 'this word' : 'these words'} as a blank "unknown" token, so ${unknown.length === 1 ? 'it has' : 'they have'} little effect.`,
    );
  }
  if (truncated.length > 0) {
    messages.push(`Beyond the ${tokenizer.maxLength}-word limit, ignored: ${truncated.join(', ')}.`);
  }
  return { unknown, aliased, truncated, maxWords: tokenizer.maxLength, messages };
}

/**
 * The inline note of a model that cannot take prompts (no text encoder and tokenizer in its model.json): what
 * Generate does with it instead, so the reader is not left typing into a field the model ignores.
 */
export function noPromptsNote(info: Pick<ModelInfo, 'conditioning' | 'manifest'>): string {
  const name = info.manifest.name;
  const instead =
    info.conditioning === 'class'
      ? `it is class-conditional, drawing the ${(info.manifest.classes ?? []).length} classes it was trained on`
      : info.conditioning === 'text'
        ? 'its U-Net takes embeddings, which a page gives the engine directly'
        : 'it is unconditional';
  return `The model \u201c${name}\u201d has no text encoder, so it cannot take prompts: ${instead}. Generate ignores the prompt and samples what the model can make.`;
}
