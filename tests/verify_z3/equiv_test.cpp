// Circuit equivalence (verify/z3_circuit.h): builder circuits against the Bristol files of
// ../shared, and mutants that must be refuted with a counterexample that really differs.
#include <gtest/gtest.h>

#include <filesystem>

#include "protocols/core/bristol.h"
#include "protocols/core/circuit_builder.h"
#include "verify/z3_circuit.h"

namespace smpc {
namespace {

using Kind = EquivalenceResult::Kind;

std::filesystem::path bristol_dir() {
  return std::filesystem::path(SMPC_SHARED_DIR) / "circuits" / "bristol";
}

Circuit builder_binary(std::size_t width, bool multiply) {
  CircuitBuilder b;
  const auto x = b.input("a", 0, width);
  const auto y = b.input("b", 1, width);
  b.output("c", multiply ? b.mul(x, y) : b.add(x, y));
  return b.take();
}

// The index of the `nth` gate of type t (counting from the end when nth < 0).
std::size_t find_gate(const Circuit& c, GateType t, int nth) {
  std::vector<std::size_t> idx;
  for (std::size_t i = 0; i < c.gates.size(); ++i)
    if (c.gates[i].type == t) idx.push_back(i);
  EXPECT_FALSE(idx.empty());
  return nth >= 0 ? idx.at(static_cast<std::size_t>(nth))
                  : idx.at(idx.size() - static_cast<std::size_t>(-nth));
}

// The counterexample must be one on which plain evaluation of the two circuits differs.
void expect_real_counterexample(const Circuit& a, const Circuit& b, const EquivalenceResult& r) {
  ASSERT_EQ(r.kind, Kind::kDifferent);
  auto oa = evaluate(a, r.counterexample);
  auto ob = evaluate(b, r.counterexample);
  ASSERT_TRUE(oa.ok() && ob.ok());
  EXPECT_NE(*oa, *ob);
  EXPECT_EQ(*oa, r.outputs_a);
  EXPECT_EQ(*ob, r.outputs_b);
  EXPECT_NE((*oa)[r.differing_output], (*ob)[r.differing_output]);
}

TEST(Equivalence, BuilderAdder64EqualsBristolAdder64) {
  const auto path = bristol_dir() / "adder64.txt";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "absent: " << path;
  auto file = load_bristol(path.string(), BristolFormat::kFashion);
  ASSERT_TRUE(file.ok()) << file.status().message();
  auto r = check_equivalence(builder_binary(64, false), *file, {.timeout_s = 60});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->kind, Kind::kEquivalent) << r->detail;
  EXPECT_EQ(r->outputs_proved, 64u);
  EXPECT_EQ(r->method, "z3");
  std::printf("adder64 proof: %.3f s\n", r->seconds);
}

TEST(Equivalence, MutatedAdderIsRefutedByZ3) {
  const Circuit good = builder_binary(64, false);
  // One carry AND becomes an OR-like XOR: differs only when both operand bits are 1 at that
  // position, with random simulation switched off so that Z3 has to find the input.
  Circuit bad = good;
  bad.gates[find_gate(bad, GateType::kAnd, 40)].type = GateType::kXor;
  EquivalenceOptions o;
  o.random_rounds = 0;
  auto r = check_equivalence(good, bad, o);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->method, "z3");
  expect_real_counterexample(good, bad, *r);
}

TEST(Equivalence, MutatedBristolAdderIsRefuted) {
  const auto path = bristol_dir() / "adder64.txt";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "absent: " << path;
  auto file = load_bristol(path.string(), BristolFormat::kFashion);
  ASSERT_TRUE(file.ok()) << file.status().message();
  Circuit bad = *file;
  bad.gates[find_gate(bad, GateType::kXor, -1)].type = GateType::kAnd;  // top sum bit
  auto r = check_equivalence(builder_binary(64, false), bad);
  ASSERT_TRUE(r.ok()) << r.status().message();
  expect_real_counterexample(builder_binary(64, false), bad, *r);
}

