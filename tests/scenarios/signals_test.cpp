// SIGTERM, SIGINT or SIGHUP to `smpc run` mid-simulation end the simulation child too and leave
// a partial report marked "interrupted"; SIGKILL to smpc ends the child as well (issue 15).
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/support/cli.h"

namespace smpc {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// A run that takes seconds of wall time in the simulator: GMW on SHA-256 among 8 parties
// (22,573 AND gates, 28 pairs of OT; 6 parties took 7 s here).
std::string long_scenario() {
  const std::string sha = std::string(SMPC_SHARED_DIR) + "/circuits/bristol/sha256.txt";
  if (!fs::exists(sha)) return "";
  const auto path = testing::temp_dir("signals") / "long.json";
  std::ofstream(path) << R"({"name": "long", "parties": 8, "protocol": {"name": "gmw"},
    "function": {"name": "circuit", "file": ")" << sha << R"(", "encoding": "int_lsb0",
                 "input_owners": [0, 1]},
    "inputs": ["0x1", "0x2", [], [], [], [], [], []]})";
  return path.string();
}

// The simulation child of `parent` once it exists (-1 after `within`).
pid_t child_of(pid_t parent, std::chrono::seconds within) {
  const auto deadline = Clock::now() + within;
  const std::string file =
      "/proc/" + std::to_string(parent) + "/task/" + std::to_string(parent) + "/children";
  while (Clock::now() < deadline) {
    std::ifstream in(file);
    pid_t child = -1;
    if (in >> child && child > 0) return child;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return -1;
}

// Gone, or a zombie waiting for a reaper that is not smpc.
bool process_ended(pid_t pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  if (!stat) return true;
  std::string line;
  std::getline(stat, line);
  const auto close = line.rfind(')');
  return close != std::string::npos && close + 2 < line.size() && line[close + 2] == 'Z';
}

bool ends_within(pid_t pid, std::chrono::seconds within) {
  const auto deadline = Clock::now() + within;
  while (Clock::now() < deadline) {
    if (process_ended(pid)) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return false;
}

int wait_exit(pid_t pid, std::chrono::seconds within) {
  const auto deadline = Clock::now() + within;
  int status = 0;
  while (Clock::now() < deadline) {
    if (::waitpid(pid, &status, WNOHANG) == pid)
      return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ::kill(pid, SIGKILL);
  ::waitpid(pid, &status, 0);
  return -1;
}

class Signals : public ::testing::TestWithParam<int> {};

TEST_P(Signals, EndTheSimulationChildAndLeaveAPartialReport) {
  const int sig = GetParam();
  const auto scenario = long_scenario();
  if (scenario.empty()) GTEST_SKIP() << "../shared/circuits/bristol/sha256.txt not found";
  const auto report = testing::temp_dir("signals") / ("report" + std::to_string(sig) + ".json");
  fs::remove(report);
  const pid_t smpc = testing::spawn_cli({"run", scenario, "--output", report.string()});
  const pid_t child = child_of(smpc, std::chrono::seconds(30));
  ASSERT_GT(child, 0) << "no simulation child appeared";
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // mid-simulation
  ASSERT_FALSE(process_ended(child)) << "the run ended before the signal: make it longer";
  ::kill(smpc, sig);
  EXPECT_EQ(wait_exit(smpc, std::chrono::seconds(20)), 128 + sig);
  EXPECT_TRUE(process_ended(child)) << "simulation child " << child << " still running";
  ASSERT_TRUE(fs::exists(report));
  const auto j = nlohmann::json::parse(testing::slurp(report));
  EXPECT_EQ(j["interrupted"], true);
  EXPECT_EQ(j["signal"], std::string("SIG") + sigabbrev_np(sig));
  EXPECT_EQ(j["scenario"], "long");
  EXPECT_FALSE(j.contains("outputs"));
  EXPECT_NE(j["reproduce"].get<std::string>().find(scenario), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(TermIntHup, Signals, ::testing::Values(SIGTERM, SIGINT, SIGHUP));

TEST(Signals, AKilledSmpcTakesItsSimulationChildWithIt) {
  const auto scenario = long_scenario();
  if (scenario.empty()) GTEST_SKIP() << "../shared/circuits/bristol/sha256.txt not found";
  const pid_t smpc = testing::spawn_cli({"run", scenario});
  const pid_t child = child_of(smpc, std::chrono::seconds(30));
  ASSERT_GT(child, 0);
  ::kill(smpc, SIGKILL);
  EXPECT_EQ(wait_exit(smpc, std::chrono::seconds(10)), 128 + SIGKILL);
  EXPECT_TRUE(ends_within(child, std::chrono::seconds(10))) << "orphaned child " << child;
}

}  // namespace
}  // namespace smpc
