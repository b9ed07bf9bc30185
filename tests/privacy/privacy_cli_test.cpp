// `smpc verify privacy`: exit 0 indistinguishable, 1 distinguishable, 2 bad input.
#include <gtest/gtest.h>

#include <fstream>

#include <nlohmann/json.hpp>

#include "protocols/core/mutants.h"
#include "tests/support/cli.h"

namespace smpc {
namespace {

const std::string kProduct = testing::example("privacy_bgw_product.json");
const std::string kSwap = testing::example("privacy_swaps/privacy_bgw_product.swap.json");

TEST(VerifyPrivacyCli, CorrectBgwIsIndistinguishable) {
  const auto r = testing::run_cli("verify privacy " + kProduct + " --swap " + kSwap +
                                  " --runs 40 --json");
  EXPECT_EQ(r.exit_code, 0) << r.err << r.out;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["distinguishable"], false);
  EXPECT_EQ(j["runs"], 40);
  EXPECT_EQ(j["checks"].size(), 4u);  // chi-square, F_p relations, per-bit, GF(2) relations
  EXPECT_NE(r.err.find("privacy: 80/80 runs"), std::string::npos) << r.err;  // progress
}

TEST(VerifyPrivacyCli, M15IsDistinguishable) {
  if (!kMutantsCompiled) GTEST_SKIP() << "built without SMPC_MUTANTS";
  const auto r = testing::run_cli("verify privacy " + kProduct + " --swap " + kSwap +
                                  " --runs 40 --mutant M15");
  EXPECT_EQ(r.exit_code, 1) << r.err << r.out;
  EXPECT_NE(r.out.find("algebraic relations over F_p: ALARM"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("false-alarm bound"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("verdict: distinguishable"), std::string::npos) << r.out;
}

TEST(VerifyPrivacyCli, UniformityAloneAndBadInput) {
  auto r = testing::run_cli("verify privacy " + testing::example("privacy_sum_3.json") +
                            " --uniformity --runs 40");
  EXPECT_EQ(r.exit_code, 0) << r.err << r.out;
  EXPECT_NE(r.out.find("share uniformity: no alarm"), std::string::npos) << r.out;
  // No swap file and no --uniformity; a missing swap file; a scenario without adversary;
  // a corrupted party's input changed.
  EXPECT_EQ(testing::run_cli("verify privacy " + kProduct).exit_code, 2);
  r = testing::run_cli("verify privacy " + kProduct + " --swap /nonexistent.json");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("/nonexistent.json"), std::string::npos) << r.err;
  r = testing::run_cli("verify privacy " + testing::example("sum_5_lan.json") + " --swap " + kSwap);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("corrupts no party"), std::string::npos) << r.err;
  const auto dir = testing::temp_dir("privacy-cli");
  std::ofstream(dir / "swap.json") << R"({"inputs": [[14], [3], [1]]})";
  r = testing::run_cli("verify privacy " + kProduct + " --swap " + (dir / "swap.json").string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("/inputs/2"), std::string::npos) << r.err;
  EXPECT_EQ(testing::run_cli("verify privacy " + kProduct + " --swap " + kSwap + " --mutant M999")
                .exit_code,
            2);
}

TEST(VerifyPrivacyCli, HelpSaysWhatTheTestCanAndCannotShow) {
  const auto r = testing::run_cli("verify privacy --help");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("What it can show"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("What it cannot show"), std::string::npos);
  EXPECT_NE(r.out.find("--swap"), std::string::npos);
}

}  // namespace
}  // namespace smpc
