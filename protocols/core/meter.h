// Accounting of what each party really sent and received: bytes (encoded size, see message.h),
// messages and causal rounds, per peer, per label and per phase.
//
// Rounds are measured, not declared: a message's causal round is 1 + the largest round of any
// message its sender had received (consumed with recv) when it sent. A run's round count is the
// largest round stamped on any message. The network implementations call stamp_send and
// record_receive; protocol code only names phases.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "protocols/core/message.h"
#include "protocols/core/ops.h"
#include "protocols/core/types.h"

namespace smpc {

struct TrafficCounter {
  std::uint64_t bytes = 0;
  std::uint64_t messages = 0;
  void add(std::size_t b) {
    bytes += b;
    ++messages;
  }
  bool operator==(const TrafficCounter&) const = default;
};

// Traffic by destination party, stored only for the destinations sent to: a dense vector per
// party was n^2 counters in all (16 B each, and again in every snapshot: 1.6-3.2 GB at 10,001
// parties, where a SecAgg+ client sends to the server only). Reads like that vector did:
// size() is the party count and [to] is zero for a party never sent to.
class PeerTraffic {
 public:
  PeerTraffic() = default;
  explicit PeerTraffic(std::size_t parties) : parties_(parties) {}
  std::size_t size() const { return parties_; }
  TrafficCounter operator[](std::size_t to) const {
    const auto it = sent_.find(static_cast<PartyId>(to));
    return it == sent_.end() ? TrafficCounter{} : it->second;
  }
  void add(PartyId to, std::size_t bytes) { sent_[to].add(bytes); }
  // A counter read back (run_result.cpp); an empty one is not stored.
  void set(PartyId to, const TrafficCounter& c) {
    if (c.messages > 0 || c.bytes > 0) sent_[to] = c;
  }
  // The destinations sent to (at least one message each), in increasing order.
  const std::map<PartyId, TrafficCounter>& nonzero() const { return sent_; }
  bool operator==(const PeerTraffic&) const = default;

 private:
  std::size_t parties_ = 0;
  std::map<PartyId, TrafficCounter> sent_;
};

struct LabelStats {
  std::string phase;  // phase in which the label was first sent
  TrafficCounter traffic;
  std::uint32_t first_round = 0;
  std::uint32_t last_round = 0;
  // Computation attributed to this label: the segments (ops.h) that ended in a send of it.
  OpCounts ops;
  double compute_s = 0;
  bool operator==(const LabelStats&) const = default;
};

// What one party's meter saw; plain data, serialisable (run_result.h).
struct MeterSnapshot {
  PartyId party = 0;
  TrafficCounter sent;
  TrafficCounter received;
  PeerTraffic sent_to;                          // by destination party
  std::map<std::string, LabelStats> by_label;   // sent, by label
  std::map<std::string, LabelStats> by_phase;   // sent, by phase (phase field = phase name)
  std::uint32_t max_round = 0;                  // largest round this party stamped
  // BLAKE3-256 (hex) of everything this party received, in the order it consumed it, each
  // message framed by its sender and length: a fingerprint of its view. Same seed ⇒ same
  // digest; another seed changes it.
  std::string view_digest;
  // Computation (ops.h, cost_profile.h): every operation this party counted, and the simulated
  // time they were charged (0 in the "none" model). Segments that ended in a receive or at the
  // end go to the label of the party's next send; `unsent` holds those after its last send.
  OpCounts ops;
  double compute_s = 0;
  OpCounts unsent_ops;
  double unsent_compute_s = 0;
  // Synchrony evidence for a synchronous protocol's timing assumption (ProtocolSpec::timing):
  // the longest computation charged without the party waiting in between (sends do not wait),
  // and the parties that one of its receives gave up on at its deadline (sorted, each once),
  // with the simulated time it first gave up on each (same order): a protocol of timed rounds
  // tells from it which round's message was missing (secagg: before or after a scripted drop).
  double max_compute_burst_s = 0;
  std::vector<PartyId> timed_out_from;
  std::vector<double> timed_out_at_s;
  bool operator==(const MeterSnapshot&) const = default;
};

class Meter {
 public:
  Meter(PartyId self, int parties);
  ~Meter();
  Meter(const Meter&) = delete;
  Meter& operator=(const Meter&) = delete;

  // Protocol side: names the current phase ("offline", "online"); default "main".
  void set_phase(std::string phase) {
    phase_ = std::move(phase);
    if (on_phase_) on_phase_(phase_);
  }
  // Benchmarks only (bench/bench_runs.h): called on the party's thread with every phase set,
  // to split a party's CPU time by phase. Not set on simulated runs, and it changes nothing
  // the meter records.
  void on_phase(std::function<void(const std::string&)> f) { on_phase_ = std::move(f); }
  const std::string& phase() const { return phase_; }

  // Network side. stamp_send returns the causal round to carry with the message.
  std::uint32_t stamp_send(PartyId to, std::string_view label, std::size_t bytes);
  void record_receive(PartyId from, ByteSpan wire, std::uint32_t round);
  // The same for a message handed over as an object: the digest is of its encoding, piece by
  // piece (identical to recording message.encode()).
  void record_receive(PartyId from, const Message& message, std::uint32_t round);
  std::uint32_t max_round_received() const { return max_received_; }
  // Network side: one segment of computation (the operations since the last network call)
  // and the simulated seconds charged for it.
  void add_compute(const OpCounts& ops, double seconds);
  // Network side: the party waited (a receive or a sleep), which ends a burst of computation;
  // a receive from `from` returned nothing at its deadline.
  void end_compute_burst() { burst_s_ = 0; }
  void note_timeout(PartyId from, double at_s);

  // A copy of the counters with view_digest filled in.
  MeterSnapshot snapshot() const;

 private:
  struct ViewHash;  // the incremental hash of the view (meter.cpp)
  MeterSnapshot snap_;
  std::unique_ptr<ViewHash> view_;
  std::string phase_ = "main";
  std::function<void(const std::string&)> on_phase_;
  std::uint32_t max_received_ = 0;
  // Counts a received message of `bytes` bytes and starts its view record (sender, length).
  void begin_receive(PartyId from, std::size_t bytes, std::uint32_t round);
  void hash_view(ByteSpan bytes);
  double burst_s_ = 0;
};

}  // namespace smpc
