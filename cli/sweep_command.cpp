// [mpirun -n K] smpc sweep GRID.json [-o results.jsonl] [-j N] [--csv FILE] [--quiet] [--progress-every S]
//            [--mutant MNN] [--run ID] [--print-scenario ID]
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "cli/commands.h"
#include "reports/html_report.h"
#include "scenarios/mpi/sweep_mpi.h"
#include "scenarios/runner.h"
#include "scenarios/sweep.h"

namespace smpc::cli {
namespace {

// Counts, failures, rate and ETA on stderr: a status line rewritten in place on a terminal, a
// plain line every few seconds otherwise (logs keep them), and a last line at the end.
class SweepPrinter {
 public:
  SweepPrinter(bool quiet, double every_s)
      : quiet_(quiet), every_s_(every_s), tty_(::isatty(STDERR_FILENO) == 1) {}

  void show(const SweepProgress& p, bool last) {
    const double now = seconds();
    if (quiet_ || (!last && !tty_ && now < next_)) return;
    next_ = now + every_s_;
    // Skipped points are rows at once, before any run: the rate and the ETA count runs only.
    const auto finished = p.done;
    const auto ran = p.done - p.skipped;
    const double rate = now > 0 ? static_cast<double>(ran) / now : 0;
    const double left = rate > 0 ? static_cast<double>(p.to_run - finished) / rate : 0;
    char line[256];
    std::snprintf(line, sizeof line,
                  "sweep: %llu/%llu rows (%llu resumed, %llu skipped, %llu failed), %.1f runs/s, "
                  "%s %.0f s",
                  static_cast<unsigned long long>(p.resumed + finished),
                  static_cast<unsigned long long>(p.total),
                  static_cast<unsigned long long>(p.resumed),
                  static_cast<unsigned long long>(p.skipped),
                  static_cast<unsigned long long>(p.failed), rate, last ? "took" : "ETA",
                  last ? now : left);
    std::cerr << (tty_ ? "\r" : "") << line << (tty_ && !last ? "\033[K" : "\n") << std::flush;
  }

