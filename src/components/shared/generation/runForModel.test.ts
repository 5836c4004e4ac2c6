import { describe, expect, it } from 'vitest';
import { runForModel } from './runForModel';

const manifest = (extra: Record<string, unknown> = {}) => ({ name: 'm', ...extra }) as never;

describe('runForModel', () => {
  const run = { prompt: 'cat', classLabel: 3, guidanceScale: 5, steps: 4 };

  it('sends an unconditional model neither prompt, class nor guidance', () => {
    expect(runForModel(run, { conditioning: 'none', acceptsPrompts: false, manifest: manifest() })).toEqual({
      steps: 4,
    });
  });

  it('sends a text model its prompt only when it has a text encoder', () => {
    expect(runForModel(run, { conditioning: 'text', acceptsPrompts: true, manifest: manifest() })).toEqual({
      steps: 4,
      prompt: 'cat',
      guidanceScale: 5,
    });
    expect(runForModel(run, { conditioning: 'text', acceptsPrompts: false, manifest: manifest() })).toEqual({
      steps: 4,
      guidanceScale: 5,
    });
  });

  it('sends a class model its class, and guidance only with a null class', () => {
    const classes = ['a', 'b', 'c', 'd'];
    expect(
      runForModel(run, { conditioning: 'class', acceptsPrompts: false, manifest: manifest({ classes, nullClass: 4 }) }),
    ).toEqual({ steps: 4, classLabel: 3, guidanceScale: 5 });
    expect(runForModel(run, { conditioning: 'class', acceptsPrompts: false, manifest: manifest({ classes }) })).toEqual(
      { steps: 4, classLabel: 3 },
    );
    // A label the model does not have: the null class (unconditional) when there is one, else the first class.
    expect(
      runForModel(
        { classLabel: 9 },
        { conditioning: 'class', acceptsPrompts: false, manifest: manifest({ classes, nullClass: 4 }) },
      ),
    ).toEqual({});
    expect(
      runForModel({ classLabel: 9 }, { conditioning: 'class', acceptsPrompts: false, manifest: manifest({ classes }) }),
    ).toEqual({ classLabel: 0 });
  });
});
