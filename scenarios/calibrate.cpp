#include "scenarios/calibrate.h"

#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <thread>
#include <vector>

#include "protocols/core/field.h"
#include "protocols/core/local_network.h"
#include "protocols/crypto/aes.h"
#include "protocols/crypto/hash.h"
#include "protocols/crypto/prg.h"
#include "protocols/crypto/ristretto.h"
#include "protocols/crypto/tccr_hash.h"
#include "protocols/ot/bit_matrix.h"
#include "protocols/yao/half_gates.h"

namespace smpc {
namespace {

// Batch sizes as the protocols use them: IKNP and half-gates hash and encrypt in batches of
// hundreds of blocks; hashes absorb a few dozen bytes per call (the byte cost is measured on
// long inputs, the call cost on short ones).
constexpr std::size_t kBlockBatch = 256;
constexpr std::size_t kLongHash = 1 << 14;
constexpr std::size_t kFieldBatch = 1024;

std::uint64_t fold(const std::uint8_t* p, std::size_t n) {
  std::uint64_t h = 0;
  for (std::size_t i = 0; i < n; i += 8) h = h * 31 + p[i];
  return h;
}

std::uint64_t blocks_kernel(Op op, std::uint64_t reps) {
  std::vector<Block> x(kBlockBatch), t(kBlockBatch);
  for (std::size_t i = 0; i < kBlockBatch; ++i) x[i] = block_from_u64(i, 7), t[i] = block_from_u64(i, 9);
  for (std::uint64_t r = 0; r < reps; ++r) {
    if (op == Op::kAesBlock) fixed_key_aes().encrypt_blocks(x, x);
    else tccr_hash(x, t, x);
  }
  return fold(x[0].data(), 16);
}

std::uint64_t hash_kernel(Op op, std::uint64_t reps) {
  const bool sha = op == Op::kSha512Call || op == Op::kSha512Byte;
  const bool long_input = op == Op::kBlake2bByte || op == Op::kSha512Byte;
  std::vector<std::uint8_t> data(long_input ? kLongHash : 0, 5);
  std::uint64_t h = 0;
  for (std::uint64_t r = 0; r < reps; ++r) {
    data.empty() ? void() : void(data[0] = static_cast<std::uint8_t>(r));
    if (sha) {
      const auto d = Sha512().add(ByteSpan(data)).finish();
      h += d[0];
    } else {
      std::array<std::uint8_t, 32> d;
      Blake2b("calibrate", d.size()).add(ByteSpan(data)).finish(d);
      h += d[0];
    }
  }
  return h;
}

std::uint64_t field_kernel(Op op, std::uint64_t reps) {
  std::vector<Fp61> a(kFieldBatch), b(kFieldBatch);
  for (std::size_t i = 0; i < kFieldBatch; ++i)
    a[i] = Fp61::from_u64(i * 0x9e3779b97f4a7c15ULL + 1), b[i] = Fp61::from_u64(i + 3);
  for (std::uint64_t r = 0; r < reps; ++r) {
    if (op == Op::kFp61Mul) {
      for (std::size_t i = 0; i < kFieldBatch; ++i) a[i] *= b[i];
    } else {
      a[r % kFieldBatch] = a[r % kFieldBatch].inverse() + b[r % kFieldBatch];
    }
  }
  return a[0].value() + a[kFieldBatch - 1].value();
}

std::uint64_t group_kernel(Op op, std::uint64_t reps) {
  Rng rng(1, 0, "calibrate");
  Scalar s = Scalar::random(rng);
  const Scalar s2 = Scalar::random(rng);
  RistrettoPoint p = RistrettoPoint::base_mul(s), q = RistrettoPoint::base_mul(s2);
  std::uint64_t h = 0;
  for (std::uint64_t r = 0; r < reps; ++r) {
    switch (op) {
      case Op::kScalarMul: p = p.mul_any(s2); break;
      case Op::kBaseMul: p = RistrettoPoint::base_mul_any(s); s = s + s2; break;
      case Op::kPointAdd: p = p + q; break;
      case Op::kPointDecode: h += RistrettoPoint::decode(q.bytes()).has_value(); break;
      case Op::kHashToGroup: p = RistrettoPoint::hash("calibrate", r, ByteSpan(q.bytes())); break;
      case Op::kScalarOp: s = s * s2; break;
      default: s = s.inverse().value_or(s2) + s2; break;  // kScalarInv
    }
  }
  return h + p.bytes()[0] + s.bytes()[0];
}

std::uint64_t other_kernel(Op op, std::uint64_t reps) {
  if (op == Op::kChachaByte) {
    std::vector<std::uint8_t> out(4096);
    PrgSeed seed{};
    for (std::uint64_t r = 0; r < reps; ++r) prg_expand(seed, r, out);
    return fold(out.data(), out.size());
  }
  // kTranspose128: an IKNP batch of 1024 OTs (8 tiles).
  constexpr std::size_t kColumns = 1024;
  std::vector<std::uint8_t> in(128 * kColumns / 8, 0x5a);
  std::vector<Block> out(kColumns);
  for (std::uint64_t r = 0; r < reps; ++r) {
    in[r % in.size()] ^= 1;
    transpose_128xn(in.data(), kColumns, out.data());
  }
  return fold(out[0].data(), 16);
}

// The transport's per-message work (ops.h kMessage, kMessageByte) as the party threads of
// LocalNetwork pay it: two parties exchange `reps` round trips of empty (kMessage) or 16 KiB
// (kMessageByte) messages: encoding, the queue, the wake-up of the receiver, the meter. Their
// counts are handed to this thread (the calibration loop reads it), and the time taken is the
// process's CPU time, both threads', not the wall time they spend waiting for each other.
std::uint64_t message_kernel(Op op, std::uint64_t reps) {
  Message m;
  if (op == Op::kMessageByte) m.add_bytes(Bytes(kLongHash, 5));
  const RunResult r = run_local(2, {.seed = 1, .timeout_s = 600}, [&](PartyContext& ctx) {
    const PartyId other = 1 - ctx.net.self();
    for (std::uint64_t i = 0; i < reps; ++i) {
      if (ctx.net.self() == 1) ctx.net.recv(other);
      ctx.net.send(other, "calibrate", m);
      if (ctx.net.self() == 0) ctx.net.recv(other);
    }
    return PartyOutput{};
  });
  std::uint64_t h = 0;
  for (const auto& p : r.parties) {
    t_op_counts += p.meter.ops;
    h += p.meter.received.bytes;
  }
  return h;
}

// Circuit gates (ops.h kGateXor, kGateAnd) as the half-gates garbler processes them, its hashes
// subtracted: a circuit of kGateWidth-wide layers, each gate reading two wires of the layer
// before (AND gates only, or XOR gates only), garbled whole; labels and tables stay allocated.
constexpr std::uint32_t kGateWidth = 1024;
constexpr std::size_t kGateLayers = 16;

Circuit gate_circuit(GateType type) {
  Circuit c;
  c.num_wires = 2 * kGateWidth;
  c.inputs.push_back({"x", 0, {}});
  for (std::uint32_t w = 0; w < c.num_wires; ++w) c.inputs[0].wires.push_back(w);
  std::uint32_t base = 0;
  for (std::size_t l = 0; l < kGateLayers; ++l) {
    const std::uint32_t next = c.num_wires;
    for (std::uint32_t i = 0; i < kGateWidth; ++i)
      c.gates.push_back({type, base + i, base + (i * 7 + 1) % kGateWidth, next + i, 0});
    c.num_wires += kGateWidth;
    base = next;
  }
  return c;
}

std::uint64_t gate_kernel(Op op, std::uint64_t reps) {
  const GarblingPlan plan =
      GarblingPlan::compile(gate_circuit(op == Op::kGateAnd ? GateType::kAnd : GateType::kXor));
  std::vector<Block> labels(plan.label_slots());
  for (std::size_t i = 0; i < labels.size(); ++i) labels[i] = block_from_u64(i, 3);
  Block delta = block_from_u64(5, 11);
  delta[0] |= 1;
  std::uint64_t h = 0;
  const TableSink sink = [&h](std::span<const Block> t) { h += t.back()[0]; };
  for (std::uint64_t r = 0; r < reps; ++r) garble(plan, delta, labels, 4096, sink);
  return h + labels.back()[0] + labels[labels.size() - 3][0];
}

// A byte of a fresh buffer allocated and first touched (ops.h kAllocByte), as a party pays it:
// a fresh thread (a LocalNetwork party) allocates kAllocBuffers buffers of kAllocBuffer bytes
// (the size of a party's share vectors and dealer material in the validation runs), writes
// every byte (value-initialised, as the protocols' vectors are), then frees them and exits.
constexpr std::size_t kAllocBuffer = 1 << 20;
constexpr std::size_t kAllocBuffers = 8;

std::uint64_t alloc_kernel(std::uint64_t reps) {
  std::uint64_t h = 0;
  for (std::uint64_t r = 0; r < reps; ++r) {
    OpCounts counted;
    std::thread t([&] {
      std::vector<std::vector<std::uint64_t>> keep;
      for (std::size_t b = 0; b < kAllocBuffers; ++b) {
        count_alloc<std::uint64_t>(kAllocBuffer / 8);
        keep.emplace_back(kAllocBuffer / 8);
        keep.back()[r % keep.back().size()] = r;
      }
      for (const auto& v : keep) h += v[(r + 1) % v.size()];
      counted = take_op_counts();
    });
    t.join();
    t_op_counts += counted;
  }
  return h;
}

// Dependency order: an operation's kernel may do only operations listed before it.
constexpr Op kOrder[] = {Op::kAesBlock,    Op::kTmmoHash,    Op::kChachaByte,  Op::kBlake2bByte,
                         Op::kBlake2bCall, Op::kSha512Byte,  Op::kSha512Call,  Op::kFp61Mul,
                         Op::kFp61Inv,     Op::kScalarOp,    Op::kScalarInv,   Op::kPointAdd,
                         Op::kPointDecode, Op::kHashToGroup, Op::kBaseMul,     Op::kScalarMul,
                         Op::kTranspose128, Op::kMessage,     Op::kMessageByte, Op::kAllocByte,
                         Op::kGateXor,      Op::kGateAnd};
static_assert(std::size(kOrder) == kOpCount, "every operation needs a kernel");

std::string cpu_model() {
  std::ifstream in("/proc/cpuinfo");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("model name", 0) == 0) return line.substr(line.find(':') + 2);
  return "unknown CPU";
}

}  // namespace

