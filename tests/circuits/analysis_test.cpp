// Boost.Graph analysis: AND depth and layers, wire liveness and slot-based (memory-bounded)
// evaluation, DOT export; and the fast evaluate() on unvalidated input.
#include <gtest/gtest.h>

#include <chrono>
#include <random>
#include <set>

#include "protocols/core/circuit_analysis.h"
#include "protocols/core/circuit_builder.h"
#include "protocols/core/circuit_eval.h"
#include "protocols/core/layer_schedule.h"
#include "tests/circuits/test_util.h"

namespace smpc {
namespace {

// Every AND layer is a set of independent gates and respects dependencies: the inputs of a
// gate in layer d are produced at AND depth < d (so one round per layer suffices).
void check_layers(const Circuit& c) {
  const auto layers = and_layers(c);
  const auto depth = gate_and_depths(c);
  EXPECT_EQ(layers.size(), and_depth(c));
  std::size_t total = 0;
  std::vector<std::int64_t> producer(c.num_wires, -1);
  for (std::size_t i = 0; i < c.gates.size(); ++i)
    producer[c.gates[i].out] = static_cast<std::int64_t>(i);
  for (std::size_t d = 0; d < layers.size(); ++d) {
    EXPECT_FALSE(layers[d].empty()) << "layer " << d;
    total += layers[d].size();
    for (std::size_t gi : layers[d]) {
      ASSERT_EQ(c.gates[gi].type, GateType::kAnd);
      EXPECT_EQ(depth[gi], d + 1);
      for (std::uint32_t w : {c.gates[gi].in0, c.gates[gi].in1})
        if (producer[w] >= 0) {
          EXPECT_LE(depth[static_cast<std::size_t>(producer[w])], d);
        }
    }
  }
  EXPECT_EQ(total, c.count(GateType::kAnd));
  // The core's layer_schedule agrees on the number of rounds.
  EXPECT_EQ(layer_schedule(c).size(), and_depth(c) + 1);
}

TEST(CircuitAnalysis, LayersOfBuilderCircuits) {
  CircuitBuilder b;
  const auto x = b.input("x", 0, 16);
  const auto y = b.input("y", 1, 16);
  b.output("eq", {b.eq(x, y)});
  b.output("sum", b.add(x, y));
  const Circuit c = b.take();
  EXPECT_EQ(and_depth(c), 15u);  // the adder's carry chain
  check_layers(c);
  const auto layers = and_layers(c);
  EXPECT_EQ(layers[0].size(), 1u + 8u);  // adder's first AND + the eq tree's first level
}

TEST(CircuitAnalysis, SharedCircuitsLayersLivenessAndBoundedEval) {
  SMPC_REQUIRE_SHARED(dir);
  for (const char* file : {"aes_128.txt", "sha256.txt", "mult64.txt", "zero_equal.txt"}) {
    SCOPED_TRACE(file);
    const Circuit c = test::load_or_die(dir / file);
    check_layers(c);
    const WireLiveness lv = wire_liveness(c);
    const WireSlots slots = assign_wire_slots(c);
    EXPECT_LE(slots.num_slots, lv.max_live);
    EXPECT_LT(slots.num_slots, c.num_wires);
    // Two wires sharing a slot never have overlapping lifetimes.
    std::vector<std::int64_t> born(c.num_wires, -1);
    for (std::size_t i = 0; i < c.gates.size(); ++i)
      born[c.gates[i].out] = static_cast<std::int64_t>(i);
    std::mt19937_64 rng(7);
    std::vector<std::vector<std::uint64_t>> in;
    for (const auto& g : c.inputs) {
      std::vector<std::uint64_t> bits(g.wires.size());
      for (auto& v : bits) v = rng() & 1;
      in.push_back(std::move(bits));
    }
    auto want = evaluate(c, in);
    auto got = evaluate_bounded(c, slots, in);
    ASSERT_TRUE(want.ok() && got.ok());
    EXPECT_EQ(*got, *want);
    if (std::string(file) == "sha256.txt") {
      // Memory-bounded evaluation of SHA-256 needs a small fraction of the wires.
      EXPECT_LT(slots.num_slots * 10, c.num_wires) << slots.num_slots;
    }
  }
}

TEST(CircuitAnalysis, LivenessOnSmallCircuit) {
  CircuitBuilder b;
  const auto x = b.input("x", 0, 2);
  const auto t = b.bit_and(x[0], x[1]);  // gate 0
  const auto u = b.bit_xor(t, x[0]);     // gate 1
  b.bit_not(u);                          // gate 2, never read
  b.output("u", {u});
  const Circuit c = b.take();
  const WireLiveness lv = wire_liveness(c);
  EXPECT_EQ(lv.last_use[x[0]], 1u);
  EXPECT_EQ(lv.last_use[x[1]], 0u);
  EXPECT_EQ(lv.last_use[t], 1u);
  EXPECT_EQ(lv.last_use[u], 3u);  // output: live to the end (= gates.size())
  EXPECT_EQ(lv.last_use[4], WireLiveness::kNeverRead);
  EXPECT_EQ(lv.max_live, 3u);
  const WireSlots s = assign_wire_slots(c);
  EXPECT_EQ(s.num_slots, 2u);
}

TEST(CircuitAnalysis, StatsCountArithmeticGatesToo) {
  Circuit c;
  c.domain = CircuitDomain::kField61;
  c.num_wires = 5;
  c.inputs = {InputGroup{"a", 0, {0}}, InputGroup{"b", 1, {1}}};
  c.gates = {Gate{GateType::kMul, 0, 1, 2, 0}, Gate{GateType::kMulConst, 2, 0, 3, 7},
             Gate{GateType::kMul, 3, 2, 4, 0}};
  c.outputs = {OutputGroup{"y", {}, {4}}};
  ASSERT_TRUE(c.validate(2).ok());
  const CircuitStats s = analyze(c);
  EXPECT_EQ(s.and_count, 2u);
  EXPECT_EQ(s.and_depth, 2u);
  EXPECT_EQ(s.count(GateType::kMulConst), 1u);
  const WireSlots slots = assign_wire_slots(c);
  auto r = evaluate_bounded(c, slots, {{3}, {5}});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, *evaluate(c, {{3}, {5}}));
  EXPECT_EQ((*r)[0], 15u * 7u * 15u);
}

TEST(CircuitAnalysis, DotExport) {
  CircuitBuilder b;
  const auto x = b.input("x", 0, 1);
  const auto y = b.input("y", 1, 1);
  b.output("z", {b.bit_and(x[0], y[0])});
  const std::string dot = to_dot(b.take());
  EXPECT_EQ(dot.rfind("digraph G {", 0), 0u) << dot;
  EXPECT_NE(dot.find("label=\"x[0]\""), std::string::npos) << dot;
  EXPECT_NE(dot.find("label=\"AND\" shape=box color=red"), std::string::npos) << dot;
  EXPECT_NE(dot.find("label=\"z[0]\" shape=doublecircle"), std::string::npos) << dot;
  EXPECT_NE(dot.find("0->2 [label=\"0\"]"), std::string::npos) << dot;
  EXPECT_NE(dot.find("2->3 [label=\"2\"]"), std::string::npos) << dot;
}

TEST(CircuitEvaluate, RejectsOutOfRangeWiresInsteadOfCrashing) {
  Circuit c;
  c.num_wires = 3;
  c.inputs = {InputGroup{"a", 0, {0, 1}}};
  c.gates = {Gate{GateType::kAnd, 0, 7, 2, 0}};
  c.outputs = {OutputGroup{"y", {}, {2}}};
  EXPECT_FALSE(evaluate(c, {{1, 1}}).ok());
  c.gates[0].in1 = 1;
  c.outputs[0].wires = {9};
  EXPECT_FALSE(evaluate(c, {{1, 1}}).ok());
  c.outputs[0].wires = {2};
  EXPECT_EQ(*evaluate(c, {{1, 1}}), std::vector<std::uint64_t>({1}));
  EXPECT_FALSE(evaluate(c, {{1, 2}}).ok());  // not a bit
}

TEST(CircuitEvaluate, Sha256IsFast) {
  SMPC_REQUIRE_SHARED(dir);
  const Circuit c = test::load_or_die(dir / "sha256.txt");
  std::vector<std::vector<std::uint64_t>> in = {std::vector<std::uint64_t>(512, 1),
                                                std::vector<std::uint64_t>(256, 0)};
  auto best = std::chrono::nanoseconds::max();
  for (int i = 0; i < 5; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    auto r = evaluate(c, in);
    const auto dt = std::chrono::steady_clock::now() - t0;
    ASSERT_TRUE(r.ok());
    best = std::min(best, std::chrono::duration_cast<std::chrono::nanoseconds>(dt));
  }
  // The requirement is "well under 10 ms" in release; this bound also holds in debug and
  // sanitizer builds on a loaded machine. The benchmark reports the real figure.
  EXPECT_LT(best, std::chrono::milliseconds(100));
  RecordProperty("sha256_eval_us", static_cast<int>(best.count() / 1000));
}

}  // namespace
}  // namespace smpc
