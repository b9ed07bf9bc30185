// `mpirun -n 2 smpc sweep` (scenarios/mpi/sweep_mpi.h): the rows are those of `-j 1`, bad input
// still exits 2 before any run, and a rank-0 failure after MPI has started ends every rank.
// Skips (visibly) where Open MPI's mpirun is not installed; scripts/setup.sh installs it.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "tests/support/cli.h"
#include "tests/sweep/sweep_rows.h"

namespace smpc {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

fs::path dir() { return testing::temp_dir("sweep-mpi"); }

// As root (CI) mpirun wants --allow-run-as-root; --oversubscribe lets 2 ranks start on a
// machine with fewer free slots. Open MPI's own allocations outlive MPI_Finalize, which
// LeakSanitizer would report as leaks of every rank in the asan preset: leak checking is off for
// the ranks only (the sweep's code is leak-checked by test_sweep's other tests).
std::string mpirun(int ranks, const std::string& args, const fs::path& err) {
  return "ASAN_OPTIONS=detect_leaks=0 timeout 300 mpirun --allow-run-as-root --oversubscribe -n " +
         std::to_string(ranks) + " " + SMPC_CLI_PATH + " " + args + " >/dev/null 2>" + err.string() +
         " </dev/null";
}

int exit_code(int status) { return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status); }

bool have_mpirun() { return std::system("command -v mpirun >/dev/null 2>&1") == 0; }

std::string grid_file(const std::string& name, const std::string& axes) {
  const auto path = dir() / (name + ".json");
  std::ofstream(path) << R"({"base": ")" << testing::example("bgw_arithmetic_5.json")
                      << R"(", "axes": )" << axes << "}";
  return path.string();
}

std::map<std::string, Json> rows_by_id(const fs::path& path) {
  return sweep_test::by_id(sweep_test::rows_of(path));
}

TEST(SweepMpi, TwoRanksGiveTheRowsOfOneJob) {
  if (!have_mpirun()) GTEST_SKIP() << "mpirun (Debian openmpi-bin) is not installed";
  const auto grid = grid_file("rows", R"([
      {"pointer": "/protocol/threshold", "values": [1, 2, 3]},
      {"pointer": "/seed", "range": {"from": 1, "to": 6, "step": 1}}])");
  const auto local = dir() / "local.jsonl", mpi = dir() / "mpi.jsonl", err = dir() / "mpi.err";
  fs::remove(local);
  fs::remove(mpi);
  const auto r = testing::run_cli("sweep " + grid + " -q -j 1 -o " + local.string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const int status = std::system(mpirun(2, "sweep " + grid + " -q -o " + mpi.string(), err).c_str());
  ASSERT_EQ(exit_code(status), 0) << testing::slurp(err);
  const auto a = rows_by_id(local), b = rows_by_id(mpi);
  EXPECT_EQ(a.size(), 18u);
  EXPECT_EQ(a, b);
  int skipped = 0;
  for (const auto& [id, row] : b) skipped += row["status"] == "skipped";
  EXPECT_EQ(skipped, 6);  // threshold 3 of 5 parties: BGW needs t < n/2
}

TEST(SweepMpi, BadGridExitsTwoOnEveryRankBeforeMpiStarts) {
  if (!have_mpirun()) GTEST_SKIP() << "mpirun (Debian openmpi-bin) is not installed";
  const auto grid = grid_file("bad", R"([{"pointer": "/seed", "values": [1, "abc"]}])");
  const auto err = dir() / "bad.err";
  const int status = std::system(mpirun(2, "sweep " + grid + " -q", err).c_str());
  EXPECT_EQ(exit_code(status), 2) << testing::slurp(err);
  EXPECT_NE(testing::slurp(err).find("/axes/0 (/seed): value \"abc\""), std::string::npos)
      << testing::slurp(err);
}

// Rank 0 refuses the output file after MPI_Init: the other rank, already waiting for a point,
// is told to stop instead of waiting forever (the 300 s timeout would show a hang as 124).
TEST(SweepMpi, ARankZeroErrorAfterMpiStartedEndsEveryRank) {
  if (!have_mpirun()) GTEST_SKIP() << "mpirun (Debian openmpi-bin) is not installed";
  const auto grid = grid_file("unwritable", R"([{"pointer": "/seed", "values": [1, 2]}])");
  const auto err = dir() / "unwritable.err";
  const std::string out = (dir() / "no-such-folder" / "rows.jsonl").string();
  const int status = std::system(mpirun(2, "sweep " + grid + " -q -o " + out, err).c_str());
  EXPECT_EQ(exit_code(status), 2) << testing::slurp(err);
  EXPECT_NE(testing::slurp(err).find("cannot write the results"), std::string::npos)
      << testing::slurp(err);
}

}  // namespace
}  // namespace smpc
