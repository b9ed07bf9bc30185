// Malformed scenarios: each must give exit code 2 and ONE line naming the file, the JSON
// pointer and the problem; never a crash or a stack trace.
#include <gtest/gtest.h>

#include "tests/support/cli.h"

namespace smpc {
namespace {

struct BadCase {
  std::string name;
  std::string text;
  std::string pointer;  // expected in the message ("" when the location is line:col)
  std::string problem;  // expected substring
};

const char* kGood = R"({"name": "ok", "parties": 5, "protocol": {"name": "bgw"},
  "function": {"name": "sum"}, "inputs": [1, 2, 3, 4, 5]})";

std::vector<BadCase> listed_cases();

// A secure_sum scenario of n parties (one input each) on `topology` (`more`: further top-level
// fields, each with a leading comma).
std::string sum_of(int n, const std::string& topology, const std::string& more = "") {
  std::string inputs;
  for (int i = 0; i < n; ++i) inputs += (i ? ", 1" : "1");
  return R"({"name": "x", "parties": )" + std::to_string(n) +
         R"(, "protocol": {"name": "secure_sum"}, "function": {"name": "sum"}, "inputs": [)" +
         inputs + R"(], "network": {"topology": ")" + topology + R"("})" + more + "}";
}

std::vector<BadCase> cases() {
  std::vector<BadCase> all = listed_cases();
  // Within the schema's 10,001 but beyond what the simulator holds in memory.
  all.push_back({"too_many_parties_for_a_simulated_mesh", sum_of(1001, "full_mesh"), "/parties",
                 "at most 1000 parties on a simulated full_mesh (a star allows 10001)"});
  // A star with a cut keeps a route per pair (the star zone takes a star without cuts only).
  all.push_back({"too_many_parties_for_a_simulated_star_with_a_cut",
                 sum_of(3002, "star", R"(, "faults": [{"cut": [[1]], "from_s": 1}])"), "/parties",
                 "at most 3001 parties on a simulated star with cuts: the simulator's per-pair "
                 "routes grow as n^2 (docs/simulator.md, How many parties); run with --local "
                 "for more, got 3002"});
  // The schema's own limit is what bounds a star without cuts.
  all.push_back({"too_many_parties_for_the_schema_on_a_star", sum_of(10002, "star"), "/parties",
                 "10001"});
  return all;
}

