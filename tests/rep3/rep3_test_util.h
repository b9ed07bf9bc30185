// Helpers for the rep3 suites: random Boolean and Z_2^64 cases for three parties, and what a run
// measured in rep3_cost's shape.
#pragma once

#include <rapidcheck.h>

#include <algorithm>

#include "protocols/core/circuit.h"
#include "protocols/core/local_network.h"
#include "protocols/core/run_result.h"
#include "protocols/core/share_cost.h"
#include "protocols/rep3/rep3.h"
#include "tests/gmw/gmw_test_util.h"
#include "tests/support/random_circuit.h"

namespace smpc::rep3_test {

struct Case {
  Circuit circuit;
  std::vector<PartyInput> inputs;  // per party, input_wires_of order
};

// Boolean: tests/support/random_boolean.h's circuits (gmw's shape), three parties.
inline Case gen_boolean(int max_gates = 60) {
  auto bc = gmw_test::gen_case(kRep3Parties, kRep3Parties, max_gates);
  return {std::move(bc.circuit), std::move(bc.inputs)};
}

// Z_2^64: random_circuit.h's arithmetic circuits read as ring circuits (their constants are
// words too), with inputs anywhere in the ring, wrap-around included.
inline Case gen_ring() {
  Case c;
  c.circuit = testing::gen_circuit(kRep3Parties, /*linear_only=*/false);
  c.circuit.domain = CircuitDomain::kRing64;
  c.inputs.resize(kRep3Parties);
  for (PartyId p = 0; p < kRep3Parties; ++p)
    for (std::size_t k = 0; k < c.circuit.input_wires_of(p).size(); ++k)
      c.inputs[static_cast<std::size_t>(p)].values.push_back(*rc::gen::oneOf(
          rc::gen::inRange<std::uint64_t>(0, 10),
          rc::gen::element<std::uint64_t>(~std::uint64_t{0}, std::uint64_t{1} << 63),
          rc::gen::arbitrary<std::uint64_t>()));
  return c;
}

// Bytes per label summed over the parties, and the largest causal round.
inline ExactCost measured(const RunResult& r) {
  ExactCost e;
  for (const auto& p : r.parties) {
    for (const auto& [label, s] : p.meter.by_label) e.bytes[label] += s.traffic.bytes;
    e.rounds = std::max(e.rounds, p.meter.max_round);
  }
  return e;
}

// What each party must output: the plain evaluation's outputs delivered to it.
inline std::vector<std::vector<std::uint64_t>> expected_outputs(const Case& c) {
  std::vector<std::vector<std::uint64_t>> groups(c.circuit.inputs.size());
  std::vector<std::size_t> pos(kRep3Parties, 0);
  for (std::size_t g = 0; g < c.circuit.inputs.size(); ++g) {
    const auto owner = static_cast<std::size_t>(c.circuit.inputs[g].owner);
    for (std::size_t k = 0; k < c.circuit.inputs[g].wires.size(); ++k)
      groups[g].push_back(c.inputs[owner].values[pos[owner]++]);
  }
  const auto all = evaluate(c.circuit, groups);
  RC_ASSERT(all.ok());
  std::vector<std::vector<std::uint64_t>> per(kRep3Parties);
  std::size_t k = 0;
  for (const auto& grp : c.circuit.outputs)
    for (std::size_t w = 0; w < grp.wires.size(); ++w, ++k)
      for (PartyId p = 0; p < kRep3Parties; ++p)
        if (grp.delivered_to(p)) per[static_cast<std::size_t>(p)].push_back((*all)[k]);
  return per;
}

// One run of `c` on LocalNetwork with the protocol `make` builds (make_rep3 or
// make_rep3_malicious), from run seed `seed`.
template <class Make>
RunResult run_local_case(const Make& make, const Case& c, std::uint64_t seed) {
  const auto made = make(nlohmann::json(), c.circuit, kRep3Parties);
  RC_ASSERT(made.ok());
  const Protocol& protocol = **made;
  return run_local(kRep3Parties, {seed, 60}, [&](PartyContext& ctx) {
    return protocol.run(ctx, c.inputs[static_cast<std::size_t>(ctx.net.self())]);
  });
}

// Every party output the plain evaluation's values, and the run measured exactly `cost`.
inline void check_outputs_and_cost(const Case& c, const RunResult& r, const ExactCost& cost) {
  const auto want = expected_outputs(c);
  RC_ASSERT(r.parties.size() == 3u);
  for (const auto& p : r.parties) {
    RC_ASSERT(p.status == PartyStatus::kOutput);
    RC_ASSERT(p.outputs == want[static_cast<std::size_t>(p.party)]);
  }
  const ExactCost got = measured(r);
  RC_ASSERT(got.bytes == cost.bytes);
  RC_ASSERT(got.rounds == cost.rounds);
}

}  // namespace smpc::rep3_test
