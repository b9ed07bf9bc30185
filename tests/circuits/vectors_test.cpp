// Every known-answer vector of ../shared/circuits/bristol/VECTORS.json through the importer and
// every evaluator; gate counts and AND depths against the README table.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "protocols/core/bristol.h"
#include "protocols/core/circuit_analysis.h"
#include "protocols/core/circuit_encoding.h"
#include "protocols/core/circuit_eval.h"
#include "tests/circuits/test_util.h"

namespace smpc {
namespace {

using test::load_or_die;

nlohmann::json read_vectors(const std::filesystem::path& dir) {
  std::ifstream f(dir / "VECTORS.json");
  return nlohmann::json::parse(f);
}

std::vector<std::uint64_t> wire_bits(const std::string& s) {
  std::vector<std::uint64_t> out;
  for (char ch : s) out.push_back(ch == '1' ? 1 : 0);
  return out;
}

// The README's gate-count table.
struct TableRow {
  const char* file;
  BristolFormat format;
  std::size_t gates, wires, and_count, xor_count, inv_count, eqw_count;
  std::uint32_t and_depth;
  std::vector<std::size_t> inputs, outputs;
};

const std::vector<TableRow>& readme_table() {
  static const std::vector<TableRow> t = {
      {"aes_128.txt",
       BristolFormat::kFashion,
       36663,
       36919,
       6400,
       28176,
       2087,
       0,
       60,
       {128, 128},
       {128}},
      {"sha256.txt",
       BristolFormat::kFashion,
       135073,
       135841,
       22573,
       110644,
       1856,
       0,
       1607,
       {512, 256},
       {256}},
      {"adder64.txt", BristolFormat::kFashion, 376, 504, 63, 313, 0, 0, 63, {64, 64}, {64}},
      {"sub64.txt", BristolFormat::kFashion, 439, 567, 63, 313, 63, 0, 63, {64, 64}, {64}},
      {"neg64.txt", BristolFormat::kFashion, 190, 254, 62, 63, 64, 1, 62, {64}, {64}},
      {"mult64.txt", BristolFormat::kFashion, 13675, 13803, 4033, 9642, 0, 0, 63, {64, 64}, {64}},
      {"zero_equal.txt", BristolFormat::kFashion, 127, 191, 63, 0, 64, 0, 6, {64}, {1}},
      {"legacy/AES-non-expanded.txt",
       BristolFormat::kLegacy,
       33616,
       33872,
       6800,
       25124,
       1692,
       0,
       40,
       {128, 128},
       {128}},
      {"legacy/adder_32bit.txt",
       BristolFormat::kLegacy,
       375,
       439,
       127,
       61,
       187,
       0,
       63,
       {32, 32},
       {33}},
  };
  return t;
}

TEST(BristolTable, GateCountsAndAndDepthsMatchReadme) {
  SMPC_REQUIRE_SHARED(dir);
  for (const TableRow& row : readme_table()) {
    SCOPED_TRACE(row.file);
    const Circuit c = load_or_die(dir / row.file, row.format);
    ASSERT_TRUE(c.validate(2).ok()) << c.validate(2).message();
    const CircuitStats s = analyze(c);
    EXPECT_EQ(s.gates, row.gates);
    EXPECT_EQ(s.wires, row.wires);
    EXPECT_EQ(s.count(GateType::kAnd), row.and_count);
    EXPECT_EQ(s.and_count, row.and_count);
    EXPECT_EQ(s.count(GateType::kXor), row.xor_count);
    EXPECT_EQ(s.count(GateType::kInv), row.inv_count);
    EXPECT_EQ(s.count(GateType::kEqw), row.eqw_count);
    EXPECT_EQ(s.and_depth, row.and_depth);
    EXPECT_EQ(nonlinear_depth(c), row.and_depth);  // the core's own depth agrees with Boost's
    EXPECT_EQ(s.input_widths, row.inputs);
    EXPECT_EQ(s.output_widths, row.outputs);
    // Default parties: party i owns input i; every output goes to everybody.
    for (std::size_t g = 0; g < c.inputs.size(); ++g)
      EXPECT_EQ(c.inputs[g].owner, static_cast<PartyId>(g));
    for (const auto& o : c.outputs) EXPECT_TRUE(o.receivers.empty());
  }
}

TEST(BristolVectors, EveryVectorPassesImporterAndEvaluators) {
  SMPC_REQUIRE_SHARED(dir);
  const nlohmann::json v = read_vectors(dir);
  std::size_t checked = 0;
  for (const auto& entry : v.at("circuits")) {
    const std::string file = entry.at("file");
    SCOPED_TRACE(file);
    auto fmt = parse_bristol_format(entry.at("format").get<std::string>());
    ASSERT_TRUE(fmt.ok()) << fmt.status().message();
    const Circuit c = load_or_die(dir / file, *fmt);
    EXPECT_EQ(c.gates.size(), entry.at("num_gates").get<std::size_t>());
    EXPECT_EQ(c.num_wires, entry.at("num_wires").get<std::size_t>());
    const CircuitStats s = analyze(c);
    for (const auto& [type, count] : entry.at("gate_counts").items()) {
      std::size_t got = 0;
      for (std::size_t t = 0; t < kGateTypeCount; ++t)
        if (type == gate_name(static_cast<GateType>(t))) got = s.by_type[t];
      EXPECT_EQ(got, count.get<std::size_t>()) << type;
    }
    ASSERT_EQ(c.inputs.size(), entry.at("inputs").size());
    ASSERT_EQ(c.outputs.size(), entry.at("outputs").size());
    const WireSlots slots = assign_wire_slots(c);
    for (const auto& vec : entry.at("vectors")) {
      SCOPED_TRACE(vec.at("name").get<std::string>());
      // 1. Wire strings straight into the evaluator.
      const auto all_in = wire_bits(vec.at("wire_inputs"));
      const auto want_out = wire_bits(vec.at("wire_outputs"));
      ASSERT_EQ(all_in.size(), c.input_count());
      const auto in = split_input_groups(c, all_in);
      auto out = evaluate(c, in);
      ASSERT_TRUE(out.ok()) << out.status().message();
      EXPECT_EQ(*out, want_out);
      // 2. Natural values through the encodings give the same wires and outputs.
      for (std::size_t g = 0; g < c.inputs.size(); ++g) {
        auto e = parse_value_encoding(entry.at("inputs")[g].at("encoding").get<std::string>());
        ASSERT_TRUE(e.ok());
        auto bits =
            encode_value(vec.at("inputs")[g].get<std::string>(), c.inputs[g].wires.size(), *e);
        ASSERT_TRUE(bits.ok()) << bits.status().message();
        EXPECT_EQ(*bits, in[g]) << "encoding of input " << g;
      }
      std::size_t pos = 0;
      for (std::size_t g = 0; g < c.outputs.size(); ++g) {
        auto e = parse_value_encoding(entry.at("outputs")[g].at("encoding").get<std::string>());
        ASSERT_TRUE(e.ok());
        const std::size_t w = c.outputs[g].wires.size();
        auto text = decode_value(std::span<const std::uint64_t>(out->data() + pos, w), *e);
        ASSERT_TRUE(text.ok()) << text.status().message();
        EXPECT_EQ(*text, vec.at("outputs")[g].get<std::string>());
        pos += w;
      }
      // 3. The memory-bounded evaluator agrees.
      auto bounded = evaluate_bounded(c, slots, in);
      ASSERT_TRUE(bounded.ok()) << bounded.status().message();
      EXPECT_EQ(*bounded, want_out);
      // 4. The 64-way evaluator agrees when the vector sits in lane 37 (others: complement).
      std::vector<std::vector<std::uint64_t>> packed = in;
      for (auto& grp : packed)
        for (auto& x : grp) x = x ? (1ULL << 37) : ~(1ULL << 37);
      auto p = evaluate_packed(c, packed);
      ASSERT_TRUE(p.ok()) << p.status().message();
      for (std::size_t k = 0; k < want_out.size(); ++k)
        ASSERT_EQ((*p)[k] >> 37 & 1, want_out[k]) << "output wire " << k;
      ++checked;
    }
  }
  EXPECT_EQ(checked, 57u);  // the README's vector count
}

}  // namespace
}  // namespace smpc