std::vector<BadCase> listed_cases() {
  return {
      {"syntax", R"({"name": "x", "parties": 5,)", "", "JSON syntax error"},
      {"bid_too_wide", R"({"name": "x", "parties": 3, "protocol": {"name": "gmw_dealer"},
        "function": {"name": "second_price_auction", "bits": 4}, "inputs": [[20], [0], [1]]})",
       "/inputs/0/0", "value 20 does not fit in 4 bits (at most 15)"},
      {"ballot_out_of_range", R"({"name": "x", "parties": 3, "protocol": {"name": "gmw"},
        "function": {"name": "vote"}, "inputs": [[2], [0], [1]]})", "/inputs/0",
       "a ballot is one value, 0 (no) or 1 (yes), got [2]"},
      {"vote_bits_zero", R"({"name": "x", "parties": 3, "protocol": {"name": "gmw"},
        "function": {"name": "vote", "bits": 0}, "inputs": [[1], [0], [1]]})", "/function/bits",
       ""},
      {"empty_file", "", "", "JSON syntax error"},
      {"not_an_object", "[1, 2, 3]", "/", "must be of type object"},
      {"wrong_type", R"({"name": "x", "parties": "five", "protocol": {"name": "bgw"},
        "function": {"name": "sum"}, "inputs": [1, 2, 3, 4, 5]})", "/parties", "must be of type integer, got \"five\""},
      {"unknown_protocol", R"({"name": "x", "parties": 5, "protocol": {"name": "yaoo"},
        "function": {"name": "sum"}, "inputs": [1, 2, 3, 4, 5]})", "/protocol/name",
       "unknown protocol \"yaoo\""},
      {"bgw_threshold_too_high", R"({"name": "x", "parties": 5, "protocol": {"name": "bgw", "threshold": 3},
        "function": {"name": "sum"}, "inputs": [1, 2, 3, 4, 5]})", "/protocol/threshold", "t < n/2"},
      {"missing_inputs", R"({"name": "x", "parties": 5, "protocol": {"name": "bgw"},
        "function": {"name": "sum"}})", "/", "missing required field \"inputs\""},
      {"too_few_inputs", R"({"name": "x", "parties": 5, "protocol": {"name": "bgw"},
        "function": {"name": "sum"}, "inputs": [1, 2, 3, 4]})", "/inputs", "4 entries but there are 5"},
      {"extra_inputs", R"({"name": "x", "parties": 3, "protocol": {"name": "bgw"},
        "function": {"name": "inner_product"}, "inputs": [[1, 2], [3, 4], [5]]})", "/inputs/2",
       "must give []"},
      {"negative_latency", R"({"name": "x", "parties": 5, "protocol": {"name": "bgw"},
        "function": {"name": "sum"}, "inputs": [1, 2, 3, 4, 5], "network": {"latency_ms": -5}})",
       "/network/latency_ms", "must be >= 0, got -5"},
      {"unknown_field", R"({"name": "x", "parties": 5, "protocol": {"name": "bgw"}, "colour": "red",
        "function": {"name": "sum"}, "inputs": [1, 2, 3, 4, 5]})", "/colour", "unknown field"},
      {"unknown_nested_field", R"({"name": "x", "parties": 5, "protocol": {"name": "bgw"},
        "function": {"name": "sum"}, "inputs": [1, 2, 3, 4, 5], "network": {"latncy_ms": 5}})",
       "/network/latncy_ms", "unknown field"},
      {"value_not_in_field", R"({"name": "x", "parties": 5, "protocol": {"name": "bgw"},
        "function": {"name": "sum"}, "inputs": [1, 2305843009213693951, 3, 4, 5]})", "/inputs/1",
       "Mersenne-61"},
      {"negative_input", R"({"name": "x", "parties": 5, "protocol": {"name": "bgw"},
        "function": {"name": "sum"}, "inputs": [1, -2, 3, 4, 5]})", "/inputs/1", "-2"},
      {"unknown_function", R"({"name": "x", "parties": 5, "protocol": {"name": "bgw"},
        "function": {"name": "median"}, "inputs": [1, 2, 3, 4, 5]})", "/function/name", "median"},
      {"wire_before_definition", R"({"name": "x", "parties": 3, "protocol": {"name": "bgw"},
        "function": {"name": "arithmetic", "inputs": [{"party": 0, "wires": ["a"]}],
          "gates": [{"op": "mul", "in": ["a", "b"], "out": "c"}], "outputs": ["c"]},
        "inputs": [1, [], []]})", "/function/gates/0/in/1", "used before it is defined"},
      {"one_party", R"({"name": "x", "parties": 1, "protocol": {"name": "bgw"},
        "function": {"name": "sum"}, "inputs": [1]})", "/parties", "1"},
      // The schema's limit (docs/simulator.md, "How many parties").
      {"too_many_parties", R"({"name": "x", "parties": 10002, "protocol": {"name": "secure_sum"},
        "function": {"name": "sum"}, "inputs": [1]})", "/parties", "10002"},
      {"secure_sum_of_product", R"({"name": "x", "parties": 3, "protocol": {"name": "secure_sum"},
        "function": {"name": "product"}, "inputs": [1, 2, 3]})", "/function", "use protocol bgw"},
      {"link_to_missing_party", R"({"name": "x", "parties": 3, "protocol": {"name": "bgw"},
        "function": {"name": "sum"}, "inputs": [1, 2, 3],
        "network": {"links": [{"from": 0, "to": 9, "latency_ms": 3}]}})", "/network/links/0/to",
       "party 9 does not exist"},
      {"zero_bandwidth", R"({"name": "x", "parties": 3, "protocol": {"name": "bgw"},
        "function": {"name": "sum"}, "inputs": [1, 2, 3], "network": {"bandwidth_mbps": 0}})",
       "/network/bandwidth_mbps", "0"},
      {"adversary_bad_party", R"({"name": "x", "parties": 3, "protocol": {"name": "bgw"},
        "function": {"name": "sum"}, "inputs": [1, 2, 3], "adversary": {"corrupt": [9]}})",
       "/adversary/corrupt/0", "party 9 does not exist"},
      {"adversary_unknown_strategy", R"({"name": "x", "parties": 3, "protocol": {"name": "bgw"},
        "function": {"name": "sum"}, "inputs": [1, 2, 3],
        "adversary": {"corrupt": [1], "model": "malicious", "script": [{"strategy": "teleport"}]}})",
       "/adversary/script/0/strategy", "must be one of"},
      {"substitution_wrong_width", R"({"name": "x", "parties": 3, "protocol": {"name": "bgw"},
        "function": {"name": "sum"}, "inputs": [1, 2, 3],
        "adversary": {"corrupt": [1], "model": "malicious",
                      "script": [{"strategy": "input_substitution", "value": [1, 2]}]}})",
       "/adversary/script/0/value", "provides 1 input values"},
      {"unknown_topology", R"({"name": "x", "parties": 3, "protocol": {"name": "bgw"},
        "function": {"name": "sum"}, "inputs": [1, 2, 3], "network": {"topology": "hypercube"}})",
       "/network/topology", "hypercube"},
      // Jitter and loss (issue 14 item 2).
      {"jitter_min_above_max", R"({"name": "x", "parties": 3, "protocol": {"name": "bgw"},
        "function": {"name": "sum"}, "inputs": [1, 2, 3],
        "network": {"jitter": {"distribution": "uniform", "min_ms": 9, "max_ms": 2}}})",
       "/network/jitter/min_ms", "is above max_ms (2), got 9"},
      {"jitter_normal_without_sd", R"({"name": "x", "parties": 3, "protocol": {"name": "bgw"},
        "function": {"name": "sum"}, "inputs": [1, 2, 3],
        "network": {"jitter": {"distribution": "normal", "mean_ms": 5}}})",
       "/network/jitter", "a normal jitter needs sd_ms"},
      {"jitter_field_of_another_distribution", R"({"name": "x", "parties": 3, "protocol": {"name": "bgw"},
        "function": {"name": "sum"}, "inputs": [1, 2, 3],
        "network": {"jitter": {"distribution": "uniform", "min_ms": 1, "max_ms": 2, "sd_ms": 1}}})",
       "/network/jitter/sd_ms", "does not apply to a uniform jitter"},
      {"loss_rate_one", R"({"name": "x", "parties": 3, "protocol": {"name": "bgw"},
        "function": {"name": "sum"}, "inputs": [1, 2, 3], "network": {"loss": {"rate": 1}}})",
       "/network/loss/rate", "must be < 1"},
      // Topologies and faults (issue 14).
      {"unknown_region", R"({"name": "x", "parties": 3, "protocol": {"name": "bgw"},
        "function": {"name": "sum"}, "inputs": [1, 2, 3],
        "network": {"topology": "regions", "regions": [{"name": "eu"}, {"name": "us"}],
                    "placement": ["eu", "us", "mars"], "rtt_ms": [[0, 80], [80, 0]]}})",
       "/network/placement/2", "unknown region \"mars\""},
      {"region_matrix_not_square", R"({"name": "x", "parties": 3, "protocol": {"name": "bgw"},
        "function": {"name": "sum"}, "inputs": [1, 2, 3],
        "network": {"topology": "regions", "regions": [{"name": "eu"}, {"name": "us"}],
                    "placement": ["eu", "us", "us"], "rtt_ms": [[0, 80], [80]]}})",
       "/network/rtt_ms/1", "row has 1 entries, need 2: the matrix must be square"},
      {"region_matrix_rows", R"({"name": "x", "parties": 3, "protocol": {"name": "bgw"},
        "function": {"name": "sum"}, "inputs": [1, 2, 3],
        "network": {"topology": "regions", "regions": [{"name": "eu"}, {"name": "us"}],
                    "placement": ["eu", "us", "us"], "rtt_ms": [[0, 80]]}})",
       "/network/rtt_ms", "the matrix has 1 rows, need 2"},
      {"negative_rtt", R"({"name": "x", "parties": 3, "protocol": {"name": "bgw"},
        "function": {"name": "sum"}, "inputs": [1, 2, 3],
        "network": {"topology": "regions", "regions": [{"name": "eu"}, {"name": "us"}],
                    "placement": ["eu", "us", "us"], "rtt_ms": [[0, -80], [80, 0]]}})",
       "/network/rtt_ms/0/1", "must be >= 0, got -80"},
      {"negative_edge_latency", R"({"name": "x", "parties": 3, "protocol": {"name": "bgw"},
        "function": {"name": "sum"}, "inputs": [1, 2, 3],
        "network": {"topology": "graph", "edges": [{"a": 0, "b": 1, "latency_ms": -1}]}})",
       "/network/edges/0/latency_ms", "must be >= 0, got -1"},
      {"edge_unknown_node", R"({"name": "x", "parties": 3, "protocol": {"name": "bgw"},
        "function": {"name": "sum"}, "inputs": [1, 2, 3],
        "network": {"topology": "graph", "nodes": ["r"], "edges": [{"a": 0, "b": "s"}]}})",
       "/network/edges/0/b", "unknown node \"s\""},
      {"cut_missing_party", R"({"name": "x", "parties": 3, "protocol": {"name": "bgw"},
        "function": {"name": "sum"}, "inputs": [1, 2, 3],
        "faults": [{"cut": [[0, 1], [7]], "from_s": 2, "until_s": 5}]})",
       "/faults/0/cut/1/0", "party 7 does not exist"},
      {"cut_heals_before_it_starts", R"({"name": "x", "parties": 3, "protocol": {"name": "bgw"},
        "function": {"name": "sum"}, "inputs": [1, 2, 3],
        "faults": [{"cut": [[0]], "from_s": 5, "until_s": 2}]})",
       "/faults/0/until_s", "must be later than from_s (5.0), got 2"},
      {"crash_missing_party", R"({"name": "x", "parties": 3, "protocol": {"name": "bgw"},
        "function": {"name": "sum"}, "inputs": [1, 2, 3], "faults": [{"crash": 3, "at_s": 1}]})",
       "/faults/0/crash", "party 3 does not exist"},
      // Traces, per-link jitter and loss, ns-3 (issue 14 item 2).
      {"trace_times_out_of_order", R"({"name": "x", "parties": 3, "protocol": {"name": "bgw"},
        "function": {"name": "sum"}, "inputs": [1, 2, 3],
        "network": {"trace": {"latency_ms": {"points": [[0, 10], [2, 20], [1, 5]]}}}})",
       "/network/trace/latency_ms/points/2", "trace times must increase, got 1 after 2"},
      {"trace_negative_latency", R"({"name": "x", "parties": 3, "protocol": {"name": "bgw"},
        "function": {"name": "sum"}, "inputs": [1, 2, 3],
        "network": {"trace": {"latency_ms": {"points": [[0, -5]]}}}})",
       "/network/trace/latency_ms/points/0/1", "-5"},
      {"trace_missing_file", R"({"name": "x", "parties": 3, "protocol": {"name": "bgw"},
        "function": {"name": "sum"}, "inputs": [1, 2, 3],
        "network": {"trace": {"bandwidth_mbps": {"file": "no_such.trace"}}}})",
       "/network/trace/bandwidth_mbps/file", "cannot read trace file"},
      {"trace_period_before_last_point", R"({"name": "x", "parties": 3, "protocol": {"name": "bgw"},
        "function": {"name": "sum"}, "inputs": [1, 2, 3],
        "network": {"trace": {"latency_ms": {"points": [[0, 10], [5, 20]], "period_s": 4}}}})",
       "/network/trace/latency_ms/period_s", "must be later than the last point (5 s), got 4"},
      {"trace_on_regions", R"({"name": "x", "parties": 3, "protocol": {"name": "bgw"},
        "function": {"name": "sum"}, "inputs": [1, 2, 3],
        "network": {"topology": "regions", "regions": [{"name": "eu"}], "placement": ["eu", "eu", "eu"],
                    "rtt_ms": [[0]], "trace": {"latency_ms": {"points": [[0, 10]]}}}})",
       "/network/trace", "full_mesh, star, ring and tree only"},
      {"link_jitter_min_above_max", R"({"name": "x", "parties": 3, "protocol": {"name": "bgw"},
        "function": {"name": "sum"}, "inputs": [1, 2, 3],
        "network": {"links": [{"from": 0, "to": 1,
                               "jitter": {"distribution": "uniform", "min_ms": 9, "max_ms": 2}}]}})",
       "/network/links/0/jitter/min_ms", "is above max_ms (2), got 9"},
      {"ns3_on_a_star", R"({"name": "x", "parties": 3, "protocol": {"name": "bgw"},
        "function": {"name": "sum"}, "inputs": [1, 2, 3],
        "network": {"model": "ns3", "topology": "star"}})",
       "/network/topology", "the ns3 model supports only full_mesh"},
      {"ns3_with_faults", R"({"name": "x", "parties": 3, "protocol": {"name": "bgw"},
        "function": {"name": "sum"}, "inputs": [1, 2, 3], "network": {"model": "ns3"},
        "faults": [{"crash": 1, "at_s": 1}]})",
       "/faults", "the ns3 model does not take faults"},
      // Per-link settings on every topology (docs/simulator.md, "Per-link jitter and loss").
      {"overrides_on_a_graph", R"({"name": "x", "parties": 3, "protocol": {"name": "bgw"},
        "function": {"name": "sum"}, "inputs": [1, 2, 3],
        "network": {"topology": "graph", "edges": [{"a": 0, "b": 1}, {"a": 1, "b": 2}],
                    "links": [{"from": 0, "to": 1, "jitter": {"distribution": "uniform", "min_ms": 1, "max_ms": 2}}]}})",
       "/network/links/0", "per-link overrides apply to full_mesh, star, ring and tree only"},
      {"ring_link_not_an_edge", R"({"name": "x", "parties": 5, "protocol": {"name": "bgw"},
        "function": {"name": "sum"}, "inputs": [1, 2, 3, 4, 5],
        "network": {"topology": "ring", "links": [{"from": 0, "to": 2, "loss": {"rate": 0.1}}]}})",
       "/network/links/0/to", "parties 0 and 2 are not joined by an edge of the ring, got 2"},
      {"edge_jitter_missing_node", R"({"name": "x", "parties": 3, "protocol": {"name": "bgw"},
        "function": {"name": "sum"}, "inputs": [1, 2, 3],
        "network": {"topology": "graph", "nodes": ["r"],
                    "edges": [{"a": 0, "b": "r"}, {"a": 1, "b": "r"},
                              {"a": 2, "b": "nowhere", "jitter": {"distribution": "normal", "mean_ms": 5, "sd_ms": 1}}]}})",
       "/network/edges/2/b", "unknown node \"nowhere\""},
      {"edge_jitter_negative", R"({"name": "x", "parties": 3, "protocol": {"name": "bgw"},
        "function": {"name": "sum"}, "inputs": [1, 2, 3],
        "network": {"topology": "graph", "edges": [{"a": 0, "b": 1}, {"a": 1, "b": 2,
                    "jitter": {"distribution": "uniform", "min_ms": -3, "max_ms": 2}}]}})",
       "/network/edges/1/jitter/min_ms", "-3"},
      {"edge_loss_rate_one", R"({"name": "x", "parties": 3, "protocol": {"name": "bgw"},
        "function": {"name": "sum"}, "inputs": [1, 2, 3],
        "network": {"topology": "graph", "edges": [{"a": 0, "b": 1, "loss": {"rate": 1}}, {"a": 1, "b": 2}]}})",
       "/network/edges/0/loss/rate", "1"},
      {"edge_trace_out_of_order", R"({"name": "x", "parties": 3, "protocol": {"name": "bgw"},
        "function": {"name": "sum"}, "inputs": [1, 2, 3],
        "network": {"topology": "graph", "edges": [{"a": 0, "b": 1}, {"a": 1, "b": 2,
                    "trace": {"latency_ms": {"points": [[0, 10], [2, 20], [1, 5]]}}}]}})",
       "/network/edges/1/trace/latency_ms/points/2", "trace times must increase, got 1 after 2"},
      {"wan_link_unknown_region", R"({"name": "x", "parties": 3, "protocol": {"name": "bgw"},
        "function": {"name": "sum"}, "inputs": [1, 2, 3],
        "network": {"topology": "regions", "regions": [{"name": "eu"}, {"name": "us"}],
                    "placement": ["eu", "eu", "us"], "rtt_ms": [[0, 80], [80, 0]],
                    "wan_links": [{"from": "eu", "to": "mars", "jitter": {"distribution": "uniform", "min_ms": 1, "max_ms": 2}}]}})",
       "/network/wan_links/0/to", "unknown region \"mars\""},
      {"wan_link_inside_a_region", R"({"name": "x", "parties": 3, "protocol": {"name": "bgw"},
        "function": {"name": "sum"}, "inputs": [1, 2, 3],
        "network": {"topology": "regions", "regions": [{"name": "eu"}, {"name": "us"}],
                    "placement": ["eu", "eu", "us"], "rtt_ms": [[0, 80], [80, 0]],
                    "wan_links": [{"from": "eu", "to": "eu", "loss": {"rate": 0.1}}]}})",
       "/network/wan_links/0/to", "a WAN link joins two different regions"},
      {"wan_links_on_a_full_mesh", R"({"name": "x", "parties": 3, "protocol": {"name": "bgw"},
        "function": {"name": "sum"}, "inputs": [1, 2, 3],
        "network": {"wan_links": [{"from": "eu", "to": "us"}]}})",
       "/network/wan_links", "applies to the regions topology only"},
      {"region_lan_jitter_min_above_max", R"({"name": "x", "parties": 3, "protocol": {"name": "bgw"},
        "function": {"name": "sum"}, "inputs": [1, 2, 3],
        "network": {"topology": "regions", "regions": [{"name": "eu",
                      "jitter": {"distribution": "uniform", "min_ms": 9, "max_ms": 2}}],
                    "placement": ["eu", "eu", "eu"], "rtt_ms": [[0]]}})",
       "/network/regions/0/jitter/min_ms", "is above max_ms (2), got 9"},
  };
}

