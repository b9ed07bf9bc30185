// `smpc run --trace`: the Chrome trace-event JSON of a run checked against the format's rules
// (Perfetto is not packaged, so a structural check is the honest one) and against the run's own
// report: one flow pair per message, arrival no sooner than the link latency, slices per party
// nested and ending with the party, compute slices summing to the report's compute_s,
// determinism, the cap's marker, and bad input.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "reports/trace.h"
#include "tests/support/cli.h"

namespace smpc {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

fs::path dir() { return testing::temp_dir("trace"); }

std::int64_t ns_of(const json& us) { return std::llround(us.get<double>() * 1000); }

struct Traced {
  json trace;
  json report;
  std::string text;
};

// Runs `scenario` with --trace and returns the parsed trace and report.
Traced run_traced(const std::string& scenario, const std::string& name,
                  const std::string& extra = "") {
  const auto trace = dir() / (name + ".trace.json"), report = dir() / (name + ".report.json");
  const auto r = testing::run_cli("run " + scenario + " -q --trace " + trace.string() + " -o " +
                                  report.string() + " " + extra);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  Traced t;
  t.text = testing::slurp(trace);
  t.trace = json::parse(t.text);  // throws (fails the test) if it is not JSON
  t.report = json::parse(testing::slurp(report));
  return t;
}

std::vector<json> slices(const json& trace, const std::string& cat) {
  std::vector<json> out;
  for (const auto& e : trace.at("traceEvents"))
    if (e.at("ph") == "X" && (cat.empty() || e.at("cat") == cat)) out.push_back(e);
  return out;
}

// Slices on one thread must nest (the format's rule for complete events on a thread): sorted by
// start, longer first, each lies inside whatever slice is still open when it starts.
void expect_nested(const std::vector<json>& on_track, const std::string& what) {
  std::vector<std::pair<std::int64_t, std::int64_t>> s;
  for (const auto& e : on_track) s.push_back({ns_of(e["ts"]), ns_of(e["ts"]) + ns_of(e["dur"])});
  std::sort(s.begin(), s.end(), [](auto a, auto b) {
    return a.first != b.first ? a.first < b.first : a.second > b.second;
  });
  std::vector<std::int64_t> open;  // ends of the enclosing slices
  for (const auto& [start, end] : s) {
    while (!open.empty() && open.back() <= start && !(open.back() == start && end == start)) open.pop_back();
    if (!open.empty()) {
      EXPECT_LE(end, open.back()) << what << ": slice [" << start << ", " << end
                                  << "] ns overlaps its parent partly";
    }
    open.push_back(end);
  }
}

TEST(Trace, SumFiveLanIsWellFormedAndMatchesTheReport) {
  const Traced t = run_traced(testing::example("sum_5_lan.json"), "sum");
  EXPECT_EQ(t.trace.at("displayTimeUnit"), "ns");
  const json& cost = t.report.at("cost");
  const int n = t.report.at("parties").get<int>();

  // A named process and main thread per party.
  std::map<std::pair<int, int>, std::string> thread_names;
  for (const auto& e : t.trace["traceEvents"])
    if (e["ph"] == "M" && e["name"] == "thread_name")
      thread_names[{e["pid"].get<int>(), e["tid"].get<int>()}] = e["args"]["name"];
  for (int p = 0; p < n; ++p) {
    EXPECT_EQ(thread_names[std::make_pair(p + 1, p + 1)], "party " + std::to_string(p));
  }

  // Exactly one flow pair per message, from the sender's track to the receiver's, no sooner
  // than the link latency (0.5 ms; arrival = latency + bytes / bandwidth), rounded to 1 ns.
  std::map<long, json> out, in;
  for (const auto& e : slices(t.trace, "message")) {
    if (!e.contains("bind_id")) continue;
    const long id = e["bind_id"].get<long>();
    if (e.value("flow_out", false)) {
      EXPECT_TRUE(out.emplace(id, e).second) << "two sends " << id;
    }
    if (e.value("flow_in", false)) {
      EXPECT_TRUE(in.emplace(id, e).second) << "two arrivals " << id;
    }
  }
  EXPECT_EQ(out.size(), cost.at("messages").get<std::size_t>());
  EXPECT_EQ(in.size(), out.size());
  EXPECT_EQ(t.trace["otherData"]["messages"], cost["messages"]);
  for (const auto& [id, s] : out) {
    ASSERT_TRUE(in.count(id)) << "message " << id << " has no arrival";
    const json& r = in[id];
    EXPECT_EQ(s["pid"].get<int>(), s["args"]["from"].get<int>() + 1);
    EXPECT_EQ(r["pid"].get<int>(), r["args"]["to"].get<int>() + 1);
    EXPECT_LE(ns_of(s["ts"]), ns_of(r["ts"]));
    EXPECT_GE(ns_of(r["ts"]) - ns_of(s["ts"]), 500'000 - 1) << "message " << id;
    // Delivered to the protocol no sooner than it arrived.
    EXPECT_GE(ns_of(r["args"]["delivered_us"]), ns_of(r["ts"]));
  }

  // Per party: the phase slices tile its run from its first call to its finish time, and every
  // slice on its main thread nests and ends by then (arrivals excepted: a message may land
  // after its receiver finished).
  for (int p = 0; p < n; ++p) {
    const std::int64_t finish =
        std::llround(cost["per_party"][p]["finish_time_s"].get<double>() * 1e9);
    std::vector<json> main, phases;
    for (const auto& e : slices(t.trace, ""))
      if (e["pid"] == p + 1 && e["tid"] == p + 1) {
        main.push_back(e);
        if (e["cat"] == "phase") phases.push_back(e);
        if (!(e["cat"] == "message" && e.value("flow_in", false))) {
          EXPECT_LE(ns_of(e["ts"]) + ns_of(e["dur"]), finish) << e.dump();
        }
      }
    ASSERT_FALSE(phases.empty()) << "party " << p;
    EXPECT_EQ(ns_of(phases.back()["ts"]) + ns_of(phases.back()["dur"]), finish);
    for (std::size_t i = 1; i < phases.size(); ++i)
      EXPECT_EQ(ns_of(phases[i - 1]["ts"]) + ns_of(phases[i - 1]["dur"]), ns_of(phases[i]["ts"]));
    expect_nested(main, "party " + std::to_string(p));
  }

  // Label slices: one per (sender, label, round), on "labels" threads where none overlap.
  std::set<std::tuple<int, std::string, int>> sent_groups;
  for (const auto& [id, s] : out)
    sent_groups.insert({s["args"]["from"].get<int>(), s["args"]["label"], s["args"]["round"].get<int>()});
  std::map<std::pair<int, int>, std::vector<json>> lanes;
  for (const auto& e : slices(t.trace, "label")) lanes[{e["pid"], e["tid"]}].push_back(e);
  std::size_t labels = 0;
  for (const auto& [track, on] : lanes) {
    EXPECT_EQ(thread_names[track].rfind("labels", 0), 0u) << thread_names[track];
    labels += on.size();
    for (std::size_t i = 1; i < on.size(); ++i)
      EXPECT_LE(ns_of(on[i - 1]["ts"]) + ns_of(on[i - 1]["dur"]), ns_of(on[i]["ts"]));
  }
  EXPECT_EQ(labels, sent_groups.size());
  EXPECT_FALSE(t.trace["otherData"]["truncated"].get<bool>());
}

TEST(Trace, SameScenarioAndSeedGiveTheSameBytes) {
  const Traced a = run_traced(testing::example("bgw_arithmetic_5.json"), "det_a");
  const Traced b = run_traced(testing::example("bgw_arithmetic_5.json"), "det_b");
  EXPECT_FALSE(a.text.empty());
  EXPECT_EQ(a.text, b.text);
  const Traced c = run_traced(testing::example("bgw_arithmetic_5.json"), "det_c", "--seed 99");
  EXPECT_NE(a.text, c.text) << "another seed, another run: the trace should show it";
}

TEST(Trace, ComputeSlicesAddUpToTheReportedCompute) {
  auto scenario = json::parse(testing::slurp(testing::example("bgw_arithmetic_5.json")));
  scenario["compute"] = {{"model", "ops"}, {"profile", "reference"}};
  const auto file = dir() / "bgw_ops.json";
  std::ofstream(file) << scenario.dump(2);
  const Traced t = run_traced(file.string(), "ops");
  const json& per_party = t.report["cost"]["per_party"];
  std::map<int, std::pair<std::int64_t, int>> sum;  // party -> (ns, slices)
  for (const auto& e : slices(t.trace, "compute")) {
    auto& s = sum[e["pid"].get<int>() - 1];
    s.first += ns_of(e["dur"]);
    s.second += 1;
  }
  for (std::size_t p = 0; p < per_party.size(); ++p) {
    const double reported = per_party[p]["compute_s"].get<double>();
    ASSERT_GT(reported, 0) << "the ops model charged party " << p << " nothing";
    const auto& [ns, count] = sum[static_cast<int>(p)];
    EXPECT_NEAR(static_cast<double>(ns), reported * 1e9, count + 1.0) << "party " << p;
  }
}

TEST(Trace, TheCapKeepsTheEarliestEventsAndSaysSo) {
  const auto trace = dir() / "capped.json";
  const auto r = testing::run_cli("run " + testing::example("sum_5_lan.json") + " -q -o /dev/null --trace " +
                                  trace.string() + " --trace-max-events 10");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("trace truncated at --trace-max-events 10"), std::string::npos) << r.err;
  const json t = json::parse(testing::slurp(trace));
  std::size_t events = 0, markers = 0;
  double last_ts = 0;
  for (const auto& e : t["traceEvents"]) {
    if (e["ph"] == "X") {
      ++events;
      last_ts = std::max(last_ts, e["ts"].get<double>());
    }
    if (e["ph"] == "i" && e["name"].get<std::string>().rfind("TRUNCATED", 0) == 0) {
      ++markers;
      EXPECT_GE(e["ts"].get<double>(), last_ts) << "the marker is where the trace stops";
    }
  }
  EXPECT_EQ(events, 10u);
  EXPECT_EQ(markers, 1u);
  EXPECT_TRUE(t["otherData"]["truncated"].get<bool>());
  EXPECT_GT(t["otherData"]["events_dropped"].get<int>(), 0);
}

TEST(Trace, BadPathAndLocalAreBadInputBeforeTheRun) {
  const auto bad = testing::run_cli("run " + testing::example("sum_5_lan.json") +
                                    " --trace /nonexistent/dir/t.json");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("/nonexistent/dir/t.json: cannot write the trace"), std::string::npos)
      << bad.err;
  EXPECT_TRUE(bad.out.empty()) << "the run went ahead";
  const auto local = testing::run_cli("run " + testing::example("sum_5_lan.json") + " --local --trace " +
                                      (dir() / "local.json").string());
  EXPECT_EQ(local.exit_code, 2);
  EXPECT_NE(local.err.find("--trace needs simulated time"), std::string::npos) << local.err;
  EXPECT_FALSE(fs::exists(dir() / "local.json"));
}

