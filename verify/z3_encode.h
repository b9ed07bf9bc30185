// Private to verify/: the Z3 encoding of a Circuit shared by equivalence (z3_circuit.cpp),
// leakage (leakage.cpp) and the ideal-world oracle (ideal_world.cpp). Only .cpp files in
// verify/ include this header, so z3++.h stays out of every public header.
//
// Wire sorts: Bool for kBoolean circuits; 64-bit bit-vectors for kField61 (canonical values
// < p = 2^61 - 1, with exact mod-p gates that mirror Fp61) and for kRing64 (machine words).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <z3++.h>

#include "protocols/core/circuit.h"
#include "protocols/core/status.h"

namespace smpc::z3enc {

// A constant wire value of the circuit's domain.
z3::expr constant(z3::context& ctx, CircuitDomain d, std::uint64_t v);
// A fresh variable of the domain's wire sort.
z3::expr variable(z3::context& ctx, CircuitDomain d, const std::string& name);
// What a free input must satisfy to be a wire value (x < p for kField61; true otherwise).
z3::expr well_formed(z3::context& ctx, CircuitDomain d, const z3::expr& x);
// The uint64 value of `e` in `m` (model completion on: unconstrained variables read as 0).
std::uint64_t model_value(const z3::model& m, const z3::expr& e, CircuitDomain d);

// The circuit's output expressions (all output wires, in group order) for the given input
// expressions (one per input wire, in group order then wire order). Errors for wires out of
// range, wires read before they are written and gates the domain does not allow.
Result<std::vector<z3::expr>> encode_outputs(z3::context& ctx, const Circuit& c,
                                             const std::vector<z3::expr>& inputs);

// A non-incremental bit-blasting solver (tactic qfbv: simplify, bit-blast, SAT) whose check()
// gives up with "unknown" after `timeout_s` seconds.
z3::solver bitblast_solver(z3::context& ctx, double timeout_s);
// Z3's incremental solver (supports check(assumptions)) with a timeout per check().
z3::solver incremental_solver(z3::context& ctx, double timeout_s);

// Runs `body` (returning Result<T>). Z3 reports misuse by throwing; for a caller of verify/
// that is one more error, never a crash.
template <typename T, typename Body>
Result<T> z3_errors_as_status(Body&& body) {
  try {
    return body();
  } catch (const z3::exception& e) {
    return Error(std::string("z3: ") + e.msg());
  }
}

}  // namespace smpc::z3enc
