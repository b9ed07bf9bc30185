// Fixed-point arithmetic on SPDZ and BGW (protocols/fixedpoint/fixed.h, models.h, engine.h;
// spdz.h "Fixed-point programs", bgw_program.h): the reference's TruncPr is ⌊(a + r')/2^f⌋; the carrier round-trips; the sigmoid
// stays within its stated error; random logistic regressions and MLPs run through the whole
// scenario path give a score bit-exact with the reference replayed from the opened values,
// within error_bound() of floating point, at exactly the cost formula (the 20-feature case); M80 (masks that do not
// match their bits) turns the verdict into a violation; a shifted truncation opening aborts
// the run at MAC check 1 unless M81 leaves the truncation openings out of it. Under BGW the same
// properties hold over n = 3..7 and any t < n/2, at bgw_cost's formula; M105 (random "bits"
// that are not bits) is a violation; protocols and settings that cannot run a program refuse.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <array>
#include <bit>
#include <cmath>

#include "protocols/bgw/bgw_semi_honest.h"
#include "protocols/core/extraction.h"
#include "protocols/core/local_network.h"
#include "protocols/core/mutants.h"
#include "protocols/fixedpoint/fixed.h"
#include "protocols/fixedpoint/models.h"
#include "protocols/spdz/spdz.h"
#include "protocols/spdz/spec.h"
#include "protocols/bgw/spec.h"
#include "scenarios/runner.h"
#include "scenarios/scenario_builder.h"
#include "tests/support/rc_budget.h"
#include "tests/support/run_stats.h"

