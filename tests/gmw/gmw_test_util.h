// Helpers for the GMW suites: random n-party Boolean cases (RapidCheck), what a run measured
// (bytes per label and per link, offline / online rounds), the shared Bristol folder.
#pragma once

#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "protocols/core/bristol.h"
#include "protocols/core/circuit.h"
#include "protocols/core/protocol.h"
#include "protocols/core/run_result.h"
#include "protocols/gmw/gmw.h"
#include "tests/support/random_boolean.h"
#include "tests/support/rc_budget.h"

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

// `file`'s entry in dir/VECTORS.json and its circuit, loaded in the entry's format (the GMW and
// rep3 vector suites read them the same way).
inline ::testing::AssertionResult load_vector_circuit(const std::filesystem::path& dir,
                                                      const std::string& file,
                                                      nlohmann::json& entry, Circuit& circuit) {
  std::ifstream f(dir / "VECTORS.json");
  const auto vectors = nlohmann::json::parse(f);
  for (const auto& e : vectors.at("circuits"))
    if (e.at("file") == file) entry = e;
  if (entry.is_null()) return ::testing::AssertionFailure() << file << " is not in VECTORS.json";
  const auto fmt = parse_bristol_format(entry.at("format").get<std::string>());
  if (!fmt.ok()) return ::testing::AssertionFailure() << fmt.status().message();
  auto loaded = load_bristol((dir / file).string(), *fmt);
  if (!loaded.ok()) return ::testing::AssertionFailure() << loaded.status().message();
  circuit = std::move(loaded).value();
  return ::testing::AssertionSuccess();
}

struct BooleanCase {
  int parties = 0;
  Circuit circuit;
  std::vector<std::vector<std::uint64_t>> group_values;  // per input group
  std::vector<PartyInput> inputs;                         // per party, input_wires_of order
};

// Random n-party Boolean circuits (tests/support/random_boolean.h): also circuits without inputs;
// output groups of up to 4 wires, for everybody or (half the time) a nonempty random subset.
inline constexpr testing::BooleanCircuitShape kCircuitShape{
    .min_input_groups = 0, .max_output_groups = 3, .max_output_width = 4, .late_wires = 8,
    .subset_one_in = 2, .nonempty_subsets = true};

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
  bc.circuit = testing::gen_boolean_circuit(bc.parties, max_gates, kCircuitShape);
  bc.group_values = testing::gen_group_bits(bc.circuit);
  bc.inputs = party_inputs(bc.circuit, bc.parties, bc.group_values);
  return bc;
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
