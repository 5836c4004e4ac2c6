// Imports the built engine (ESM) in plain Node, with React and the view libraries made unresolvable:
// the import must work without them, proving the entry pulls none of them in.
import { register } from 'node:module';
import assert from 'node:assert/strict';

register('./forbid-view-libraries.mjs', import.meta.url);

const engine = await import('../../dist/engine/index.js');
assert.equal(typeof engine.createRng, 'function');
const a = engine.randn(engine.createRng(1), 4);
const b = engine.randn(engine.createRng(1), 4);
assert.deepEqual(Array.from(a), Array.from(b));
console.log(
  `ESM: diffusion-kit/engine imported in plain Node with ${Object.keys(engine).length} exports and no React.`,
);