std::uint64_t run_op_kernel(Op op, std::uint64_t reps) {
  switch (op) {
    case Op::kAesBlock:
    case Op::kTmmoHash: return blocks_kernel(op, reps);
    case Op::kBlake2bCall:
    case Op::kBlake2bByte:
    case Op::kSha512Call:
    case Op::kSha512Byte: return hash_kernel(op, reps);
    case Op::kFp61Mul:
    case Op::kFp61Inv: return field_kernel(op, reps);
    case Op::kChachaByte:
    case Op::kTranspose128: return other_kernel(op, reps);
    case Op::kMessage:
    case Op::kMessageByte: return message_kernel(op, reps);
    case Op::kGateXor:
    case Op::kGateAnd: return gate_kernel(op, reps);
    case Op::kAllocByte: return alloc_kernel(reps);
    default: return group_kernel(op, reps);
  }
}

namespace {

// Process CPU time, not wall time: a kernel preempted by other load is not charged for it (the
// machine this runs on is often shared), and the message kernel's two threads count both.
double process_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

}  // namespace

CostProfile calibrate_profile(const CalibrateOptions& o) {
  CostProfile p;
  p.name = "calibrated";
  p.machine = o.machine.empty() ? cpu_model() : o.machine;
  p.ns.fill(0);
  volatile std::uint64_t sink = 0;
  for (Op op : kOrder) {
    const auto i = static_cast<std::size_t>(op);
    std::vector<double> per_trial;
    std::uint64_t reps = 1;
    for (int t = 0; t < o.trials;) {
      take_op_counts();
      const double start = process_cpu_seconds();
      sink = sink + run_op_kernel(op, reps);
      const double s = process_cpu_seconds() - start;
      const OpCounts c = take_op_counts();
      if (s < o.seconds_per_trial) {  // too short to time: grow, and do not count the trial
        reps *= s <= 0 ? 16 : std::max<std::uint64_t>(2, static_cast<std::uint64_t>(o.seconds_per_trial / s) + 1);
        continue;
      }
      double rest = s * 1e9;
      for (std::size_t k = 0; k < kOpCount; ++k)
        if (k != i) rest -= static_cast<double>(c.n[k]) * p.ns[k];
      const double per = rest / static_cast<double>(std::max<std::uint64_t>(1, c.n[i]));
      per_trial.push_back(per);
      ++t;
    }
    // The median trial, not the fastest: the model charges an operation's typical cost in a
    // run, and the spread between trials is the machine's (page faults, caches, the other
    // core's load), which a run meets as well — fresh memory's cost moved by 30% between
    // trials (2.5-3.8 ns a byte) and the fastest trial undercharged every run. A remainder at
    // or below zero (noise after subtracting the rest) is still a cost.
    std::nth_element(per_trial.begin(), per_trial.begin() + per_trial.size() / 2, per_trial.end());
    p.ns[i] = std::max(per_trial[per_trial.size() / 2], 0.01);
  }
  return p;
}

