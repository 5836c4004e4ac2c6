// Requires the built engine (CJS) in plain Node and checks that nothing from React or a view library
// entered the module cache.
const assert = require('node:assert/strict');

const engine = require('../../dist/engine/index.cjs');
assert.equal(typeof engine.createRng, 'function');
const loaded = Object.keys(require.cache).filter((file) =>
  /node_modules[\\/](react|react-dom|three|@react-three|@visx|onnxruntime-web)[\\/]/.test(file),
);
assert.deepEqual(loaded, [], `the CJS engine loaded ${loaded.join(', ')}`);
console.log(
  `CJS: diffusion-kit/engine required in plain Node with ${Object.keys(engine).length} exports and no React.`,
);
