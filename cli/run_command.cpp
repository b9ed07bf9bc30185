// smpc run SCENARIO.json [--seed N] [--output FILE] [--local] [--verbose] [--mutant MNN] [--strict]
//          [--quiet] [--html FILE] [--trace FILE [--trace-max-events N]]
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>

#include "cli/commands.h"
#include "protocols/core/json_text.h"
#include "reports/cpu_check.h"
#include "reports/html_report.h"
#include "reports/trace.h"
#include "scenarios/compute_spec.h"
#include "scenarios/runner.h"

namespace smpc::cli {
namespace {

// Progress of a long simulated run on stderr (docs/reports.md): plain lines when stderr is a
// file or a pipe (logs keep every line), one status line rewritten in place on a terminal.
class ProgressPrinter {
 public:
  // The scenario's name leads each line: several runs started from one shell or script write
  // to the same stderr, and an unnamed line cannot be told apart.
  explicit ProgressPrinter(std::string name)
      : name_(short_text(name, 40)), tty_(::isatty(STDERR_FILENO) == 1) {}
  ~ProgressPrinter() { finish(); }
  ProgressPrinter(const ProgressPrinter&) = delete;
  ProgressPrinter& operator=(const ProgressPrinter&) = delete;

  void show(const SimProgress& p) {
    char line[384];
    std::snprintf(line, sizeof line,
                  "progress (%s): %.1f s, simulated t=%.6g s, round %u, %llu messages sent, "
                  "%llu delivered",
                  name_.c_str(), p.wall_s, p.simulated_time_s, p.rounds,
                  static_cast<unsigned long long>(p.messages_sent),
                  static_cast<unsigned long long>(p.messages_delivered));
    // "\033[K" clears what a longer previous status line left on the right.
    std::cerr << (tty_ ? "\r" : "") << line << (tty_ ? "\033[K" : "\n") << std::flush;
    open_line_ = tty_;
  }
  // Ends the status line, so that what follows on stderr starts on a line of its own.
  void finish() {
    if (open_line_) std::cerr << "\n" << std::flush;
    open_line_ = false;
  }

