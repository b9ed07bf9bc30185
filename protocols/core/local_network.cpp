#include "protocols/core/local_network.h"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>

#include "protocols/core/abort.h"
#include "protocols/core/ops.h"
#include "protocols/core/transport_ops.h"

namespace smpc {
namespace {

using SteadyClock = std::chrono::steady_clock;

// What a send hands over: the message itself, not its bytes. Parties share the process, so
// encoding at the sender and decoding at the receiver would only copy megabytes twice into
// fresh buffers (page faults at 10–40 µs per 4 KiB page on the development VM) — IKNP over
// LocalNetwork ran at 0.67–0.73× its bare-link rate (docs/performance.md). open_message
// accounts and records it exactly as its encoding, and sends anything that would not survive
// encode/decode (an adversary's raw or hand-made message) through the bytes after all.
struct Parcel {
  Message message;
  std::string label;
  std::uint32_t round = 0;
};

// One inbox per party: a FIFO per sender, guarded by one mutex. A sender's FIFO is made at its
// first use: an empty std::deque holds about 600 bytes, which at n parties is n^2 of them (72 GB
// for a server and 10,000 clients that each talk to the server only).
struct Inbox {
  std::mutex mu;
  std::condition_variable cv;
  std::vector<std::unique_ptr<std::deque<Parcel>>> from;
  std::deque<Parcel>& queue(PartyId p) {  // with mu held
    auto& q = from[static_cast<std::size_t>(p)];
    if (!q) q = std::make_unique<std::deque<Parcel>>();
    return *q;
  }
};

class LocalChannel final : public Channel, public Clock {
 public:
  LocalChannel(PartyId self, std::vector<std::unique_ptr<Inbox>>& inboxes, Meter& meter,
               SteadyClock::time_point start, double timeout_s)
      : self_(self), inboxes_(inboxes), meter_(meter), start_(start), timeout_s_(timeout_s) {}

  PartyId self() const override { return self_; }
  int party_count() const override { return static_cast<int>(inboxes_.size()); }

  void send(PartyId to, std::string_view label, const Message& message) override {
    SMPC_ASSERT(to >= 0 && to < party_count() && to != self_);
    const std::size_t size = message.encoded_size();
    count_transport_send(size);
    meter_.add_compute(take_op_counts(), 0);  // counts only: no simulated time here
    Parcel parcel{message, std::string(label), 0};
    parcel.round = meter_.stamp_send(to, label, size);
    Inbox& box = *inboxes_[static_cast<std::size_t>(to)];
    {
      std::lock_guard lock(box.mu);
      box.queue(self_).push_back(std::move(parcel));
    }
    box.cv.notify_all();
  }

  Message recv(PartyId from) override {
    auto m = recv_until(from, deadline());
    if (!m)
      throw Abort("no message from party " + std::to_string(from) + " within " +
                      std::to_string(timeout_s_) + " s",
                  {from}, AbortKind::kTimeout);
    return std::move(*m);
  }

  std::optional<Message> recv_until(PartyId from, SimTime deadline_s) override {
    SMPC_ASSERT(from >= 0 && from < party_count() && from != self_);
    meter_.add_compute(take_op_counts(), 0);
    Inbox& box = *inboxes_[static_cast<std::size_t>(self_)];
    const auto until = start_ + std::chrono::duration_cast<SteadyClock::duration>(
                                    std::chrono::duration<double>(deadline_s));
    std::unique_lock lock(box.mu);
    auto& q = box.queue(from);
    if (!box.cv.wait_until(lock, until, [&] { return !q.empty(); })) return std::nullopt;
    Parcel parcel = std::move(q.front());
    q.pop_front();
    lock.unlock();
    return open_message(std::move(parcel.message), std::move(parcel.label), parcel.round, from,
                        meter_);
  }

  SimTime now() const override {
    return std::chrono::duration<double>(SteadyClock::now() - start_).count();
  }
  SimTime deadline() const override { return timeout_s_; }
  void sleep_for(SimTime seconds) override {
    std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
  }

 private:
  PartyId self_;
  std::vector<std::unique_ptr<Inbox>>& inboxes_;
  Meter& meter_;
  SteadyClock::time_point start_;
  double timeout_s_;
};

}  // namespace

RunResult run_local(int parties, const LocalRunOptions& options, const PartyBody& body) {
  SMPC_ASSERT(parties >= 1);
  const auto n = static_cast<std::size_t>(parties);
  std::vector<std::unique_ptr<Inbox>> inboxes;
  for (std::size_t i = 0; i < n; ++i) {
    inboxes.push_back(std::make_unique<Inbox>());
    inboxes.back()->from.resize(n);
  }
  RunResult result;
  result.parties.resize(n);
  const auto start = SteadyClock::now();
  std::vector<std::thread> threads;
  for (PartyId p = 0; p < parties; ++p) {
    threads.emplace_back([&, p] {
      Meter meter(p, parties);
      Rng rng(options.seed, p, "party");
      LocalChannel ch(p, inboxes, meter, start, options.timeout_s);
      PartyContext ctx{ch, rng, ch, meter};
      // Counted as on SimNetwork (ops.h): from here on, segment by segment; shared one-off
      // set-up is not counted (UncountedScope), so the counts do not depend on which thread
      // got to it first. The thread's CPU time over the same stretch is the real counterpart.
      take_op_counts();
      const double cpu_start = party_cpu_seconds();
      PartyResult r = run_party(body, ctx);
      meter.add_compute(take_op_counts(), 0);  // the work after the last network call
      r.cpu_time_s = party_cpu_seconds() - cpu_start;
      r.meter = meter.snapshot();
      result.parties[static_cast<std::size_t>(p)] = std::move(r);
      // Wall time is meaningless here; keep results comparable across runs.
      result.parties[static_cast<std::size_t>(p)].finish_time_s = 0;
    });
  }
  for (auto& t : threads) t.join();
  return result;
}

}  // namespace smpc
