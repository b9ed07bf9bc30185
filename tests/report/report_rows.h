// Sweep rows for the report tests: two protocols over three latencies and two adversary
// programs, an error row and a skipped row, with hostile text in every string a row can carry
// (scenario name, reason, an axis value): what the page must show as text, never run.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace smpc::testing {

// Markup that would run if any of it reached the page unescaped: it marks the document.
inline const std::string kHostile =
    "</script><script>document.title='pwned';document.body.setAttribute('data-pwned','1')"
    "</script><img src=x onerror=\"document.body.setAttribute('data-pwned','2')\">";

inline std::vector<nlohmann::ordered_json> hostile_rows() {
  using J = nlohmann::ordered_json;
  std::vector<J> rows;
  int n = 0;
  for (const std::string protocol : {"bgw", "gmw"})
    for (const double latency : {0.1, 10.0, 1000.0})
      for (const std::string& adversary : {std::string("honest"), kHostile}) {
        const double time = latency / 1000 * (protocol == "bgw" ? 4 : 9) + 0.0001 * n;
        rows.push_back(J{{"id", "row" + std::to_string(n++)},
                         {"axes", {{"/network/latency_ms", latency}, {"/adversary/program", adversary}}},
                         {"status", adversary == "honest" ? "ok" : "violated"},
                         {"scenario", "sum " + kHostile},
                         {"seed", 1},
                         {"protocol", protocol},
                         {"parties", 5},
                         {"verdict", adversary == "honest" ? "ok" : "violation"},
                         {"outcome", adversary == "honest" ? "correct" : "wrong_output"},
                         {"cost", {{"rounds", protocol == "bgw" ? 4 : 9},
                                   {"messages", 76},
                                   {"bytes_sent", protocol == "bgw" ? 1128 : 5000},
                                   {"simulated_time_s", time},
                                   // the ops compute model: a quarter (bgw) or half of the
                                   // five parties' time computing
                                   {"compute_s", time * 5 * (protocol == "bgw" ? 0.25 : 0.5)}}},
                         {"wall_time_s", 0.05},
                         {"reproduce", "smpc sweep grid.json --run row" + std::to_string(n)}});
      }
  rows.push_back(J{{"id", "crashed"},
                   {"axes", {{"/network/latency_ms", 10.0}, {"/adversary/program", kHostile}}},
                   {"status", "error"}, {"protocol", "yao"}, {"reason", kHostile}});
  rows.push_back(J{{"id", "skipped"},
                   {"axes", {{"/network/latency_ms", 0.1}, {"/adversary/program", "honest"}}},
                   {"status", "skipped"}, {"reason", "t = 3 but BGW needs " + kHostile}});
  return rows;
}

}  // namespace smpc::testing