namespace smpc {
namespace {

using Json = nlohmann::json;

TEST(FixedPoint, ParamsFitTheField) {
  const fx::Params p;
  EXPECT_EQ(p.k(), 32);
  EXPECT_EQ(p.kappa(), 27);
  EXPECT_TRUE(fx::validate(p).ok());
  EXPECT_TRUE(fx::validate({16, 7}).ok());  // k = 40, kappa = 19
  EXPECT_FALSE(fx::validate({16, 16}).ok());  // k = 49 leaves kappa = 10 < 16
  EXPECT_FALSE(fx::validate({3, 7}).ok());
}

RC_GTEST_PROP(FixedPoint, TruncPrIsFloorOfAPlusRLow, ()) {
  const int m = *rc::gen::inRange(1, 20);
  const auto a = *rc::gen::inRange<std::int64_t>(-(std::int64_t{1} << 40), std::int64_t{1} << 40);
  const auto r = *rc::gen::inRange<std::uint64_t>(0, std::uint64_t{1} << m);
  const auto want = static_cast<std::int64_t>(std::floor(std::ldexp(static_cast<double>(a + static_cast<std::int64_t>(r)), -m)));
  RC_ASSERT(fx::trunc_pr(a, m, r) == want);
  RC_ASSERT(std::abs(fx::trunc_pr(a, m, r) - fx::floor_shift(a, m)) <= 1);
}

TEST(FixedPoint, SigmoidWithinItsStatedError) {
  const double e = fx::sigmoid_max_error();
  EXPECT_LE(e, fx::kSigmoidMaxError);
  EXPECT_GT(e, fx::kSigmoidMaxError / 2);  // the constant is a tight statement, not slack
}

TEST(FixedPoint, CarrierRoundTripsAndPlainCircuitsAreNotCarriers) {
  fx::Model m;
  m.out = {0.5, -1};
  const auto prog = fx::inference_program(m, {});
  const auto c = fx::carrier_circuit(prog, {{"model", 0, {0, 1, 2}}, {"features", 1, {3, 4}}},
                                     {{"score", {1}, {0}}});
  EXPECT_TRUE(c.validate(2).ok());
  ASSERT_TRUE(fx::carried_program(c).has_value());
  EXPECT_EQ(*fx::carried_program(c), prog);
  Circuit other = c;
  other.gates[5].constant ^= 1;  // one word of the code changed: no longer exactly a carrier
  EXPECT_FALSE(fx::carried_program(other).has_value() && *fx::carried_program(other) == prog);
  Circuit plain;
  plain.domain = CircuitDomain::kField61;
  plain.num_wires = 1;
  plain.gates = {{GateType::kEq, 0, 0, 0, 5}};
  EXPECT_FALSE(fx::carried_program(plain).has_value());
  // The engine opens one program output per output wire: a carrier with two output wires for
  // the program's one output is not a carrier (it would read past the program's outputs).
  const auto two = fx::carrier_circuit(prog, {{"model", 0, {0, 1, 2}}, {"features", 1, {3, 4}}},
                                       {{"score", {1}, {0, 0}}});
  EXPECT_TRUE(two.validate(2).ok());
  EXPECT_FALSE(fx::carried_program(two).has_value());
  // A Floor by 2^0 or by 2^k (past the masks' bits) is refused, as a program and as a carrier.
  for (int by : {0, fx::Params{}.k(), 64}) {
    fx::Program bad;
    bad.outputs = {bad.floor(bad.input(0), by)};
    const auto status = fx::check(bad, 1);
    EXPECT_FALSE(status.ok()) << by;
    EXPECT_NE(status.message().find("Floor by 2^"), std::string::npos) << status.message();
    EXPECT_FALSE(fx::carried_program(fx::carrier_circuit(bad, {{"a", 0, {0}}}, {{"y", {0}, {0}}})).has_value());
  }
}

// The sigmoid program (models.cpp: cell index by Floor, the cell's chord from the multilinear
// table, tails by two narrow Floors) is s of models.h: a one-feature model with w = 1, b = 0
// feeds x̃ through exactly, and the reference with r' = 0 then gives the program's s(x̃) for
// every x̃ in [−8.5, 8.5] (each cell edge, and both tails) and at the extremes of the range,
// within s's fixed-point error (encoded slope and intercept, one truncation).
TEST(FixedPoint, SigmoidProgramIsTheChordInterpolation) {
  for (int f : {4, 8, 12, 16}) {
    const fx::Params p{f, 7};
    fx::Model m;
    m.out = {1.0};
    const auto prog = fx::inference_program(m, p);
    const std::int64_t one = std::int64_t{1} << f, edge = (std::int64_t{17} << f) / 2;
    const std::int64_t top = (std::int64_t{1} << (p.k() - 1 - f)) - 1;
    std::vector<std::int64_t> xs = {-top, -top / 3, top / 3, top};
    for (std::int64_t x = -edge; x <= edge; x += f >= 12 ? 7 : 1) xs.push_back(x);
    for (std::int64_t c = -17; c <= 17; ++c)
      for (std::int64_t d = -1; d <= 1; ++d) xs.push_back(c * one / 2 + d);
    for (std::int64_t x : xs) {
      const auto got = fx::evaluate_outputs(prog, std::vector<std::int64_t>{one, 0, x},
                                            [](std::size_t, std::int64_t) { return 0; });
      ASSERT_TRUE(got.ok()) << got.status().message();
      const double real = fx::decode(x, p), half = std::ldexp(1.0, -(f + 1));
      const double bound = half * (std::fabs(real) + 1) + 2 * half;
      ASSERT_NEAR(fx::decode((*got)[0], p), fx::sigmoid_pwl(real), bound) << "f = " << f << ", x = " << real;
    }
  }
}

// Floor(a, m) at every m = 1..k − 1 (one batch of mixed widths) and LTZ run exactly on SPDZ
// (n = 2) and on BGW (n = 3, the parties' own masks), for random a over the whole range.
TEST(FixedPoint, FloorAtEveryWidthAndLtzAreExact) {
  testing::check_with_budget(6, [] {
    const fx::Params p{*rc::gen::element(8, 12, 16), 7};
    const int k = p.k();
    fx::Program prog;
    prog.params = p;
    std::vector<std::int64_t> a, want;
    const std::int64_t bound = (std::int64_t{1} << (k - 1)) - 1;
    for (int m = 1; m < k; ++m) a.push_back(*rc::gen::inRange<std::int64_t>(-bound, bound + 1));
    std::vector<std::uint32_t> in;
    for (std::size_t j = 0; j < a.size(); ++j) in.push_back(prog.input(j));
    for (std::size_t j = 0; j < a.size(); ++j) {
      prog.outputs.push_back(prog.floor(in[j], static_cast<int>(j) + 1));
      want.push_back(fx::floor_shift(a[j], static_cast<int>(j) + 1));
    }
    for (std::size_t j = 0; j < a.size(); ++j) {
      prog.outputs.push_back(prog.ltz(in[j]));
      want.push_back(a[j] < 0 ? 1 : 0);
    }
    RC_ASSERT(fx::evaluate_outputs(prog, a, [](std::size_t, std::int64_t) { return 0; }).value() == want);
    InputGroup g{"a", 0, {}};
    std::vector<PartyInput> inputs(3);
    for (std::size_t j = 0; j < a.size(); ++j) {
      g.wires.push_back(static_cast<std::uint32_t>(j));
      inputs[0].values.push_back(fx::to_field(a[j]).value());
    }
    const Circuit carrier = fx::carrier_circuit(prog, {g}, {{"y", {0}, std::vector<std::uint32_t>(want.size(), 0)}});
    const Spdz spdz(carrier, 1, 0, std::nullopt, prog);
    const BgwSemiHonest bgw(carrier, 1);
    for (const Protocol* protocol : {static_cast<const Protocol*>(&spdz), static_cast<const Protocol*>(&bgw)}) {
      const int n = protocol == &spdz ? 2 : 3;
      const auto seed = *rc::gen::inRange<std::uint64_t>(1, 1000000);
      const RunResult r = run_local(n, {seed, 600}, [&](PartyContext& ctx) {
        return protocol->run(ctx, inputs[static_cast<std::size_t>(ctx.net.self())]);
      });
      RC_ASSERT(r.parties[0].status == PartyStatus::kOutput);
      std::vector<std::int64_t> got;
      for (auto v : r.parties[0].outputs) got.push_back(fx::from_field(Fp61::from_u64(v)));
      RC_ASSERT(got == want);
    }
  });
}

struct Case {
  fx::Model model;
  std::vector<double> x;
  int parties = 2;
  int f = 12;
  std::string protocol = "spdz";  // or "bgw" (bgw_program.h), with threshold t
  int t = 1;
};

Json model_json(const fx::Model& m) {
  if (!m.is_mlp()) return {{"type", "logistic_regression"}, {"weights", m.out}, {"bias", m.out_bias}};
  return {{"type", "mlp"}, {"hidden", m.hidden}, {"hidden_bias", m.hidden_bias},
          {"output", m.out}, {"output_bias", m.out_bias}};
}

ScenarioBuilder scenario(const Case& c) {
  std::vector<Json> inputs(static_cast<std::size_t>(c.parties), Json::array());
  for (double v : c.x) inputs[1].push_back(std::to_string(v));
  ScenarioBuilder b("fixed-point inference");
  b.parties(c.parties)
      .protocol(c.protocol, c.protocol == "bgw" ? Json{{"threshold", c.t}} : Json{{"preprocessing", "dealer"}})
      .function({{"name", c.model.is_mlp() ? "mlp" : "logistic_regression"},
                 {"model", model_json(c.model)}, {"f", c.f}})
      .inputs(inputs)
      .lan(1, 1000);
  return b;
}

RunRecord run(const ScenarioBuilder& b, std::uint64_t seed, Backend backend = Backend::kLocal) {
  auto s = b.build();
  if (!s.ok()) ADD_FAILURE() << s.status().message();
  SMPC_ASSERT(s.ok());
  RunOptions o;
  o.backend = backend;
  o.seed = seed;
  auto rec = run_scenario(*s, o);
  if (!rec.ok()) ADD_FAILURE() << rec.status().message();
  SMPC_ASSERT(rec.ok());
  return std::move(rec).value();
}

std::vector<double> gen_reals(std::size_t n, int lo, int hi) {
  std::vector<double> v;
  for (std::size_t i = 0; i < n; ++i) v.push_back(*rc::gen::inRange(lo * 1000, hi * 1000) / 1000.0);
  return v;
}

Case gen_case(bool mlp, const std::string& protocol = "spdz") {
  Case c;
  c.protocol = protocol;
  const auto d = static_cast<std::size_t>(*rc::gen::inRange(1, mlp ? 6 : 21));
  c.x = gen_reals(d, -3, 3);
  c.parties = protocol == "bgw" ? *rc::gen::inRange(3, 8) : *rc::gen::inRange(2, 4);
  c.t = *rc::gen::inRange(0, (c.parties - 1) / 2 + 1);
  c.f = *rc::gen::element(8, 10, 12, 14);
  if (mlp) {
    const auto h = static_cast<std::size_t>(*rc::gen::inRange(1, 5));
    for (std::size_t j = 0; j < h; ++j) c.model.hidden.push_back(gen_reals(d, -1, 1));
    c.model.hidden_bias = gen_reals(h, -1, 1);
    c.model.out = gen_reals(h, -2, 2);
  } else {
    c.model.out = gen_reals(d, -1, 1);
  }
  c.model.out_bias = gen_reals(1, -1, 1)[0];
  return c;
}

// The program's inputs, as the function encodes them.
std::vector<std::int64_t> encoded(const Case& c, const fx::Params& p) {
  std::vector<std::int64_t> all;
  for (double v : fx::model_inputs(c.model)) all.push_back(*fx::encode(v, p));
  for (double v : c.x) all.push_back(*fx::encode(v, p));
  return all;
}

void check_case(const Case& c) {
  const fx::Params p{c.f, 7};
  const RunRecord rec = run(scenario(c), *rc::gen::inRange<std::uint64_t>(1, 1000000));
  RC_ASSERT(rec.verdict_holds);
  RC_ASSERT(rec.outcome == Outcome::kCorrect);
  const auto& owner = rec.run.parties.at(1);
  RC_ASSERT(owner.outputs.size() == 1u);
  const std::int64_t score = fx::from_field(Fp61::from_u64(owner.outputs[0]));
  // Bit-exact: the reference replayed from the opened c that party 1 recorded.
  const auto prog = fx::inference_program(c.model, p);
  const auto opened = input_phase_record(rec.run, 1, fx::kOpenedTruncRecord, 0,
                                         fx::needs_of(prog).truncs, Fp61::kModulus);
  RC_ASSERT(opened.ok());
  const auto want = fx::evaluate_opened(prog, encoded(c, p), *opened);
  RC_ASSERT(want.ok());
  RC_ASSERT(score == (*want)[0]);
  // Floating point: within the documented bound.
  const double err = std::fabs(fx::decode(score, p) - fx::float_score(c.model, c.x));
  RC_ASSERT(err <= fx::error_bound(c.model, c.x, p));
}

TEST(FixedPoint, LogisticRegressionBitExactWithinBoundAtFormulaCost) {
  testing::check_with_budget(12, [] { check_case(gen_case(false)); });
}

TEST(FixedPoint, MlpBitExactWithinBound) {
  testing::check_with_budget(6, [] { check_case(gen_case(true)); });
}

// The same on semi-honest BGW (bgw_program.h: no dealer; n = 3..7, any t < n/2).
TEST(FixedPoint, BgwLogisticRegressionBitExactWithinBound) {
  testing::check_with_budget(10, [] { check_case(gen_case(false, "bgw")); });
}

TEST(FixedPoint, BgwMlpBitExactWithinBound) {
  testing::check_with_budget(5, [] { check_case(gen_case(true, "bgw")); });
}

// The example model (scenarios/models/logistic_regression.json, 20 features): bytes and rounds
// of a run equal spdz's cost formula (spdz.h: L + 10 rounds, L = 17 below).
void expect_formula_cost(const Case& c, std::uint32_t rounds) {
  const RunRecord rec = run(scenario(c), 3);
  ASSERT_TRUE(rec.verdict_holds) << rec.explanation;
  auto s = scenario(c).build();
  ASSERT_TRUE(s.ok());
  const auto f = build_function(s->function, s->inputs, c.parties);
  ASSERT_TRUE(f.ok()) << f.status().message();
  const bool bgw = c.protocol == "bgw";
  const ProtocolParams params = bgw ? ProtocolParams{{"threshold", c.t}}
                                    : ProtocolParams{{"mac_keys", 1}, {"preprocessing", "dealer"}};
  const ProtocolSpec& spec = bgw ? bgw_spec() : spdz_spec();
  EXPECT_EQ(testing::bytes_by_label(rec.run), spec.cost.bytes_by_label(params, f->circuit, c.parties));
  EXPECT_EQ(testing::max_round(rec.run), spec.cost.rounds(params, f->circuit, c.parties));
  EXPECT_EQ(testing::max_round(rec.run), rounds);
}

TEST(FixedPoint, CostEqualsTheFormula) {
  Case c;
  for (int i = 0; i < 20; ++i) c.model.out.push_back(0.05 * (i % 7) - 0.1), c.x.push_back(0.1 * (i % 5) - 0.2);
  c.parties = 3;
  // L = 1 (products) + 1 (TruncPr) + sigmoid 13 (spdz.h), + 10. The sigmoid (models.cpp):
  // Floor over f − 1 = 11 bits (1 + 3: BitLT's first level is the dealer's bit pairs), the
  // cell Floors over up to 9 bits (1 + 3), 3 monomial batches, 1 product batch, 1 TruncPr.
  expect_formula_cost(c, 25);
  c.model.hidden = {c.model.out, c.model.out};
  c.model.hidden_bias = {0.5, -0.5};
  c.model.out = {1, -1};
  c.parties = 2;
  // L = 1 + 1 + 5 (ReLU's Floor over k − f = 20 bits: 1 + 4) + 1 + 1 + 1 + 13, + 10.
  expect_formula_cost(c, 33);
}

// BitLT's product count (the dealer deals bitlt_products per comparison) is what the engine's
// levels take (program_rounds, which the cost formulas price), at every width alone and in a
// batch of mixed widths; and the tree without the two savings of engine.h took 2(m − 1).
TEST(FixedPoint, BitLtProductsAreTheLevelsProducts) {
  const fx::Params p{16, 7};
  fx::Program all;
  all.params = p;
  const auto in_all = all.input(0);
  std::size_t want_all = 0;
  for (int m = 1; m < p.k(); ++m) {
    fx::Program one;
    one.params = p;
    one.outputs.push_back(one.floor(one.input(0), m));
    all.outputs.push_back(all.floor(in_all, m));
    std::size_t levels = 0, products = 0;
    for (const auto& r : fx::program_rounds(one)) products += r.products, levels += r.products > 0;
    EXPECT_EQ(products, fx::bitlt_products(m)) << "m = " << m;
    EXPECT_EQ(levels, static_cast<std::size_t>(std::bit_width(static_cast<unsigned>(m - 1)))) << "m = " << m;
    EXPECT_LE(fx::bitlt_products(m), 2 * static_cast<std::size_t>(m - 1));
    want_all += fx::bitlt_products(m);
  }
  EXPECT_EQ(fx::bitlt_products(11), 12u);
  EXPECT_EQ(fx::bitlt_products(31), 41u);
  std::size_t got_all = 0;
  for (const auto& r : fx::program_rounds(all)) got_all += r.products;
  EXPECT_EQ(got_all, want_all);
  EXPECT_EQ(fx::needs_of(all).triples(), want_all);
}

// BGW in the simulator over random links (latency 0.1–100 ms, 1–10,000 Mbit/s): verdict ok, the
// rounds of the formula, and the run takes at least one latency per round.
TEST(FixedPoint, BgwOverRandomNetworksAtItsRounds) {
  testing::check_with_budget(4, [] {
    Case c = gen_case(false, "bgw");
    const double latency_ms = *rc::gen::inRange(1, 1001) / 10.0;
    const double mbps = *rc::gen::element(1.0, 10.0, 100.0, 1000.0, 10000.0);
    auto b = scenario(c);
    b.lan(latency_ms, mbps);
    const RunRecord rec = run(b, *rc::gen::inRange<std::uint64_t>(1, 1000000), Backend::kSimulated);
    RC_ASSERT(rec.verdict_holds);
    RC_ASSERT(rec.outcome == Outcome::kCorrect);
    auto s = b.build();
    RC_ASSERT(s.ok());
    const auto f = build_function(s->function, s->inputs, c.parties);
    RC_ASSERT(f.ok());
    const std::uint32_t rounds = bgw_spec().cost.rounds({{"threshold", c.t}}, f->circuit, c.parties);
    RC_ASSERT(testing::max_round(rec.run) == rounds);
    RC_ASSERT(rec.run.simulated_time_s >= rounds * latency_ms / 1000 * (1 - 1e-9));
  });
}

// Under BGW (bgw_cost, bgw_program.h): the same batches, Σ batch rounds + 4 (the randomness's
// round with the inputs, the squares' resharing and opening, the outputs).
TEST(FixedPoint, BgwCostEqualsTheFormula) {
  Case c;
  for (int i = 0; i < 20; ++i) c.model.out.push_back(0.05 * (i % 7) - 0.1), c.x.push_back(0.1 * (i % 5) - 0.2);
  c.protocol = "bgw";
  c.parties = 3;
  expect_formula_cost(c, 21);  // 17 + 4
  c.parties = 7;
  c.t = 3;
  expect_formula_cost(c, 21);
  c.model.hidden = {c.model.out, c.model.out};
  c.model.hidden_bias = {0.5, -0.5};
  c.model.out = {1, -1};
  c.parties = 5;
  c.t = 2;
  expect_formula_cost(c, 30);  // 26 + 4
}

Case small_case() {
  Case c;
  c.model.out = {0.75, -1.5, 0.25};
  c.model.out_bias = 0.5;
  c.x = {1.5, 0.25, -2};
  c.parties = 3;
  return c;
}

TEST(FixedPoint, M80MasksNotMatchingTheirBitsIsAViolation) {
  if (!kMutantsCompiled) GTEST_SKIP() << "built without SMPC_MUTANTS";
  EXPECT_TRUE(run(scenario(small_case()), 1).verdict_holds);
  ScopedMutant m(Mutant::kM80);
  const RunRecord rec = run(scenario(small_case()), 1);
  EXPECT_FALSE(rec.verdict_holds) << rec.explanation;
}

// Party 2 adds 2^f to its share of every opened truncation value: c mod 2^f, and so every
// later value, stay as they were, and party 2's own view stays consistent; only the MACCheck
// sees the shifted opening. M81 leaves the truncation openings out of it: the shift is accepted.
TEST(FixedPoint, ShiftedTruncationOpeningAbortsUnlessM81) {
  auto b = scenario(small_case());
  b.adversary({2}, AdversaryModel::kMalicious,
              Json::array({{{"strategy", "add"}, {"label", "spdz.fx.trunc"}, {"delta", 4096}}}));
  const RunRecord caught = run(b, 1);
  EXPECT_TRUE(caught.verdict_holds) << caught.explanation;
  for (PartyId p : {0, 1}) {
    EXPECT_EQ(caught.run.parties[static_cast<std::size_t>(p)].status, PartyStatus::kAbort);
    EXPECT_NE(caught.run.parties[static_cast<std::size_t>(p)].abort_reason.find("MAC check 1"),
              std::string::npos);
  }
  if (!kMutantsCompiled) GTEST_SKIP() << "built without SMPC_MUTANTS";
  ScopedMutant m(Mutant::kM81);
  const RunRecord missed = run(b, 1);
  EXPECT_EQ(missed.run.parties[1].status, PartyStatus::kOutput);
}

// M106 drops BitLT's borrow from Mod2m: the sigmoid's Floors are off by one whenever the
// opened c' falls below the mask's r', on either protocol; the replayed reference disagrees.
TEST(FixedPoint, M106FloorWithoutItsBorrowIsAViolation) {
  if (!kMutantsCompiled) GTEST_SKIP() << "built without SMPC_MUTANTS";
  ScopedMutant m(Mutant::kM106);
  for (const char* protocol : {"spdz", "bgw"}) {
    Case c = small_case();
    c.protocol = protocol;
    const RunRecord rec = run(scenario(c), 1);
    EXPECT_FALSE(rec.verdict_holds) << protocol << ": " << rec.explanation;
  }
}

TEST(FixedPoint, M105RandomBitsThatAreNotBitsIsAViolation) {
  Case c = small_case();
  c.protocol = "bgw";
  EXPECT_TRUE(run(scenario(c), 1).verdict_holds);
  if (!kMutantsCompiled) GTEST_SKIP() << "built without SMPC_MUTANTS";
  ScopedMutant m(Mutant::kM105);
  const RunRecord rec = run(scenario(c), 1);
  EXPECT_FALSE(rec.verdict_holds) << rec.explanation;
}

// What cannot run a program says so before any run: bgw_robust and secure_sum (no truncation or
// comparison), dp functions off spdz, programs with roles, and bgw where n parties leave fewer
// than fx::kMinKappa bits of statistical security (f = 16: κ = 19, n = 9: 19 − 4 = 15).
Status build_error(const ScenarioBuilder& b) {
  auto s = b.build();
  if (!s.ok()) return s.status();
  RunOptions o;
  o.backend = Backend::kLocal;
  const auto rec = run_scenario(*s, o);
  return rec.ok() ? OkStatus() : rec.status();
}

TEST(FixedPoint, ProtocolsThatCannotRunAProgramSaySo) {
  const auto expect_error = [](const ScenarioBuilder& b, const std::string& part) {
    const Status st = build_error(b);
    ASSERT_FALSE(st.ok()) << part;
    EXPECT_NE(st.message().find(part), std::string::npos) << st.message();
  };
  Case c = small_case();
  c.parties = 4;
  auto robust = scenario(c);
  robust.protocol("bgw_robust", {{"threshold", 1}});
  expect_error(robust, "bgw_robust does not run fixed-point programs");
  auto sum = scenario(c);
  sum.protocol("secure_sum", Json::object());
  expect_error(sum, "secure_sum does not run fixed-point programs");
  ScenarioBuilder dp("dp on bgw");
  dp.parties(3).protocol("bgw", {{"threshold", 1}})
      .function({{"name", "dp_sum"}, {"epsilon", 1.0}, {"delta", 1e-6}, {"lower", 0}, {"upper", 1}})
      .inputs({Json{1}, Json{0}, Json{1}});
  expect_error(dp, "runs on spdz, not bgw");
  c.protocol = "bgw";
  c.parties = 9;
  c.f = 16;
  expect_error(scenario(c), "15 bits of statistical security");
  c.parties = 8;  // ⌈log2 8⌉ = 3: 16 bits, accepted
  EXPECT_TRUE(build_error(scenario(c)).ok());
}

TEST(FixedPoint, MascotAndOutOfRangeInputsAreRejected) {
  auto b = scenario(small_case());
  b.protocol("spdz", {{"preprocessing", "mascot"}});
  auto s = b.build();
  RunOptions o;
  o.backend = Backend::kLocal;
  const auto rec = s.ok() ? run_scenario(*s, o) : Result<RunRecord>(s.status());
  ASSERT_FALSE(rec.ok());
  EXPECT_NE(rec.status().message().find("dealer"), std::string::npos) << rec.status().message();
  Case big = small_case();
  big.x = {1000, 0, 0};
  const auto bad = scenario(big).build();
  const auto r2 = bad.ok() ? run_scenario(*bad, o) : Result<RunRecord>(bad.status());
  ASSERT_FALSE(r2.ok());
  EXPECT_NE(r2.status().message().find("/inputs/1/0"), std::string::npos) << r2.status().message();
}


// h = 2.000244140625 · 0.5 = 4096 + 2^-13 at f = 12: TruncPr makes it 4096 or 4097 (the run's
// mask decides), and 127.999755859375 · 4097 leaves |v| < 2^31 while 127.999755859375 · 4096
// does not. Rounding every TruncPr down (the check before) passes; an honest run that rounds
// up would then have failed its verdict's replay. Every rounding is checked now.
TEST(FixedPoint, AnInputInRangeOnlyWhenTruncationsRoundDownIsRefused) {
  Case c;
  c.model.hidden = {{2.000244140625}};
  c.model.hidden_bias = {0};
  c.model.out = {127.999755859375};
  c.model.out_bias = 0;
  c.x = {0.5};
  const fx::Program prog = fx::inference_program(c.model, {});
  std::vector<std::int64_t> in;
  for (double v : fx::model_inputs(c.model)) in.push_back(*fx::encode(v, {}));
  in.push_back(*fx::encode(0.5, {}));
  EXPECT_TRUE(fx::evaluate(prog, in, [](std::size_t, std::int64_t) { return 0; }).ok());
  const auto every = fx::check_every_rounding(prog, in);
  ASSERT_FALSE(every.ok());
  EXPECT_NE(every.status().message().find("TruncPr 0 rounds up"), std::string::npos) << every.status().message();
  const auto s = scenario(c).build();
  RunOptions o;
  o.backend = Backend::kLocal;
  const auto rec = s.ok() ? run_scenario(*s, o) : Result<RunRecord>(s.status());
  ASSERT_FALSE(rec.ok());
  EXPECT_NE(rec.status().message().find("/inputs/1: the inference leaves the fixed-point range"), std::string::npos)
      << rec.status().message();
  c.x = {0.25};  // h = 2048 or 2049: in range either way, and every rounding was tried
  in.back() = *fx::encode(0.25, {});
  EXPECT_TRUE(fx::check_every_rounding(prog, in).value());
}

// M110 checks the all-down rounding only: the same input is accepted.
TEST(FixedPoint, M110AcceptsAnInputInRangeOnlyWhenRoundingDown) {
  if (!kMutantsCompiled) GTEST_SKIP() << "built without SMPC_MUTANTS";
  fx::Model m;
  m.hidden = {{2.000244140625}};
  m.hidden_bias = {0};
  m.out = {127.999755859375};
  m.out_bias = 0;
  const fx::Program prog = fx::inference_program(m, {});
  std::vector<std::int64_t> in;
  for (double v : fx::model_inputs(m)) in.push_back(*fx::encode(v, {}));
  in.push_back(*fx::encode(0.5, {}));
  ASSERT_FALSE(fx::check_every_rounding(prog, in).ok());
  ScopedMutant mutant(Mutant::kM110);
  EXPECT_TRUE(fx::check_every_rounding(prog, in).ok());
}

// A malicious model owner inputs a weight of 2^40 (as a field element): SPDZ takes it (no range
// proof) and the data owner's score is no inference of any valid model. The verdict says so
// instead of "could not check".
TEST(FixedPoint, ACorruptedOwnersOutOfRangeWeightIsNamedInTheVerdict) {
  const Case c = small_case();
  Json weights = Json::array();
  for (double v : fx::model_inputs(c.model)) weights.push_back(fx::to_field(*fx::encode(v, {})).value());
  weights[0] = std::uint64_t{1} << 40;
  auto b = scenario(c);
  b.adversary({0}, AdversaryModel::kMalicious,
              Json::array({{{"strategy", "input_substitution"}, {"value", weights}}}));
  const RunRecord rec = run(b, 1);
  EXPECT_FALSE(rec.verdict_holds);
  EXPECT_NE(rec.explanation.find("no range proof"), std::string::npos) << rec.explanation;
  weights[0] = fx::to_field(*fx::encode(0.5, {})).value();  // in range: substituted, judged ok
  auto ok = scenario(c);
  ok.adversary({0}, AdversaryModel::kMalicious,
               Json::array({{{"strategy", "input_substitution"}, {"value", weights}}}));
  const RunRecord fine = run(ok, 1);
  EXPECT_TRUE(fine.verdict_holds) << fine.explanation;
}

// check() bounds b only for the instructions that read it; the reference must not read it
// elsewhere (an input instruction with b = 2^32 − 1 read register 4294967295 before).
TEST(FixedPoint, TheReferenceReadsBOnlyWhereItIsAnOperand) {
  fx::Program prog;
  prog.code = {{fx::Op::kInput, 0, 0xFFFFFFFFu, 0}, {fx::Op::kMulConst, 0, 0xFFFFFFFFu, 3}};
  prog.outputs = {1};
  const std::vector<std::int64_t> in = {5};
  const auto y = fx::evaluate_outputs(prog, in, [](std::size_t, std::int64_t) { return 0; });
  ASSERT_TRUE(y.ok()) << y.status().message();
  EXPECT_EQ(y->at(0), 15);
}

// kRandBit (a random shared bit from the preprocessing) is local: no batch, no round; the
// carrier round-trips it, needs_of counts it, the reference refuses to guess it. On SPDZ (the
// dealer's bits) and BGW (its own, from R2-R3 with the masks') every output is a bit, the
// local sum of them is their sum, and over the seeds each position takes both values; SPDZ's
// dealer records exactly the bits the run used (fx::kRandBitsRecord).
TEST(FixedPoint, RandomBitsAreLocalSharedBitsOnSpdzAndBgw) {
  fx::Program prog;
  const auto x = prog.input(0);
  std::vector<std::uint32_t> bits;
  for (int j = 0; j < 8; ++j) bits.push_back(prog.rand_bit());
  std::uint32_t sum = x;
  for (auto b : bits) sum = prog.add(sum, b);
  prog.outputs = bits;
  prog.outputs.push_back(sum);
  EXPECT_TRUE(fx::batches(prog).empty());
  EXPECT_TRUE(fx::program_rounds(prog).empty());
  EXPECT_EQ(fx::needs_of(prog).rand_bits, 8u);
  EXPECT_EQ(fx::needs_of(prog).bits(prog.params), 8u);
  const std::vector<std::int64_t> in = {5};
  const auto ref = fx::evaluate(prog, in, [](std::size_t, std::int64_t) { return 0; });
  ASSERT_FALSE(ref.ok());
  EXPECT_NE(ref.status().message().find("random bit"), std::string::npos) << ref.status().message();
  const Circuit carrier = fx::carrier_circuit(prog, {InputGroup{"x", 0, {0}}}, {OutputGroup{"y", {0}, std::vector<std::uint32_t>(9, 0)}});
  ASSERT_EQ(fx::carried_program(carrier), prog);
  const Spdz spdz(carrier, 2, 0, std::nullopt, prog);
  const BgwSemiHonest bgw(carrier, 1);
  for (const Protocol* protocol : {static_cast<const Protocol*>(&spdz), static_cast<const Protocol*>(&bgw)}) {
    const bool is_spdz = protocol == &spdz;
    SCOPED_TRACE(is_spdz ? "spdz" : "bgw");
    std::vector<std::array<int, 2>> seen(8);
    for (std::uint64_t seed = 1; seed <= 24; ++seed) {
      const RunResult r = run_local(is_spdz ? 2 : 3, {seed, 600}, [&](PartyContext& ctx) {
        return protocol->run(ctx, ctx.net.self() == 0 ? PartyInput{{5}} : PartyInput{});
      });
      ASSERT_EQ(r.parties[0].status, PartyStatus::kOutput) << r.parties[0].abort_reason;
      const auto& out = r.parties[0].outputs;
      ASSERT_EQ(out.size(), 9u);
      std::uint64_t ones = 0, packed = 0;
      for (std::size_t j = 0; j < 8; ++j) {
        ASSERT_LE(out[j], 1u) << "output " << j << " is not a bit";
        ++seen[j][out[j]];
        ones += out[j];
        packed |= out[j] << j;
      }
      EXPECT_EQ(out[8], 5 + ones);
      // At the protocols' cost formulas: SPDZ deals the bits (no message for them), BGW makes
      // them in R2-R3.
      const ProtocolParams params = is_spdz ? ProtocolParams{{"mac_keys", 2}, {"preprocessing", "dealer"}}
                                            : ProtocolParams{{"threshold", 1}};
      const ProtocolSpec& spec = is_spdz ? spdz_spec() : bgw_spec();
      EXPECT_EQ(testing::bytes_by_label(r), spec.cost.bytes_by_label(params, carrier, is_spdz ? 2 : 3));
      EXPECT_EQ(testing::max_round(r), spec.cost.rounds(params, carrier, is_spdz ? 2 : 3));
      if (is_spdz) {
        const auto rec = input_phase_record(r, 0, fx::kRandBitsRecord, 0, 1, std::uint64_t{1} << fx::kRandBitsPerWord);
        ASSERT_TRUE(rec.ok()) << rec.status().message();
        EXPECT_EQ(rec->at(0), packed);
      }
    }
    for (std::size_t j = 0; j < 8; ++j) EXPECT_TRUE(seen[j][0] > 0 && seen[j][1] > 0) << "bit " << j;
  }
}

// SPDZ's product batches open x − a_x once per factor (spdz.h "Fixed-point programs"): x·x and
// x·y open x and y; x·x·y and x·y·x (one batch) open x·x and x·y, reusing y and x; the square of
// x·x·y opens it alone. 5 products, 5 openings, where a triple per product opened 10. Every
// product is right, at the cost formula, for n = 2, 3 and k = 1, 2; with M112 (one mask for
// every factor) too: that bug leaks (privacy-spdz-fx-inference), it does not miscompute.
TEST(FixedPoint, SpdzOpensEachFactorOnce) {
  fx::Program prog;
  const auto x = prog.input(0), y = prog.input(1);
  const auto xx = prog.mul(x, x), xy = prog.mul(x, y);
  const auto xxy = prog.mul(xx, y), xyx = prog.mul(xy, x);
  prog.outputs = {xx, xy, xxy, xyx, prog.mul(xxy, xxy)};
  const fx::Needs needs = fx::needs_of(prog);
  EXPECT_EQ(needs.factor_regs, (std::vector<std::uint32_t>{x, y, xx, xy, xxy}));
  EXPECT_EQ(needs.mul_factors, (std::vector<std::array<std::uint32_t, 2>>{{0, 0}, {0, 1}, {2, 1}, {3, 0}, {4, 4}}));
  std::vector<std::size_t> factors;
  for (const auto& r : fx::program_rounds(prog)) factors.push_back(r.factors);
  EXPECT_EQ(factors, (std::vector<std::size_t>{2, 2, 1}));
  const Circuit carrier = fx::carrier_circuit(prog, {InputGroup{"x", 0, {0}}, InputGroup{"y", 1, {1}}},
                                              {OutputGroup{"out", {0}, std::vector<std::uint32_t>(5, 0)}});
  for (const bool mutant : {false, true}) {
    ScopedMutant m(mutant ? Mutant::kM112 : Mutant::kNone);
    for (int n : {2, 3})
      for (int k : {1, 2}) {
        SCOPED_TRACE("n = " + std::to_string(n) + ", k = " + std::to_string(k) + (mutant ? ", M112" : ""));
        const Spdz spdz(carrier, k, 0, std::nullopt, prog);
        const RunResult r = run_local(n, {static_cast<std::uint64_t>(n + 10 * k), 600}, [&](PartyContext& ctx) {
          const PartyId me = ctx.net.self();
          return spdz.run(ctx, me == 0 ? PartyInput{{3}} : me == 1 ? PartyInput{{5}} : PartyInput{});
        });
        ASSERT_EQ(r.parties[0].status, PartyStatus::kOutput) << r.parties[0].abort_reason;
        EXPECT_EQ(r.parties[0].outputs, (std::vector<std::uint64_t>{9, 15, 45, 45, 2025}));
        const ProtocolParams params{{"mac_keys", k}, {"preprocessing", "dealer"}};
        EXPECT_EQ(testing::bytes_by_label(r), spdz_spec().cost.bytes_by_label(params, carrier, n));
        const auto pairs = static_cast<std::uint64_t>(n * (n - 1));
        EXPECT_EQ(testing::bytes_by_label(r).at("spdz.open"), pairs * (3 * 6 + 8 * 5));
        EXPECT_EQ(testing::max_round(r), spdz_spec().cost.rounds(params, carrier, n));
      }
  }
}

// SPDZ and BGW run the program a circuit's constants spell (fx::carried_program): an inline
// arithmetic circuit whose const gates spell one is refused, not run as another function.
TEST(FixedPoint, AnArithmeticCircuitSpellingAProgramIsRefused) {
  fx::Program prog;
  prog.code = {{fx::Op::kInput, 0, 0, 0}, {fx::Op::kMulConst, 0, 0, 2}};
  prog.outputs = {1};
  const Circuit carrier = fx::carrier_circuit(prog, {InputGroup{"x", 0, {0}}}, {OutputGroup{"y", {}, {0}}});
  const auto spec = [&](std::uint64_t first) {
    Json gates = Json::array();
    for (std::size_t i = 0; i < carrier.gates.size(); ++i)
      gates.push_back({{"op", "const"}, {"out", "w" + std::to_string(i)},
                       {"const", i == 0 ? first : carrier.gates[i].constant}});
    return Json{{"name", "arithmetic"}, {"inputs", Json::array({{{"party", 0}, {"wires", {"x"}}}})},
                {"gates", gates}, {"outputs", {"w" + std::to_string(carrier.gates.size() - 1)}}};
  };
  const std::vector<Json> inputs = {Json{5}, Json::array()};
  const auto refused = build_function(spec(carrier.gates[0].constant), inputs, 2);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.status().message().find("fixed-point program"), std::string::npos) << refused.status().message();
  EXPECT_TRUE(build_function(spec(carrier.gates[0].constant + 1), inputs, 2).ok());
}

}  // namespace
}  // namespace smpc
