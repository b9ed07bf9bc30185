// Yao and OT-extension benchmarks.
//   build/release/bench/yao_bench [--benchmark_filter=Garble]
// Reference points (emp-toolkit on the same machine) are in docs/performance.md, not in counters.
// Counters: "AND/s" (garbling, evaluation), "bytes/s" (IKNP column PRG), "OT/s" (extension
// only: base OTs excluded, as a one-time setup), "sim_ms" (simulated time of one 2PC on the LAN
// below), "cpu_ms" (process CPU time per 2PC: both parties and their base-OT helper threads).
// Every benchmark that needs ../shared reports an error (and does not run) when it is absent.
#include <benchmark/benchmark.h>
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "bench/bench_support.h"
#include "protocols/core/local_network.h"
#include "protocols/core/ops.h"
#include "protocols/crypto/aes.h"
#include "protocols/crypto/block.h"
#include "protocols/crypto/prg.h"
#include "protocols/ot/iknp.h"
#include "protocols/yao/half_gates.h"
#include "protocols/yao/yao.h"
#include "simulator/sim_network.h"

namespace smpc {
namespace {

using bench::aes_circuit;

// Half-gates inputs: the plan, random input labels and a global offset Δ with colour bit 1.
struct Garbling {
  GarblingPlan plan;
  std::vector<Block> labels;
  Block delta{};
  explicit Garbling(const Circuit& c) : plan(GarblingPlan::compile(c)), labels(plan.label_slots()) {
    Rng rng(1, 0, "bench");
    random_blocks(rng, labels);
    delta = random_block(rng);
    delta[0] |= 1;
  }
};

void count_and_gates(benchmark::State& state, const GarblingPlan& plan) {
  state.counters["AND/s"] = benchmark::Counter(
      static_cast<double>(plan.ands.size() * state.iterations()), benchmark::Counter::kIsRate);
}

void BM_GarbleAes128(benchmark::State& state) {
  REQUIRE_AES(state);
  Garbling g(*aes_circuit());
  std::vector<Block> tables(2 * g.plan.ands.size());
  for (auto _ : state) {
    std::size_t pos = 0;
    garble(g.plan, g.delta, g.labels, kYaoTableChunkGates, [&](std::span<const Block> t) {
      std::copy(t.begin(), t.end(), tables.begin() + static_cast<std::ptrdiff_t>(pos));
      pos += t.size();
    });
    benchmark::DoNotOptimize(tables.data());
  }
  count_and_gates(state, g.plan);
  state.SetLabel(aes_backend_name(best_aes_backend()));
}
BENCHMARK(BM_GarbleAes128)->Unit(benchmark::kMicrosecond);

void BM_EvaluateAes128(benchmark::State& state) {
  REQUIRE_AES(state);
  Garbling g(*aes_circuit());
  std::vector<Block> tables;
  garble(g.plan, g.delta, g.labels, kYaoTableChunkGates,
         [&](std::span<const Block> t) { tables.insert(tables.end(), t.begin(), t.end()); });
  for (auto _ : state) {
    bool given = false;
    evaluate(g.plan, g.labels, [&]() -> std::span<const Block> {
      given = true;
      return tables;
    });
    benchmark::DoNotOptimize(g.labels.data());
    benchmark::DoNotOptimize(given);
  }
  count_and_gates(state, g.plan);
}
BENCHMARK(BM_EvaluateAes128)->Unit(benchmark::kMicrosecond);

// IKNP's column PRG for one batch: 128 seeds × 256 bytes (2048 OTs), the ChaCha20 keystream
// (prg_expand) against AES-128-CTR (AesPrgBank, best backend). "bytes/s" of keystream.
void BM_IknpColumnPrg(benchmark::State& state, bool aes) {
  Rng rng(3, 0, "bench.prg");
  std::vector<PrgSeed> seeds(kIknpKappa);
  for (auto& s : seeds) s = random_seed(rng);
  const AesPrgBank bank(seeds);
  const std::size_t row_bytes = kIknpBatch / 8;
  std::vector<std::uint8_t> out(kIknpKappa * row_bytes);
  std::uint64_t stream = 0;
  for (auto _ : state) {
    if (aes) {
      bank.expand(stream, out.data(), row_bytes);
    } else {
      for (std::size_t i = 0; i < kIknpKappa; ++i)
        prg_expand(seeds[i], stream,
                   std::span<std::uint8_t>(out.data() + i * row_bytes, row_bytes));
    }
    ++stream;
    benchmark::DoNotOptimize(out.data());
  }
  state.counters["bytes/s"] = benchmark::Counter(static_cast<double>(out.size()),
                                                 benchmark::Counter::kIsIterationInvariantRate);
  if (aes) state.SetLabel(aes_backend_name(best_aes_backend()));
}
BENCHMARK_CAPTURE(BM_IknpColumnPrg, chacha20, false)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_IknpColumnPrg, aes_ctr, true)->Unit(benchmark::kMicrosecond);

// κ = 128 base OTs, both sides' computation in one thread (messages handed over directly, no
// network): Masny–Rindal (IKNP's base OT before issue 23) against Naor–Pinkas (IKNP's now).
template <typename Sender, typename Receiver>
void BM_BaseOt128(benchmark::State& state) {
  std::vector<bool> choices(kIknpKappa);
  for (std::size_t i = 0; i < kIknpKappa; ++i) choices[i] = (i * 5 + 1) % 3 == 0;
  std::uint64_t seed = 1;
  for (auto _ : state) {
    Rng sr(seed, 0, "bench.base"), rr(seed, 1, "bench.base");
    ++seed;
    Sender s(kIknpKappa, sr);
    Receiver r(choices, rr);
    Message to_r = s.first_message(), to_s = r.first_message();
    to_r.set_sender(0);
    to_s.set_sender(1);
    benchmark::DoNotOptimize(s.keys(to_s).data());
    benchmark::DoNotOptimize(r.keys(to_r).data());
  }
  state.counters["OT/s"] = benchmark::Counter(static_cast<double>(kIknpKappa),
                                              benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK_TEMPLATE(BM_BaseOt128, MasnyRindalSender, MasnyRindalReceiver)
    ->Name("BM_BaseOt128/masny_rindal")
    ->Unit(benchmark::kMillisecond);
BENCHMARK_TEMPLATE(BM_BaseOt128, NaorPinkasSender, NaorPinkasReceiver)
    ->Name("BM_BaseOt128/naor_pinkas")
    ->Unit(benchmark::kMillisecond);

enum class Flavour { kRandom, kCorrelated, kChosen };

// A bare in-memory link for two threads: messages move through a queue as objects, with no
// encoding, no accounting and no view digest. It isolates the protocol's own cost from the
// testbed's per-byte bookkeeping (LocalNetwork BLAKE2b-hashes every received byte for the view
// digest, ~27 ns per 16-byte OT row here), which emp-style loopback numbers do not pay.
class BareLink {
 public:
  class End final : public Channel, public Clock {
   public:
    End(BareLink& link, PartyId self) : link_(link), self_(self) {}
    PartyId self() const override { return self_; }
    int party_count() const override { return 2; }
    void send(PartyId to, std::string_view, const Message& m) override {
      Queue& q = link_.q_[to];
      {
        std::lock_guard lock(q.mu);
        q.items.push_back(m);
      }
      q.cv.notify_one();
    }
    Message recv(PartyId) override {
      Queue& q = link_.q_[self_];
      std::unique_lock lock(q.mu);
      q.cv.wait(lock, [&] { return !q.items.empty(); });
      Message m = std::move(q.items.front());
      q.items.pop_front();
      return m;
    }
    std::optional<Message> recv_until(PartyId from, SimTime) override { return recv(from); }
    SimTime now() const override { return 0; }
    SimTime deadline() const override { return 1e9; }
    void sleep_for(SimTime) override {}

   private:
    BareLink& link_;
    PartyId self_;
  };

  // Runs body(ctx) for parties 0 and 1 on two threads.
  template <typename Body>
  void run(Body body) {
    std::thread t1([&] { party(1, body); });
    party(0, body);
    t1.join();
  }

 private:
  struct Queue {
    std::mutex mu;
    std::condition_variable cv;
    std::deque<Message> items;
  };
  template <typename Body>
  void party(PartyId p, Body& body) {
    End end(*this, p);
    Rng rng(1, p, "bench");
    Meter meter(p, 2);
    PartyContext ctx{end, rng, end, meter};
    body(ctx);
  }
  Queue q_[2];
};

// One session per iteration: base OTs (not timed), then state.range(0) OTs (timed: from the
// receiver's first extension message to the last party's output, measured on each thread).
// "OT/s" is wall time; "OT/s_cpu" divides by the busier party's thread CPU time, i.e. the rate
// with a core per party and no other load (the development machine is shared). Output buffers
// are allocated and touched once, outside the timing, as a caller extending OTs in a loop would
// (first-touch page faults cost ~40 µs per 4 KiB page on the development VM).
void BM_Iknp(benchmark::State& state, Flavour flavour, bool bare, std::size_t chunk) {
  const auto m = static_cast<std::size_t>(state.range(0));
  if (chunk == 0) chunk = m;
  std::vector<bool> choices(m);
  for (std::size_t k = 0; k < m; ++k) choices[k] = (k * 2654435761u >> 7) & 1;
  // The receiver's choices per call (the API takes a vector<bool>).
  std::vector<std::vector<bool>> chunk_choices;
  for (std::size_t off = 0; off < m; off += chunk) {
    const auto first = static_cast<std::ptrdiff_t>(off);
    const auto last = static_cast<std::ptrdiff_t>(std::min(m, off + chunk));
    chunk_choices.emplace_back(choices.begin() + first, choices.begin() + last);
  }
  std::vector<std::array<Block, 2>> messages(m), pairs(m);
  std::vector<Block> x0(m), received(m);
  double cpu_total = 0;
  for (auto _ : state) {
    double seconds[2] = {0, 0}, cpu[2] = {0, 0};
    const auto body = [&](PartyContext& ctx) {
      const PartyId me = ctx.net.self();
      using Clock = std::chrono::steady_clock;
      Clock::time_point start;
      double cpu_start = 0;
      if (me == 0) {
        IknpSender s(ctx.net, 1, ctx.rng, "ot");
        s.setup();
        ctx.net.recv(1);  // the receiver is ready
        start = Clock::now();
        cpu_start = thread_cpu_seconds();
        for (std::size_t off = 0; off < m; off += chunk) {
          const std::size_t c = std::min(chunk, m - off);
          if (flavour == Flavour::kRandom) s.extend_random(std::span(pairs).subspan(off, c));
          if (flavour == Flavour::kCorrelated)
            s.send_correlated(block_from_u64(3), std::span(x0).subspan(off, c));
          if (flavour == Flavour::kChosen)
            s.send_chosen(std::span<const std::array<Block, 2>>(messages).subspan(off, c));
        }
      } else {
        IknpReceiver r(ctx.net, 0, ctx.rng, "ot");
        r.setup();
        start = Clock::now();
        cpu_start = thread_cpu_seconds();
        ctx.net.send(0, "ready", Message());
        for (std::size_t off = 0, k = 0; off < m; off += chunk, ++k) {
          const auto out = std::span(received).subspan(off, chunk_choices[k].size());
          if (flavour == Flavour::kRandom) r.extend_random(chunk_choices[k], out);
          if (flavour == Flavour::kCorrelated) r.receive_correlated(chunk_choices[k], out);
          if (flavour == Flavour::kChosen) r.receive_chosen(chunk_choices[k], out);
        }
      }
      seconds[me] = std::chrono::duration<double>(Clock::now() - start).count();
      cpu[me] = thread_cpu_seconds() - cpu_start;
      return PartyOutput{};
    };
    if (bare)
      BareLink().run(body);
    else
      run_local(2, {1, 600}, body);
    benchmark::DoNotOptimize(received.data());
    state.SetIterationTime(std::max(seconds[0], seconds[1]));
    cpu_total += std::max(cpu[0], cpu[1]);
  }
  state.counters["OT/s"] =
      benchmark::Counter(static_cast<double>(m * state.iterations()), benchmark::Counter::kIsRate);
  state.counters["OT/s_cpu"] = static_cast<double>(m * state.iterations()) / cpu_total;
}
// Every flavour over LocalNetwork (2^20 and 2^23 OTs) and over the bare link (2^23), named
// BM_Iknp/<flavour>_<link>/<OTs>, and BM_Iknp/<flavour>_<link>_calls65536/<OTs>.
const bool kIknpRegistered = [] {
  const std::pair<const char*, Flavour> flavours[] = {
      {"random", Flavour::kRandom}, {"correlated", Flavour::kCorrelated},
      {"chosen", Flavour::kChosen}};
  for (const auto& [name, flavour] : flavours)
    for (const bool bare : {false, true}) {
      const std::string id = std::string("BM_Iknp/") + name + (bare ? "_bare" : "_local");
      auto* b = benchmark::RegisterBenchmark(id.c_str(), BM_Iknp, flavour, bare, 0);
      if (!bare) b->Arg(1 << 20);
      b->Arg(1 << 23)->UseManualTime()->Unit(benchmark::kMillisecond);
      // The same 2^23 OTs as 128 calls of 2^16 (two rounds each for chosen / correlated), as a
      // caller streaming OTs would: a single call has the receiver send all 4096 u messages
      // before it reads any reply (one causal round), so 256 MB of replies wait in its queue,
      // all of it fresh pages (docs/yao.md).
      benchmark::RegisterBenchmark((id + "_calls65536").c_str(), BM_Iknp, flavour, bare,
                                   std::size_t{1} << 16)
          ->Arg(1 << 23)
          ->UseManualTime()
          ->Unit(benchmark::kMillisecond);
    }
  return true;
}();

// AES-128 2PC: party 0 (garbler) holds the key, party 1 (evaluator) the plaintext; both learn
// the ciphertext (bench::aes_inputs).

double process_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

// "cpu_ms": the process's CPU time per run: both parties' threads and the threads their base
// OTs spread the public-key work over (crypto/parallel.h; base OTs are most of it).
void BM_YaoAes128Local(benchmark::State& state) {
  REQUIRE_AES(state);
  const YaoSemiHonest yao(*aes_circuit());
  const auto inputs = bench::aes_inputs(2);
  double cpu_total = 0;
  for (auto _ : state) {
    const double start = process_cpu_seconds();
    const auto r = run_local(2, {1, 60}, [&](PartyContext& ctx) {
      return yao.run(ctx, inputs[static_cast<std::size_t>(ctx.net.self())]);
    });
    benchmark::DoNotOptimize(r.parties.data());
    cpu_total += process_cpu_seconds() - start;
  }
  state.counters["cpu_ms"] = 1e3 * cpu_total / static_cast<double>(state.iterations());
}
BENCHMARK(BM_YaoAes128Local)->Unit(benchmark::kMillisecond);

// AES-128 2PC of state.range(0) AES blocks in one session, fresh random key and plaintext bits
// for every copy. Wall time per session: the cost of each further AES is
// (time(9) − time(1)) / 8, the figure sh2pc-style loops report (docs/yao.md).
void BM_YaoAes128Copies(benchmark::State& state) {
  REQUIRE_AES(state);
  const int copies = static_cast<int>(state.range(0));
  const Circuit circuit = bench::side_by_side(*aes_circuit(), copies);
  const YaoSemiHonest yao(circuit);
  std::vector<PartyInput> inputs(2);
  Rng rng(5, 0, "bench.aes-copies");
  for (PartyId p : {0, 1}) {
    const auto bits = circuit.input_wires_of(p).size();
    std::vector<std::uint8_t> bytes((bits + 7) / 8);
    rng.fill(bytes);
    for (std::size_t k = 0; k < bits; ++k)
      inputs[static_cast<std::size_t>(p)].values.push_back((bytes[k / 8] >> (k % 8)) & 1);
  }
  std::uint64_t seed = 1;
  double cpu_total = 0;
  for (auto _ : state) {
    const double start = process_cpu_seconds();
    const auto r = run_local(2, {seed++, 60}, [&](PartyContext& ctx) {
      return yao.run(ctx, inputs[static_cast<std::size_t>(ctx.net.self())]);
    });
    benchmark::DoNotOptimize(r.parties.data());
    cpu_total += process_cpu_seconds() - start;
  }
  state.counters["AES"] = copies;
  // The process's CPU time per session, both parties and their base-OT helper threads: the
  // contention-robust figure (a party's own thread no longer holds all of its work).
  state.counters["cpu_ms"] = 1e3 * cpu_total / static_cast<double>(state.iterations());
}
BENCHMARK(BM_YaoAes128Copies)->Arg(1)->Arg(9)->Unit(benchmark::kMillisecond)->UseRealTime();

double children_cpu_seconds() {
  rusage u{};
  getrusage(RUSAGE_CHILDREN, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         1e-6 * static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec);
}

// The same on SimNetwork, LAN: full mesh, 0.1 ms latency, 1 Gbit/s. Wall time per simulated 2PC
// (fork + SimGrid + both parties in one thread); counters: the simulated time, and the CPU time
// of the forked simulation ("cpu_ms").
void BM_YaoAes128SimLan(benchmark::State& state) {
  REQUIRE_AES(state);
  const YaoSemiHonest yao(*aes_circuit());
  const auto inputs = bench::aes_inputs(2);
  SimRunOptions options;
  options.network.latency_s = 0.0001;
  options.network.bandwidth_bytes_per_s = 125e6;
  const double cpu_start = children_cpu_seconds();
  const auto sim = bench::simulate_each_iteration(state, yao, inputs, options);
  if (!sim) return;
  state.counters["sim_ms"] = *sim * 1e3;
  state.counters["cpu_ms"] =
      1e3 * (children_cpu_seconds() - cpu_start) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_YaoAes128SimLan)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace smpc

BENCHMARK_MAIN();
