// Fixed-point arithmetic over Mersenne-61 (p = 2^61 − 1): the encoding, a small straight-line
// program form that engine.h runs for SPDZ (spdz.h) and BGW (bgw/bgw_program.h, no dealer),
// "Fixed-point programs", and the plain reference that is bit-exact with it.
//
// Encoding. A real x is the integer x̃ = round(x · 2^f) (f fractional bits), stored in the field
// as x̃ mod p (negative values as p − |x̃|). A product of two encoded values carries 2f
// fractional bits until a truncation divides it by 2^f.
//
// Parameters (Params): f fractional bits (4..16, default 12), integer_bits (2..16, default 7),
// and from them
//   k     = integer_bits + 2f + 1   the bit length of every value in a program (sign included):
//         every register, at scale 2^f or 2^2f, satisfies |v| < 2^(k−1); with the defaults
//         k = 32 and every product or sum of products is below 2^7 = 128 in real terms;
//   kappa = 59 − k                  the statistical security of the masked openings (defaults:
//         27), so that k + kappa ≤ 59, i.e. 2^(k−1) + a + r < 2^k + 2^(k+κ) ≤ 2^60 < p for every
//         opened c below: no opening wraps mod p (Catrina–Saxena's condition q > 2^(k+κ+1)).
//   The brief's "k + f + κ fits the field" is this with integer_bits + f + 1 in place of k − f.
//   validate() rejects κ < 16.
//
// Probabilistic truncation, TruncPr(a, k, m = f) of Catrina & Saxena, "Secure computation with
// fixed-point numbers" (FC 2010, Protocol 3.1), with a mask pair (r, r_low) (dealt or made):
//   r = 2^m r'' + r', r' = Σ_{i<m} 2^i b_i from m shared random bits b_i, r'' < 2^(k+κ−m);
//   1. c = Open(2^(k−1) + a + r)
//   2. c' = c mod 2^m
//   3. d = (a − c' + r') · 2^−m
// gives d = ⌊a / 2^m⌋ + u with u = [(a mod 2^m) + r' ≥ 2^m] (u = 1 with probability
// (a mod 2^m)/2^m: rounding to nearest on average, never more than 1 ulp from a/2^m).
//
// Reference rounding (the choice this file makes): the reference is bit-exact given r'. A
// run's r' is not public, but c is, and c ≡ a + r' (mod 2^m) (2^(k−1) and 2^m r'' vanish), so
// r' = (c − a) mod 2^m: evaluate_opened() replays a run exactly from the opened c of each
// truncation, which honest parties record (kOpenedTruncRecord). evaluate() takes r' directly.
//
// Comparison, LTZ(a) = [a < 0], exact: Catrina & de Hoogh, "Improved primitives for secure
// multiparty integer computation" (SCN 2010): LTZ(a) = −Trunc(a, k, k − 1), with Trunc via
// Mod2m: c = Open(2^(k−1) + a + r) with r = 2^(k−1) r'' + r' (k − 1 bits b_i of r'),
// u = BitLT(c mod 2^(k−1), r'), a' = (c mod 2^(k−1)) − r' + 2^(k−1) u,
// Trunc = (a − a') · 2^−(k−1). BitLT of a public c against shared bits: the carry-lookahead
// (prefix) form of Catrina–de Hoogh §4.1, as a tree of (t, v) pairs: t = "some bit differs",
// v = r's bit at the most significant differing position; combining high over low:
// v = v_L + t_H (v_H − v_L), t = t_H + t_L − t_H t_L: 2 products per node, except that a
// first-level node takes one (both are affine in b_L b_H) and a level's first node needs no t
// (engine.h bitlt): ⌈log2(k−1)⌉ rounds, bitlt_products(k − 1) products.
//
// Floor(a, m) = ⌊a / 2^m⌋ exactly (1 ≤ m ≤ k − 1): the same Mod2m with the mask's low part over
// m bits, (a − a')·2^−m, so BitLT runs over m bits only: bitlt_products(m) products, ⌈log2 m⌉ rounds,
// whatever a's length (|a| < 2^(k−1) as every register). LTZ(a) = −Floor(a, k − 1), and for a
// value known to satisfy |a| < 2^w, LTZ(a) = −Floor(a, w): a comparison costs what the bound on
// its input allows, not what k does (models.cpp's sigmoid and ReLU).
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "protocols/core/circuit.h"
#include "protocols/core/field.h"
#include "protocols/core/status.h"

