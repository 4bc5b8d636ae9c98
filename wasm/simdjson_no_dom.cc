// simdjson_no_dom.cc — keeps simdjson's DOM stage 2 out of the module.
//
// kron reads JSON with simdjson's On-Demand API only (manifest_json.cc,
// fleet_ingest.cc), which runs stage 1 of the implementation object and never
// its stage 2 (the DOM tape builder). The implementation's vtable names both,
// and simdjson.cpp is one object, so --gc-sections keeps ~21 KB (raw) of DOM
// code that never runs. wasm/CMakeLists.txt links with
// --wrap=<stage2 symbol>, which sends the vtable's references here: a DOM
// parse in the module fails with UNSUPPORTED_ARCHITECTURE instead.
// The symbols are simdjson's fallback implementation (the only one under
// wasm); if a simdjson release renames them, --wrap matches nothing and the
// DOM code is simply linked again.
#include "simdjson.h"

extern "C" {
simdjson::error_code
__wrap__ZN8simdjson8fallback25dom_parser_implementation6stage2ERNS_3dom8documentE(void*, void*) {
  return simdjson::UNSUPPORTED_ARCHITECTURE;
}
simdjson::error_code
__wrap__ZN8simdjson8fallback25dom_parser_implementation11stage2_nextERNS_3dom8documentE(void*, void*) {
  return simdjson::UNSUPPORTED_ARCHITECTURE;
}
}
