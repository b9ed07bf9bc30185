// The CLI says the same thing the same way everywhere (issue 15): seeds are 0..2^64-1 and a
// negative one is refused, not wrapped; an unknown command is named with the known ones;
// listings are aligned; party limits are stated exactly; circuit formats have one set of names.
#include <gtest/gtest.h>

#include <chrono>
#include <sstream>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/support/cli.h"

namespace smpc {
namespace {

TEST(CliConsistency, SeedsAreSixtyFourBitUnsignedAndNeverWrapped) {
  const auto sum = testing::example("sum_5_lan.json");
  auto r = testing::run_cli("run --local " + sum + " --seed -1");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("a seed is an integer from 0 to 18446744073709551615, got -1"),
            std::string::npos)
      << r.err;
  r = testing::run_cli("run --local " + sum + " --seed 18446744073709551616");
  EXPECT_EQ(r.exit_code, 2) << r.err;
  r = testing::run_cli("run --local " + sum + " --seed 18446744073709551615");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["seed"].get<std::uint64_t>(), 18446744073709551615u);
  r = testing::run_cli("verify privacy " + testing::example("privacy_sum_3.json") +
                       " --uniformity --seed -3");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("got -3"), std::string::npos) << r.err;
}

TEST(CliConsistency, AnUnknownCommandIsNamedWithTheKnownOnes) {
  auto r = testing::run_cli("frobnicate");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err.rfind("error: smpc: unknown command 'frobnicate' (commands: run, list, schema, "
                        "circuit, audit, verify, sweep, report, calibrate)", 0),
            0u)
      << r.err;
  r = testing::run_cli("verify equvi a b");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("smpc verify: unknown command 'equvi' (commands: equiv, leakage, privacy, aborts, tally, dp)"),
            std::string::npos)
      << r.err;
  r = testing::run_cli("run");  // a known command with a missing argument keeps CLI11's message
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err.find("unknown command"), std::string::npos) << r.err;
}

// Every line with a description starts it in the same column.
void expect_aligned(const std::string& listing) {
  std::istringstream in(listing);
  std::string line;
  std::size_t column = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == ' ') continue;
    const auto gap = line.find("  ");
    ASSERT_NE(gap, std::string::npos) << "name runs into its text: " << line;
    const auto text = line.find_first_not_of(' ', gap);
    if (column == 0) column = text;
    EXPECT_EQ(text, column) << line;
  }
  EXPECT_GT(column, 0u);
}

TEST(CliConsistency, ListingsAreAlignedAndPartyLimitsExact) {
  for (const char* what : {"functions", "protocols"}) {
    SCOPED_TRACE(what);
    const auto r = testing::run_cli(std::string("list ") + what);
    ASSERT_EQ(r.exit_code, 0);
    expect_aligned(r.out);
  }
  const auto text = testing::run_cli("list protocols").out;
  const auto yao = text.find("\nyao ");
  ASSERT_NE(yao, std::string::npos);
  EXPECT_NE(text.find("parties: exactly 2", yao), std::string::npos) << text;
  EXPECT_NE(text.find("parties: at least 3"), std::string::npos) << text;  // bgw
  const auto json = nlohmann::json::parse(testing::run_cli("list protocols --json").out);
  for (const auto& p : json)
    EXPECT_EQ(p["max_parties"], p["name"] == "yao" || p["name"] == "psi_dh" ? nlohmann::json(2)
                                : p["name"] == "rep3" || p["name"] == "rep3_malicious" ? nlohmann::json(3)
                                                      : nlohmann::json())
        << p["name"];
  // And the run says so.
  const auto path = testing::temp_dir("cli") / "yao3.json";
  std::ofstream(path) << R"({"name": "x", "parties": 3, "protocol": {"name": "yao"},
    "function": {"name": "second_price_auction"}, "inputs": [1, 2, 3]})";
  const auto r = testing::run_cli("run " + path.string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("/parties: protocol yao needs exactly 2 parties, got 3"), std::string::npos)
      << r.err;
}