// A trace file (relative to the scenario) with its times out of order, a negative value, or a
// line that is not two numbers: exit 2 naming the scenario, the pointer, the file and its line.
TEST(BadScenarios, TraceFileErrorsNameTheFileAndLine) {
  const auto dir = testing::temp_dir("bad-trace");
  const auto scenario = dir / "s.json";
  std::ofstream(scenario) << R"({"name": "x", "parties": 3, "protocol": {"name": "bgw"},
    "function": {"name": "sum"}, "inputs": [1, 2, 3],
    "network": {"links": [{"from": 0, "to": 1, "trace": {"bandwidth_mbps": {"file": "t.trace"}}}]}})";
  const auto expect = [&](const std::string& text, const std::string& problem) {
    std::ofstream(dir / "t.trace") << text;
    const auto r = testing::run_cli("run " + scenario.string());
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_EQ(r.err.rfind("error: " + scenario.string() + ": /network/links/0/trace/bandwidth_mbps/file: " +
                              (dir / "t.trace").string(), 0),
              0u)
        << r.err;
    EXPECT_NE(r.err.find(problem), std::string::npos) << r.err;
  };
  expect("# comment\n0 100\n2 50\n1 10\n", "line 4: trace times must increase, got 1 after 2");
  expect("0 100\n1 -3\n", "line 2: a bandwidth must be > 0 Mbit/s, got -3");
  expect("0 100\n1 fast\n", "line 2: not two numbers");
  expect("0 100 7\n", "line 1: need two numbers");
}

