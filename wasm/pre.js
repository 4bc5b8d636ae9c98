// pre.js — runs inside the MODULARIZE factory before Emscripten's glue.
//
// Node 20 has a global fetch() that cannot read file paths, and Emscripten
// 3.1.6's glue prefers fetch() whenever it exists, so under Node it fails with
// "Failed to parse URL from /…/kron.wasm". Shadowing fetch in the factory's
// scope makes the glue read the file with fs under Node; browsers keep theirs.
var fetch = (typeof process === 'object' && process.versions && process.versions.node)
  ? undefined
  : globalThis.fetch;