 private:
  double seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }
  bool quiet_;
  double every_s_;
  bool tty_;
  double next_ = 0;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

struct Options {
  std::string grid;
  std::string output;
  std::string csv;
  int jobs = 0;
  bool quiet = false;
  double progress_every = 2;
  std::string mutant;
  std::string print_scenario;
  std::string run_id;
  std::string html;
  std::string vega_dir = kVegaDir;
};

std::optional<SweepPoint> find_point(const SweepGrid& grid, const std::string& id) {
  for (std::uint64_t i = 0; i < grid.size(); ++i)
    if (SweepPoint p = sweep_point(grid, i); p.id == id) return p;
  std::cerr << "error: " << grid.path << ": no point of the grid has the id " << id << "\n";
  return std::nullopt;
}

// --run ID: the point alone, as `smpc run` would run it (the report on stdout, the summary on
// stderr, the same exit codes); what a row's reproduce command does.
int run_point(const SweepGrid& grid, const SweepPoint& point, const RunOptions& ro,
              const std::string& html, const std::optional<std::string>& vega) {
  auto scenario = sweep_scenario(grid, point, ro);
  if (!scenario.ok()) {
    std::cerr << "error: " << scenario.status().message() << "\n";
    return 2;
  }
  auto record = run_scenario(*scenario, ro);
  if (!record.ok()) {
    std::cerr << "error: " << record.status().message() << "\n";
    return interrupting_signal() != 0 ? 128 + interrupting_signal() : 2;
  }
  const auto report = report_json(*record);
  std::cout << report.dump(2) << "\n";
  std::cerr << summary_text(*record);
  if (vega && !write_html(html, run_report_html(report, *vega))) return 2;
  return record->verdict_holds ? 0 : 1;
}

// The rows already in --output (resume); the file is cut after its last complete line.
Result<SweepResults> resume_from(const std::string& output) {
  if (output.empty()) return SweepResults{};
  SMPC_ASSIGN_OR_RETURN(SweepResults previous, read_sweep_results(output));
  std::error_code ec;
  if (std::filesystem::exists(output, ec))
    std::filesystem::resize_file(output, previous.keep_bytes, ec);
  if (ec) return Error(output + ": cannot cut the unfinished last line: " + ec.message());
  return previous;
}

// A pooled sweep forks a run process per point, and each of them resolved again, lazily, every
// library function its run called (SimGrid, libstdc++, libsodium: the dynamic linker's symbol
// lookups were 5% of a small sweep's CPU). Linking smpc with -z now binds only its own calls,
// so the sweep starts itself again with LD_BIND_NOW=1 (same pid, same arguments): every object
// is bound once, here, and the run processes inherit the bound tables. If the exec fails the
// sweep goes on lazily bound (slower, same rows).
void bind_now_for_run_processes() {
  if (std::getenv("LD_BIND_NOW") != nullptr) return;
  std::ifstream in("/proc/self/cmdline", std::ios::binary);
  std::vector<std::string> args;
  for (std::string arg; std::getline(in, arg, '\0');) args.push_back(arg);
  if (args.empty()) return;
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  ::setenv("LD_BIND_NOW", "1", 1);
  std::fflush(nullptr);
  ::execv("/proc/self/exe", argv.data());
  ::unsetenv("LD_BIND_NOW");
}

int run(const Options& o) {
  if (o.print_scenario.empty() && o.run_id.empty()) bind_now_for_run_processes();
  auto grid = load_sweep_grid(o.grid);
  if (!grid.ok()) {
    std::cerr << "error: " << grid.status().message() << "\n";
    return 2;
  }
  SweepOptions so;
  so.jobs = o.jobs > 0 ? o.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  if (!o.mutant.empty()) {
    auto m = parse_mutant(o.mutant);
    if (!m.ok()) {
      std::cerr << "error: --mutant: " << m.status().message() << "\n";
      return 2;
    }
    so.run.mutant = *m;
  }
  std::optional<std::string> vega;  // loaded before any run: a missing package costs no sweep
  if (!o.html.empty() && !(vega = load_vega(o.vega_dir))) return 2;
  if (!o.print_scenario.empty() || !o.run_id.empty()) {
    const auto point = find_point(*grid, o.run_id.empty() ? o.print_scenario : o.run_id);
    if (!point) return 2;
    if (!o.run_id.empty()) return run_point(*grid, *point, so.run, o.html, vega);
    std::cout << point->document.dump(2) << "\n";
    return 0;
  }
  // Under mpirun: ranks > 0 run the points rank 0 hands out; rank 0 does all the rest.
  std::unique_ptr<MpiSweep> mpi;
  if (launched_by_mpi()) {
    auto joined = MpiSweep::join();
    if (!joined.ok()) {
      std::cerr << "error: " << joined.status().message() << "\n";
      return 2;
    }
    mpi = std::move(*joined);
    if (mpi->rank() != 0) return mpi->serve(*grid, so);
    if (o.jobs <= 0) so.jobs = 1;  // the ranks are the parallelism
  }
  auto previous = resume_from(o.output);
  if (!previous.ok()) {
    std::cerr << "error: " << previous.status().message() << "\n";
    return 2;
  }
  std::ofstream file;
  if (!o.output.empty()) file.open(o.output, std::ios::binary | std::ios::app);
  if (!o.output.empty() && !file) {
    std::cerr << "error: " << o.output << ": cannot write the results\n";
    return 2;
  }
  std::ostream& out = o.output.empty() ? std::cout : file;
  std::vector<nlohmann::ordered_json> rows = std::move(previous->rows);
  const bool keep_rows = !o.csv.empty() || vega.has_value();
  int failed_before = 0;
  for (const auto& r : rows) failed_before += r["status"] == "violated" || r["status"] == "error";
  if (!keep_rows) rows.clear();
  SweepPrinter printer(o.quiet, o.progress_every);
  so.on_row = [&](const nlohmann::ordered_json& row) {
    out << row.dump() << "\n" << std::flush;  // one row a line, whole lines only
    if (keep_rows) rows.push_back(row);
  };
  so.on_progress = [&](const SweepProgress& p) { printer.show(p, false); };
  auto summary = mpi ? mpi->coordinate(*grid, previous->done, so)
                     : run_sweep(*grid, previous->done, so);
  if (!summary.ok()) {
    std::cerr << "error: " << summary.status().message() << "\n";
    return 2;
  }
  printer.show(summary->progress, true);
  if (!o.csv.empty()) {
    std::ofstream csv(o.csv, std::ios::binary);
    csv << sweep_csv(rows);
    if (!csv) {
      std::cerr << "error: " << o.csv << ": cannot write the CSV\n";
      return 2;
    }
  }
  // Also after a signal: the report shows the rows there are.
  if (vega && !write_html(o.html, sweep_report_html(rows, o.output.empty() ? o.grid : o.output, *vega)))
    return 2;
  if (summary->signal != 0) {
    std::cerr << "sweep: interrupted by SIG" << sigabbrev_np(summary->signal)
              << "; the rows written are complete: run the same command to resume\n";
    return 128 + summary->signal;
  }
  return failed_before + summary->progress.failed > 0 ? 1 : 0;
}

}  // namespace

void register_sweep_command(CLI::App& app, int* exit_code) {
  auto opts = std::make_shared<Options>();
  auto* cmd = app.add_subcommand(
      "sweep",
      "Run every point of a grid of scenarios (docs/sweep.md) in a local process pool.\n"
      "A grid names a base scenario and axes: scenario fields by JSON pointer, each with a list\n"
      "or a range of values, zipped axes pairing their values, and filters. Every axis value is\n"
      "checked against the scenario schema before any run (exit 2 naming the grid, the axis and\n"
      "the value). Points the loader refuses (BGW with n < 2t + 1) or a filter excludes are\n"
      "\"skipped\" rows; a run that fails or crashes is an \"error\" row, never the end.\n"
      "One JSON line per run goes to --output (or stdout): id, axes, status, verdict, outcome,\n"
      "cost, wall time, exit status and the reproduce command (`smpc sweep GRID --run ID`).\n"
      "Rerunning with the same --output skips the ids already there (resume); Ctrl-C stops\n"
      "between rows and leaves whole lines.\n"
      "Exit: 0 = every run's verdict holds, 1 = a violated or error row, 2 = bad input,\n"
      "128 + N = stopped by signal N.\n"
      "Across machines: `mpirun -n K smpc sweep GRID ...` (Open MPI) hands the points out to\n"
      "K ranks one at a time; rank 0 runs points too and alone writes --output (the same rows\n"
      "as without mpirun); -j is then runs at a time per rank (default 1). As root add\n"
      "--allow-run-as-root; a cluster: --hostfile FILE (docs/sweep.md).\n"
      "Example: smpc sweep scenarios/sweeps/sum_seeds.json -o rows.jsonl --csv rows.csv");
  cmd->add_option("grid", opts->grid, "Grid file (JSON; see docs/sweep.md)")->required();
  cmd->add_option("-o,--output", opts->output,
                  "Append rows to this JSON Lines file, skipping the ids it already has");
  cmd->add_option("-j,--jobs", opts->jobs, "Runs at a time (default: every core; under mpirun: per rank, default 1)")
      ->check(CLI::Range(1, 4096));
  cmd->add_option("--csv", opts->csv, "Also write every row (old and new) as CSV to this file");
  cmd->add_flag("-q,--quiet", opts->quiet, "No progress on stderr");
  cmd->add_option("--progress-every", opts->progress_every,
                  "Seconds between progress lines when stderr is not a terminal (default 2)")
      ->check(CLI::Range(0.0, 3600.0));
  cmd->add_option("--mutant", opts->mutant,
                  "Activate a seeded bug in every run (test builds only; see smpc run --help)");
  cmd->add_option("--html", opts->html,
                  "Also write the comparison report of every row (old and new) to this HTML file "
                  "(as `smpc report`; docs/reports.md); with --run, the run's report (as "
                  "`smpc run --html`)");
  add_vega_dir_option(cmd, opts->vega_dir);
  cmd->add_option("--run", opts->run_id,
                  "Run only the point with this row id, as `smpc run` would: its full report on "
                  "stdout (a row's reproduce command)");
  cmd->add_option("--print-scenario", opts->print_scenario,
                  "Print the expanded scenario of the point with this row id and run nothing "
                  "(files it names are relative to the base scenario's folder)");
  cmd->callback([opts, exit_code] { *exit_code = run(*opts); });
}

}  // namespace smpc::cli
