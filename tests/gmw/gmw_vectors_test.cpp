// Every known-answer vector of ../shared/circuits/bristol/VECTORS.json (AES-128, SHA-256
// compression, adders, subtraction, negation, mult64, zero test, the legacy AES and adder)
// under gmw with OT triples, for n = 2, 3 and 5 parties, at exactly gmw_cost's bytes and rounds.
// Input groups go to different parties per n (n = 2: 0, 1; n = 3: 1, 2; n = 5: 4, 2) and at
// n = 5 the outputs go to parties 1 and 4 only. AES runs on SimNetwork, the rest on
// LocalNetwork. Skipped, visibly, when ../shared is absent.
#include <gtest/gtest.h>

#include <cctype>
#include <fstream>
#include <ostream>
#include <set>

#include <nlohmann/json.hpp>

#include "protocols/core/bristol.h"
#include "protocols/core/local_network.h"
#include "protocols/gmw/gmw.h"
#include "simulator/sim_network.h"
#include "tests/gmw/gmw_test_util.h"

namespace smpc {
namespace {

std::vector<std::uint64_t> wire_bits(const std::string& s) {
  std::vector<std::uint64_t> out;
  for (char ch : s) out.push_back(ch == '1' ? 1 : 0);
  return out;
}

struct Layout {
  std::vector<PartyId> owners;                  // per input group
  std::vector<std::vector<PartyId>> receivers;  // per output group (empty: everybody)
};

Layout layout_for(int n, std::size_t input_groups, std::size_t output_groups) {
  Layout l;
  for (std::size_t g = 0; g < input_groups; ++g) {
    const int gi = static_cast<int>(g);
    l.owners.push_back(n == 2 ? gi : n == 3 ? (gi + 1) % 3 : 4 - 2 * gi);
  }
  l.receivers.assign(output_groups, n == 5 ? std::vector<PartyId>{1, 4} : std::vector<PartyId>{});
  return l;
}

struct VectorsParam {
  std::string file;
  int parties;
};
// For ctest's test list: "aes_128.txt, n = 3" rather than the struct's bytes.
void PrintTo(const VectorsParam& p, std::ostream* os) {
  *os << p.file << ", n = " << p.parties;
}

class GmwVectors : public ::testing::TestWithParam<VectorsParam> {};

TEST_P(GmwVectors, EveryVectorPassesAtTheDocumentedCost) {
  GMW_REQUIRE_SHARED(dir);
  const auto [file, n] = GetParam();
  nlohmann::json vector_entry;
  Circuit c;
  ASSERT_TRUE(gmw_test::load_vector_circuit(dir, file, vector_entry, c));
  const nlohmann::json* entry = &vector_entry;
  const Layout layout = layout_for(n, c.inputs.size(), c.outputs.size());
  ASSERT_TRUE(assign_parties(c, layout.owners, layout.receivers, n).ok());
  const auto made = make_gmw({}, c, n);
  ASSERT_TRUE(made.ok()) << made.status().message();
  const Protocol& gmw = **made;
  const GmwCost want = gmw_cost(c, n, GmwPreprocessing::kOt);
  const bool simulate = file == "aes_128.txt";

  std::size_t checked = 0;
  for (const auto& vec : entry->at("vectors")) {
    SCOPED_TRACE(vec.at("name").get<std::string>());
    const auto all_in = wire_bits(vec.at("wire_inputs"));
    const auto all_out = wire_bits(vec.at("wire_outputs"));
    std::vector<PartyInput> inputs(static_cast<std::size_t>(n));
    std::size_t pos = 0;
    for (const auto& g : c.inputs) {
      auto& dst = inputs[static_cast<std::size_t>(g.owner)].values;
      dst.insert(dst.end(), all_in.begin() + static_cast<std::ptrdiff_t>(pos),
                 all_in.begin() + static_cast<std::ptrdiff_t>(pos + g.wires.size()));
      pos += g.wires.size();
    }
    const PartyBody body = [&](PartyContext& ctx) {
      return gmw.run(ctx, inputs[static_cast<std::size_t>(ctx.net.self())]);
    };
    RunResult r;
    if (simulate) {
      SimRunOptions o;
      o.seed = 100 + checked;
      o.network.latency_s = 0.0001;  // a 0.1 ms, 1 Gbit/s LAN
      auto sim = run_simulated(n, o, body);
      ASSERT_TRUE(sim.ok()) << sim.status().message();
      r = std::move(sim).value();
    } else {
      r = run_local(n, {100 + checked, 120}, body);
    }
    ASSERT_EQ(r.parties.size(), static_cast<std::size_t>(n));
    for (const auto& p : r.parties) {
      ASSERT_EQ(p.status, PartyStatus::kOutput) << "party " << p.party << ": " << p.abort_reason;
      const bool receives = n != 5 || p.party == 1 || p.party == 4;
      EXPECT_EQ(p.outputs, receives ? all_out : std::vector<std::uint64_t>{})
          << "party " << p.party;
    }
    const GmwCost got = gmw_test::measured_cost(r);
    EXPECT_EQ(got.bytes, want.bytes);
    EXPECT_EQ(got.link_bytes, want.link_bytes);
    EXPECT_EQ(got.offline_rounds, n == 2 ? 2u : 3u);
    EXPECT_EQ(got.online_rounds, want.online_rounds);
    EXPECT_EQ(got.online_rounds, nonlinear_depth(c) + 2);
    ++checked;
  }
  EXPECT_EQ(checked, entry->at("vectors").size());
  EXPECT_GT(checked, 0u);
}

std::vector<VectorsParam> all_params() {
  std::vector<VectorsParam> out;
  for (const char* file : {"aes_128.txt", "sha256.txt", "adder64.txt", "sub64.txt", "neg64.txt",
                           "mult64.txt", "zero_equal.txt", "legacy/AES-non-expanded.txt",
                           "legacy/adder_32bit.txt"})
    for (int n : {2, 3, 5}) out.push_back({file, n});
  return out;
}

std::string param_name(const ::testing::TestParamInfo<VectorsParam>& info) {
  std::string s;
  for (char ch : info.param.file) s += std::isalnum(static_cast<unsigned char>(ch)) ? ch : '_';
  return s + "_n" + std::to_string(info.param.parties);
}

INSTANTIATE_TEST_SUITE_P(Bristol, GmwVectors, ::testing::ValuesIn(all_params()), param_name);

// VECTORS.json lists exactly the files above (so a new circuit there is not silently skipped).
TEST(GmwVectorsList, CoversEveryCircuitOfVectorsJson) {
  GMW_REQUIRE_SHARED(dir);
  std::ifstream f(dir / "VECTORS.json");
  const auto vectors = nlohmann::json::parse(f);
  std::set<std::string> listed, tested;
  for (const auto& e : vectors.at("circuits")) listed.insert(e.at("file").get<std::string>());
  for (const auto& p : all_params()) tested.insert(p.file);
  EXPECT_EQ(listed, tested);
}

}  // namespace
}  // namespace smpc
