// Headless Chromium loads generated reports: every chart rendered (data-rendered equals
// data-charts), the marks match the data (one symbol per run and chart, one cell per outcome
// matrix entry, one bar per party and label), nothing on the console, no error box, and the
// hostile strings of the rows stayed text. A screenshot of each page is saved in this test's
// build folder (SMPC_ARTIFACT_DIR) as an artifact. Skipped, saying why, without chromium or
// libjs-vega.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "reports/html_report.h"
#include "tests/report/report_rows.h"
#include "tests/support/cli.h"

namespace smpc {
namespace {

namespace fs = std::filesystem;

std::string chromium() {
  for (const char* name : {"chromium", "chromium-browser", "google-chrome"})
    for (const char* dir : {"/usr/bin", "/usr/local/bin", "/snap/bin"})
      if (const auto p = fs::path(dir) / name; fs::exists(p)) return p.string();
  return "";
}

#define SKIP_WITHOUT_BROWSER()                                                                  \
  if (chromium().empty()) GTEST_SKIP() << "chromium is not installed (apt-get install chromium; " \
                                          "scripts/setup.sh): the browser test did not run";     \
  if (!fs::exists(std::string(kVegaDir) + "/vega-util.min.js"))                                 \
  GTEST_SKIP() << "libjs-vega is not installed (scripts/setup.sh)"

struct Loaded {
  std::string dom;
  std::string console;  // the page's console messages, one a line
};

// Loads the page once: the DOM after the scripts ran (virtual time lets Vega's asynchronous
// rendering finish) and a screenshot into the artifact folder.
Loaded load(const fs::path& page, const std::string& shot_name, const std::string& fragment = "") {
  const auto work = testing::temp_dir("browser");
  const auto dom = work / (shot_name + ".dom.html"), log = work / (shot_name + ".log");
  const auto shot = fs::path(SMPC_ARTIFACT_DIR) / (shot_name + ".png");
  fs::remove(shot);
  const std::string cmd = "timeout 90 " + chromium() +
                          " --headless --no-sandbox --disable-gpu --no-first-run"
                          " --user-data-dir=" + (work / ("profile-" + shot_name)).string() +
                          " --enable-logging=stderr --v=0 --virtual-time-budget=10000"
                          " --window-size=1400,2600 --screenshot=" + shot.string() +
                          " --dump-dom 'file://" + fs::absolute(page).string() + fragment + "' >" + dom.string() +
                          " 2>" + log.string() + " </dev/null";
  EXPECT_EQ(std::system(cmd.c_str()), 0) << cmd << "\n" << testing::slurp(log);
  Loaded out{testing::slurp(dom), ""};
  std::istringstream lines(testing::slurp(log));
  for (std::string line; std::getline(lines, line);)
    if (line.find(":CONSOLE") != std::string::npos) out.console += line + "\n";
  EXPECT_GT(fs::exists(shot) ? fs::file_size(shot) : 0, 10000u) << "no screenshot at " << shot;
  return out;
}

std::string attribute(const std::string& dom, const std::string& name) {
  const auto at = dom.find(name + "=\"");
  if (at == std::string::npos) return "(absent)";
  const auto from = at + name.size() + 2;
  return dom.substr(from, dom.find('"', from) - from);
}

// Items of the named Vega mark: Vega's SVG renderer puts each in a <path> inside the mark's
// <g class="mark-TYPE role-mark NAME">, summed over every chart that has such a mark.
std::size_t mark_items(const std::string& dom, const std::string& type, const std::string& name) {
  const std::string open = "<g class=\"mark-" + type + " role-mark " + name + "\"";
  std::size_t n = 0;
  for (auto at = dom.find(open); at != std::string::npos; at = dom.find(open, at + 1)) {
    const auto end = dom.find("</g>", at);
    for (auto p = dom.find("<path", at); p != std::string::npos && p < end; p = dom.find("<path", p + 1)) ++n;
  }
  return n;
}

void expect_clean(const Loaded& page, std::size_t charts) {
  EXPECT_EQ(attribute(page.dom, "data-charts"), std::to_string(charts));
  EXPECT_EQ(attribute(page.dom, "data-rendered"), std::to_string(charts)) << "not every chart rendered";
  EXPECT_EQ(page.console, "") << "console messages";
  EXPECT_NE(page.dom.find("<pre id=\"report-errors\" hidden=\"\"></pre>"), std::string::npos)
      << "the page reported an error";
}

TEST(Browser, SweepReportRendersEveryRunAndKeepsHostileTextInert) {
  SKIP_WITHOUT_BROWSER();
  const auto dir = testing::temp_dir("browser-sweep");
  const auto rows_file = dir / "rows.jsonl", html = dir / "sweep.html";
  const auto rows = testing::hostile_rows();
  {
    std::ofstream out(rows_file);
    for (const auto& r : rows) out << r.dump() << "\n";
  }
  const auto r = testing::run_cli("report " + rows_file.string() + " --html " + html.string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto page = load(html, "sweep_report", "#sort=-simulated_time_s");

  // What the rows say the page must hold: the one numeric axis (latency) gives four charts
  // (time, bytes per party, rounds, compute share: the rows carry compute_s), each a symbol per
  // row with a cost; the adversary axis an outcome matrix with a cell per (program, protocol).
  std::size_t with_cost = 0;
  std::set<std::pair<std::string, std::string>> cells;
  for (const auto& row : rows) {
    with_cost += row.contains("cost");
    cells.emplace(row["axes"]["/adversary/program"].get<std::string>(),
                  row.value("protocol", std::string("(not run)")));
  }
  expect_clean(page, 4 + 1);
  EXPECT_EQ(mark_items(page.dom, "symbol", "points"), 4 * with_cost);
  EXPECT_NE(page.dom.find("compute share (compute_s / (parties x simulated time)) vs "
                          "/network/latency_ms"),
            std::string::npos);
  EXPECT_EQ(mark_items(page.dom, "rect", "matrix_cells"), cells.size());
  EXPECT_EQ(attribute(page.dom, "data-pwned"), "(absent)") << "a row's markup ran";
  EXPECT_EQ(page.dom.find("<title>pwned"), std::string::npos);
  EXPECT_NE(page.dom.find("&lt;/script&gt;&lt;script&gt;document.title="), std::string::npos)
      << "the hostile text should be on the page, as text";
  // The sortable table: a row per line of the file, sorted by the link's #sort= (the page's
  // own sort code, as a click on the heading runs it): the slowest run first.
  const auto table = page.dom.find("<table id=\"rows\">");
  ASSERT_NE(table, std::string::npos);
  const auto body = page.dom.substr(table, page.dom.find("</table>", table) - table);
  std::size_t trs = 0;
  for (auto at = body.find("<tr>"); at != std::string::npos; at = body.find("<tr>", at + 1)) ++trs;
  EXPECT_EQ(trs, rows.size() + 1);  // and the heading
  std::string slowest;
  double most = -1;
  for (const auto& row : rows)
    if (row.contains("cost") && row["cost"]["simulated_time_s"].get<double>() > most) {
      most = row["cost"]["simulated_time_s"].get<double>();
      slowest = row["id"].get<std::string>();
    }
  EXPECT_NE(body.find("<tbody><tr><td>" + slowest + "</td>"), std::string::npos)
      << "the first row is not the slowest run " << slowest;
}

TEST(Browser, RunReportRendersAPartyTimelineAndTheLabels) {
  SKIP_WITHOUT_BROWSER();
  const auto dir = testing::temp_dir("browser-run");
  const auto html = dir / "run.html";
  const auto r = testing::run_cli("run " + testing::example("bgw_crash_round3.json") + " -q --html " +
                                  html.string());
  ASSERT_LE(r.exit_code, 1) << r.err;
  const auto report = nlohmann::json::parse(r.out);
  const auto page = load(html, "run_report");
  // Under the default compute model: the timeline, bytes, labels and the compute-share charts.
  expect_clean(page, 5);
  EXPECT_EQ(mark_items(page.dom, "rect", "party_bars"), report["party_results"].size());
  EXPECT_EQ(mark_items(page.dom, "rect", "party_bytes"), report["party_results"].size());
  EXPECT_EQ(mark_items(page.dom, "rect", "label_spans"), report["cost"]["per_label"].size());
  EXPECT_NE(page.dom.find("crashed by the adversary script"), std::string::npos);
  EXPECT_EQ(mark_items(page.dom, "rect", "party_compute"), 2 * report["party_results"].size());
}

// The compute-share chart (two bars per party: compute, then network and waiting up to its
// finish time) is there when computation was charged, as by default (the test above), and left
// out of a network-only run ("model": "none"), where it would show nothing.
TEST(Browser, RunReportLeavesTheComputeShareOutOfANetworkOnlyRun) {
  SKIP_WITHOUT_BROWSER();
  const auto dir = testing::temp_dir("browser-run-none");
  auto scenario = nlohmann::json::parse(testing::slurp(testing::example("bgw_arithmetic_5.json")));
  scenario["compute"] = {{"model", "none"}};
  const auto file = dir / "bgw_none.json", html = dir / "run_none.html";
  std::ofstream(file) << scenario.dump(2);
  const auto r = testing::run_cli("run " + file.string() + " -q --html " + html.string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto page = load(html, "run_report_none");
  expect_clean(page, 4);
  EXPECT_EQ(mark_items(page.dom, "rect", "party_compute"), 0u) << "no computation, no share chart";
  EXPECT_EQ(page.dom.find("compute vs network per party"), std::string::npos);
}

}  // namespace
}  // namespace smpc
