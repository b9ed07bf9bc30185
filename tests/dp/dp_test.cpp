// Differentially private sums on SPDZ: the exact calibration against independently computed
// coin counts, the noise's whole pmf against the exact binomial (exhaustively over every bit
// choice, also with one party's bits fixed: no single party knows the noise), the bit check,
// seeded runs whose noisy sum minus the replayed noise is the plain sum, and the empirical DP
// check on three settings; with the dealer's coins ("coin_source": "dealer"), the noise of the
// dealt bits through SPDZ against the binomial (chi-square) and the verdict's replay from them.
#include <gtest/gtest.h>

#include <array>
#include <bit>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>

#include "protocols/core/extraction.h"
#include "protocols/core/local_network.h"
#include "protocols/core/mutants.h"
#include "protocols/core/rng.h"
#include "protocols/dp/binomial.h"
#include "protocols/fixedpoint/fixed.h"
#include "protocols/spdz/spdz.h"
#include "scenarios/dp_drivers.h"
#include "scenarios/dp_function.h"
#include "scenarios/runner.h"
#include "scenarios/verify_drivers.h"
#include "scenarios/scenario_builder.h"
#include "tests/support/cli.h"
#include "verify/dp_audit.h"

namespace smpc {
namespace {

using Json = nlohmann::json;

// Coin counts computed independently (a Python script summing the hockey-stick divergence of
// Binomial(m, 1/2) in log space, smallest even m), 2026-12-03.
struct Calibrated {
  double epsilon, delta;
  std::uint64_t sensitivity;
  std::size_t coins;
};
constexpr Calibrated kCalibrated[] = {
    {1, 1e-5, 1, 62}, {1, 0.05, 1, 8}, {2, 0.05, 1, 6}, {0.5, 0.1, 1, 10}, {1, 0.1, 2, 20}};

TEST(DpCalibration, SmallestEvenCountMeetingDelta) {
  for (const auto& c : kCalibrated) {
    const auto m = dp::calibrate_coins(c.epsilon, c.delta, c.sensitivity);
    ASSERT_TRUE(m.ok()) << m.status().message();
    EXPECT_EQ(*m, c.coins) << c.epsilon << " " << c.delta << " " << c.sensitivity;
    EXPECT_LE(dp::binomial_delta(*m, c.epsilon, c.sensitivity), c.delta);
    if (*m > 2) {
      EXPECT_GT(dp::binomial_delta(*m - 2, c.epsilon, c.sensitivity), c.delta);
    }
  }
}

TEST(DpCalibration, WorstNeighbourIsTheFullShiftAndMoreCoinsNeverHurt) {
  for (std::size_t m : {4u, 10u, 31u, 62u, 200u})
    for (double eps : {0.25, 1.0, 3.0}) {
      for (std::uint64_t d = 1; d < 6; ++d)
        EXPECT_LE(dp::binomial_delta(m, eps, d), dp::binomial_delta(m, eps, d + 1) + 1e-15);
      EXPECT_LE(dp::binomial_delta(m + 1, eps, 3), dp::binomial_delta(m, eps, 3) + 1e-15);
    }
}

TEST(DpCalibration, RefusesWhatNeedsTooManyCoins) {
  const auto m = dp::calibrate_coins(0.1, 1e-12, 1000);
  ASSERT_FALSE(m.ok());
  EXPECT_NE(m.status().message().find("needs more than"), std::string::npos);
  EXPECT_FALSE(dp::calibrate_coins(0, 0.1, 1).ok());
  EXPECT_FALSE(dp::calibrate_coins(1, 1, 1).ok());
}

// A sensitivity of 2^32 needs more than kMaxCoins coins: said at once (δ(ε)'s sum stops at m,
// where P[Z = k] ends; it ran to m + Δ before, 80 s for this case).
TEST(DpCalibration, AHugeSensitivityIsRefusedAsTooManyCoins) {
  const auto m = dp::calibrate_coins(1, 1e-5, std::uint64_t{1} << 32);
  ASSERT_FALSE(m.ok());
  EXPECT_NE(m.status().message().find("needs more than"), std::string::npos) << m.status().message();
  EXPECT_NEAR(dp::binomial_delta(62, 1, 1000), 1.0, 1e-12);  // Δ > m: no overlap, δ = 1
}

// The program's inputs for value 0 per party, the given bits and check randoms.
std::vector<Fp61> program_inputs(const dp::Layout& l, const std::vector<std::vector<std::uint8_t>>& bits,
                                 Rng& rng) {
  std::vector<Fp61> in;
  for (std::size_t p = 0; p < l.parties(); ++p) {
    for (std::size_t i = 0; i < l.values[p]; ++i) in.push_back(Fp61::from_u64(0));
    for (std::size_t j = 0; j < l.coins; ++j) in.push_back(Fp61::from_u64(bits[p][j]));
    for (std::size_t j = 0; j < l.coins; ++j) in.push_back(rng.uniform_fp61());
  }
  return in;
}

std::int64_t signed_of(Fp61 v) {
  return v.value() > Fp61::kModulus / 2 ? -static_cast<std::int64_t>(Fp61::kModulus - v.value())
                                        : static_cast<std::int64_t>(v.value());
}

std::uint64_t choose(std::size_t n, std::size_t k) {
  std::uint64_t c = 1;
  for (std::size_t i = 0; i < k; ++i) c = c * (n - i) / (i + 1);
  return c;
}

// Over every assignment of the parties' bits (the program as SPDZ runs it, evaluated over the
// field): the noise takes value k − m/2 exactly C(m, k)·2^((n−1)m) times; with party 0's bits
// fixed (what party 0 knows), still exactly binomial over the others' bits.
TEST(DpNoise, ExactBinomialOverEveryBitChoiceAndUnknownToParty0) {
  for (std::size_t n : {2u, 3u})
    for (std::size_t m : {2u, 4u}) {
      dp::Layout l{std::vector<std::size_t>(n, 1), m};
      const auto prog = dp::dp_program(l);
      std::map<std::uint64_t, std::map<std::int64_t, std::uint64_t>> by_p0;  // party 0's bits -> counts
      Rng rng(1, 0, "test");
      for (std::uint64_t a = 0; a < (std::uint64_t{1} << (n * m)); ++a) {
        std::vector<std::vector<std::uint8_t>> bits(n, std::vector<std::uint8_t>(m));
        for (std::size_t i = 0; i < n * m; ++i) bits[i / m][i % m] = (a >> i) & 1;
        const auto y = dp::evaluate_field(prog, program_inputs(l, bits, rng));
        ASSERT_TRUE(y.ok()) << y.status().message();
        EXPECT_EQ(signed_of((*y)[0]), dp::noise_of_bits(bits));
        ++by_p0[a & ((std::uint64_t{1} << m) - 1)][signed_of((*y)[0])];
      }
      for (const auto& [p0, counts] : by_p0)
        for (std::size_t k = 0; k <= m; ++k)
          EXPECT_EQ(counts.count(static_cast<std::int64_t>(k) - static_cast<std::int64_t>(m / 2))
                        ? counts.at(static_cast<std::int64_t>(k) - static_cast<std::int64_t>(m / 2)) : 0,
                    choose(m, k) << ((n - 2) * m))
              << "n " << n << " m " << m << " party 0's bits " << p0 << " k " << k;
    }
}

// Party 1 inputs 1/2 for every coin: 1/2 ⊕ b = 1/2, so without the bit check y would be the
// exact sum (in range, noise-free); with it y is uniform, out of range, and equals the reference.
TEST(DpNoise, NonBitCoinsMakeTheOutputUniformNotExact) {
  dp::Layout l{{1, 1}, 8};
  const auto prog = dp::dp_program(l);
  Rng rng(3, 0, "test");
  const Fp61 half = Fp61::from_u64((Fp61::kModulus + 1) / 2);
  for (int trial = 0; trial < 20; ++trial) {
    auto in = program_inputs(l, {std::vector<std::uint8_t>(8, 1), std::vector<std::uint8_t>(8, 0)}, rng);
    for (std::size_t j = 0; j < 8; ++j) in[l.base(1) + 1 + j] = half;
    const auto y = dp::evaluate_field(prog, in);
    ASSERT_TRUE(y.ok());
    EXPECT_EQ((*y)[0], *dp::reference_output(l, in));
    EXPECT_GT(std::llabs(signed_of((*y)[0])), 1000) << "the bit check did not randomise y";
  }
}

// The argument of binomial.h for the bit check: whatever field values the others input around
// an honest party's bit b (here party 1 of 3), the coin for b = 1 is 1 minus the coin for b = 0,
// so either both are bits (the coin is uniform) or neither is (the check fires either way).
// Dealer coins through SPDZ (the dealer's random shared bits, the engine's kRandBit): over 1,600
// seeded runs of 4 coins and records 0, the noise y is Binomial(4, 1/2) − 2 (a chi-square test
// at α = 0.001, 4 degrees of freedom: 18.47; seeds fixed, so the test is deterministic); M111
// (one dealt bit for every coin) gives ±2 only.
TEST(DpNoise, DealerCoinsGiveTheBinomialThroughSpdz) {
  const dp::Layout l{{1, 1}, 4, 1, true};
  const fx::Program prog = dp::dp_program(l);
  EXPECT_EQ(fx::needs_of(prog).rand_bits, 4u);
  EXPECT_EQ(fx::needs_of(prog).triples(), 0u);
  const Circuit carrier = fx::carrier_circuit(prog, {InputGroup{"a", 0, {0}}, InputGroup{"b", 1, {1}}},
                                              {OutputGroup{"y", {0, 1}, {0}}});
  const Spdz spdz(carrier, 1, 0, std::nullopt, prog);
  constexpr int kRuns = 1600;
  std::array<int, 5> count{};
  for (int seed = 1; seed <= kRuns; ++seed) {
    const RunResult r = run_local(2, {static_cast<std::uint64_t>(seed), 600}, [&](PartyContext& ctx) {
      return spdz.run(ctx, PartyInput{{0}});
    });
    ASSERT_EQ(r.parties[0].status, PartyStatus::kOutput);
    const std::int64_t y = fx::from_field(Fp61::from_u64(r.parties[0].outputs.at(0)));
    ASSERT_TRUE(y >= -2 && y <= 2) << y;
    ++count[static_cast<std::size_t>(y + 2)];
  }
  const std::array<double, 5> pmf = {1 / 16.0, 4 / 16.0, 6 / 16.0, 4 / 16.0, 1 / 16.0};
  double chi2 = 0;
  for (std::size_t k = 0; k < 5; ++k) chi2 += std::pow(count[k] - kRuns * pmf[k], 2) / (kRuns * pmf[k]);
  EXPECT_LT(chi2, 18.47) << count[0] << " " << count[1] << " " << count[2] << " " << count[3] << " " << count[4];
}

TEST(DpNoise, CoinForHonestOneIsOneMinusCoinForHonestZero) {
  dp::Layout l{{1, 1, 1}, 2};  // coin 0 tested; coin 1 all zero; check randoms 0 (C = 0)
  Rng rng(5, 0, "test");
  for (int trial = 0; trial < 50; ++trial) {
    std::vector<Fp61> in(l.total(), Fp61::from_u64(0));
    in[l.base(0) + 1] = rng.uniform_fp61();
    in[l.base(2) + 1] = trial % 2 ? rng.uniform_fp61() : Fp61::from_u64(trial % 4 == 0 ? 1 : 0);
    const auto coin = [&](std::uint64_t b) {
      in[l.base(1) + 1] = Fp61::from_u64(b);
      return *dp::reference_output(l, in) + Fp61::from_u64(1);  // y = c_0 + 0 − 1
    };
    EXPECT_EQ(coin(1), Fp61::from_u64(1) - coin(0)) << trial;
  }
}

// ---- Scenario runs. ----

ScenarioBuilder dp_scenario(double eps, double delta, std::int64_t lower, std::int64_t upper,
                            const std::vector<Json>& inputs, const std::string& name = "dp_sum",
                            const std::string& coin_source = "parties") {
  ScenarioBuilder b("dp test");
  b.parties(static_cast<int>(inputs.size()))
      .protocol("spdz", {{"preprocessing", "dealer"}})
      .function({{"name", name}, {"epsilon", eps}, {"delta", delta}, {"lower", lower}, {"upper", upper},
                 {"coin_source", coin_source}})
      .inputs(inputs)
      .lan(1, 1000);
  return b;
}

RunRecord run(const ScenarioBuilder& b, std::uint64_t seed, bool local = true) {
  auto s = b.build();
  if (!s.ok()) ADD_FAILURE() << s.status().message();
  SMPC_ASSERT(s.ok());
  RunOptions o;
  o.backend = local ? Backend::kLocal : Backend::kSimulated;
  o.seed = seed;
  auto rec = run_scenario(*s, o);
  if (!rec.ok()) ADD_FAILURE() << rec.status().message();
  SMPC_ASSERT(rec.ok());
  return std::move(rec).value();
}

// The noise replayed from each party's own stream of the seed, independently of the builder.
std::int64_t replayed_noise(std::uint64_t seed, std::size_t parties, std::size_t coins) {
  std::vector<std::vector<std::uint8_t>> bits(parties);
  for (std::size_t p = 0; p < parties; ++p) {
    Rng rng(seed, static_cast<PartyId>(p), "dp.noise");
    for (std::size_t j = 0; j < coins; ++j) bits[p].push_back(rng.next_bit() ? 1 : 0);
  }
  return dp::noise_of_bits(bits);
}

TEST(DpRun, NoisySumMinusReplayedNoiseIsThePlainSum) {
  const std::vector<Json> in = {Json{3, 12}, Json{7}, Json{-4, 5}};  // 12 clips to 10, -4 to 0
  const auto b = dp_scenario(1, 1e-5, 0, 10, in, "dp_mean");
  const auto coins = *dp::calibrate_coins(1, 1e-5, 10);
  for (std::uint64_t seed : {1u, 2u, 3u}) {
    const auto rec = run(b, seed, seed != 1);
    ASSERT_TRUE(rec.verdict_holds) << rec.explanation;
    for (const auto& out : rec.outputs) {
      const std::int64_t y = out.at("noisy_sum").get<std::int64_t>();
      EXPECT_EQ(y - replayed_noise(seed, 3, coins), 3 + 10 + 7 + 0 + 5);
      EXPECT_EQ(out.at("count"), 5);
      EXPECT_DOUBLE_EQ(out.at("noisy_mean").get<double>(), static_cast<double>(y) / 5);
      EXPECT_FALSE(out.contains("rejected"));
      EXPECT_NE(out.at("guarantee").get<std::string>().find("epsilon = 1, delta = 1e-05"), std::string::npos);
    }
  }
}

// The noise of the coins the dealer dealt, from party p's record (fx::kRandBitsRecord).
std::int64_t dealt_noise(const RunRecord& rec, PartyId p, std::size_t coins) {
  const std::size_t per = fx::kRandBitsPerWord;
  const auto words = input_phase_record(rec.run, p, fx::kRandBitsRecord, 0, (coins + per - 1) / per,
                                        std::uint64_t{1} << per);
  EXPECT_TRUE(words.ok()) << words.status().message();
  if (!words.ok()) return 0;
  std::int64_t ones = 0;
  for (auto w : *words) ones += std::popcount(w);
  return ones - static_cast<std::int64_t>(coins / 2);
}

// "coin_source": "dealer": the parties give their records only; y minus the noise of the dealt
// coins is the plain sum, on both backends; the noise changes with the seed; a record outside
// the range is still named.
TEST(DpRun, DealerCoinsNoisySumMinusTheDealtNoiseIsThePlainSum) {
  const std::vector<Json> in = {Json{3, 12}, Json{7}, Json{-4, 5}};
  const auto b = dp_scenario(1, 1e-5, 0, 10, in, "dp_mean", "dealer");
  const auto coins = *dp::calibrate_coins(1, 1e-5, 10);
  std::set<std::int64_t> noises;
  for (std::uint64_t seed : {1u, 2u, 3u}) {
    const auto rec = run(b, seed, seed != 1);
    ASSERT_TRUE(rec.verdict_holds) << rec.explanation;
    const std::int64_t noise = dealt_noise(rec, 0, coins);
    EXPECT_EQ(noise, dealt_noise(rec, 2, coins)) << "every party recorded the same dealt bits";
    noises.insert(noise);
    for (const auto& out : rec.outputs) {
      EXPECT_EQ(out.at("noisy_sum").get<std::int64_t>() - noise, 3 + 10 + 7 + 0 + 5);
      EXPECT_FALSE(out.contains("rejected"));
      EXPECT_NE(out.at("guarantee").get<std::string>().find("from the SPDZ dealer"), std::string::npos);
    }
  }
  EXPECT_GT(noises.size(), 1u) << "the dealer's coins change from run to run";
  auto bad = dp_scenario(2, 0.05, 0, 10, {Json{1}, Json{0}}, "dp_sum", "dealer");
  bad.adversary({1}, AdversaryModel::kMalicious, Json::array({{{"strategy", "input_substitution"}, {"value", {40}}}}));
  const auto rec = run(bad, 5);
  EXPECT_FALSE(rec.verdict_holds);
  EXPECT_NE(rec.explanation.find("record 0 is 40, outside [0, 10]"), std::string::npos) << rec.explanation;
}

// Two parties at ε = 2, δ = 0.05 on [0, upper]; party 1 (malicious) substitutes its whole
// input: the record, then `coin` for every coin, then the bit-check multipliers u_j = 1, 2, ...
ScenarioBuilder party1_substitutes(std::int64_t upper, std::int64_t record, std::uint64_t coin) {
  const auto coins = *dp::calibrate_coins(2, 0.05, static_cast<std::uint64_t>(upper));
  Json subst = Json::array({record});
  for (std::size_t j = 0; j < coins; ++j) subst.push_back(coin);
  for (std::size_t j = 0; j < coins; ++j) subst.push_back(j + 1);
  auto b = dp_scenario(2, 0.05, 0, upper, {Json{1}, Json{0}});
  b.adversary({1}, AdversaryModel::kMalicious,
              Json::array({{{"strategy", "input_substitution"}, {"value", subst}}}));
  return b;
}

// Halves, (p + 1) / 2, are not bits: the randomized bit check must reject them.
ScenarioBuilder half_coins_scenario() { return party1_substitutes(1, 1, (Fp61::kModulus + 1) / 2); }

TEST(DpRun, ACorruptedPartysHalfCoinsAreRejectedNotExact) {
  auto b = half_coins_scenario();
  const auto rec = run(b, 5);
  EXPECT_TRUE(rec.verdict_holds) << rec.explanation;
  EXPECT_TRUE(rec.outputs.at(0).contains("rejected")) << rec.outputs.at(0).dump();
}

// Party 1 (malicious) gives the record 40 where [0, 10] is allowed, with valid coins: the MPC
// adds it unclipped, so the sum moves by 30 more than any valid record could. The verdict names
// it; the same substitution with the record 7 is a correct run with substitution.
TEST(DpRun, ACorruptedPartysRecordOutsideTheRangeIsAViolation) {
  const auto bad = run(party1_substitutes(10, 40, 0), 5);
  EXPECT_FALSE(bad.verdict_holds);
  EXPECT_NE(bad.explanation.find("record 0 is 40, outside [0, 10]"), std::string::npos) << bad.explanation;
  const auto fine = run(party1_substitutes(10, 7, 0), 5);
  EXPECT_TRUE(fine.verdict_holds) << fine.explanation;
  EXPECT_EQ(fine.outcome, Outcome::kCorrectWithSubstitution);
}

// 100 parties at ε = 0.05, δ = 1e-12 (58,478 coins each) built a program of 29 M instructions
// (8 GB, 93 s) before; refused at /parties now. δ is stated exactly (to_string gave 0.000000).
TEST(DpRun, TooManyPartiesTimesCoinsIsRefusedAndDeltaIsStatedExactly) {
  const Json f = {{"name", "dp_sum"}, {"epsilon", 0.05}, {"delta", 1e-12}, {"lower", 0}, {"upper", 1}};
  const auto big = build_function(f, std::vector<Json>(100, Json{1}), 100);
  ASSERT_FALSE(big.ok());
  EXPECT_NE(big.status().message().find("/parties"), std::string::npos) << big.status().message();
  const auto two = build_function(f, std::vector<Json>{Json{1}, Json{0}}, 2);
  ASSERT_TRUE(two.ok()) << two.status().message();
  const std::string g = two->dp->at("guarantee");
  EXPECT_NE(g.find("epsilon = 0.05, delta = 1e-12)"), std::string::npos) << g;
}

TEST(DpRun, BadSpecsAreNamedWithTheirPointer) {
  struct Bad {
    Json function;
    std::vector<Json> inputs;
    std::string want;
  };
  const Json ok = {{"name", "dp_sum"}, {"epsilon", 1}, {"delta", 1e-6}, {"lower", 0}, {"upper", 5}};
  auto with = [&](const char* k, Json v) { Json f = ok; f[k] = std::move(v); return f; };
  for (const auto& c : {Bad{with("epsilon", 0), {Json{1}, Json{2}}, "/function/epsilon"},
                        Bad{with("delta", 0.9), {Json{1}, Json{2}}, "/function/delta"},
                        Bad{with("upper", -1), {Json{1}, Json{2}}, "/function/upper"},
                        Bad{with("lower", 1.5), {Json{1}, Json{2}}, "/function/lower"},
                        Bad{ok, {Json{1}, Json{"x"}}, "/inputs/1/0"},
                        Bad{ok, {Json{1}, Json::array()}, "/inputs/1"},
                        Bad{with("coin_source", "nobody"), {Json{1}, Json{2}}, "/function/coin_source"},
                        Bad{ok, {Json{1}}, "/parties"}}) {
    const auto f = build_function(c.function, c.inputs, static_cast<int>(c.inputs.size()));
    ASSERT_FALSE(f.ok()) << c.function.dump();
    EXPECT_NE(f.status().message().find(c.want), std::string::npos) << f.status().message();
  }
}

TEST(DpRun, ExampleRunsToVerdictOk) {
  const auto r = testing::run_cli("run " + testing::example("dp_mean.json"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const auto j = Json::parse(r.out);
  EXPECT_EQ(j["verdict"], "ok");
  EXPECT_TRUE(j["outputs"][0].contains("noisy_mean"));
}

// ---- The empirical check. ----

// On synthetic samples: half the calibrated coins (a mechanism weaker than claimed) alarms; the
// calibrated ones do not.
TEST(DpAudit, AlarmsOnHalfTheCoinsNotOnTheCalibrated) {
  Rng rng(11, 0, "audit");
  const auto draw = [&](std::size_t m, std::int64_t shift, std::size_t n) {
    std::vector<std::int64_t> v;
    for (std::size_t i = 0; i < n; ++i) {
      std::int64_t z = shift - static_cast<std::int64_t>(m / 2);
      for (std::size_t j = 0; j < m; ++j) z += rng.next_bit();
      v.push_back(z);
    }
    return v;
  };
  const auto good = audit_dp(draw(6, 0, 2000), draw(6, 1, 2000), 2, 0.05);
  EXPECT_FALSE(good.alarm) << good.summary;
  const auto bad = audit_dp(draw(2, 0, 2000), draw(2, 1, 2000), 2, 0.05);
  EXPECT_TRUE(bad.alarm) << bad.summary;
  EXPECT_GT(bad.eps_lo, 2);
}

// The Must-show item: the empirical ε from seeded MPC runs agrees with the configured ε (the
// configured value inside or above the interval) on three settings.
TEST(DpAudit, EmpiricalEpsilonAgreesOnThreeSettings) {
  for (const auto& c : {kCalibrated[1], kCalibrated[3], kCalibrated[4]}) {
    const auto s = dp_scenario(c.epsilon, c.delta, 0, static_cast<std::int64_t>(c.sensitivity),
                               {Json{0}, Json{1}})
                       .path("dp_audit_test.json")
                       .build();
    ASSERT_TRUE(s.ok()) << s.status().message();
    DpCheckOptions o;
    o.runs = 600;
    o.local = true;
    const auto r = empirical_dp_check(*s, o);
    ASSERT_TRUE(r.ok()) << r.status().message();
    EXPECT_EQ(r->coins, c.coins);
    EXPECT_FALSE(r->audit.alarm) << r->audit.summary;
    EXPECT_LE(r->audit.eps_lo, c.epsilon);
    std::printf("epsilon %g delta %g sensitivity %llu: %s\n", c.epsilon, c.delta,
                static_cast<unsigned long long>(c.sensitivity), r->audit.summary.c_str());
  }
}

TEST(DpAudit, CliExitCodesAndJson) {
  const auto dir = testing::temp_dir("dp-cli");
  const auto path = dir / "dp.json";
  std::ofstream(path) << R"({"name": "dp", "parties": 2, "protocol": {"name": "spdz", "preprocessing": "dealer"},
    "function": {"name": "dp_sum", "epsilon": 1, "delta": 0.05, "lower": 0, "upper": 1},
    "inputs": [[0], [1]]})";
  auto r = testing::run_cli("verify dp " + path.string() + " --local --runs 200 --json");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const auto j = Json::parse(r.out);
  EXPECT_EQ(j["coins"], 8);
  EXPECT_EQ(j["consistent"], true);
  EXPECT_EQ(j["epsilon_interval"].size(), 2u);
  r = testing::run_cli("verify dp " + testing::example("sum_5_lan.json") + " --local");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("needs dp_sum or dp_mean"), std::string::npos) << r.err;
  r = testing::run_cli("verify dp " + path.string() + " --runs 5");
  EXPECT_EQ(r.exit_code, 2);
}

// ---- `smpc verify leakage`: the output's leakage before and after the noise. ----

DpLeakageReport dp_leakage(const ScenarioBuilder& b, std::vector<int> attacker) {
  const auto s = b.build();
  EXPECT_TRUE(s.ok()) << s.status().message();
  auto r = dp_output_leakage(*s, "test", attacker);
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? *r : DpLeakageReport{};
}

// One honest record x ∈ {0, 1} (Δ = 1) and 2 coins (ε = 1, δ = 0.3 is met by m = 2:
// δ(1) = P[Z = −1] = 1/4), Z ∈ {−1, 0, 1} with pmf (1/4, 1/2, 1/4). The channel's rows over
// y − (party 0's record) = −1, 0, 1, 2:
//   x = 0: 1/4 1/2 1/4  0
//   x = 1:  0  1/4 1/2 1/4
// Σ_y max_x P(y|x) = 1/4 + 1/2 + 1/2 + 1/4 = 3/2: min-entropy leakage log2(3/2) bits.
// P(y) = (1/8, 3/8, 3/8, 1/8): H(Y) = 2·(1/8)·3 + 2·(3/8)·log2(8/3) = 3 − (3/4)·log2 3 and
// H(Y | X) = H(Z) = 3/2, so I(X; Y) = 3/2 − (3/4)·log2 3. Without the noise the sum is x (plus
// party 0's record): 2 outputs, 1 bit either way.
TEST(DpLeakage, OneBitRecordTwoCoinsByHand) {
  const auto b = dp_scenario(1, 0.3, 0, 1, {Json{0}, Json{1}});
  const auto r = dp_leakage(b, {0});
  EXPECT_EQ(r.json["mechanism"]["coins"], 2);
  EXPECT_EQ(r.json["honest_inputs"], 2);
  EXPECT_NEAR(r.before_min_entropy_bits, 1.0, 1e-12);
  EXPECT_NEAR(r.before_shannon_bits, 1.0, 1e-12);
  EXPECT_EQ(r.json["before_noise"]["observed_sum"], 1);
  EXPECT_EQ(r.json["before_noise"]["consistent_honest_inputs"], 1);
  EXPECT_NEAR(r.after_vulnerability_ratio, 1.5, 1e-12);
  EXPECT_NEAR(r.after_min_entropy_bits, std::log2(1.5), 1e-12);
  EXPECT_NEAR(r.after_shannon_bits, 1.5 - 0.75 * std::log2(3.0), 1e-12);
  EXPECT_EQ(r.json["after_noise"]["output_values"], 4);
}

// With the dealer's coins the parties input their records only, and the noise has the same
// distribution: the same report, apart from the guarantee's wording.
TEST(DpLeakage, DealerCoinsLeakAsTheXoredCoins) {
  const auto xored = dp_leakage(dp_scenario(1, 0.3, 0, 1, {Json{0}, Json{1}}), {0});
  const auto dealt = dp_leakage(dp_scenario(1, 0.3, 0, 1, {Json{0}, Json{1}}, "dp_sum", "dealer"), {0});
  EXPECT_EQ(dealt.json["honest_inputs"], 2);
  EXPECT_EQ(dealt.json["before_noise"], xored.json["before_noise"]);
  EXPECT_EQ(dealt.json["after_noise"], xored.json["after_noise"]);
  EXPECT_NEAR(dealt.after_min_entropy_bits, std::log2(1.5), 1e-12);
  EXPECT_NE(dealt.json["mechanism"]["guarantee"].get<std::string>().find("dealer"), std::string::npos);
}

// Against brute force over every honest input (not over sums): 3 honest records in [0, 2], the
// channel P(y | x) = pmf[y − Σx] built here from the protocol's pmf, maxima and I(X; Y) summed
// over the 27 inputs directly.
TEST(DpLeakage, MatchesBruteForceOverEveryHonestInput) {
  const auto b = dp_scenario(1, 0.05, 0, 2, {Json{1}, Json{2, 0}, Json{1}});
  const auto r = dp_leakage(b, {0});
  const std::size_t m = r.json["mechanism"]["coins"].get<std::size_t>();
  const std::vector<double> pmf = dp::binomial_pmf(m);
  std::map<int, double> col_max, p_y;
  std::vector<int> sums;
  for (int a = 0; a <= 2; ++a)
    for (int c = 0; c <= 2; ++c)
      for (int d = 0; d <= 2; ++d) sums.push_back(a + c + d);
  for (int x : sums)
    for (std::size_t k = 0; k <= m; ++k) {
      col_max[x + static_cast<int>(k)] = std::max(col_max[x + static_cast<int>(k)], pmf[k]);
      p_y[x + static_cast<int>(k)] += pmf[k] / 27;
    }
  double ratio = 0, info = 0;
  for (const auto& [y, v] : col_max) ratio += v;
  for (int x : sums)
    for (std::size_t k = 0; k <= m; ++k)
      if (pmf[k] > 0) info += pmf[k] / 27 * std::log2(pmf[k] / p_y[x + static_cast<int>(k)]);
  EXPECT_NEAR(r.after_vulnerability_ratio, ratio, 1e-12);
  EXPECT_NEAR(r.after_shannon_bits, info, 1e-12);
  EXPECT_NEAR(r.before_min_entropy_bits, std::log2(7.0), 1e-12);  // sums 0..6
  EXPECT_EQ(r.json["honest_inputs"], 27);
  // Honest sum 2 + 0 + 1 = 3: the x³ coefficient of (1 + x + x²)³ = 1, 3, 6, 7, 6, 3, 1.
  EXPECT_EQ(r.json["before_noise"]["consistent_honest_inputs"], 7);
}

// Smaller ε at fixed δ means more coins, i.e. the same noise plus independent coins
// (post-processing): the after-noise leakage must not grow, and stays below the exact sum's.
TEST(DpLeakage, SmallerEpsilonNeverLeaksMore) {
  double last_min = INFINITY, last_shannon = INFINITY;
  std::size_t last_coins = 0;
  for (double eps : {2.0, 1.0, 0.5}) {
    const auto r = dp_leakage(dp_scenario(eps, 0.05, 0, 1, {Json{1}, Json{0, 1, 1}}), {0});
    const auto coins = r.json["mechanism"]["coins"].get<std::size_t>();
    EXPECT_GT(coins, last_coins) << eps;
    EXPECT_LE(r.after_min_entropy_bits, last_min + 1e-12) << eps;
    EXPECT_LE(r.after_shannon_bits, last_shannon + 1e-12) << eps;
    EXPECT_LT(r.after_min_entropy_bits, r.before_min_entropy_bits) << eps;
    EXPECT_LT(r.after_shannon_bits, r.before_shannon_bits) << eps;
    EXPECT_GT(r.after_min_entropy_bits, 0) << eps;
    EXPECT_NEAR(r.before_min_entropy_bits, 2.0, 1e-12) << eps;  // honest sums 0..3
    last_min = r.after_min_entropy_bits;
    last_shannon = r.after_shannon_bits;
    last_coins = coins;
  }
}

TEST(DpLeakage, CliOnTheExampleAndTooLargeDomains) {
  auto r = testing::run_cli("verify leakage " + testing::example("dp_mean.json") + " --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = Json::parse(r.out);
  EXPECT_EQ(j["honest"], Json::array({1, 2}));
  EXPECT_EQ(j["honest_records"], 6);
  EXPECT_EQ(j["mechanism"]["coins"], 7148);
  EXPECT_EQ(j["before_noise"]["distinct_outputs"], 61);  // honest sums 0..60
  EXPECT_NEAR(j["before_noise"]["min_entropy_leakage_bits"].get<double>(), std::log2(61.0), 1e-12);
  EXPECT_EQ(j["before_noise"]["observed_sum"], 47);  // 3+7+2 + 5+10+4+0 + 10 (12 clipped) + 6
  EXPECT_LT(j["after_noise"]["min_entropy_leakage_bits"].get<double>(),
            j["before_noise"]["min_entropy_leakage_bits"].get<double>());
  auto text = testing::run_cli("verify leakage " + testing::example("dp_mean.json"));
  EXPECT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("before noise"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("after noise"), std::string::npos) << text.out;

  const auto dir = testing::temp_dir("dp-leakage");
  const auto wide = dir / "wide.json";
  std::ofstream(wide) << R"({"name": "wide", "parties": 2, "protocol": {"name": "spdz", "preprocessing": "dealer"},
    "function": {"name": "dp_sum", "epsilon": 20, "delta": 0.5, "lower": 0, "upper": 1000},
    "inputs": [[0], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]]})";
  r = testing::run_cli("verify leakage " + wide.string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("1001^10"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("above the limit of 2^63"), std::string::npos) << r.err;
  // 11 records in [0, 50] (51^11 = 2^62.4 inputs: under that limit), 127,324 coins: 551 sums
  // x 127,325 noise values is above the 2^26 terms of exact computation.
  const auto coins = dir / "coins.json";
  std::ofstream(coins) << R"({"name": "coins", "parties": 2, "protocol": {"name": "spdz", "preprocessing": "dealer"},
    "function": {"name": "dp_sum", "epsilon": 1.2, "delta": 1e-6, "lower": 0, "upper": 50},
    "inputs": [[0], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]]})";
  r = testing::run_cli("verify leakage " + coins.string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("551 honest sums x 127325 noise values"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("above the limit of 67108864"), std::string::npos) << r.err;
}

