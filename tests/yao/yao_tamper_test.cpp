// Yao's output check against a tampering party (adversary/ through tests/support/adversary_steps.h,
// LocalNetwork):
// a garbler whose input labels, OT messages, tables or output hashes are altered never makes
// the evaluator output a wrong value (it outputs the right one or aborts naming the output
// wire); with the seeded bug M10 (no check) the same runs give wrong outputs; an evaluator that
// alters the labels it returns for the garbler's outputs makes the garbler abort; and what the
// check does not give: a garbler that spoils one OT message learns the evaluator's input bit
// from abort-or-not (selective failure).
#include <gtest/gtest.h>

#include <iostream>

#include "protocols/core/circuit_builder.h"
#include "protocols/core/local_network.h"
#include "protocols/core/mutants.h"
#include "protocols/yao/yao.h"
#include "tests/support/adversary_steps.h"

namespace smpc {
namespace {

constexpr std::size_t kBits = 8;

// a (party 0) and b (party 1), 8 bits each; a + b and a·b (low 8 bits) to `receivers`.
Circuit add_mul(std::vector<PartyId> receivers) {
  CircuitBuilder cb;
  const auto a = cb.input("a", 0, kBits);
  const auto b = cb.input("b", 1, kBits);
  cb.output("sum", cb.add(a, b), receivers);
  cb.output("product", cb.mul(a, b), receivers);
  return cb.take();
}

std::vector<std::uint64_t> bits_of(std::uint64_t v) {
  std::vector<std::uint64_t> out;
  for (std::size_t k = 0; k < kBits; ++k) out.push_back((v >> k) & 1);
  return out;
}

std::vector<std::uint64_t> expected(std::uint64_t a, std::uint64_t b) {
  auto out = bits_of((a + b) & 0xff);
  const auto p = bits_of((a * b) & 0xff);
  out.insert(out.end(), p.begin(), p.end());
  return out;
}

struct Tally {
  std::size_t runs = 0, correct = 0, aborted = 0, wrong = 0, check_aborts = 0;
  std::string first_wrong;  // the tampering that gave the first wrong output
};

// Every tampering of the garbler's messages to the evaluator that the loops below produce:
// each label, each delta (1 changes the colour bit, 2 and 0x80 do not), element positions
// spread over the message, a fresh input pair per run.
Tally tamper_garbler(const YaoSemiHonest& yao, std::uint64_t seed_base) {
  const std::vector<std::pair<std::string, std::size_t>> targets = {
      {"yao.inputs", kBits},           // G's 8 active input labels
      {"yao.ot.messages", 2 * kBits},  // the masked pairs of E's 8 OTs
      {"yao.tables", 2 * yao.plan().ands.size()},
      {"yao.decode", 2 * kBits},  // one hash-pair block per output wire
  };
  Tally t;
  std::uint64_t seed = seed_base;
  for (const auto& [label, elements] : targets) {
    const std::size_t stride = std::max<std::size_t>(1, elements / 24);
    for (std::size_t element = 0; element < elements; element += stride) {
      for (std::uint64_t delta : {1u, 2u, 0x80u}) {
        ++seed;
        const std::uint64_t a = (seed * 0x9e3779b97f4a7c15ull) >> 56,
                            b = (seed * 0xc2b2ae3d27d4eb4full) >> 56;
        const std::vector<PartyInput> in = {PartyInput{bits_of(a)}, PartyInput{bits_of(b)}};
        const auto r = run_local(
            2, {seed, 10},
            testing::with_adversary({{yao.garbler(), {testing::add_step(label, element, delta)}}},
                                    [&](PartyContext& ctx) {
              return yao.run(ctx, in[static_cast<std::size_t>(ctx.net.self())]);
            }));
        const auto& e = r.parties[static_cast<std::size_t>(1 - yao.garbler())];
        ++t.runs;
        if (e.status == PartyStatus::kOutput) {
          if (e.outputs == expected(a, b)) {
            ++t.correct;
          } else {
            if (t.wrong++ == 0)
              t.first_wrong = label + " element " + std::to_string(element) + " delta " +
                              std::to_string(delta) + " seed " + std::to_string(seed);
          }
        } else {
          ++t.aborted;
          if (e.abort_reason.find("output wire") != std::string::npos) ++t.check_aborts;
        }
      }
    }
  }
  return t;
}

TEST(YaoTamper, ATamperingGarblerNeverMakesTheEvaluatorOutputAWrongValue) {
  const YaoSemiHonest yao(add_mul({1}));
  const Tally t = tamper_garbler(yao, 1000);
  std::cout << "tampered garbler, output check on: " << t.runs << " runs, " << t.correct
            << " correct, " << t.aborted << " aborted (" << t.check_aborts
            << " by the output check), " << t.wrong << " wrong\n";
  EXPECT_EQ(t.wrong, 0u) << "first: " << t.first_wrong;
  // The check is what fires: most tamperings reach an output label.
  EXPECT_GT(t.check_aborts, t.runs / 2);
  EXPECT_GT(t.correct, 0u);  // some tamperings touch an unused table row or OT message
}

TEST(YaoTamper, WithoutTheCheckM10TheSameTamperingGivesWrongOutputs) {
  if (!kMutantsCompiled) GTEST_SKIP() << "built without SMPC_MUTANTS";
  const ScopedMutant m10(Mutant::kM10);
  ASSERT_TRUE(m10.status().ok());
  const YaoSemiHonest yao(add_mul({1}));
  const Tally t = tamper_garbler(yao, 1000);
  std::cout << "tampered garbler, M10 (no check): " << t.runs << " runs, " << t.correct
            << " correct, " << t.aborted << " aborted, " << t.wrong << " wrong\n";
  EXPECT_GT(t.wrong, 0u);
  EXPECT_EQ(t.check_aborts, 0u);  // the mutant never runs the check
}

TEST(YaoTamper, AnEvaluatorThatAltersTheGarblersOutputLabelsMakesTheGarblerAbort) {
  const YaoSemiHonest yao(add_mul({0}));
  std::size_t aborted = 0, runs = 0;
  for (std::size_t element = 0; element < 2 * kBits; ++element) {
    for (std::uint64_t delta : {1u, 0x80u}) {
      const std::uint64_t seed = 50 + runs++, a = seed * 37 % 256, b = seed * 101 % 256;
      const std::vector<PartyInput> in = {PartyInput{bits_of(a)}, PartyInput{bits_of(b)}};
      const auto step = testing::add_step("yao.reveal", element, delta);
      const auto r = run_local(2, {seed, 10}, testing::with_adversary({{1, {step}}}, [&](PartyContext& ctx) {
                                 return yao.run(ctx, in[static_cast<std::size_t>(ctx.net.self())]);
                               }));
      const auto& g = r.parties[0];
      ASSERT_EQ(g.status, PartyStatus::kAbort) << "element " << element << " delta " << delta;
      EXPECT_NE(g.abort_reason.find("output wire"), std::string::npos) << g.abort_reason;
      EXPECT_EQ(g.blamed, std::vector<PartyId>{1});
      ++aborted;
    }
  }
  EXPECT_EQ(aborted, runs);
}

// Selective failure (what the output check does NOT prevent): the garbler spoils y1 of OT j, the
// message the evaluator decodes only when its input bit b_j is 1. The evaluator then aborts
// exactly when b_j = 1: abort-or-not tells the garbler the bit.
TEST(YaoTamper, SpoilingOneOtMessageRevealsTheEvaluatorsBitThroughAbortOrNot) {
  const YaoSemiHonest yao(add_mul({1}));
  for (std::size_t j = 0; j < kBits; ++j) {
    for (std::uint64_t b : {0x00u, 0xffu, 0x5au, 0xa5u}) {
      const std::uint64_t a = 0x3c;
      const std::vector<PartyInput> in = {PartyInput{bits_of(a)}, PartyInput{bits_of(b)}};
      const auto step = testing::add_step("yao.ot.messages", 2 * j + 1, 1);
      const auto r = run_local(2, {j * 256 + b, 10}, testing::with_adversary({{0, {step}}}, [&](PartyContext& ctx) {
                                 return yao.run(ctx, in[static_cast<std::size_t>(ctx.net.self())]);
                               }));
      const auto& e = r.parties[1];
      const bool bit = (b >> j) & 1;
      EXPECT_EQ(e.status == PartyStatus::kAbort, bit) << "OT " << j << ", b = " << b;
      if (!bit) {
        EXPECT_EQ(e.outputs, expected(a, b));
      }
    }
  }
}

}  // namespace
}  // namespace smpc