namespace smpc::fx {

struct Params {
  int f = 12;
  int integer_bits = 7;
  int k() const { return integer_bits + 2 * f + 1; }
  int kappa() const { return 59 - k(); }
  bool operator==(const Params&) const = default;
};
inline constexpr int kMinKappa = 16;
Status validate(const Params& p);

// x̃ = round(x · 2^f) (ties away from zero); an error when |x̃| ≥ 2^(k−1).
Result<std::int64_t> encode(double x, const Params& p);
double decode(std::int64_t v, const Params& p);
// Signed integers in (−p/2, p/2) <-> field elements.
Fp61 to_field(std::int64_t v);
std::int64_t from_field(Fp61 v);

// Reference operations on signed integers.
std::int64_t trunc_pr(std::int64_t a, int m, std::uint64_t r_low);  // ⌊a/2^m⌋ + carry
std::int64_t floor_shift(std::int64_t a, int m);                      // ⌊a/2^m⌋

// A straight-line program in SSA form: instruction i defines register i.
enum class Op : std::uint8_t {
  kInput,     // c = index of the input (circuit input order, all groups)
  kConst,     // c (signed)
  kAdd,       // a + b
  kSub,       // a − b
  kMulConst,  // a · c (c signed; no truncation)
  kMul,       // a · b (Beaver; no truncation)
  kTrunc,     // TruncPr(a, k, f)
  kLtz,       // [a < 0] ∈ {0, 1}
  kFloor,     // ⌊a / 2^c⌋, 1 ≤ c ≤ k − 1 (exact)
  kRandBit,   // a uniform bit from the preprocessing, shared, known to no party (local)
};
// The operands an instruction reads: a for every operation but kInput, kConst and kRandBit,
// b for the binary ones.
inline bool reads_a(Op op) { return op != Op::kInput && op != Op::kConst && op != Op::kRandBit; }
inline bool reads_b(Op op) { return op == Op::kAdd || op == Op::kSub || op == Op::kMul; }
inline bool is_interactive(Op op) {
  return op == Op::kMul || op == Op::kTrunc || op == Op::kLtz || op == Op::kFloor;
}
// LTZ and Floor: both a Mod2m with a mask over m low bits and a BitLT over them.
inline bool is_mod2m(Op op) { return op == Op::kLtz || op == Op::kFloor; }

struct Instr {
  Op op = Op::kConst;
  std::uint32_t a = 0, b = 0;
  std::int64_t c = 0;
  bool operator==(const Instr&) const = default;
};

struct Program {
  Params params;
  std::vector<Instr> code;
  std::vector<std::uint32_t> outputs;  // registers, in output order
  bool operator==(const Program&) const = default;

