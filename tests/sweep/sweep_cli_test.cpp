// `smpc sweep` end to end: -j 1 and -j 2 give the same rows, a SIGINT leaves whole lines and a
// rerun completes the set without duplicates, a crashed run is an error row, bad input exits 2
// before any run, and a row's reproduce command reruns its point.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <thread>

#include <nlohmann/json.hpp>

#include "tests/support/cli.h"
#include "tests/sweep/sweep_rows.h"

namespace smpc {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

fs::path dir() { return testing::temp_dir("sweep-cli"); }

std::string grid_file(const std::string& name, const std::string& base, const std::string& axes) {
  const auto path = dir() / (name + ".json");
  std::ofstream(path) << R"({"base": ")" << testing::example(base) << R"(", "axes": )" << axes << "}";
  return path.string();
}

using sweep_test::by_id;
using sweep_test::rows_of;

pid_t first_child(pid_t parent, std::chrono::seconds within) {
  const auto deadline = std::chrono::steady_clock::now() + within;
  const std::string file =
      "/proc/" + std::to_string(parent) + "/task/" + std::to_string(parent) + "/children";
  while (std::chrono::steady_clock::now() < deadline) {
    std::ifstream in(file);
    pid_t child = -1;
    if (in >> child && child > 0) return child;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return -1;
}

int wait_exit(pid_t pid) {
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

TEST(SweepCli, OneAndTwoJobsGiveTheSameRows) {
  const auto grid = grid_file("jobs", "bgw_arithmetic_5.json", R"([
      {"pointer": "/protocol/threshold", "values": [1, 2, 3]},
      {"pointer": "/seed", "range": {"from": 1, "to": 4, "step": 1}}])");
  const auto one = dir() / "one.jsonl", two = dir() / "two.jsonl";
  fs::remove(one);
  fs::remove(two);
  const auto r1 = testing::run_cli("sweep " + grid + " -q -j 1 -o " + one.string());
  const auto r2 = testing::run_cli("sweep " + grid + " -q -j 2 -o " + two.string());
  ASSERT_EQ(r1.exit_code, 0) << r1.err;
  ASSERT_EQ(r2.exit_code, 0) << r2.err;
  const auto a = by_id(rows_of(one)), b = by_id(rows_of(two));
  EXPECT_EQ(a.size(), 12u);
  EXPECT_EQ(a, b);
  int skipped = 0;
  for (const auto& [id, row] : a) skipped += row["status"] == "skipped";
  EXPECT_EQ(skipped, 4);  // threshold 3 of 5 parties: BGW needs t < n/2
}

TEST(SweepCli, SigintLeavesWholeLinesAndTheRerunCompletesTheSet) {
  const auto grid = grid_file("resume", "sum_5_lan.json",
                              R"([{"pointer": "/seed", "range": {"from": 1, "to": 150, "step": 1}}])");
  const auto out = dir() / "resume.jsonl";
  fs::remove(out);
  const pid_t pid = testing::spawn_cli({"sweep", grid, "-j", "2", "-o", out.string()},
                                       (dir() / "resume.err").string());
  // Stop it once some rows are out, well before all 150.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::chrono::steady_clock::now() < deadline && rows_of(out).size() < 20)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  ASSERT_EQ(::kill(pid, SIGINT), 0);
  EXPECT_EQ(wait_exit(pid), 128 + SIGINT) << testing::slurp(dir() / "resume.err");
  const std::string text = testing::slurp(out);
  ASSERT_FALSE(text.empty());
  EXPECT_EQ(text.back(), '\n');
  const auto partial = rows_of(out);  // throws (fails) on a torn line
  ASSERT_LT(partial.size(), 150u) << "the sweep ended before the signal: make the grid longer";
  EXPECT_NE(testing::slurp(dir() / "resume.err").find("run the same command to resume"), std::string::npos);
  const auto again = testing::run_cli("sweep " + grid + " -q -j 2 -o " + out.string());
  ASSERT_EQ(again.exit_code, 0) << again.err;
  const auto full = rows_of(out);
  EXPECT_EQ(full.size(), 150u);
  EXPECT_EQ(by_id(full).size(), 150u);  // no duplicates
  std::set<int> seeds;
  for (const auto& row : full) seeds.insert(row["axes"]["/seed"].get<int>());
  EXPECT_EQ(seeds.size(), 150u);
  // The first run's rows are kept as they were.
  for (std::size_t i = 0; i < partial.size(); ++i) EXPECT_EQ(full[i], partial[i]);
}

TEST(SweepCli, ATruncatedLastLineIsRedone) {
  const auto grid = grid_file("torn", "sum_5_lan.json", R"([{"pointer": "/seed", "values": [1, 2, 3]}])");
  const auto out = dir() / "torn.jsonl";
  fs::remove(out);
  ASSERT_EQ(testing::run_cli("sweep " + grid + " -q -j 1 -o " + out.string()).exit_code, 0);
  std::string text = testing::slurp(out);
  text.resize(text.size() - 30);  // the writer killed in the middle of the last line
  std::ofstream(out, std::ios::binary | std::ios::trunc) << text;
  ASSERT_EQ(testing::run_cli("sweep " + grid + " -q -j 1 -o " + out.string()).exit_code, 0);
  EXPECT_EQ(by_id(rows_of(out)).size(), 3u);
}

TEST(SweepCli, ACrashedRunIsAnErrorRowAndTheSweepGoesOn) {
  const auto grid = grid_file("crash", "bgw_arithmetic_5.json",
                              R"([{"pointer": "/seed", "values": [1, 2, 3]}])");
  const auto out = dir() / "crash.jsonl";
  fs::remove(out);
  const pid_t pid = testing::spawn_cli({"sweep", grid, "-q", "-j", "1", "-o", out.string()});
  const pid_t worker = first_child(pid, std::chrono::seconds(30));
  ASSERT_GT(worker, 0);
  ::kill(worker, SIGKILL);  // as a segfault or the OOM killer would end it
  EXPECT_EQ(wait_exit(pid), 1);
  const auto rows = rows_of(out);
  ASSERT_EQ(rows.size(), 3u);
  int errors = 0;
  for (const auto& row : rows) {
    if (row["status"] != "error") continue;
    ++errors;
    EXPECT_EQ(row["reason"], "the run process was killed by signal 9 (Killed)");
    EXPECT_EQ(row["exit_status"], 128 + SIGKILL);
  }
  EXPECT_EQ(errors, 1);
}

// The sweep starts itself again with LD_BIND_NOW=1 (same pid, same arguments) so that its run
// processes inherit bound symbol tables instead of each resolving library calls lazily
// (docs/sweep.md, "How runs are isolated").
TEST(SweepCli, RunProcessesInheritBoundSymbols) {
  ::unsetenv("LD_BIND_NOW");  // spawn_cli passes this process's environment on
  const auto grid = grid_file("bindnow", "bgw_arithmetic_5.json",
                              R"([{"pointer": "/seed", "range": {"from": 1, "to": 40, "step": 1}}])");
  const auto out = dir() / "bindnow.jsonl";
  fs::remove(out);
  const pid_t pid = testing::spawn_cli({"sweep", grid, "-q", "-j", "1", "-o", out.string()});
  const pid_t worker = first_child(pid, std::chrono::seconds(30));
  ASSERT_GT(worker, 0);
  std::string environ = testing::slurp("/proc/" + std::to_string(worker) + "/environ");
  EXPECT_EQ(wait_exit(pid), 0);
  std::replace(environ.begin(), environ.end(), '\0', '\n');
  EXPECT_NE(("\n" + environ).find("\nLD_BIND_NOW=1\n"), std::string::npos) << environ;
  EXPECT_EQ(by_id(rows_of(out)).size(), 40u);  // the arguments survived the exec
}

TEST(SweepCli, BadInputExitsTwoBeforeAnyRun) {
  const auto grid = grid_file("bad", "sum_5_lan.json", R"([
      {"pointer": "/seed", "values": [1, 2]},
      {"pointer": "/parties", "values": [5]},
      {"pointer": "/network/latency_ms", "values": [1, "abc"]}])");
  const auto out = dir() / "bad.jsonl";
  fs::remove(out);
  const auto r = testing::run_cli("sweep " + grid + " -o " + out.string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err.rfind("error: " + grid + ": /axes/2 (/network/latency_ms): value \"abc\": ", 0), 0u) << r.err;
  EXPECT_FALSE(fs::exists(out) && fs::file_size(out) > 0);
}

TEST(SweepCli, ARowsReproduceCommandRerunsItsPoint) {
  const auto grid = grid_file("repro", "sum_5_lan.json", R"([
      {"pointer": "/seed", "values": [11]}, {"pointer": "/network/latency_ms", "values": [7.5]}])");
  const auto out = dir() / "repro.jsonl";
  fs::remove(out);
  ASSERT_EQ(testing::run_cli("sweep " + grid + " -q -o " + out.string()).exit_code, 0);
  const auto row = rows_of(out).at(0);
  std::string cmd = row["reproduce"];
  ASSERT_EQ(cmd.rfind("smpc sweep ", 0), 0u) << cmd;
  cmd.replace(0, 4, SMPC_CLI_PATH);
  const auto report_path = dir() / "repro.report.json";
  ASSERT_EQ(std::system((cmd + " >" + report_path.string() + " 2>/dev/null").c_str()), 0) << cmd;
  const auto report = Json::parse(testing::slurp(report_path));
  EXPECT_EQ(report["seed"], 11);
  EXPECT_EQ(report["network"]["latency_ms"], 7.5);
  EXPECT_EQ(report["cost"]["simulated_time_s"], row["cost"]["simulated_time_s"]);
  EXPECT_EQ(report["verdict"], row["verdict"]);
}

}  // namespace
}  // namespace smpc

namespace smpc {
namespace {

// The files a scenario names (here an adversary program, "../../attacks/equivocate.lua") are
// found next to the base scenario, wherever the grid file is.
TEST(SweepCli, FilesTheBaseNamesAreFoundNextToIt) {
  const auto grid = grid_file("files", "sum_equivocate_program.json",
                              R"([{"pointer": "/seed", "values": [1, 2]}])");
  const auto out = dir() / "files.jsonl";
  fs::remove(out);
  const auto r = testing::run_cli("sweep " + grid + " -q -o " + out.string());
  ASSERT_NE(r.exit_code, 2) << r.err;
  for (const auto& row : rows_of(out))
    EXPECT_TRUE(row["status"] == "ok" || row["status"] == "violated") << row.dump();
}

}  // namespace
}  // namespace smpc
