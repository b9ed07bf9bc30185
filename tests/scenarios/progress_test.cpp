// `smpc run` reports progress on stderr for runs past 2 wall seconds, plain lines when stderr is
// not a terminal; --quiet silences it; short runs print none; the report is the same either way
// (issue 15).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "tests/support/cli.h"

namespace smpc {
namespace {

namespace fs = std::filesystem;

// GMW on SHA-256 among 12 parties: about 4 s of wall time here (8 parties: 2.2 s).
std::string long_scenario() {
  const std::string sha = std::string(SMPC_SHARED_DIR) + "/circuits/bristol/sha256.txt";
  if (!fs::exists(sha)) return "";
  nlohmann::json inputs = nlohmann::json::array({"0x1", "0x2"});
  while (inputs.size() < 12) inputs.push_back(nlohmann::json::array());
  const nlohmann::json scenario = {
      {"name", "long"}, {"parties", 12}, {"protocol", {{"name", "gmw"}}},
      {"function", {{"name", "circuit"}, {"file", sha}, {"encoding", "int_lsb0"},
                    {"input_owners", {0, 1}}}},
      {"inputs", inputs}};
  const auto path = testing::temp_dir("progress") / "long.json";
  std::ofstream(path) << scenario.dump();
  return path.string();
}

// The report without its one wall-clock field.
nlohmann::json simulated_part(const std::string& text) {
  auto j = nlohmann::json::parse(text);
  EXPECT_TRUE(j.contains("wall_time_s"));
  j.erase("wall_time_s");
  return j;
}

int count_lines_starting(const std::string& text, const std::string& prefix) {
  std::istringstream in(text);
  int n = 0;
  for (std::string line; std::getline(in, line);)
    if (line.rfind(prefix, 0) == 0) ++n;
  return n;
}

TEST(Progress, LongRunReportsProgressQuietSilencesItReportUnchanged) {
  const auto scenario = long_scenario();
  if (scenario.empty()) GTEST_SKIP() << "../shared/circuits/bristol/sha256.txt not found";
  const auto loud = testing::run_cli("run " + scenario);
  ASSERT_EQ(loud.exit_code, 0) << loud.err;
  const double wall = nlohmann::json::parse(loud.out)["wall_time_s"].get<double>();
  ASSERT_GE(wall, 2.3) << "the run ended before progress was due: make it longer";
  const int lines = count_lines_starting(loud.err, "progress (");
  EXPECT_GE(lines, 1) << loud.err;
  EXPECT_LE(lines, static_cast<int>(wall / 2) + 1) << "more than one line per 2 s:\n" << loud.err;
  // Not a terminal: whole lines, no carriage return or terminal escapes.
  EXPECT_EQ(loud.err.find('\r'), std::string::npos);
  EXPECT_EQ(loud.err.find('\033'), std::string::npos);
  EXPECT_NE(loud.err.find("progress (long): "), std::string::npos) << "named after the scenario";
  EXPECT_NE(loud.err.find("simulated t="), std::string::npos) << loud.err;
  EXPECT_NE(loud.err.find("messages sent"), std::string::npos) << loud.err;
  // The summary still follows the progress lines.
  EXPECT_NE(loud.err.find("verdict ok"), std::string::npos) << loud.err;

  const auto quiet = testing::run_cli("run " + scenario + " --quiet");
  ASSERT_EQ(quiet.exit_code, 0) << quiet.err;
  EXPECT_EQ(count_lines_starting(quiet.err, "progress ("), 0) << quiet.err;
  EXPECT_NE(quiet.err.find("verdict ok"), std::string::npos) << quiet.err;
  EXPECT_EQ(simulated_part(quiet.out).dump(2), simulated_part(loud.out).dump(2));
}

TEST(Progress, ShortRunPrintsNone) {
  const auto r = testing::run_cli("run " + testing::example("sum_5_lan.json"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(count_lines_starting(r.err, "progress ("), 0) << r.err;
}

}  // namespace
}  // namespace smpc
