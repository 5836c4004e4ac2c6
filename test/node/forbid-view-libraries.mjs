// Module resolve hook: fails any attempt to load React, a view library or onnxruntime-web.
const FORBIDDEN = /^(react|react-dom|three|@react-three\/|@visx\/|onnxruntime-web)/;

export async function resolve(specifier, context, nextResolve) {
  if (FORBIDDEN.test(specifier)) throw new Error(`diffusion-kit/engine must not load ${specifier}`);
  return nextResolve(specifier, context);
}