TEST(DpMutants, NoiselessChannelLeaksAsTheExactSum) {
  if (!kMutantsCompiled) GTEST_SKIP() << "built without SMPC_MUTANTS";
  ScopedMutant m(Mutant::kM101);
  const auto r = dp_leakage(dp_scenario(1, 0.3, 0, 1, {Json{0}, Json{1}}), {0});
  EXPECT_NEAR(r.after_min_entropy_bits, 1.0, 1e-12);  // not log2(3/2)
}

TEST(DpMutants, HalfTheCoinsAlarmsTheEmpiricalCheck) {
  if (!kMutantsCompiled) GTEST_SKIP() << "built without SMPC_MUTANTS";
  const auto s = dp_scenario(2, 0.05, 0, 1, {Json{0}, Json{1}}).path("dp_m78.json").build();
  ASSERT_TRUE(s.ok());
  DpCheckOptions o;
  o.runs = 1000;
  o.local = true;
  o.mutant = Mutant::kM78;
  const auto r = empirical_dp_check(*s, o);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_TRUE(r->audit.alarm) << r->audit.summary;
}

TEST(DpMutants, UnmixedCoinsAndSkippedBitCheckViolateTheVerdict) {
  if (!kMutantsCompiled) GTEST_SKIP() << "built without SMPC_MUTANTS";
  {
    ScopedMutant m(Mutant::kM74);
    const auto rec = run(dp_scenario(1, 1e-5, 0, 10, {Json{3}, Json{4}}), 1);
    EXPECT_FALSE(rec.verdict_holds);
  }
  ScopedMutant m(Mutant::kM79);
  auto b = half_coins_scenario();
  EXPECT_FALSE(run(b, 5).verdict_holds);
}

