// Storybook's dev server serves the preview itself (Vite's server.headers do not reach it): every response
// gets the cross-origin isolation headers here, so onnxruntime-web can run its wasm on several threads.
module.exports = function crossOriginIsolation(router) {
  router.use((req, res, next) => {
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Cross-Origin-Embedder-Policy', 'require-corp');
    next();
  });
};
