// Every known-answer vector of ../shared/circuits/bristol/VECTORS.json under rep3 and
// rep3_malicious (three parties; input group g from party (g + 1) mod 3, outputs to
// everybody), at exactly rep3_cost's bytes and depth + 2 rounds (rep3_malicious_cost's, depth
// + 6). AES-128 also runs on SimNetwork. Skipped, visibly, when ../shared is absent.
#include <gtest/gtest.h>

#include <cctype>
#include <fstream>
#include <ostream>

#include <nlohmann/json.hpp>

#include "protocols/core/bristol.h"
#include "protocols/core/local_network.h"
#include "protocols/rep3/rep3_malicious.h"
#include "simulator/sim_network.h"
#include "tests/rep3/rep3_test_util.h"

namespace smpc {
namespace {

std::vector<std::uint64_t> wire_bits(const std::string& s) {
  std::vector<std::uint64_t> out;
  for (char ch : s) out.push_back(ch == '1' ? 1 : 0);
  return out;
}

// (protocol, file): false = rep3, true = rep3_malicious.
class Rep3Vectors : public ::testing::TestWithParam<std::tuple<bool, std::string>> {};

Result<RunResult> run_vector(const Protocol& rep3, const std::vector<PartyInput>& inputs,
                             std::uint64_t seed, bool simulate) {
  const PartyBody body = [&](PartyContext& ctx) {
    return rep3.run(ctx, inputs[static_cast<std::size_t>(ctx.net.self())]);
  };
  if (!simulate) return run_local(kRep3Parties, {seed, 120}, body);
  SimRunOptions o;
  o.seed = seed;
  o.network.latency_s = 0.0001;  // a 0.1 ms, 1 Gbit/s LAN
  return run_simulated(kRep3Parties, o, body);
}

TEST_P(Rep3Vectors, EveryVectorPassesAtTheDocumentedCost) {
  GMW_REQUIRE_SHARED(dir);
  const auto& [malicious, file] = GetParam();
  nlohmann::json vector_entry;
  Circuit c;
  ASSERT_TRUE(gmw_test::load_vector_circuit(dir, file, vector_entry, c));
  const nlohmann::json* entry = &vector_entry;
  std::vector<PartyId> owners;
  for (std::size_t g = 0; g < c.inputs.size(); ++g) owners.push_back(static_cast<PartyId>((g + 1) % 3));
  ASSERT_TRUE(assign_parties(c, owners, std::vector<std::vector<PartyId>>(c.outputs.size()), 3).ok());
  const auto made = malicious ? make_rep3_malicious({}, c, kRep3Parties) : make_rep3({}, c, kRep3Parties);
  ASSERT_TRUE(made.ok()) << made.status().message();
  const ExactCost want = malicious ? rep3_malicious_cost(c) : rep3_cost(c);
  EXPECT_EQ(want.rounds, nonlinear_depth(c) + (malicious ? 6 : 2));

  std::size_t checked = 0;
  for (const auto& vec : entry->at("vectors")) {
    SCOPED_TRACE(vec.at("name").get<std::string>());
    const auto all_in = wire_bits(vec.at("wire_inputs"));
    const auto all_out = wire_bits(vec.at("wire_outputs"));
    std::vector<PartyInput> inputs(kRep3Parties);
    std::size_t pos = 0;
    for (const auto& g : c.inputs) {
      auto& dst = inputs[static_cast<std::size_t>(g.owner)].values;
      dst.insert(dst.end(), all_in.begin() + static_cast<std::ptrdiff_t>(pos),
                 all_in.begin() + static_cast<std::ptrdiff_t>(pos + g.wires.size()));
      pos += g.wires.size();
    }
    const auto r = run_vector(**made, inputs, 100 + checked, file == "aes_128.txt");
    ASSERT_TRUE(r.ok()) << r.status().message();
    for (const auto& p : r->parties) {
      ASSERT_EQ(p.status, PartyStatus::kOutput) << "party " << p.party << ": " << p.abort_reason;
      EXPECT_EQ(p.outputs, all_out) << "party " << p.party;
    }
    const ExactCost got = rep3_test::measured(*r);
    EXPECT_EQ(got.bytes, want.bytes);
    EXPECT_EQ(got.rounds, want.rounds);
    ++checked;
  }
  EXPECT_EQ(checked, entry->at("vectors").size());
  EXPECT_GT(checked, 0u);
}

std::string param_name(const ::testing::TestParamInfo<std::tuple<bool, std::string>>& info) {
  std::string s = std::get<0>(info.param) ? "malicious_" : "";
  for (char ch : std::get<1>(info.param)) s += std::isalnum(static_cast<unsigned char>(ch)) ? ch : '_';
  return s;
}

INSTANTIATE_TEST_SUITE_P(Bristol, Rep3Vectors,
                         ::testing::Combine(::testing::Bool(), ::testing::Values("aes_128.txt", "sha256.txt", "adder64.txt",
                                           "sub64.txt", "neg64.txt", "mult64.txt",
                                           "zero_equal.txt", "legacy/AES-non-expanded.txt",
                                           "legacy/adder_32bit.txt")),
                         param_name);

}  // namespace
}  // namespace smpc