// M111: every coin is the first dealt bit, so the noise is ±m/2, not the dealt bits' noise.
TEST(DpMutants, M111OneDealtBitForEveryCoinViolatesTheVerdict) {
  if (!kMutantsCompiled) GTEST_SKIP() << "built without SMPC_MUTANTS";
  ScopedMutant m(Mutant::kM111);
  const auto rec = run(dp_scenario(1, 1e-5, 0, 10, {Json{3}, Json{4}}, "dp_sum", "dealer"), 1);
  EXPECT_FALSE(rec.verdict_holds);
  EXPECT_NE(rec.explanation.find("noise of the dealer's coins"), std::string::npos) << rec.explanation;
}

// M108 leaves the range out of the verdict: the record 40 where [0, 10] is allowed, which the
// unmutated verdict names (DpRun.ACorruptedPartysRecordOutsideTheRangeIsAViolation), then reads
// as a correct run with substitution.
TEST(DpMutants, M108TakesAnOutOfRangeRecordForASubstitution) {
  if (!kMutantsCompiled) GTEST_SKIP() << "built without SMPC_MUTANTS";
  ScopedMutant m(Mutant::kM108);
  const auto rec = run(party1_substitutes(10, 40, 0), 5);
  EXPECT_TRUE(rec.verdict_holds) << rec.explanation;
  EXPECT_EQ(rec.outcome, Outcome::kCorrectWithSubstitution);
}

}  // namespace
}  // namespace smpc