TEST(CliConsistency, CircuitFormatsHaveTheSameNamesInEveryCommand) {
  const std::string adder = std::string(SMPC_SHARED_DIR) + "/circuits/bristol/adder64.txt";
  if (!std::filesystem::exists(adder)) GTEST_SKIP() << adder << " not found";
  for (const std::string& cmd : {"circuit info " + adder + " --format bristol",
                                "verify equiv " + adder + " " + adder + " --format-a bristol"}) {
    SCOPED_TRACE(cmd);
    const auto r = testing::run_cli(cmd);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("'bristol' is ambiguous: say 'fashion'"), std::string::npos) << r.err;
  }
  EXPECT_EQ(testing::run_cli("circuit info " + adder + " --format fashion").exit_code, 0);
  EXPECT_EQ(testing::run_cli("verify equiv " + adder + " " + adder +
                             " --format-a fashion --format-b fashion")
                .exit_code,
            0);
}

// neg64.txt computes -x: with the signed encoding, inputs and outputs are signed decimals.
TEST(CliConsistency, SignedDecimalCircuitInputsAndOutputs) {
  const std::string neg = std::string(SMPC_SHARED_DIR) + "/circuits/bristol/neg64.txt";
  if (!std::filesystem::exists(neg)) GTEST_SKIP() << neg << " not found";
  const auto path = testing::temp_dir("cli") / "neg.json";
  std::ofstream(path) << R"({"name": "neg", "parties": 2, "protocol": {"name": "gmw"},
    "function": {"name": "circuit", "file": ")" << neg << R"(", "encoding": "int_lsb0_signed",
                 "input_owners": [0]},
    "inputs": [-5, []]})";
  auto r = testing::run_cli("run --local " + path.string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto report = nlohmann::json::parse(r.out);
  EXPECT_EQ(report["outputs"][1]["output0"], "5") << report["outputs"].dump();
  std::ofstream(path) << R"({"name": "neg", "parties": 2, "protocol": {"name": "gmw"},
    "function": {"name": "circuit", "file": ")" << neg << R"(", "input_owners": [0]},
    "inputs": [-5, []]})";
  r = testing::run_cli("run --local " + path.string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("/inputs/0/0: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("int_lsb0_signed"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace smpc

namespace smpc {
namespace {

// `verify equiv --timeout 5` ran for 522 s on a hash circuit: Z3_mk_xor took minutes to build
// the expressions, and the qfbv tactic overran its per-check timeout. SHA-256 against itself
// with every AND and XOR's operands swapped (equivalent, but not the same expressions).
TEST(CliConsistency, VerifyEquivHonoursItsTimeout) {
  const std::string sha = std::string(SMPC_SHARED_DIR) + "/circuits/bristol/sha256.txt";
  if (!std::filesystem::exists(sha)) GTEST_SKIP() << sha << " not found";
  std::istringstream in(testing::slurp(sha));
  std::ostringstream swapped;
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream words(line);
    std::vector<std::string> w;
    for (std::string x; words >> x;) w.push_back(x);
    if (w.size() == 6 && (w[5] == "AND" || w[5] == "XOR")) std::swap(w[2], w[3]);
    for (std::size_t i = 0; i < w.size(); ++i) swapped << (i ? " " : "") << w[i];
    swapped << "\n";
  }
  const auto other = testing::temp_dir("cli") / "sha256_swapped.txt";
  std::ofstream(other) << swapped.str();
  const auto t0 = std::chrono::steady_clock::now();
  const auto r = testing::run_cli("verify equiv " + sha + " " + other.string() + " --timeout 2");
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_EQ(r.exit_code, 3) << r.out << r.err;  // unknown, never a guess
  // The bug ran for minutes; 60 s leaves room for the asan build on a loaded two-core machine
  // (20.2 s there, with the load average at 12).
  EXPECT_LT(seconds, 60.0) << "the 2 s budget ran for " << seconds << " s";
}

}  // namespace
}  // namespace smpc
