// The timeline of one simulated run as Chrome trace-event JSON (`smpc run --trace FILE`,
// docs/reports.md "Timelines"), for the Perfetto UI and chrome://tracing: the "JSON Object
// Format" {"traceEvents": [...], "displayTimeUnit": "ns", "otherData": {...}}, ts and dur in
// microseconds of simulated time.
//
// One process per party ("party 2"); its main thread carries, strictly nested:
//   phase slices    (cat "phase")    from the party's first network call in a phase to its first
//                                    call in the next phase (the last one to its finish time);
//   compute slices  (cat "compute")  the compute model's charge before a network call;
//   wait slices     (cat "wait")     blocked in a receive; sleep slices (cat "sleep");
//   send and recv   (cat "message")  zero-length slices at each send and at each arrival (the
//                                    transfer finished at the receiver's host), joined by a
//                                    flow arrow (bind_id = the message's number, flow_out/in).
// Label slices (cat "label") overlap each other, so they live on extra "labels" threads of the
// party: one per (label, causal round) the party sent, from its first send of them to the last
// arrival of those messages.
//
// Deterministic: integer nanoseconds, events sorted by (ts, longer first, kind, order of
// recording); the same run gives the same bytes. No wall-clock time anywhere.
#pragma once

#include <cstddef>
#include <string>

#include "reports/report.h"

namespace smpc {

// Events (besides the track names) a trace holds at most unless told otherwise: about 0.46 GB.
inline constexpr std::size_t kDefaultTraceMaxEvents = 2'000'000;

struct ChromeTrace {
  std::string json;
  std::size_t events = 0;   // slices written, without the track names and the marker
  std::size_t dropped = 0;  // left out by the cap (the latest ones); 0 if none
};

// The trace of a run whose RunResult::trace was recorded. `max_events` = 0: no cap. Over the
// cap the trace keeps the earliest events and ends with a global instant event
// "TRUNCATED: ..." at the first dropped event's time, and otherData.truncated = true.
ChromeTrace chrome_trace(const RunRecord& record, std::size_t max_events = kDefaultTraceMaxEvents);

}  // namespace smpc
