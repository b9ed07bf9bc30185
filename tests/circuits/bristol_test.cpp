// Bristol import details (MAND, EQ, EQW, legacy layout, blank lines, CRLF) and export round trips.
#include "protocols/core/bristol.h"

#include <gtest/gtest.h>

#include <random>

#include "protocols/core/circuit_builder.h"
#include "protocols/core/circuit_eval.h"
#include "tests/circuits/test_util.h"

namespace smpc {
namespace {

using test::load_or_die;

Circuit parse_ok(const std::string& text, BristolFormat f = BristolFormat::kFashion) {
  auto c = parse_bristol(text, f, "test.txt");
  if (!c.ok()) {
    ADD_FAILURE() << c.status().message();
    return Circuit{};
  }
  EXPECT_TRUE(c->validate(16).ok()) << c->validate(16).message();
  return std::move(c).value();
}

// 64 random evaluations of a and b through evaluate_packed: equal outputs in every lane.
void expect_same_function(const Circuit& a, const Circuit& b, std::uint64_t seed) {
  ASSERT_EQ(a.inputs.size(), b.inputs.size());
  ASSERT_EQ(a.output_count(), b.output_count());
  std::mt19937_64 rng(seed);
  for (int round = 0; round < 4; ++round) {
    std::vector<std::vector<std::uint64_t>> in;
    for (std::size_t g = 0; g < a.inputs.size(); ++g) {
      ASSERT_EQ(a.inputs[g].wires.size(), b.inputs[g].wires.size());
      std::vector<std::uint64_t> words(a.inputs[g].wires.size());
      for (auto& w : words) w = rng();
      in.push_back(std::move(words));
    }
    auto ra = evaluate_packed(a, in);
    auto rb = evaluate_packed(b, in);
    ASSERT_TRUE(ra.ok()) << ra.status().message();
    ASSERT_TRUE(rb.ok()) << rb.status().message();
    EXPECT_EQ(*ra, *rb);
  }
  // And one lane through the scalar evaluate() too.
  std::vector<std::vector<std::uint64_t>> in;
  for (const auto& g : a.inputs) {
    std::vector<std::uint64_t> bits(g.wires.size());
    for (auto& x : bits) x = rng() & 1;
    in.push_back(std::move(bits));
  }
  auto ra = evaluate(a, in);
  auto rb = evaluate(b, in);
  ASSERT_TRUE(ra.ok() && rb.ok());
  EXPECT_EQ(*ra, *rb);
}

TEST(BristolParse, FashionWithEveryGateType) {
  // in0 = w0,w1; in1 = w2; out = w9, w10.
  const Circuit c = parse_ok(
      "7 11\n2 2 1\n2 1 1\n\n"
      "2 1 0 1 3 XOR\n"
      "1 1 1 4 EQ\n"
      "1 1 3 5 INV\n"
      "4 2 0 2 1 4 6 7 MAND\n"
      "1 1 5 8 NOT\n"
      "2 1 6 7 9 AND\n"
      "1 1 8 10 EQW\n"
      "\n");
  EXPECT_EQ(c.gates.size(), 8u);  // 7 lines, the MAND expands to 2 ANDs
  EXPECT_EQ(c.count(GateType::kAnd), 3u);
  EXPECT_EQ(c.count(GateType::kEq), 1u);
  ASSERT_EQ(c.inputs.size(), 2u);
  EXPECT_EQ(c.inputs[1].wires, std::vector<std::uint32_t>({2}));
  ASSERT_EQ(c.outputs.size(), 2u);
  EXPECT_EQ(c.outputs[0].wires, std::vector<std::uint32_t>({9}));
  EXPECT_EQ(c.outputs[1].wires, std::vector<std::uint32_t>({10}));
  for (std::uint64_t x = 0; x < 8; ++x) {
    const std::uint64_t a0 = x & 1, a1 = x >> 1 & 1, b = x >> 2 & 1;
    auto out = evaluate(c, {{a0, a1}, {b}});
    ASSERT_TRUE(out.ok());
    // w6 = a0 & a1, w7 = b & 1 (EQ 1), w9 = w6 & w7; w10 = !!(a0 ^ a1).
    EXPECT_EQ((*out)[0], a0 & a1 & b);
    EXPECT_EQ((*out)[1], a0 ^ a1);
  }
}

TEST(BristolParse, LegacyWithoutBlankLineAndWithCrlf) {
  const Circuit c =
      parse_ok("2 5\r\n2 1 1\r\n2 1 0 2 3 XOR\r\n2 1 3 1 4 AND\r\n", BristolFormat::kLegacy);
  ASSERT_EQ(c.inputs.size(), 2u);
  EXPECT_EQ(c.inputs[0].wires.size(), 2u);
  EXPECT_EQ(c.inputs[1].wires.size(), 1u);
  EXPECT_EQ(c.outputs[0].wires, std::vector<std::uint32_t>({4}));
  // Legacy n2 = 0: a single input group.
  const Circuit d = parse_ok("1 3\n2 0 1\n\n2 1 0 1 2 XOR\n", BristolFormat::kLegacy);
  EXPECT_EQ(d.inputs.size(), 1u);
}

TEST(BristolExport, RoundTripEveryFormatOnHandWrittenCircuit) {
  const Circuit c = parse_ok("3 6\n2 2 1\n1 1\n2 1 0 2 3 AND\n1 1 1 4 INV\n2 1 3 4 5 XOR\n");
  auto text = to_bristol_fashion(c);
  ASSERT_TRUE(text.ok()) << text.status().message();
  EXPECT_EQ(*text, "3 6\n2 2 1\n1 1\n\n2 1 0 2 3 AND\n1 1 1 4 INV\n2 1 3 4 5 XOR\n");
  EXPECT_EQ(parse_ok(*text), c);
}

TEST(BristolExport, RoundTripEverySharedCircuit) {
  SMPC_REQUIRE_SHARED(dir);
  const std::pair<const char*, BristolFormat> files[] = {
      {"aes_128.txt", BristolFormat::kFashion},
      {"sha256.txt", BristolFormat::kFashion},
      {"adder64.txt", BristolFormat::kFashion},
      {"sub64.txt", BristolFormat::kFashion},
      {"neg64.txt", BristolFormat::kFashion},
      {"mult64.txt", BristolFormat::kFashion},
      {"zero_equal.txt", BristolFormat::kFashion},
      {"legacy/AES-non-expanded.txt", BristolFormat::kLegacy},
      {"legacy/adder_32bit.txt", BristolFormat::kLegacy},
  };
  std::uint64_t seed = 1;
  for (const auto& [file, fmt] : files) {
    SCOPED_TRACE(file);
    const Circuit c = load_or_die(dir / file, fmt);
    auto text = to_bristol_fashion(c);
    ASSERT_TRUE(text.ok()) << text.status().message();
    auto back = parse_bristol(*text, BristolFormat::kFashion, std::string(file) + " (exported)");
    ASSERT_TRUE(back.ok()) << back.status().message();
    EXPECT_EQ(back->gates.size(), c.gates.size());
    EXPECT_EQ(back->num_wires, c.num_wires);
    expect_same_function(c, *back, seed++);
    // Same gates in the same order (only the wire numbering may change).
    for (std::size_t i = 0; i < c.gates.size(); ++i)
      ASSERT_EQ(back->gates[i].type, c.gates[i].type);
    // Exporting the re-import is a fixed point.
    auto again = to_bristol_fashion(*back);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(*again, *text);
  }
}

TEST(BristolExport, BuilderCircuitWithInputAndDuplicateOutputsGetsCopies) {
  CircuitBuilder b;
  const auto x = b.input("x", 0, 4);
  const auto y = b.input("y", 1, 4);
  const auto s = b.add(x, y);
  b.output("sum", s);
  b.output("x_again", x);               // input wires as outputs
  b.output("sum_again", {s[0], s[0]});  // duplicates
  const Circuit c = b.take();
  ASSERT_TRUE(c.validate(2).ok());
  auto text = to_bristol_fashion(c);
  ASSERT_TRUE(text.ok()) << text.status().message();
  const Circuit back = parse_ok(*text);
  EXPECT_EQ(back.count(GateType::kEqw), c.count(GateType::kEqw) + 4 + 2);
  expect_same_function(c, back, 99);
}

TEST(BristolExport, RejectsArithmeticAndInvalidCircuits) {
  Circuit a;
  a.domain = CircuitDomain::kField61;
  EXPECT_FALSE(to_bristol_fashion(a).ok());
  Circuit bad;
  bad.num_wires = 2;
  bad.inputs.push_back(InputGroup{"in", 0, {0}});
  bad.gates.push_back(Gate{GateType::kAnd, 0, 5, 1, 0});  // wire 5 out of range
  auto r = to_bristol_fashion(bad);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("out of range"), std::string::npos);
}

TEST(BristolLoad, AssignPartiesForScenarios) {
  Circuit c = parse_ok("1 3\n2 1 1\n1 1\n2 1 0 1 2 AND\n");
  EXPECT_TRUE(assign_parties(c, {2, 0}, {{1}}, 3).ok());
  EXPECT_EQ(c.inputs[0].owner, 2);
  EXPECT_EQ(c.inputs[1].owner, 0);
  EXPECT_EQ(c.outputs[0].receivers, std::vector<PartyId>({1}));
  EXPECT_FALSE(assign_parties(c, {0}, {}, 3).ok());         // wrong number of owners
  EXPECT_FALSE(assign_parties(c, {}, {{0}, {1}}, 3).ok());  // wrong number of receiver lists
  const Status s = assign_parties(c, {5, 0}, {}, 3);        // owner out of range
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("owner party 5"), std::string::npos) << s.message();
}

