// Helpers for the GMW suites: random n-party Boolean circuits (RapidCheck), what a run measured
// (bytes per label and per link, offline / online rounds), the shared Bristol folder.
#pragma once

#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "protocols/core/circuit.h"
#include "protocols/core/protocol.h"
#include "protocols/core/run_result.h"
#include "protocols/gmw/gmw.h"

namespace smpc::gmw_test {

// ../shared/circuits/bristol, or nullopt when the shared folder is not there.
inline std::optional<std::filesystem::path> bristol_dir() {
  const auto p = std::filesystem::path(SMPC_SHARED_DIR) / "circuits" / "bristol";
  if (std::filesystem::exists(p / "VECTORS.json")) return p;
  return std::nullopt;
}

#define GMW_REQUIRE_SHARED(dir)                                                           \
  const auto dir##_opt = ::smpc::gmw_test::bristol_dir();                                 \
  if (!dir##_opt)                                                                         \
    GTEST_SKIP() << "shared Bristol circuits not found at " SMPC_SHARED_DIR               \
                    "/circuits/bristol (set -DSMPC_SHARED_DIR=...); skipping";            \
  const std::filesystem::path dir = *dir##_opt

struct BooleanCase {
  int parties = 0;
  Circuit circuit;
  std::vector<std::vector<std::uint64_t>> group_values;  // per input group
  std::vector<PartyInput> inputs;                         // per party, input_wires_of order
};

// A random Boolean circuit for n parties: input groups owned by random parties, gates weighted
// towards AND (with operands anywhere, so depth and layer widths vary), output groups for
// everybody or for random subsets.
inline Circuit gen_circuit(int parties, int max_gates) {
  Circuit c;
  c.domain = CircuitDomain::kBoolean;
  const int groups = *rc::gen::inRange(0, parties + 2);
  for (int g = 0; g < groups; ++g) {
    InputGroup grp{"in" + std::to_string(g), *rc::gen::inRange(0, parties), {}};
    const int width = *rc::gen::inRange(1, 7);
    for (int k = 0; k < width; ++k) grp.wires.push_back(c.num_wires++);
    c.inputs.push_back(grp);
  }
  const int gates = *rc::gen::inRange(0, max_gates + 1);
  for (int i = 0; i < gates; ++i) {
    Gate g;
    g.type = c.num_wires == 0
                 ? GateType::kEq
                 : *rc::gen::element(GateType::kAnd, GateType::kAnd, GateType::kAnd, GateType::kXor,
                                     GateType::kXor, GateType::kInv, GateType::kEq, GateType::kEqw);
    if (g.type != GateType::kEq) {
      g.in0 = *rc::gen::inRange<std::uint32_t>(0, c.num_wires);
      g.in1 = gate_arity(g.type) == 2 ? *rc::gen::inRange<std::uint32_t>(0, c.num_wires) : 0;
    } else {
      g.constant = *rc::gen::inRange<std::uint64_t>(0, 2);
    }
    g.out = c.num_wires++;
    c.gates.push_back(g);
  }
  if (c.num_wires == 0) {
    c.gates.push_back({GateType::kEq, 0, 0, 0, 1});
    c.num_wires = 1;
  }
  const int outputs = *rc::gen::inRange(1, 4);
  for (int o = 0; o < outputs; ++o) {
    OutputGroup grp{"out" + std::to_string(o), {}, {}};
    const int width = *rc::gen::inRange(1, 5);
    const std::uint32_t lo = c.num_wires > 8 ? c.num_wires - 8 : 0;  // mostly late wires
    for (int k = 0; k < width; ++k)
      grp.wires.push_back(*rc::gen::inRange<std::uint32_t>(lo, c.num_wires));
    if (*rc::gen::inRange(0, 2) == 0) {
      for (PartyId p = 0; p < parties; ++p)
        if (*rc::gen::arbitrary<bool>()) grp.receivers.push_back(p);
      if (grp.receivers.empty()) grp.receivers.push_back(*rc::gen::inRange(0, parties));
    }
    c.outputs.push_back(grp);
  }
  return c;
}

inline std::vector<PartyInput> party_inputs(const Circuit& c, int parties,
                                            const std::vector<std::vector<std::uint64_t>>& groups) {
  std::vector<PartyInput> in(static_cast<std::size_t>(parties));
  for (std::size_t g = 0; g < c.inputs.size(); ++g) {
    auto& v = in[static_cast<std::size_t>(c.inputs[g].owner)].values;
    v.insert(v.end(), groups[g].begin(), groups[g].end());
  }
  return in;
}

inline BooleanCase gen_case(int min_parties, int max_parties, int max_gates = 60) {
  BooleanCase bc;
  bc.parties = *rc::gen::inRange(min_parties, max_parties + 1);
  bc.circuit = gen_circuit(bc.parties, max_gates);
  for (const auto& g : bc.circuit.inputs)
    bc.group_values.push_back(*rc::gen::container<std::vector<std::uint64_t>>(
        g.wires.size(), rc::gen::inRange<std::uint64_t>(0, 2)));
  bc.inputs = party_inputs(bc.circuit, bc.parties, bc.group_values);
  return bc;
}

// What party p must receive: plain evaluation restricted to the groups delivered to p.
inline std::vector<std::uint64_t> expected_outputs(
    const Circuit& c, const std::vector<std::vector<std::uint64_t>>& groups, PartyId p) {
  const auto all = evaluate(c, groups);
  SMPC_ASSERT(all.ok());
  std::vector<std::uint64_t> out;
  std::size_t pos = 0;
  for (const auto& g : c.outputs) {
    if (g.delivered_to(p))
      out.insert(out.end(), all->begin() + static_cast<std::ptrdiff_t>(pos),
                 all->begin() + static_cast<std::ptrdiff_t>(pos + g.wires.size()));
    pos += g.wires.size();
  }
  return out;
}

// Runs a RapidCheck property inside the current gtest with `cases` cases instead of the default
// 100: every case here is a whole multi-party run with base OTs. RC_PARAMS still sets the seed
// (and a max_success other than the default wins, for longer soak runs).
template <typename Testable>
void check_property(int cases, Testable&& testable) {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  rc::detail::TestMetadata metadata;
  metadata.id = std::string(info->test_suite_name()) + "/" + info->name();
  metadata.description = info->name();
  rc::detail::TestParams params = rc::detail::configuration().testParams;
  if (params.maxSuccess == rc::detail::TestParams().maxSuccess) params.maxSuccess = cases;
  const auto result =
      rc::detail::checkTestable(std::forward<Testable>(testable), metadata, params);
  if (!result.template is<rc::detail::SuccessResult>()) {
    std::ostringstream ss;
    rc::detail::printResultMessage(result, ss);
    FAIL() << ss.str();
  }
}

// What the meters of a run measured, in GmwCost's shape.
inline GmwCost measured_cost(const RunResult& r) {
  GmwCost c;
  const std::size_t n = r.parties.size();
  c.link_bytes.assign(n, std::vector<std::uint64_t>(n, 0));
  for (const auto& p : r.parties) {
    for (const auto& [label, s] : p.meter.by_label) {
      c.bytes[label] += s.traffic.bytes;
      c.messages[label] += s.traffic.messages;
    }
    for (std::size_t to = 0; to < p.meter.sent_to.size(); ++to)
      c.link_bytes[static_cast<std::size_t>(p.party)][to] = p.meter.sent_to[to].bytes;
    c.rounds = std::max(c.rounds, p.meter.max_round);
    if (const auto it = p.meter.by_phase.find("offline"); it != p.meter.by_phase.end())
      c.offline_rounds = std::max(c.offline_rounds, it->second.last_round);
  }
  std::uint32_t online_last = 0;
  for (const auto& p : r.parties)
    if (const auto it = p.meter.by_phase.find("online"); it != p.meter.by_phase.end())
      online_last = std::max(online_last, it->second.last_round);
  c.online_rounds = online_last > c.offline_rounds ? online_last - c.offline_rounds : 0;
  return c;
}

// Bytes summed over the labels of one phase.
inline std::uint64_t phase_bytes(const RunResult& r, const std::string& phase) {
  std::uint64_t b = 0;
  for (const auto& p : r.parties)
    if (const auto it = p.meter.by_phase.find(phase); it != p.meter.by_phase.end())
      b += it->second.traffic.bytes;
  return b;
}

}  // namespace smpc::gmw_test
