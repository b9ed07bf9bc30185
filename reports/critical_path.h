// The run's critical path (issue 16, item 4): which party finishes last and which of its steps,
// and of the steps it waited for, make up the simulated time. Derived from the run's timeline
// (RunTrace: compute and wait spans, messages with their send and delivery times), so it is as
// deterministic as the run; only for traced runs (`smpc run --trace` or `--critical-path`).
//
// The walk goes backwards from the last party's finish: its latest compute (or sleep) span is a
// step of the path; a span where it waited in a receive is explained by the message that ended
// the wait, a "message" step from its send to its delivery, and the walk goes on at the sender
// at the moment it sent. Time no span covers (work that cost nothing in the compute model) is
// reported as such.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "protocols/core/run_result.h"

namespace smpc {

struct CriticalStep {
  enum class Kind { kCompute, kMessage, kSleep, kWait };  // kWait: no message explains it
  Kind kind = Kind::kCompute;
  PartyId party = 0;  // who computed / slept / waited; for a message, its receiver
  PartyId peer = -1;  // a message's sender; a compute span's network call peer
  std::string what;   // the label of the send it preceded or of the message; or the call
  double start_s = 0;
  double end_s = 0;
  double seconds() const { return end_s - start_s; }
};

struct CriticalPath {
  PartyId party = -1;  // finishes last (the lowest id among ties)
  double finish_s = 0;
  std::vector<CriticalStep> steps;  // in time order
  double compute_s = 0, message_s = 0, sleep_s = 0, wait_s = 0;
  double uncovered_s() const { return finish_s - compute_s - message_s - sleep_s - wait_s; }
};

// nullopt when the run has no trace (not recorded, or LocalNetwork).
std::optional<CriticalPath> critical_path(const RunResult& run);

// {"party", "finish_time_s", "compute_s", "message_s", "sleep_s", "wait_s", "uncovered_s",
//  "steps", "largest": [up to `top` steps merged by kind, party, peer and label, longest first]}
nlohmann::ordered_json critical_path_json(const CriticalPath& path, std::size_t top = 10);

// One summary line (with the three largest merged steps).
std::string critical_path_line(const CriticalPath& path);

}  // namespace smpc
