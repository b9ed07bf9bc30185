// Sweeps (`smpc sweep GRID.json`, docs/sweep.md): a grid names a base scenario and axes (scenario
// fields by JSON pointer, each with a list or range of values, optionally zipped in pairs); the
// sweep runs every point of their cartesian product in a local process pool, one process per run
// (SimGrid runs once per process), and streams one JSON line per run. Rows carry a stable id (a
// hash of the point's axis values) so that rerunning into the same file resumes.
#pragma once

#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "protocols/core/status.h"
#include "scenarios/pipeline.h"

namespace smpc {

// One axis: one pointer with its values, or a zip group of several pointers whose values are
// taken pairwise (all lists of one length).
struct SweepAxis {
  std::vector<std::string> pointers;  // into the scenario ("/network/latency_ms")
  std::vector<std::string> where;     // into the grid, per pointer ("/axes/2", "/axes/3/zip/0")
  std::vector<std::vector<nlohmann::json>> values;  // values[k][i]: pointer k at step i
  std::size_t size() const { return values.empty() ? 0 : values[0].size(); }
};

// Keeps a point only if the expanded scenario's value at `pointer` compares to `value` by `op`
// (==, !=, <, <=, >, >=); otherwise the point is a "skipped" row naming the filter.
struct SweepFilter {
  std::string where;  // "/filters/0"
  std::string pointer;
  std::string op;
  nlohmann::json value;
};

struct SweepGrid {
  std::string path;       // the grid file
  std::string base_path;  // the base scenario (relative to the grid file's folder)
  nlohmann::json base;    // the base scenario's document
  std::vector<SweepAxis> axes;
  std::vector<SweepFilter> filters;
  std::uint64_t size() const;  // points in the product
};

// Reads and checks a grid. Every axis value is set into the base scenario alone and validated
// against the scenario schema, so a wrong type or range, an empty axis or a pointer the base and
// the schema do not know is found here, before any run:
//   "grid.json: /axes/2 (/network/latency_ms): value "abc": /network/latency_ms: must be …".
Result<SweepGrid> load_sweep_grid(const std::string& path);

struct SweepPoint {
  std::uint64_t index = 0;
  std::string id;                // 16 hex digits: BLAKE2b of the axis values
  nlohmann::ordered_json axes;   // pointer -> value, in axis order
  nlohmann::json document;       // the expanded scenario
};

// Point `index` of the product, the last axis varying fastest (nested loops in axis order).
SweepPoint sweep_point(const SweepGrid& grid, std::uint64_t index);

// The point's scenario ready to run, or why it is skipped: the loader's or the resolver's refusal
// (BGW with n < 2t + 1, inputs not matching the parties) or a filter.
Result<Scenario> sweep_scenario(const SweepGrid& grid, const SweepPoint& point,
                                const RunOptions& options);

// The expanded scenario's path: the base's with "#id", so that errors name the point and the
// files the scenario names (circuits, adversary programs) are found next to the base.
std::string sweep_scenario_path(const SweepGrid& grid, const SweepPoint& point);

// How a row reproduces its run: `smpc sweep GRID --run ID` (the run alone, its full report).
std::string sweep_reproduce(const SweepGrid& grid, const SweepPoint& point,
                            const RunOptions& run);

// Rows (docs/sweep.md, "Rows"). status: "ok" (verdict holds), "violated", "skipped" (with
// reason), "error" (the run failed or its process crashed; with reason).
nlohmann::ordered_json sweep_row(const SweepGrid& grid, const SweepPoint& point,
                                 const RunRecord& record, const RunOptions& run);
nlohmann::ordered_json sweep_problem_row(const SweepGrid& grid, const SweepPoint& point,
                                         const std::string& status, const std::string& reason,
                                         const RunOptions& run);

// What an earlier sweep left in `path` (absent: nothing). Complete lines are rows; a last line
// without its newline (the writer was killed mid-line) is not, and keep_bytes ends before it.
struct SweepResults {
  std::set<std::string> done;              // ids of complete rows
  std::vector<nlohmann::ordered_json> rows;
  std::uint64_t keep_bytes = 0;
};
Result<SweepResults> read_sweep_results(const std::string& path);

// Rows as CSV: nested fields flattened to "cost.rounds", axes to their pointers ("/seed").
std::string sweep_csv(const std::vector<nlohmann::ordered_json>& rows);

struct SweepProgress {
  std::uint64_t total = 0;    // points in the grid
  std::uint64_t resumed = 0;  // rows already in the output
  std::uint64_t done = 0;     // rows written by this sweep
  std::uint64_t failed = 0;   // of which violated or error
  std::uint64_t skipped = 0;
  std::uint64_t to_run = 0;   // runs this sweep starts in all
  double wall_s = 0;
};

struct SweepOptions {
  int jobs = 1;
  RunOptions run;  // program and mutant for every run
  std::function<void(const nlohmann::ordered_json& row)> on_row;  // called in this process
  std::function<void(const SweepProgress&)> on_progress;          // after each row
};

struct SweepSummary {
  SweepProgress progress;
  int signal = 0;  // SIGINT/SIGTERM/SIGHUP that stopped the sweep (unfinished runs left out)
};

// Runs every point whose id is not in `done`. Skipped points are rows at once; runs go to at
// most `jobs` forked processes at a time. A stop signal ends the sweep between rows: running
// processes are killed and their points left for the next run.
Result<SweepSummary> run_sweep(const SweepGrid& grid, const std::set<std::string>& done,
                               const SweepOptions& options);

}  // namespace smpc