TEST(Equivalence, SmallMultipliersProveAndMutantsAreRefuted) {
  for (std::size_t w : {4u, 6u, 8u}) {
    const Circuit good = builder_binary(w, true);
    // Same function, different circuit: the operands swapped.
    CircuitBuilder b;
    const auto x = b.input("a", 0, w);
    const auto y = b.input("b", 1, w);
    b.output("c", b.mul(y, x));
    const Circuit swapped = b.take();
    auto same = check_equivalence(good, swapped, {.timeout_s = 60});
    ASSERT_TRUE(same.ok()) << same.status().message();
    EXPECT_EQ(same->kind, Kind::kEquivalent) << "width " << w << ": " << same->detail;

    for (int nth : {0, -1}) {
      Circuit bad = good;
      bad.gates[find_gate(bad, GateType::kAnd, nth)].type = GateType::kXor;
      EquivalenceOptions o;
      o.random_rounds = 0;
      o.timeout_s = 60;
      auto r = check_equivalence(good, bad, o);
      ASSERT_TRUE(r.ok()) << r.status().message();
      expect_real_counterexample(good, bad, *r);
    }
  }
}

TEST(Equivalence, Mult64IsNeverFalselyEquivalentOrDifferent) {
  const auto path = bristol_dir() / "mult64.txt";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "absent: " << path;
  auto file = load_bristol(path.string(), BristolFormat::kFashion);
  ASSERT_TRUE(file.ok()) << file.status().message();
  const Circuit spec = builder_binary(64, true);
  auto r = check_equivalence(spec, *file, {.timeout_s = 3});
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_NE(r->kind, Kind::kDifferent);
  if (r->kind == Kind::kUnknown) {
    EXPECT_LT(r->outputs_proved, 64u);
    EXPECT_FALSE(r->detail.empty());
  }
  // The low output bits are small cones: they must prove even in 3 s.
  EXPECT_GE(r->outputs_proved, 4u);
  std::printf("mult64 vs builder in 3 s: %s, %zu of 64 outputs proved (%.2f s)\n",
              equivalence_kind_name(r->kind), r->outputs_proved, r->seconds);

  // A mutant in a high output bit: never "equivalent".
  Circuit bad = *file;
  bad.gates[find_gate(bad, GateType::kXor, -1)].type = GateType::kAnd;
  auto rb = check_equivalence(spec, bad, {.timeout_s = 3});
  ASSERT_TRUE(rb.ok()) << rb.status().message();
  EXPECT_NE(rb->kind, Kind::kEquivalent);
  if (rb->kind == Kind::kDifferent) expect_real_counterexample(spec, bad, *rb);
}

TEST(Equivalence, ShapeMismatchIsAnErrorNamingBoth) {
  EquivalenceOptions o;
  o.name_a = "left.txt";
  o.name_b = "right.txt";
  auto r = check_equivalence(builder_binary(8, false), builder_binary(6, false), o);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("left.txt has input groups of widths [8, 8]"),
            std::string::npos) << r.status().message();
  EXPECT_NE(r.status().message().find("right.txt has [6, 6]"), std::string::npos);
}

TEST(Equivalence, FieldCircuitsAreComparedExactlyModP) {
  // (x + y) * 3 against 3x + 3y (equal), and against 3x + 2y (different).
  const auto make = [](bool distribute, std::uint64_t ky) {
    Circuit c;
    c.domain = CircuitDomain::kField61;
    c.num_wires = 2;
    c.inputs = {{"x", 0, {0}}, {"y", 1, {1}}};
    if (!distribute) {
      c.gates = {{GateType::kAdd, 0, 1, 2, 0}, {GateType::kMulConst, 2, 0, 3, 3}};
      c.num_wires = 4;
    } else {
      c.gates = {{GateType::kMulConst, 0, 0, 2, 3}, {GateType::kMulConst, 1, 0, 3, ky},
                 {GateType::kAdd, 2, 3, 4, 0}};
      c.num_wires = 5;
    }
    c.outputs = {{"out", {}, {c.num_wires - 1}}};
    return c;
  };
  auto eq = check_equivalence(make(false, 0), make(true, 3), {.timeout_s = 60});
  ASSERT_TRUE(eq.ok()) << eq.status().message();
  EXPECT_EQ(eq->kind, Kind::kEquivalent) << eq->detail;
  EquivalenceOptions o;
  o.random_rounds = 0;
  o.timeout_s = 60;
  auto ne = check_equivalence(make(false, 0), make(true, 2), o);
  ASSERT_TRUE(ne.ok()) << ne.status().message();
  expect_real_counterexample(make(false, 0), make(true, 2), *ne);
}

}  // namespace
}  // namespace smpc