// Messages that never arrived (their receiver's host was off) keep their send slice, with no
// arrow; untrusted text (invalid UTF-8 in a label) is replaced, never written raw.
TEST(Trace, LostMessagesAndOddLabels) {
  RunRecord r;
  r.scenario = "x\xff";
  r.parties = 2;
  r.run.parties.resize(2);
  r.run.parties[0].party = 0;
  r.run.parties[1].party = 1;
  r.run.parties[0].finish_time_s = r.run.parties[1].finish_time_s = 0.002;
  r.run.trace.phases = {{0, "main", 0}, {1, "main", 0}};
  r.run.trace.messages = {{0, 1, "ok", "main", 1, 10, 0.0, 0.001, 0.001},
                          {0, 1, "lost\xfe", "main", 1, 10, 0.0005, -1, -1}};
  const ChromeTrace t = chrome_trace(r);
  const json j = json::parse(t.json);
  int flows = 0, sends = 0;
  for (const auto& e : j["traceEvents"]) {
    if (e.value("cat", "") != "message") continue;
    flows += e.contains("bind_id");
    sends += e["pid"] == 1;
    if (!e.contains("bind_id")) {
      EXPECT_TRUE(e["args"]["arrived"].is_null());
    }
  }
  EXPECT_EQ(sends, 2);
  EXPECT_EQ(flows, 2);  // the arrived message's two ends only
  EXPECT_EQ(t.dropped, 0u);
}

}  // namespace
}  // namespace smpc