  std::uint32_t emit(Instr i) {
    code.push_back(i);
    return static_cast<std::uint32_t>(code.size() - 1);
  }
  std::uint32_t input(std::size_t idx) { return emit({Op::kInput, 0, 0, static_cast<std::int64_t>(idx)}); }
  std::uint32_t constant(std::int64_t v) { return emit({Op::kConst, 0, 0, v}); }
  std::uint32_t add(std::uint32_t a, std::uint32_t b) { return emit({Op::kAdd, a, b, 0}); }
  std::uint32_t sub(std::uint32_t a, std::uint32_t b) { return emit({Op::kSub, a, b, 0}); }
  std::uint32_t mul_const(std::uint32_t a, std::int64_t c) { return emit({Op::kMulConst, a, 0, c}); }
  std::uint32_t mul(std::uint32_t a, std::uint32_t b) { return emit({Op::kMul, a, b, 0}); }
  std::uint32_t trunc(std::uint32_t a) { return emit({Op::kTrunc, a, 0, 0}); }
  std::uint32_t ltz(std::uint32_t a) { return emit({Op::kLtz, a, 0, 0}); }
  std::uint32_t floor(std::uint32_t a, int m) { return emit({Op::kFloor, a, 0, m}); }
  std::uint32_t rand_bit() { return emit({Op::kRandBit, 0, 0, 0}); }
};

// Structural checks: registers defined before use, inputs below `inputs`, params valid.
Status check(const Program& prog, std::size_t inputs);

// How a program's interactive instructions group into rounds: consecutive instructions of one
// interactive kind that do not depend on each other form one batch (the engine opens a batch
// at once; local instructions between them run at once).
struct Batch {
  Op op = Op::kMul;
  std::vector<std::uint32_t> instrs;
};
// `after`, when given, receives by register the number of batches that must complete before
// it can be read (an interactive instruction: its batch's index + 1; a local one: the most of
// its operands').
std::vector<Batch> batches(const Program& prog, std::vector<std::uint32_t>* after = nullptr);

// Preprocessing a program needs: triples (products and BitLT), masks (one (r, bits) pair per
// TruncPr, LTZ and Floor), shared bits (f per TruncPr, m per LTZ or Floor, one per kRandBit).
// Its factors are what a protocol that masks each factor of a kMul once needs instead of a
// whole triple per product (spdz.h "Fixed-point programs"): the registers read by some kMul,
// numbered in program order of first use (a before b), so a batch's first-used factors are
// the next numbers in a row; every kMul's pair of those numbers, in program order; and how many
// factors are numbered once each kMul has been read, which is where the next batch's start.
struct Needs {
  std::size_t muls = 0, truncs = 0;
  std::vector<int> mod2m;  // m of every LTZ (k − 1) and Floor, in program order
  std::size_t rand_bits = 0;  // kRandBit instructions
  std::vector<std::uint32_t> factor_regs;                  // by factor number: its register
  std::vector<std::array<std::uint32_t, 2>> mul_factors;  // by kMul: its a's and b's numbers
  std::vector<std::uint32_t> factors_after;                // by kMul: factors numbered so far
  std::size_t masks() const { return truncs + mod2m.size(); }
  std::size_t triples() const;  // muls + Σ bitlt_products(m)
  // BitLT's products after its first level, Σ (bitlt_products(m) − ⌊m/2⌋): the triples of a
  // protocol whose preprocessing deals the first level's products of a mask's own bits.
  std::size_t bitlt_triples() const;
  std::size_t bits(const Params& p) const;  // truncs·f + Σ m + rand_bits
};
Needs needs_of(const Program& prog);
// The m of a Mod2m instruction: k − 1 for LTZ, c for Floor.
int mod2m_bits(const Instr& in, const Params& p);
// What running a program needs to know of it, made once per program (plan_of; a protocol keeps
// it beside its program, and every run and party reads it): its batches; when each local
// instruction runs, call c of the engine (before batch c; c = |batches| after the last) running
// locals[local_start[c] .. local_start[c + 1]); and its preprocessing needs. A local
// instruction i runs at call max(first c whose batch ends past i, after[i]) (fx::batches'
// `after`): when a scan of the code would first find it runnable, so its work falls between the
// same messages whoever schedules it (the compute model's times depend on that).
struct Plan {
  std::vector<Batch> batches;
  std::vector<std::uint32_t> locals;     // program order within a call
  std::vector<std::size_t> local_start;  // |batches| + 2 entries
  Needs needs;
};
Plan plan_of(const Program& prog);

// Products of one BitLT over m bits: ⌊m/2⌋ at the first level, then two per merge less one per
// level: 2(m − 1) − ⌊m/2⌋ − ⌈log2 m⌉ + 1 for m ≥ 2 (12 for m = 11, 41 for m = 31), 0 for m = 1.
std::size_t bitlt_products(int m);
// Every round a program's batches take, in order, and what each round computes: `products`
// products (a product batch, or one BitLT level of an LTZ or Floor batch: Σ⌊w/2⌋ at the first
// level, Σ(2⌊w/2⌋ − [w ≥ 2]) at the later ones, over its comparisons at their current widths w), or the opening of `opened` masked values (a TruncPr
// batch, or an LTZ or Floor batch's first round). The protocols' cost formulas price these rounds (spdz/cost.cpp, bgw/cost.cpp).
struct ProgramRound {
  Op op = Op::kMul;  // the batch's kind
  std::size_t products = 0, opened = 0;
  std::size_t factors = 0;  // a product batch: its factors first used there (Needs)
  // A BitLT's first level, whose products b_2i·b_2i+1 are of the masks' own bits: a protocol
  // whose preprocessing deals them (SPDZ) takes no round for it.
  bool bit_pairs = false;
};
std::vector<ProgramRound> program_rounds(const Program& prog);

// The reference: every register as a signed integer. `r_low(j, a)` gives r' of the j-th
// truncation (program order) whose input is a. An error when a register leaves
// |v| < 2^(k−1) (the MPC result would then not match any fixed-point value), and for a
// program with random bits (kRandBit: the run's own, which the reference does not know).
using RLowSource = std::function<std::uint64_t(std::size_t j, std::int64_t a)>;
Result<std::vector<std::int64_t>> evaluate(const Program& prog, std::span<const std::int64_t> inputs,
                                           const RLowSource& r_low);
// The outputs only.
Result<std::vector<std::int64_t>> evaluate_outputs(const Program& prog,
                                                   std::span<const std::int64_t> inputs,
                                                   const RLowSource& r_low);
// Replays a run from the opened c of every truncation (program order).
Result<std::vector<std::int64_t>> evaluate_opened(const Program& prog,
                                                  std::span<const std::int64_t> inputs,
                                                  std::span<const std::uint64_t> opened_c);
// Whether `prog` stays in range however its TruncPrs round (each rounds down or up, as a run's
// random masks decide), so that no honest run can leave the range where the reference did not:
// every one of the 2^T choices when the T truncations are at most kMaxRoundingsChecked, else the
// all-down and all-up choices only. Returns whether the check was exhaustive, or the first
// failure with the TruncPrs that rounded up.
inline constexpr std::size_t kMaxRoundingsChecked = 16;
Result<bool> check_every_rounding(const Program& prog, std::span<const std::int64_t> inputs);
// |v| < 2^(k−1): a fixed-point value of these parameters.
bool in_range(std::int64_t v, const Params& p);
// Every protocol that runs programs records those c under this input-phase kind (dealer 0).
inline constexpr std::string_view kOpenedTruncRecord = "fx.trunc";
// SPDZ's simulated dealer records the clear values of the kRandBit bits it dealt (dealer 0),
// for the verdict, as it records the input masks behind ε (spdz.h): word w holds bits 32w ..
// 32w + 31 of the program's kRandBit instructions in program order, the first in bit 0.
inline constexpr std::string_view kRandBitsRecord = "fx.rand_bits";
inline constexpr std::size_t kRandBitsPerWord = 32;
inline std::size_t rand_bit_words(std::size_t bits) { return (bits + kRandBitsPerWord - 1) / kRandBitsPerWord; }
inline bool rand_bit_at(std::span<const std::uint64_t> words, std::size_t j) {
  return (words[j / kRandBitsPerWord] >> (j % kRandBitsPerWord)) & 1;
}
inline void set_rand_bit(std::span<std::uint64_t> words, std::size_t j, bool b) {
  words[j / kRandBitsPerWord] |= static_cast<std::uint64_t>(b) << (j % kRandBitsPerWord);
}

// The program carried in a Field61 circuit (as protocols/frost/ideal.h carries its signing
// shape): `skeleton`'s input and output groups, constant gates holding a magic word, the
// params and the code, and constant-0 gates on the output wires (placeholders: the verdict
// judges such a run with a predicate, not by evaluating the circuit).
Circuit carrier_circuit(const Program& prog, std::vector<InputGroup> inputs,
                        std::vector<OutputGroup> outputs);
// The program if `c` is exactly a carrier circuit, else nullopt.
std::optional<Program> carried_program(const Circuit& c);

}  // namespace smpc::fx