 private:
  std::string name_;
  bool tty_;
  bool open_line_ = false;
};

}  // namespace

void register_run_command(CLI::App& app, int* exit_code) {
  struct Options {
    std::string scenario;
    std::optional<std::uint64_t> seed;
    std::string output;
    bool local = false;
    bool verbose = false;
    std::string mutant;
    bool strict = false;
    bool quiet = false;
    double progress_every = 2;
    std::string html;
    std::string vega_dir = kVegaDir;
    std::string trace;
    std::size_t trace_max_events = kDefaultTraceMaxEvents;
    std::string cpu_table;
    bool critical_path = false;
  };
  auto opts = std::make_shared<Options>();
  auto* cmd = app.add_subcommand(
      "run",
      "Run one scenario in the simulator and write its report.\n"
      "The report (JSON) goes to stdout or --output; a short summary goes to stderr.\n"
      "The same scenario and seed always give a byte-identical report (except wall_time_s).\n"
      "A simulated run still going after 2 s reports progress on stderr every 2 s (wall time,\n"
      "simulated time, causal round, messages sent and delivered): one line each when stderr\n"
      "is not a terminal, a status line updated in place when it is; --quiet turns it off,\n"
      "--progress-every changes the 2 s.\n"
      "Example: smpc run scenarios/examples/sum_5_lan.json --output report.json");
  cmd->add_option("scenario", opts->scenario, "Scenario file (JSON; see docs/scenarios.md)")
      ->required();
  cmd->add_option("--seed", opts->seed, "Override the scenario's seed (all randomness flows from it)")
      ->check(seed_validator());
  cmd->add_option("-o,--output", opts->output, "Write the JSON report to this file instead of stdout");
  cmd->add_flag("--local", opts->local,
                "Run over in-memory threads instead of the simulator (no simulated time)");
  cmd->add_flag("-v,--verbose", opts->verbose, "Show SimGrid's own log");
  cmd->add_option("--mutant", opts->mutant,
                  "Activate a seeded bug (M01..M112, see `smpc audit --mutants`) for this run; "
                  "only in builds configured with -DSMPC_MUTANTS=ON (the test preset)");
  cmd->add_flag("--strict", opts->strict,
                "An adversary script step that changed no message is an error (exit 2) instead "
                "of a warning; a verdict violation still exits 1");
  cmd->add_flag("-q,--quiet", opts->quiet,
                "No progress lines on stderr (errors and the summary still go there)");
  cmd->add_option("--progress-every", opts->progress_every,
                  "Wall seconds before the first progress line and between lines (default 2; "
                  "0.1 to 3600)")
      ->check(CLI::Range(0.1, 3600.0));
  cmd->add_option("--html", opts->html,
                  "Also write an HTML report of the run (verdict, reproduce line, per-party "
                  "timeline, per-label costs; self-contained, docs/reports.md)");
  add_vega_dir_option(cmd, opts->vega_dir);
  cmd->add_option("--trace", opts->trace,
                  "Also write the run's timeline as Chrome trace-event JSON: open it in the "
                  "Perfetto UI (ui.perfetto.dev, \"Open trace file\") or chrome://tracing. A "
                  "process per party with phase, compute, wait and message slices, label slices "
                  "on its \"labels\" threads, and an arrow per message from its send to its "
                  "arrival, in simulated time (docs/reports.md, \"Timelines\"). Simulator only "
                  "(not with --local). About 0.5 KB per message");
  cmd->add_option("--trace-max-events", opts->trace_max_events,
                  "At most this many events in the --trace file (default " +
                      std::to_string(kDefaultTraceMaxEvents) +
                      ", 0 = no cap); over it the earliest are kept and a \"TRUNCATED\" marker "
                      "ends the trace (also otherData.truncated)");
  cmd->add_flag("--critical-path", opts->critical_path,
                "Record the run's timeline (as --trace does, without writing it) so that the "
                "report's critical_path and the summary name the party that finishes last and "
                "the compute and message steps its time is made of (docs/reports.md). Simulator "
                "only; --trace implies it");
  cmd->add_option("--cpu-table", opts->cpu_table,
                  "With --local: print on stderr, per party, its counted operations x this cost "
                  "profile (\"reference\" or a file from `smpc calibrate --output`) next to its "
                  "thread's measured CPU time, and their ratio (the compute model checked "
                  "against reality, docs/performance.md; scripts/validate_compute.sh)");
  cmd->callback([opts, exit_code] {
    auto scenario = load_scenario_file(opts->scenario);
    if (!scenario.ok()) {
      std::cerr << "error: " << scenario.status().message() << "\n";
      *exit_code = 2;
      return;
    }
    // Before the run: a bad --trace must not cost a long simulation either.
    std::shared_ptr<std::ofstream> trace_out;
    if (!opts->trace.empty()) {
      if (opts->local) {
        std::cerr << "error: --trace needs simulated time, which --local (in-memory threads) "
                     "does not have; drop --local\n";
        *exit_code = 2;
        return;
      }
      trace_out = std::make_shared<std::ofstream>(opts->trace, std::ios::binary);
      if (!*trace_out) {
        std::cerr << "error: " << opts->trace << ": cannot write the trace\n";
        *exit_code = 2;
        return;
      }
    }
    std::optional<CostProfile> cpu_profile;
    if (!opts->cpu_table.empty()) {
      if (!opts->local) {
        std::cerr << "error: --cpu-table measures the party threads of --local; add --local\n";
        *exit_code = 2;
        return;
      }
      auto p = load_profile(opts->cpu_table, ".");
      if (!p.ok()) {
        std::cerr << "error: --cpu-table: " << p.status().message() << "\n";
        *exit_code = 2;
        return;
      }
      cpu_profile = std::move(p).value();
    }
    // Before the run: a missing libjs-vega must not cost a long simulation.
    std::optional<std::string> vega;
    if (!opts->html.empty() && !(vega = load_vega(opts->vega_dir))) {
      *exit_code = 2;
      return;
    }
    RunOptions ro;
    ro.seed = opts->seed;
    ro.backend = opts->local ? Backend::kLocal : Backend::kSimulated;
    ro.verbose = opts->verbose;
    if (opts->critical_path && opts->local) {
      std::cerr << "error: --critical-path needs simulated time, which --local does not have; "
                   "drop --local\n";
      *exit_code = 2;
      return;
    }
    ro.record_trace = trace_out != nullptr || opts->critical_path;
    const auto progress = std::make_shared<ProgressPrinter>(scenario->name);
    if (!opts->quiet) ro.progress = [progress](const SimProgress& p) { progress->show(p); };
    ro.progress_interval_s = opts->progress_every;
    if (!opts->mutant.empty()) {
      auto m = parse_mutant(opts->mutant);
      if (!m.ok()) {
        std::cerr << "error: --mutant: " << m.status().message() << "\n";
        *exit_code = 2;
        return;
      }
      ro.mutant = *m;
    }
    const auto write_report = [opts, exit_code](const std::string& text) {
      if (opts->output.empty()) {
        std::cout << text;
        return true;
      }
      std::ofstream out(opts->output, std::ios::binary);
      out << text;
      if (out) return true;
      std::cerr << "error: " << opts->output << ": cannot write the report\n";
      *exit_code = 2;
      return false;
    };
    auto record = run_scenario(*scenario, ro);
    progress->finish();
    if (!record.ok()) {
      std::cerr << "error: " << record.status().message() << "\n";
      *exit_code = 2;
      // Stopped by a signal: the child is gone; leave what is known, and exit as the shell
      // expects of a process ended by that signal (128 + its number).
      if (const int sig = interrupting_signal(); sig != 0) {
        write_report(interrupted_report(*scenario, ro, sig).dump(2) + "\n");
        *exit_code = 128 + sig;
      }
      return;
    }
    const auto report = report_json(*record);
    if (!write_report(report.dump(2) + "\n")) return;
    if (vega && !write_html(opts->html, run_report_html(report, *vega))) {
      *exit_code = 2;
      return;
    }
    if (trace_out) {
      const ChromeTrace trace = chrome_trace(*record, opts->trace_max_events);
      *trace_out << trace.json;
      trace_out->close();
      if (!*trace_out) {
        std::cerr << "error: " << opts->trace << ": cannot write the trace\n";
        *exit_code = 2;
        return;
      }
      if (trace.dropped > 0)
        std::cerr << "warning: " << opts->trace << ": trace truncated at --trace-max-events "
                  << opts->trace_max_events << " (" << trace.dropped
                  << " later events not written; the trace ends with a TRUNCATED marker)\n";
    }
    std::cerr << summary_text(*record);
    if (cpu_profile)
      std::cerr << cpu_check_text(cpu_check(record->run, *cpu_profile),
                                  "cpu table (" + record->protocol + ", " + scenario->name +
                                      ", profile " + cpu_profile->name + "):");
    *exit_code = record->verdict_holds ? 0 : 1;
    // A broken claim is a finding whatever the script did; otherwise a script that did not do
    // what it says is bad input.
    if (const auto strict = strict_script_check(*record); opts->strict && !strict.ok() && *exit_code == 0) {
      std::cerr << "error: " << strict.message() << "\n";
      *exit_code = 2;
    }
  });
}

}  // namespace smpc::cli
