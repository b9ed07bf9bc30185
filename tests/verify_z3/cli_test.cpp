// `smpc verify equiv` and `smpc verify leakage`: exit codes and output.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "protocols/core/bristol.h"
#include "protocols/core/circuit_builder.h"
#include "protocols/core/circuit_encoding.h"
#include "scenarios/functions.h"
#include "scenarios/scenario.h"
#include "tests/support/cli.h"

namespace smpc {
namespace {

using testing::run_cli;

std::string shared(const std::string& name) {
  return std::string(SMPC_SHARED_DIR) + "/circuits/bristol/" + name;
}

bool have_shared() { return std::filesystem::exists(shared("adder64.txt")); }

// Writes a builder circuit (optionally with gate `mutate` turned from AND into XOR).
std::string write_builder(const std::string& name, bool multiply, std::size_t width, long mutate = -1) {
  CircuitBuilder b;
  const auto x = b.input("a", 0, width);
  const auto y = b.input("b", 1, width);
  b.output("c", multiply ? b.mul(x, y) : b.add(x, y));
  Circuit c = b.take();
  if (mutate >= 0) {
    long seen = 0;
    for (auto& g : c.gates)
      if (g.type == GateType::kAnd && seen++ == mutate) {
        g.type = GateType::kXor;
        break;
      }
  }
  const auto path = testing::temp_dir("verify-z3") / name;
  EXPECT_TRUE(save_bristol_fashion(c, path.string()).ok());
  return path.string();
}

TEST(VerifyCli, HelpDocumentsExitCodes) {
  auto r = run_cli("verify equiv --help");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("0 equivalent"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("3 unknown"), std::string::npos) << r.out;
  auto l = run_cli("verify leakage --help");
  EXPECT_EQ(l.exit_code, 0);
  EXPECT_NE(l.out.find("Exit codes"), std::string::npos) << l.out;
}

TEST(VerifyCli, EquivalentDifferentAndUnknown) {
  if (!have_shared()) GTEST_SKIP() << "absent: " << shared("adder64.txt");
  const std::string adder = write_builder("adder.txt", false, 64);
  auto eq = run_cli("verify equiv " + adder + " " + shared("adder64.txt") + " --json");
  ASSERT_EQ(eq.exit_code, 0) << eq.out << eq.err;
  const auto j = nlohmann::json::parse(eq.out);
  EXPECT_EQ(j["result"], "equivalent");
  EXPECT_EQ(j["outputs_proved"], 64);

  const std::string bad = write_builder("bad_adder.txt", false, 64, 30);
  auto ne = run_cli("verify equiv " + bad + " " + shared("adder64.txt"));
  EXPECT_EQ(ne.exit_code, 1) << ne.out << ne.err;
  EXPECT_NE(ne.out.find("different"), std::string::npos) << ne.out;
  EXPECT_NE(ne.out.find("counterexample"), std::string::npos) << ne.out;

  const std::string mul = write_builder("mul.txt", true, 64);
  auto unk = run_cli("verify equiv " + mul + " " + shared("mult64.txt") + " --timeout 2 --json");
  ASSERT_EQ(unk.exit_code, 3) << unk.out << unk.err;
  const auto u = nlohmann::json::parse(unk.out);
  EXPECT_EQ(u["result"], "unknown");
  EXPECT_LT(u["outputs_proved"].get<int>(), 64);
  EXPECT_GT(u["seconds"].get<double>(), 1.5);
}

TEST(VerifyCli, BadInputsExitTwo) {
  if (!have_shared()) GTEST_SKIP() << "absent: " << shared("adder64.txt");
  const auto dir = testing::temp_dir("verify-z3");
  const auto broken = dir / "broken.txt";
  {
    std::ofstream f(broken);
    f << "1 3\n2 1 1\n1 1\n\n2 1 0 7 2 AND\n";
  }
  auto r = run_cli("verify equiv " + broken.string() + " " + shared("adder64.txt"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(broken.string() + ":"), std::string::npos) << r.err;

  auto shape = run_cli("verify equiv " + shared("adder64.txt") + " " + shared("zero_equal.txt"));
  EXPECT_EQ(shape.exit_code, 2);
  EXPECT_NE(shape.err.find("adder64.txt"), std::string::npos) << shape.err;
  EXPECT_NE(shape.err.find("zero_equal.txt"), std::string::npos) << shape.err;

  auto fmt = run_cli("verify equiv " + shared("adder64.txt") + " " + shared("adder64.txt") +
                     " --format-a nonsense");
  EXPECT_EQ(fmt.exit_code, 2);
}

TEST(VerifyCli, LeakageOfMillionairesScenario) {
  const std::string path = testing::example("leakage_millionaires_8.json");
  const auto scenario = nlohmann::json::parse(testing::slurp(path));
  const std::uint64_t a = scenario["inputs"][0].get<std::uint64_t>();
  const std::uint64_t h = scenario["inputs"][1].get<std::uint64_t>();
  const int bits = scenario["function"]["bits"].get<int>();
  auto r = run_cli("verify leakage " + path + " --json");
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["attacker"], nlohmann::json::array({0}));
  EXPECT_EQ(j["honest_input_bits"], bits);
  // Party 0 sees party0_richer = (a > h); count the honest values that agree.
  std::uint64_t consistent = 0;
  for (std::uint64_t x = 0; x < (std::uint64_t{1} << bits); ++x) consistent += (a > x) == (a > h);
  EXPECT_EQ(j["observed_output"]["party0_richer"], a > h ? 1 : 0);
  EXPECT_EQ(j["consistent_honest_inputs"], consistent);
  EXPECT_EQ(j["distinct_outputs"], 2);
  EXPECT_NEAR(j["min_entropy_leakage_bits"].get<double>(), 1.0, 1e-12);

  auto text = run_cli("verify leakage " + path + " --attacker 1");
  EXPECT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("Shannon leakage"), std::string::npos) << text.out;
}

// The auction example in docs/verification.md: each bidder's count of consistent honest bids,
// against brute force over the scenario's own function.
TEST(VerifyCli, LeakageOfAuctionExampleMatchesBruteForce) {
  const std::string path = testing::example("leakage_auction_3.json");
  auto s = load_scenario_file(path);
  ASSERT_TRUE(s.ok()) << s.status().message();
  auto f = build_function(s->function, s->inputs, s->parties);
  ASSERT_TRUE(f.ok()) << f.status().message();
  const std::size_t bits = s->function["bits"].get<std::size_t>();
  std::vector<std::uint64_t> bids;
  for (const auto& in : f->party_inputs) bids.push_back(value_of(in.values));
  auto truth = evaluate(f->circuit, {bits_of(bids[0], bits), bits_of(bids[1], bits), bits_of(bids[2], bits)});
  ASSERT_TRUE(truth.ok());
  for (PartyId attacker = 0; attacker < 3; ++attacker) {
    std::uint64_t consistent = 0;
    const std::uint64_t n = std::uint64_t{1} << bits;
    for (std::uint64_t u = 0; u < n; ++u)
      for (std::uint64_t v = 0; v < n; ++v) {
        std::vector<std::uint64_t> b = bids;
        std::size_t k = 0;
        for (PartyId p = 0; p < 3; ++p)
          if (p != attacker) b[static_cast<std::size_t>(p)] = k++ == 0 ? u : v;
        auto out = evaluate(f->circuit, {bits_of(b[0], bits), bits_of(b[1], bits), bits_of(b[2], bits)});
        ASSERT_TRUE(out.ok());
        consistent += *out == *truth;
      }
    auto r = run_cli("verify leakage " + path + " --attacker " + std::to_string(attacker) + " --json");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["consistent_honest_inputs"], consistent) << "attacker " << attacker;
    EXPECT_EQ(j["honest_input_bits"], 2 * bits);
  }
}

TEST(VerifyCli, LeakageRefusesBadAttackerAndFieldFunctions) {
  auto r = run_cli("verify leakage " + testing::example("leakage_millionaires_8.json") +
                   " --attacker 5");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("party 5 does not exist"), std::string::npos) << r.err;
  auto f = run_cli("verify leakage " + testing::example("sum_5_lan.json"));
  EXPECT_EQ(f.exit_code, 2);
  EXPECT_NE(f.err.find("2^61"), std::string::npos) << f.err;
  auto missing = run_cli("verify leakage /nonexistent/scenario.json");
  EXPECT_EQ(missing.exit_code, 2);
}

}  // namespace
}  // namespace smpc
