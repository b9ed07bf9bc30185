// What a network run returns for each party, the party runner that produces it, and its JSON
// form (runs on SimNetwork happen in a child process and come back as JSON).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "protocols/core/meter.h"
#include "protocols/core/protocol.h"

namespace smpc {

enum class PartyStatus {
  kOutput,    // the protocol returned an output
  kAbort,     // the party aborted (a check failed, or a peer's message was malformed)
  kNoOutput,  // a message it waited for did not arrive by the deadline
};
const char* party_status_name(PartyStatus s);

struct PartyResult {
  PartyId party = 0;
  PartyStatus status = PartyStatus::kOutput;
  std::vector<std::uint64_t> outputs;
  std::string abort_reason;
  std::vector<PartyId> blamed;
  MeterSnapshot meter;
  SimTime finish_time_s = 0;
  nlohmann::json annotations;  // what the body left in PartyContext::annotations (or null)
  // LocalNetwork only: the party thread's CPU time with its parallel_slices helpers' (ops.h),
  // for checking the compute model against reality (`smpc run --local --cpu-table`). Never in
  // a report (not deterministic); -1 when not measured.
  double cpu_time_s = -1;
};

// The timeline of a simulated run, for `smpc run --trace` (reports/trace.h, docs/reports.md,
// "Timelines"). Recorded only when asked (SimRunOptions::record_trace); empty otherwise and on
// LocalNetwork, which has no simulated time. Times are simulated seconds.
struct TraceMessage {
  PartyId from = 0;
  PartyId to = 0;
  std::string label;
  std::string phase;  // the sender's phase when it sent
  std::uint32_t round = 0;
  std::uint64_t bytes = 0;
  SimTime sent_s = 0;
  // When the transfer finished at the receiver's host (-1: never: the receiver's host was off,
  // a link failed under it, or it was still travelling when the simulation ended).
  SimTime arrived_s = -1;
  // When the receiver's recv returned it (-1: never consumed); later than arrived_s when the
  // receiver was busy, or by the jitter and loss delay of a network variation.
  SimTime delivered_s = -1;
};

enum class TraceSpanKind : std::uint8_t {
  kCompute,  // the compute model's charge for the operations before a network call
  kWait,     // blocked in a receive
  kSleep,    // the protocol's own sleep (a timeout)
};
const char* trace_span_kind_name(TraceSpanKind k);

// A stretch of one party's simulated time.
struct TraceSpan {
  PartyId party = 0;
  TraceSpanKind kind = TraceSpanKind::kCompute;
  SimTime start_s = 0;
  SimTime end_s = 0;
  // The network call the span belongs to: "send" (label and peer set), "recv" (peer), "sleep"
  // or "finish" (the computation after the party's last call).
  std::string call;
  PartyId peer = -1;
  std::string label;
};

// A party entering a phase (Meter::set_phase) as seen at its first network call in that phase.
struct TracePhase {
  PartyId party = 0;
  std::string name;
  SimTime start_s = 0;
};

struct RunTrace {
  std::vector<TraceMessage> messages;  // in the order they were sent
  std::vector<TraceSpan> spans;        // each party's in its order
  std::vector<TracePhase> phases;      // each party's in its order
  bool empty() const { return messages.empty() && spans.empty() && phases.empty(); }
};

struct RunResult {
  std::vector<PartyResult> parties;
  SimTime simulated_time_s = 0;  // when the last party finished (0 on LocalNetwork)
  // The largest delay jitter and loss added to one message after its transfer (0 without
  // them): what a synchronous protocol's timing assumption is judged against.
  SimTime max_added_delay_s = 0;
  // The largest route latency a message met (latency traces read at its send time) plus the
  // jitter and loss added to it: how long its longest-held message took beyond its bandwidth
  // phase. Recorded when receivers hold messages (jitter, loss or a latency trace), else 0.
  SimTime max_message_latency_s = 0;
  RunTrace trace;  // only when recorded (see RunTrace)
};

// The code each party runs; the network builds the context.
using PartyBody = std::function<PartyOutput(PartyContext&)>;

// Runs body and turns an Abort (and only an Abort) into the party's outcome. Anything else
// propagates: it is our bug, and in a SimGrid actor the simulator's own kill exceptions must
// pass through.
PartyResult run_party(const PartyBody& body, PartyContext& ctx);

// The envelope both networks move: the encoded message plus simulation metadata that is not
// part of the protocol's bytes (label and causal round are never trusted by the receiver).
struct Envelope {
  Bytes wire;
  std::string label;
  std::uint32_t round = 0;
};
// Shared receive path: accounts the envelope in the receiver's meter and decodes it; malformed
// bytes become Abort(kMalformed) blaming the sender.
Message open_envelope(const Envelope& env, PartyId from, Meter& meter);
// The same for a message handed over as an object within one process (LocalNetwork): accounted
// and recorded in the view exactly as its encoding would be, without encoding it, when it
// round-trips (Message::round_trips); otherwise it goes through its bytes and open_envelope,
// which reports the problem as it would for bytes off a wire.
Message open_message(Message message, std::string label, std::uint32_t round, PartyId from,
                     Meter& meter);

void to_json(nlohmann::json& j, const MeterSnapshot& m);
void from_json(const nlohmann::json& j, MeterSnapshot& m);
void to_json(nlohmann::json& j, const RunResult& r);
void from_json(const nlohmann::json& j, RunResult& r);

}  // namespace smpc
