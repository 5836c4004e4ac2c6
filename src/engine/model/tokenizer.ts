import { ManifestError } from './errors';

/** The JSON written by the training pipeline's tokenizer (`tokenizer.json`). */
export interface WordTokenizerJson {
  type: 'word-level';
  lowercase: boolean;
  pattern: string;
  pad_id: number;
  unk_id: number;
  max_length: number;
  vocab: Record<string, number>;
  /**
   * Optional: words outside the vocabulary mapped to the nearest vocabulary word by English word vectors
   * (GloVe), e.g. `golden` -> `gold`, so that a reader's word that no definition uses still steers.
   */
  aliases?: Record<string, string>;
}

/** A prompt as the text encoder sees it. */
export interface EncodedPrompt {
  /** Token ids, padded with pad_id to maxLength. */
  ids: number[];
  /** 1 for a real token (known or unknown), 0 for padding. */
  mask: number[];
  /** The words in order, as the tokenizer split them (before truncation). */
  words: string[];
  /** Words that map to the unknown id: the model cannot read them. */
  unknownWords: string[];
  /** Words read as another vocabulary word through the alias table (`golden` read as `gold`). */
  aliasedWords: { word: string; as: string }[];
  /** Words dropped because the prompt is longer than maxLength. */
  truncatedWords: string[];
}

/**
 * The word-level tokenizer of glyffuser-mini, identical to `training/tokenizer.py`:
 * lowercase; words = every match of `pattern` (`[a-z0-9]+`) in order; id = vocab[word], else
 * vocab[aliases[word]], else unk_id; keep the first max_length ids; pad with pad_id; mask 1 for real tokens.
 * An empty prompt is all padding, mask 0.
 */
export class WordTokenizer {
  readonly maxLength: number;
  readonly padId: number;
  readonly unkId: number;
  private readonly pattern: RegExp;
  // The parsed JSON's own objects, looked up in place (own properties only, so `constructor` is no word):
  // copying some 19,000 entries into Maps took 12-21 ms of the page's main thread (Chromium, idle).
  private readonly vocab: Record<string, number>;
  private readonly aliases: Record<string, string>;
  private vocabCount: number | undefined;

  constructor(json: WordTokenizerJson) {
    if (json?.type !== 'word-level')
      throw new ManifestError('tokenizer.type', `must be 'word-level'; got ${JSON.stringify(json?.type)}.`);
    if (!Number.isInteger(json.max_length) || json.max_length < 1)
      throw new ManifestError('tokenizer.max_length', 'must be a positive integer.');
    if (typeof json.vocab !== 'object' || json.vocab === null)
      throw new ManifestError('tokenizer.vocab', 'must be an object of word to id.');
    this.maxLength = json.max_length;
    this.padId = json.pad_id;
    this.unkId = json.unk_id;
    this.pattern = new RegExp(json.pattern, 'g');
    this.vocab = json.vocab;
    if (json.aliases !== undefined && (typeof json.aliases !== 'object' || json.aliases === null)) {
      throw new ManifestError('tokenizer.aliases', 'must be an object of word to vocabulary word when present.');
    }
    this.aliases = json.aliases ?? {};
    this.lowercase = json.lowercase;
    this.json = json;
  }

  private readonly json: WordTokenizerJson;

  /** The tokenizer's JSON, e.g. to rebuild it on the other side of a Worker. */
  toJSON(): WordTokenizerJson {
    return this.json;
  }

  private readonly lowercase: boolean;

  /** Number of entries in the vocabulary, pad and unk included. */
  get vocabSize(): number {
    return (this.vocabCount ??= Object.keys(this.vocab).length);
  }

  /** Whether the model has a vector of its own for `word` (already lowercased). */
  knows(word: string): boolean {
    return Object.hasOwn(this.vocab, word) && typeof this.vocab[word] === 'number';
  }

  /**
   * The vocabulary word `word` is read as: itself, its alias (when that is a vocabulary word), or undefined (unknown).
   */
  readAs(word: string): string | undefined {
    if (this.knows(word)) return word;
    const alias = Object.hasOwn(this.aliases, word) ? this.aliases[word] : undefined;
    return typeof alias === 'string' && this.knows(alias) ? alias : undefined;
  }

  encode(text: string): EncodedPrompt {
    const source = this.lowercase ? text.toLowerCase() : text;
    const words = source.match(this.pattern) ?? [];
    const kept = words.slice(0, this.maxLength);
    const ids = kept.map((w) => {
      const read = this.readAs(w);
      return read === undefined ? this.unkId : this.vocab[read]!;
    });
    const mask = ids.map(() => 1);
    while (ids.length < this.maxLength) {
      ids.push(this.padId);
      mask.push(0);
    }
    return {
      ids,
      mask,
      words,
      unknownWords: words.filter((w) => this.readAs(w) === undefined),
      aliasedWords: words.flatMap((w) => {
        const read = this.readAs(w);
        return read !== undefined && read !== w ? [{ word: w, as: read }] : [];
      }),
      truncatedWords: words.slice(this.maxLength),
    };
  }
}
