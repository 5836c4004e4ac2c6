import { describe, expect, it } from 'vitest';
import { WordTokenizer } from './tokenizer';

const tokenizer = new WordTokenizer({
  type: 'word-level',
  lowercase: true,
  pattern: '[a-z0-9]+',
  pad_id: 0,
  unk_id: 1,
  max_length: 4,
  vocab: { '<pad>': 0, '<unk>': 1, gold: 2, metal: 3, tree: 4 },
});

describe('WordTokenizer', () => {
  it('lowercases, splits on [a-z0-9]+, maps unknown words to unk and pads', () => {
    const e = tokenizer.encode('Gold, METAL & zinc!');
    expect(e.ids).toEqual([2, 3, 1, 0]);
    expect(e.mask).toEqual([1, 1, 1, 0]);
    expect(e.words).toEqual(['gold', 'metal', 'zinc']);
    expect(e.unknownWords).toEqual(['zinc']);
  });

  it('gives an empty prompt all padding and a zero mask', () => {
    expect(tokenizer.encode('')).toMatchObject({ ids: [0, 0, 0, 0], mask: [0, 0, 0, 0], words: [] });
    expect(tokenizer.encode('  ...  ').mask).toEqual([0, 0, 0, 0]);
  });

  it('truncates to max_length and reports what was dropped', () => {
    const e = tokenizer.encode('tree tree tree tree gold metal');
    expect(e.ids).toEqual([4, 4, 4, 4]);
    expect(e.truncatedWords).toEqual(['gold', 'metal']);
  });

  it('drops non-ASCII letters as the Python rule does', () => {
    expect(tokenizer.encode('goldé 金 tree').words).toEqual(['gold', 'tree']);
  });

  it('reads a word outside the vocabulary through its alias, and reports it', () => {
    const aliased = new WordTokenizer({
      ...tokenizer.toJSON(),
      aliases: { golden: 'gold', oak: 'tree', ghost: 'not-in-vocab' },
    });
    const e = aliased.encode('golden oak ghost');
    expect(e.ids).toEqual([2, 4, 1, 0]);
    expect(e.unknownWords).toEqual(['ghost']);
    expect(e.aliasedWords).toEqual([
      { word: 'golden', as: 'gold' },
      { word: 'oak', as: 'tree' },
    ]);
    expect(aliased.readAs('gold')).toBe('gold');
    expect(tokenizer.encode('golden').ids[0]).toBe(1);
  });

  it('does not read words that only an object inherits (constructor, toString, __proto__) as known', () => {
    const aliased = new WordTokenizer({ ...tokenizer.toJSON(), aliases: { valueof: 'constructor' } });
    const e = aliased.encode('constructor toString valueOf hasOwnProperty');
    expect(e.ids).toEqual([1, 1, 1, 1]);
    expect(e.unknownWords).toEqual(['constructor', 'tostring', 'valueof', 'hasownproperty']);
    expect(e.aliasedWords).toEqual([]);
    expect(aliased.knows('__proto__')).toBe(false);
    expect(aliased.vocabSize).toBe(5);
  });

  it('rejects an alias table that is not an object', () => {
    expect(() => new WordTokenizer({ ...tokenizer.toJSON(), aliases: 'gold' as never })).toThrow(/tokenizer.aliases/);
  });

  it('rejects a tokenizer file of another type', () => {
    expect(() => new WordTokenizer({ type: 'bpe' } as never)).toThrow(/tokenizer.type must be 'word-level'/);
  });
});
