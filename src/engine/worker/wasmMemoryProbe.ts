/**
 * Finds the WebAssembly memories that onnxruntime's wasm instantiates, so the Worker can report their size
 * (soak tests, diagnostics). `installWasmMemoryProbe()` wraps `WebAssembly.instantiate` and
 * `instantiateStreaming` once, passing everything through unchanged and noting any `WebAssembly.Memory` among
 * the imports or exports. Called by the Worker at start, before onnxruntime is loaded; never at import time.
 */
const memories = new Set<WebAssembly.Memory>();
let installed = false;

function note(value: unknown, depth = 0): void {
  if (value instanceof WebAssembly.Memory) {
    memories.add(value);
    return;
  }
  if (depth < 2 && value && typeof value === 'object') for (const v of Object.values(value)) note(v, depth + 1);
}

type Instantiated = WebAssembly.WebAssemblyInstantiatedSource | WebAssembly.Instance;

function noteResult(result: Instantiated, imports: unknown): Instantiated {
  note(imports);
  note('instance' in result ? result.instance.exports : result.exports);
  return result;
}

export function installWasmMemoryProbe(): void {
  if (installed || typeof WebAssembly === 'undefined') return;
  installed = true;
  const instantiate = WebAssembly.instantiate.bind(WebAssembly) as (
    source: unknown,
    imports?: WebAssembly.Imports,
  ) => Promise<Instantiated>;
  (WebAssembly as { instantiate: unknown }).instantiate = (source: unknown, imports?: WebAssembly.Imports) =>
    instantiate(source, imports).then((result) => noteResult(result, imports));
  if (typeof WebAssembly.instantiateStreaming === 'function') {
    const streaming = WebAssembly.instantiateStreaming.bind(WebAssembly);
    WebAssembly.instantiateStreaming = (source, imports) =>
      streaming(source, imports).then(
        (result) => noteResult(result, imports) as WebAssembly.WebAssemblyInstantiatedSource,
      );
  }
}

/** Bytes of every wasm memory seen so far (0 before onnxruntime has started). */
export function wasmMemoryBytes(): number {
  let total = 0;
  for (const m of memories) total += m.buffer.byteLength;
  return total;
}
