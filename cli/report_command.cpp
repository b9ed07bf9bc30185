// smpc report RESULTS.jsonl --html report.html [--vega-dir DIR]
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "reports/html_report.h"
#include "scenarios/sweep.h"

namespace smpc::cli {

std::optional<std::string> load_vega(const std::string& dir) {
  auto js = vega_script(dir);
  if (js.ok()) return *js;
  std::cerr << "error: " << js.status().message() << "\n";
  return std::nullopt;
}

void add_vega_dir_option(CLI::App* cmd, std::string& dir) {
  cmd->add_option("--vega-dir", dir,
                  std::string("Where Debian's libjs-vega modules are, for --html (default ") +
                      kVegaDir + ")");
}

bool write_html(const std::string& path, const std::string& html) {
  std::ofstream out(path, std::ios::binary);
  out << html;
  if (out) return true;
  std::cerr << "error: " << path << ": cannot write the HTML report\n";
  return false;
}

namespace {

struct Options {
  std::string rows;
  std::string html;
  std::string vega_dir = kVegaDir;
};

int run(const Options& o) {
  // Vega first: a missing package is reported before the rows are read.
  const auto vega = load_vega(o.vega_dir);
  if (!vega) return 2;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(o.rows, ec)) {
    std::cerr << "error: " << o.rows << ": no such file\n";
    return 2;
  }
  auto results = read_sweep_results(o.rows);
  if (!results.ok()) {
    std::cerr << "error: " << results.status().message() << "\n";
    return 2;
  }
  const auto size = std::filesystem::file_size(o.rows, ec);
  if (!ec && size > results->keep_bytes)
    std::cerr << "warning: " << o.rows << ":" << results->rows.size() + 1
              << ": the last line has no newline (a sweep stopped mid-write); left out\n";
  if (results->rows.empty()) {
    std::cerr << "error: " << o.rows << ": no rows\n";
    return 2;
  }
  if (!write_html(o.html, sweep_report_html(results->rows, o.rows, *vega))) return 2;
  std::cerr << "report: " << results->rows.size() << " rows -> " << o.html << "\n";
  return 0;
}

}  // namespace

void register_report_command(CLI::App& app, int* exit_code) {
  auto opts = std::make_shared<Options>();
  auto* cmd = app.add_subcommand(
      "report",
      "Write a comparison report of a sweep's rows (docs/reports.md, \"HTML reports\").\n"
      "One self-contained HTML file (no network needed to view it; Vega inlined from Debian's\n"
      "libjs-vega): simulated time, bytes per party and rounds against each numeric axis per\n"
      "protocol (log scales where values span two decades), an outcome matrix for adversary and\n"
      "other non-numeric axes, and a sortable table of every row (report.html#sort=COLUMN,\n"
      "#sort=-COLUMN: a link with an order). When some row has computation (cost.compute_s > 0,\n"
      "the ops compute model) a fourth chart per axis: the compute share, compute_s /\n"
      "(parties x simulated time); the rest is network transfers and waiting.\n"
      "Exit: 0 = written, 2 = bad input (missing file, a line that is not a row: file:line),\n"
      "libjs-vega missing, or the output cannot be written.\n"
      "Example: smpc report rows.jsonl --html report.html");
  cmd->add_option("rows", opts->rows, "JSON Lines file written by `smpc sweep -o`")->required();
  cmd->add_option("--html", opts->html, "Write the HTML report to this file")->required();
  add_vega_dir_option(cmd, opts->vega_dir);
  cmd->callback([opts, exit_code] { *exit_code = run(*opts); });
}

}  // namespace smpc::cli
