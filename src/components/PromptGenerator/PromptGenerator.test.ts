import { describe, expect, it } from 'vitest';
import { schedulerFromConfig, WordTokenizer } from '../../engine';
import { promptNotes } from './promptNotes';
import { generateOptions, randomSeed, resultLabel, type PromptSettings } from './promptSettings';

// A tiny tokenizer in the shipped format: 4 words, at most 3 of them read.
const tokenizer = new WordTokenizer({
  type: 'word-level',
  lowercase: true,
  pattern: '[a-z0-9]+',
  pad_id: 0,
  unk_id: 1,
  max_length: 3,
  vocab: { '<pad>': 0, '<unk>': 1, gold: 2, metal: 3, tree: 4, water: 5 },
});

describe('promptNotes', () => {
  it('says nothing for known words', () => {
    expect(promptNotes(tokenizer, 'Gold metal').messages).toEqual([]);
    expect(promptNotes(tokenizer, '').messages).toEqual([]);
  });

  it('lists unknown words once, in order', () => {
    const notes = promptNotes(tokenizer, 'gold zzqx Zzqx');
    expect(notes.unknown).toEqual(['zzqx']);
    expect(notes.messages[0]).toBe(
      'Unknown to the model: zzqx. It reads this word as a blank "unknown" token, so it has little effect.',
    );
  });

  it('says which words are read as a close word through the alias table', () => {
    const withAliases = new WordTokenizer({ ...tokenizer.toJSON(), aliases: { golden: 'gold', oak: 'tree' } });
    const notes = promptNotes(withAliases, 'golden golden oak');
    expect(notes.unknown).toEqual([]);
    expect(notes.aliased).toEqual([
      { word: 'golden', as: 'gold' },
      { word: 'oak', as: 'tree' },
    ]);
    expect(notes.messages).toEqual(['Read as a close word the model knows: golden as gold, oak as tree.']);
  });

  it('lists words beyond the limit as ignored, not as unknown', () => {
    const notes = promptNotes(tokenizer, 'gold metal tree water blorp');
    expect(notes.unknown).toEqual([]);
    expect(notes.truncated).toEqual(['water', 'blorp']);
    expect(notes.messages).toEqual(['Beyond the 3-word limit, ignored: water, blorp.']);
  });
});

const base: PromptSettings = {
  prompt: 'gold',
  guidanceScale: 3,
  steps: 20,
  scheduler: 'ddim',
  seed: 7,
  count: 16,
  mode: 'full',
};

describe('resultLabel', () => {
  it('names the prompt and the settings', () => {
    expect(resultLabel(base)).toBe('"gold" \u00b7 20 steps of DDIM \u00b7 guidance 3 \u00b7 seed 7 \u00b7 16 samples');
  });

  it('says when there is no prompt, and leaves guidance out then', () => {
    expect(resultLabel({ ...base, prompt: '  ', count: 1, steps: 1 })).toBe(
      'empty prompt (unconditional samples) \u00b7 1 step of DDIM \u00b7 seed 7 \u00b7 1 sample',
    );
  });

  it('labels the single step', () => {
    expect(resultLabel({ ...base, mode: 'singleStep' })).toContain(
      'one step from pure noise (t = 999), predicted x\u0302\u2080',
    );
  });
});

describe('generateOptions', () => {
  it('passes the settings through for a full generation', () => {
    expect(generateOptions(base)).toEqual({
      prompt: 'gold',
      guidanceScale: 3,
      seed: 7,
      count: 16,
      steps: 20,
      scheduler: 'ddim',
    });
  });

  it('asks for one trailing DDIM step, which calls the model at t = 999 on the shipped schedule', () => {
    const options = generateOptions({ ...base, mode: 'singleStep' }, '');
    expect(options).toMatchObject({ prompt: '', steps: 1, seed: 7 });
    // The pipeline merges the config into the model's own; glyffuser-mini's, as training/manifest.py writes it:
    const trained = {
      _class_name: 'DDIMScheduler',
      num_train_timesteps: 1000,
      beta_schedule: 'squaredcos_cap_v2',
      prediction_type: 'epsilon',
      clip_sample: false,
      set_alpha_to_one: false,
      steps_offset: 0,
      timestep_spacing: 'leading',
    };
    const scheduler = schedulerFromConfig({ ...trained, ...(options.scheduler as object) });
    scheduler.setTimesteps(1);
    // trailing: round(arange(T, 0, -T / n)) - 1 = [1000] - 1
    expect(scheduler.timesteps).toEqual([999]);
    // 'leading' (the manifest's own) would have called it at t = 0: one step would then do nothing.
    const leading = schedulerFromConfig(trained);
    leading.setTimesteps(1);
    expect(leading.timesteps).toEqual([0]);
  });
});

describe('randomSeed', () => {
  it('gives an integer in [0, 2^31)', () => {
    expect(randomSeed(() => 0)).toBe(0);
    expect(randomSeed(() => 0.5)).toBe(2 ** 30);
    expect(randomSeed(() => 0.9999999999)).toBe(2 ** 31 - 1);
  });
});
