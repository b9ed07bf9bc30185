// Operation counts: what a party computed, counted where the primitives are, so that the
// simulator can turn local computation into simulated time (cost_profile.h, docs/simulator.md
// "Computation").
//
// Why thread-local counters and not a Meter pointer: the counters sit on the hottest paths
// (one Fp61 product is ~1 ns), so counting must be a single add to a fixed thread-local slot,
// no pointer chase and no branch. The networks harvest them (take_op_counts) at every send,
// receive and sleep: on LocalNetwork each party is its own thread; under SimGrid all parties
// share one thread, but a party runs without interruption between two of its network calls,
// so what accumulated since the last harvest is exactly its own segment.
//
// What is counted is listed once, in kOpNames (ops.cpp); a batch entry point counts its whole
// batch on the calling thread before handing slices to helper threads (crypto/parallel.h).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace smpc {

enum class Op : std::uint8_t {
  kAesBlock,         // one AES-128 block under an expanded key (fixed-key π, CTR PRG)
  kTmmoHash,         // one TMMO hash H(x, i) = π(π(x) ⊕ i) ⊕ π(x) (tccr_hash.h)
  kChachaByte,       // one ChaCha20 keystream byte (prg_expand)
  kBlake2bCall,      // one BLAKE2b hash (init + final)
  kBlake2bByte,      // one byte absorbed by BLAKE2b
  kSha512Call,       // one SHA-512 hash (init + final)
  kSha512Byte,       // one byte absorbed by SHA-512
  kFp61Mul,          // one product in F_p, p = 2^61 - 1 (including those of pow)
  kFp61Inv,          // one inversion in F_p (Fermat; its ~120 products are in this cost)
  kScalarMul,        // ristretto255 variable-base scalar multiplication s·P
  kBaseMul,          // ristretto255 fixed-base scalar multiplication s·G
  kPointAdd,         // ristretto255 point addition or subtraction
  kPointDecode,      // ristretto255 point decoding (a square root)
  kHashToGroup,      // ristretto255 one-way map of 64 bytes (two Elligator 2 calls)
  kScalarOp,         // a product mod ℓ (ristretto255 scalar field)
  kScalarInv,        // an inversion mod ℓ
  kTranspose128,     // one 128×128 bit-matrix tile transposed (OT extension)
  // A message sent or received, and its bytes: the transport's per-message CPU work (encoding,
  // the channel's queue and wake-up, the meter's accounting; on a real network the socket
  // calls). Counted by the networks at every send and every message received.
  kMessage,
  kMessageByte,
  // Circuit gates processed by an engine, beyond the primitives their gates call (counted
  // once per layer by count_layer_gates, layer_schedule.h, where the engines walk their
  // circuits): a linear gate (XOR/INV/EQ/EQW on bits, XOR shares or free-XOR labels; ADD, SUB,
  // MUL_CONST on field shares) is the loads, the XOR or add and the store of its wires; a
  // nonlinear gate (AND/MUL) is the local combination around its hashes, triples or products
  // (the half-gates' selects and table writes, a GMW or Beaver triple's arithmetic).
  kGateXor,
  kGateAnd,
  // A byte of a fresh buffer allocated and first touched (share vectors, dealer material,
  // message payloads): malloc, and for the large ones the kernel's page faults on first touch.
  // Counted where the protocols and the transport allocate their large buffers (count_alloc).
  kAllocByte,
  kCount
};
inline constexpr std::size_t kOpCount = static_cast<std::size_t>(Op::kCount);

struct OpCounts {
  std::array<std::uint64_t, kOpCount> n{};
  std::uint64_t& operator[](Op op) { return n[static_cast<std::size_t>(op)]; }
  std::uint64_t operator[](Op op) const { return n[static_cast<std::size_t>(op)]; }
  OpCounts& operator+=(const OpCounts& o) {
    for (std::size_t i = 0; i < kOpCount; ++i) n[i] += o.n[i];
    return *this;
  }
  bool empty() const {
    for (auto v : n)
      if (v != 0) return false;
    return true;
  }
  bool operator==(const OpCounts&) const = default;
};

// This thread's counters since the last take_op_counts(). initial-exec: the counting add is one
// instruction on an fs-relative address (the testbed links statically, no dlopen).
inline thread_local OpCounts t_op_counts [[gnu::tls_model("initial-exec")]];

inline void count_op(Op op, std::uint64_t k = 1) noexcept {
  t_op_counts.n[static_cast<std::size_t>(op)] += k;
}

// `count` objects of T allocated (and first touched) as one buffer.
template <class T>
inline void count_alloc(std::uint64_t count) noexcept {
  count_op(Op::kAllocByte, count * sizeof(T));
}

// v.resize(n) for a scratch buffer reused across calls: only a growth of its capacity is a fresh
// buffer (counted at the new capacity, which the vector allocates and moves into); a resize
// within the capacity reuses warm memory and counts nothing.
template <class Vector>
inline void resize_counted(Vector& v, std::size_t n) {
  if (n > v.capacity()) count_alloc<typename Vector::value_type>(n);
  v.resize(n);
}

// Returns this thread's counters and sets them to zero.
OpCounts take_op_counts();

// One-off set-up is no party's work: a lazily initialised constant shared by every party of the
// process (a hashed generator, a cached Lagrange table) is built by whichever party reaches it
// first, which on LocalNetwork's threads depends on the scheduler. Built inside this scope its
// operations are not counted, so every party's counts are a function of the run alone.
class UncountedScope {
 public:
  UncountedScope() : saved_(take_op_counts()) {}
  ~UncountedScope() { t_op_counts = saved_; }
  UncountedScope(const UncountedScope&) = delete;
  UncountedScope& operator=(const UncountedScope&) = delete;

 private:
  OpCounts saved_;
};

template <class F>
auto uncounted(F&& make) {
  const UncountedScope scope;
  return make();
}

// CPU time the helper threads of parallel_slices spent for this thread (added when they join).
inline thread_local double t_helper_cpu_s = 0;

// This thread's CPU time (CLOCK_THREAD_CPUTIME_ID) plus its helpers', in seconds: the real
// counterpart of its counted operations (the `measured` model, the validation against
// LocalNetwork in docs/performance.md). Not deterministic; never on a path a report depends on
// unless the run says it is measured.
double party_cpu_seconds();
double thread_cpu_seconds();

// The stable names used in profiles, reports and docs ("aes_block", …).
std::string_view op_name(Op op);
std::optional<Op> op_from_name(std::string_view name);

}  // namespace smpc