TEST(BristolLoad, LoadForParties) {
  test::TempDir tmp;
  const std::string path = tmp.write("and.txt", "1 3\n2 1 1\n1 1\n2 1 0 1 2 AND\n");
  auto c = load_bristol_for_parties(path, BristolFormat::kFashion, {1, 0}, {{0}}, 2);
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(c->inputs[0].owner, 1);
  EXPECT_EQ(c->outputs[0].receivers, std::vector<PartyId>({0}));
  auto bad = load_bristol_for_parties(path, BristolFormat::kFashion, {}, {}, 1);
  ASSERT_FALSE(bad.ok());  // input1 belongs to party 1, but there is only one party
  EXPECT_EQ(bad.status().message().rfind(path + ": input group 1", 0), 0u)
      << bad.status().message();
}

TEST(BristolLoad, MissingFileAndDirectory) {
  auto r = load_bristol("/nonexistent/circuit.txt", BristolFormat::kFashion);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("/nonexistent/circuit.txt"), std::string::npos);
  test::TempDir tmp;
  auto d = load_bristol(tmp.path().string(), BristolFormat::kFashion);
  ASSERT_FALSE(d.ok());
  EXPECT_NE(d.status().message().find("not a regular file"), std::string::npos);
  EXPECT_FALSE(parse_bristol_format("xml").ok());
}

}  // namespace
}  // namespace smpc
