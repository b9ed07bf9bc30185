// The commands end to end: `smpc report` on bad input (exit 2 with file:line and the bad value),
// a missing libjs-vega (exit 2 before any run), and `smpc sweep --html` / `smpc run --html`
// writing a page that holds their rows and reproduce lines.
#include <signal.h>
#include <sys/wait.h>

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "reports/html_report.h"
#include "tests/support/cli.h"

namespace smpc {
namespace {

namespace fs = std::filesystem;

fs::path dir() { return testing::temp_dir("report-cli"); }

bool have_vega() { return fs::exists(std::string(kVegaDir) + "/vega-util.min.js"); }

#define SKIP_WITHOUT_VEGA() \
  if (!have_vega()) GTEST_SKIP() << "libjs-vega is not installed (apt-get install libjs-vega; scripts/setup.sh)"

TEST(ReportCli, MissingFileIsBadInput) {
  SKIP_WITHOUT_VEGA();
  const auto r = testing::run_cli("report " + (dir() / "nope.jsonl").string() + " --html " +
                                  (dir() / "x.html").string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("nope.jsonl: no such file"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir() / "x.html"));
}

TEST(ReportCli, ABadLineNamesFileLineAndValue) {
  SKIP_WITHOUT_VEGA();
  const auto rows = dir() / "bad.jsonl";
  std::ofstream(rows) << R"({"id":"a","status":"ok"})" << "\n" << R"({"id": 12, "status": "ok"})" << "\n";
  const auto r = testing::run_cli("report " + rows.string() + " --html " + (dir() / "bad.html").string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("bad.jsonl:2: not a sweep row: {\"id\": 12"), std::string::npos) << r.err;
}

TEST(ReportCli, AnEmptyFileIsBadInput) {
  SKIP_WITHOUT_VEGA();
  const auto rows = dir() / "empty.jsonl";
  std::ofstream(rows) << "";
  const auto r = testing::run_cli("report " + rows.string() + " --html " + (dir() / "e.html").string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("empty.jsonl: no rows"), std::string::npos) << r.err;
}

TEST(ReportCli, MissingVegaExitsTwoBeforeAnyRun) {
  const auto out = dir() / "novega.jsonl";
  fs::remove(out);
  const auto r = testing::run_cli("sweep " + std::string(SMPC_SOURCE_DIR) +
                                  "/scenarios/sweeps/bgw_threshold_latency.json -q -o " + out.string() +
                                  " --html " + (dir() / "n.html").string() + " --vega-dir /nonexistent");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("/nonexistent/vega-util.min.js: not found"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("libjs-vega"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(out)) << "a run started";
  const auto run = testing::run_cli("run " + testing::example("sum_5_lan.json") +
                                    " --html x.html --vega-dir /nonexistent");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(run.out.empty()) << "the run went ahead";
}

TEST(ReportCli, SweepHtmlHoldsEveryRow) {
  SKIP_WITHOUT_VEGA();
  const auto rows = dir() / "sweep.jsonl", html = dir() / "sweep.html";
  fs::remove(rows);
  const auto r = testing::run_cli("sweep " + std::string(SMPC_SOURCE_DIR) +
                                  "/scenarios/sweeps/bgw_threshold_latency.json -q -j 2 -o " + rows.string() +
                                  " --html " + html.string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto page = testing::slurp(html);
  std::ifstream in(rows);
  int n = 0;
  for (std::string line; std::getline(in, line); ++n) {
    const auto id = nlohmann::json::parse(line)["id"].get<std::string>();
    EXPECT_NE(page.find("\"" + id + "\""), std::string::npos) << id;
  }
  EXPECT_GT(n, 1);
  EXPECT_NE(page.find(std::to_string(n) + " rows from"), std::string::npos);
  // A row's reproduce command with --html: that run's page.
  std::ifstream first(rows);
  std::string line;
  nlohmann::json row;
  while (std::getline(first, line) && (row = nlohmann::json::parse(line))["status"] != "ok") {
  }
  ASSERT_EQ(row["status"], "ok");
  const auto one = dir() / "one.html";
  const auto rerun = testing::run_cli("sweep " + std::string(SMPC_SOURCE_DIR) +
                                      "/scenarios/sweeps/bgw_threshold_latency.json --run " +
                                      row["id"].get<std::string>() + " --html " + one.string());
  ASSERT_EQ(rerun.exit_code, 0) << rerun.err;
  EXPECT_NE(testing::slurp(one).find("<code>" + html_escape(nlohmann::json::parse(rerun.out)["reproduce"].get<std::string>())),
            std::string::npos);
  // `smpc report` on the same rows gives the same page.
  const auto again = dir() / "again.html";
  ASSERT_EQ(testing::run_cli("report " + rows.string() + " --html " + again.string()).exit_code, 0);
  EXPECT_EQ(testing::slurp(again), page);
}

TEST(ReportCli, RunHtmlHasTheVerdictAndTheReproduceLine) {
  SKIP_WITHOUT_VEGA();
  const auto html = dir() / "run.html";
  const auto r = testing::run_cli("run " + testing::example("sum_5_lan.json") + " -q --html " + html.string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto report = nlohmann::json::parse(r.out);
  const auto page = testing::slurp(html);
  EXPECT_NE(page.find("Verdict: <span class=\"good\">ok</span>"), std::string::npos);
  EXPECT_NE(page.find("<code>" + html_escape(report["reproduce"].get<std::string>()) + "</code>"),
            std::string::npos);
  for (const auto& [label, stats] : report["cost"]["per_label"].items())
    EXPECT_NE(page.find("\"" + label + "\""), std::string::npos) << label;
}

// The page leaves out wall_time_s, so it is a function of scenario and seed like the report.
TEST(ReportCli, RunHtmlIsByteIdenticalAcrossReruns) {
  SKIP_WITHOUT_VEGA();
  const auto a = dir() / "a.html", b = dir() / "b.html";
  ASSERT_EQ(testing::run_cli("run " + testing::example("bgw_crash_round3.json") + " -q --html " + a.string()).exit_code, 0);
  ASSERT_EQ(testing::run_cli("run " + testing::example("bgw_crash_round3.json") + " -q --html " + b.string()).exit_code, 0);
  EXPECT_EQ(testing::slurp(a), testing::slurp(b));
}

std::size_t lines_of(const fs::path& p) {
  std::ifstream in(p);
  std::size_t n = 0;
  for (std::string line; std::getline(in, line);) ++n;
  return n;
}

// Ctrl-C stops the sweep between rows; the page it still writes shows the rows there are.
TEST(ReportCli, SweepHtmlIsWrittenAfterSigint) {
  SKIP_WITHOUT_VEGA();
  const auto rows = dir() / "int.jsonl", html = dir() / "int.html";
  fs::remove(rows);
  fs::remove(html);
  const pid_t pid = testing::spawn_cli({"sweep", std::string(SMPC_SOURCE_DIR) + "/scenarios/sweeps/sum_seeds.json",
                                        "-q", "-j", "2", "-o", rows.string(), "--html", html.string()});
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (lines_of(rows) < 5 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  ::kill(pid, SIGINT);
  int status = 0;
  ::waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 130);
  const auto n = lines_of(rows);
  EXPECT_GE(n, 5u);
  EXPECT_LT(n, 1000u) << "the sweep finished before the signal";
  EXPECT_NE(testing::slurp(html).find(std::to_string(n) + " rows from"), std::string::npos);
}

}  // namespace
}  // namespace smpc
