// The ideal oracle: what each party should receive, by plain evaluation of the circuit on the
// parties' inputs (the ideal functionality of every protocol).
#pragma once

#include <vector>

#include "protocols/core/circuit.h"
#include "protocols/core/protocol.h"
#include "protocols/core/status.h"

namespace smpc {

// expected[p] = the outputs delivered to party p, in Circuit::output_wires_of(p) order.
Result<std::vector<std::vector<std::uint64_t>>> ideal_outputs(
    const Circuit& circuit, const std::vector<PartyInput>& inputs);

}  // namespace smpc
