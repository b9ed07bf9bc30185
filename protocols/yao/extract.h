// Input extraction for Yao (protocols/core/extraction.h, docs/extraction.md): an input bit is
// the value whose label the evaluator holds for the wire. The garbler records both labels of
// every input wire (its zero-label W^0 and W^0 ⊕ Δ: the simulation knows Δ), the evaluator the
// label it holds — the garbler's active labels as received, its own as the OTs delivered them.
// A held label that is neither leaves the party without an effective input.
#pragma once

#include "protocols/core/extraction.h"

namespace smpc {

Extractor yao_extractor();

}  // namespace smpc