DriverOutput run_calibrate(const CalibrateRequest& r) {
  const auto start = std::chrono::steady_clock::now();
  const CostProfile p = calibrate_profile(r.options);
  const double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!r.output.empty()) {
    std::ofstream f(r.output);
    f << profile_json(p).dump(2) << "\n";
    if (!f) return driver_bad_input("cannot write " + r.output);
  }
  if (r.json) return {kDriverOk, profile_json(p).dump(2) + "\n", ""};
  const CostProfile& ref = builtin_profile();
  std::string out = "cost profile measured on " + p.machine + "\n";
  char line[160];
  std::snprintf(line, sizeof line, "%-15s %14s %14s %8s\n", "operation", "ns (here)",
                "ns (reference)", "ratio");
  out += line;
  for (std::size_t i = 0; i < kOpCount; ++i) {
    std::snprintf(line, sizeof line, "%-15s %14.3f %14.3f %8.2f\n",
                  std::string(op_name(static_cast<Op>(i))).c_str(), p.ns[i], ref.ns[i],
                  p.ns[i] / ref.ns[i]);
    out += line;
  }
  std::snprintf(line, sizeof line, "measured in %.1f s%s%s\n", took,
                r.output.empty() ? "" : "; profile written to ", r.output.c_str());
  out += line;
  return {kDriverOk, out, ""};
}

}  // namespace smpc
