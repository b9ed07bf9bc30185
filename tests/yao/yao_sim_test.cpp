// Yao on SimNetwork (SimGrid, one forked simulation per run): Bristol AES-128 gives the FIPS-197
// ciphertext at exactly the documented cost, and every known-answer vector of
// ../shared/circuits/bristol/VECTORS.json passes (skipped, visibly, when ../shared is absent).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "protocols/core/bristol.h"
#include "protocols/core/circuit_encoding.h"
#include "protocols/yao/yao.h"
#include "simulator/sim_network.h"

namespace smpc {
namespace {

std::optional<std::filesystem::path> bristol_dir() {
  const auto p = std::filesystem::path(SMPC_SHARED_DIR) / "circuits" / "bristol";
  if (std::filesystem::exists(p / "VECTORS.json")) return p;
  return std::nullopt;
}

#define REQUIRE_SHARED(dir)                                                    \
  const auto dir##_opt = bristol_dir();                                        \
  if (!dir##_opt)                                                              \
    GTEST_SKIP() << "shared Bristol circuits not found at " SMPC_SHARED_DIR    \
                    "/circuits/bristol (set -DSMPC_SHARED_DIR=...); skipping"; \
  const std::filesystem::path dir = *dir##_opt

SimRunOptions lan() {
  SimRunOptions o;
  o.network.latency_s = 0.0001;             // 0.1 ms
  o.network.bandwidth_bytes_per_s = 125e6;  // 1 Gbit/s
  return o;
}

RunResult simulate(const YaoSemiHonest& yao, const std::vector<PartyInput>& inputs,
                   std::uint64_t seed = 1) {
  SimRunOptions o = lan();
  o.seed = seed;
  auto r = run_simulated(2, o, [&](PartyContext& ctx) {
    return yao.run(ctx, inputs[static_cast<std::size_t>(ctx.net.self())]);
  });
  if (!r.ok()) {
    ADD_FAILURE() << r.status().message();
    return {};
  }
  return std::move(r).value();
}

TEST(YaoSim, BristolAes128GivesTheFips197Ciphertext) {
  REQUIRE_SHARED(dir);
  auto c = load_bristol((dir / "aes_128.txt").string(), BristolFormat::kFashion);
  ASSERT_TRUE(c.ok()) << c.status().message();
  ASSERT_EQ(c->count(GateType::kAnd), 6400u);
  const auto key =
      encode_value("000102030405060708090a0b0c0d0e0f", 128, ValueEncoding::kBytesReversedLsb0);
  const auto pt =
      encode_value("00112233445566778899aabbccddeeff", 128, ValueEncoding::kBytesReversedLsb0);
  ASSERT_TRUE(key.ok() && pt.ok());
  const YaoSemiHonest yao(*c);
  const auto r = simulate(yao, {PartyInput{*key}, PartyInput{*pt}});
  ASSERT_EQ(r.parties.size(), 2u);
  for (const auto& p : r.parties) {
    ASSERT_EQ(p.status, PartyStatus::kOutput) << p.abort_reason;
    const auto ct = decode_value(p.outputs, ValueEncoding::kBytesReversedLsb0);
    ASSERT_TRUE(ct.ok());
    EXPECT_EQ(*ct, "69c4e0d86a7b0430d8cdb78070b4c55a") << "party " << p.party;
  }
  // The per-label breakdown: tables, OT and decoding apart, each exactly as documented.
  std::map<std::string, std::uint64_t> bytes, messages;
  std::uint32_t rounds = 0;
  for (const auto& p : r.parties) {
    for (const auto& [label, s] : p.meter.by_label) {
      bytes[label] += s.traffic.bytes;
      messages[label] += s.traffic.messages;
    }
    rounds = std::max(rounds, p.meter.max_round);
  }
  const YaoCost want = yao_cost(*c);
  EXPECT_EQ(bytes, want.bytes);
  EXPECT_EQ(messages, want.messages);
  EXPECT_EQ(bytes.at("yao.tables"), 32u * 6400 + 6 * 4);  // 32 B per AND gate, 4 messages
  EXPECT_EQ(messages.at("yao.tables"), 4u);
  std::uint64_t total = 0;
  for (const auto& [label, b] : bytes) total += b;
  // The worked example of yao.h: 204824 + 2054 + 4140 + 2054 + 4102 before the outputs, then
  // 16 B per output wire each way (hash pair to E, label to G): 2·(6 + 16·128).
  EXPECT_EQ(total, 204824u + 2054 + 4140 + 2054 + 4102 + 2 * (6 + 16 * 128));
  EXPECT_EQ(total, 221282u);
  EXPECT_EQ(bytes.at("yao.inputs"), 6u + 16 * 128);
  EXPECT_EQ(bytes.at("yao.ot.base"), 38u + 4102);
  EXPECT_EQ(bytes.at("yao.ot.extend"), 6u + 16 * 128);
  EXPECT_EQ(bytes.at("yao.ot.messages"), 6u + 32 * 128);
  EXPECT_EQ(bytes.at("yao.decode"), 6u + 16 * 128);  // two 8-byte hashes per output wire
  EXPECT_EQ(bytes.at("yao.reveal"), 6u + 16 * 128);  // one 16-byte label per output wire
  EXPECT_EQ(rounds, 4u);
  EXPECT_GT(r.simulated_time_s, 0.0);
  std::cout << "AES-128 under yao on a 0.1 ms / 1 Gbit/s LAN: " << r.simulated_time_s * 1e3
            << " ms simulated\n";
}

std::vector<std::uint64_t> wire_bits(const std::string& s) {
  std::vector<std::uint64_t> out;
  for (char ch : s) out.push_back(ch == '1' ? 1 : 0);
  return out;
}

// One simulation per circuit: each party runs Yao once per vector, back to back on the same
// links (sequential composition; per-link FIFO keeps the runs apart), and returns all outputs
// concatenated. Saves a fork and a SimGrid start-up per vector.
TEST(YaoSim, EveryBristolVectorPasses) {
  REQUIRE_SHARED(dir);
  std::ifstream f(dir / "VECTORS.json");
  const auto v = nlohmann::json::parse(f);
  std::size_t checked = 0;
  for (const auto& entry : v.at("circuits")) {
    const std::string file = entry.at("file");
    SCOPED_TRACE(file);
    const auto fmt = parse_bristol_format(entry.at("format").get<std::string>());
    ASSERT_TRUE(fmt.ok());
    auto c = load_bristol((dir / file).string(), *fmt);
    ASSERT_TRUE(c.ok()) << c.status().message();
    // Imported circuits give input group g to party g (at most 2 here) and outputs to both.
    ASSERT_TRUE(make_yao({}, *c, 2).ok()) << make_yao({}, *c, 2).status().message();
    const YaoSemiHonest yao(*c);
    std::vector<std::vector<PartyInput>> inputs;  // [vector][party]
    std::vector<std::uint64_t> want;              // every vector's outputs, concatenated
    for (const auto& vec : entry.at("vectors")) {
      const auto all_in = wire_bits(vec.at("wire_inputs"));
      std::vector<PartyInput> in(2);
      std::size_t pos = 0;
      for (const auto& g : c->inputs) {
        auto& dst = in[static_cast<std::size_t>(g.owner)].values;
        dst.insert(dst.end(), all_in.begin() + static_cast<std::ptrdiff_t>(pos),
                   all_in.begin() + static_cast<std::ptrdiff_t>(pos + g.wires.size()));
        pos += g.wires.size();
      }
      inputs.push_back(std::move(in));
      const auto out = wire_bits(vec.at("wire_outputs"));
      want.insert(want.end(), out.begin(), out.end());
    }
    SimRunOptions o = lan();
    o.seed = 1 + checked;
    auto r = run_simulated(2, o, [&](PartyContext& ctx) {
      PartyOutput all;
      for (const auto& in : inputs) {
        const auto one = yao.run(ctx, in[static_cast<std::size_t>(ctx.net.self())]);
        all.values.insert(all.values.end(), one.values.begin(), one.values.end());
      }
      return all;
    });
    ASSERT_TRUE(r.ok()) << r.status().message();
    ASSERT_EQ(r->parties.size(), 2u);
    for (const auto& p : r->parties) {
      ASSERT_EQ(p.status, PartyStatus::kOutput) << p.abort_reason;
      ASSERT_EQ(p.outputs.size(), want.size());
      // Report the first failing vector by name.
      std::size_t pos = 0, k = 0;
      for (const auto& vec : entry.at("vectors")) {
        const std::size_t w = wire_bits(vec.at("wire_outputs")).size();
        EXPECT_TRUE(std::equal(want.begin() + static_cast<std::ptrdiff_t>(pos),
                               want.begin() + static_cast<std::ptrdiff_t>(pos + w),
                               p.outputs.begin() + static_cast<std::ptrdiff_t>(pos)))
            << "party " << p.party << ", vector " << k << " (" << vec.at("name") << ")";
        pos += w;
        ++k;
      }
    }
    checked += inputs.size();
  }
  EXPECT_EQ(checked, 57u);
}

}  // namespace
}  // namespace smpc