TEST(BadScenarios, EachGivesExitCode2AndOneClearLine) {
  const auto dir = testing::temp_dir("bad");
  const auto all = cases();
  ASSERT_GE(all.size(), 12u);
  for (const auto& c : all) {
    SCOPED_TRACE(c.name);
    const auto path = dir / (c.name + ".json");
    std::ofstream(path) << c.text;
    const auto r = testing::run_cli("run " + path.string());
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_TRUE(r.out.empty()) << r.out;
    // One line, starting with "error: <file>".
    ASSERT_FALSE(r.err.empty());
    EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << r.err;
    EXPECT_EQ(r.err.rfind("error: " + path.string(), 0), 0u) << r.err;
    if (!c.pointer.empty()) {
      EXPECT_NE(r.err.find(": " + c.pointer + (c.pointer == "/" ? "" : "")), std::string::npos)
          << r.err;
    } else {
      EXPECT_NE(r.err.find(path.string() + ":1:"), std::string::npos) << r.err;
    }
    EXPECT_NE(r.err.find(c.problem), std::string::npos) << r.err;
  }
}

TEST(BadScenarios, MissingFileAndBadUsage) {
  auto r = testing::run_cli("run /nonexistent/scenario.json");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("/nonexistent/scenario.json: cannot open"), std::string::npos) << r.err;
  r = testing::run_cli("frobnicate");
  EXPECT_EQ(r.exit_code, 2);
  r = testing::run_cli("run");
  EXPECT_EQ(r.exit_code, 2);
  r = testing::run_cli("run " + testing::example("sum_5_lan.json") + " --seed notanumber");
  EXPECT_EQ(r.exit_code, 2);
}

TEST(BadScenarios, TheBaselineIsGood) {
  const auto path = testing::temp_dir("bad") / "good.json";
  std::ofstream(path) << kGood;
  const auto r = testing::run_cli("run " + path.string());
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

}  // namespace
}  // namespace smpc
