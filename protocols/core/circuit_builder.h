// CircuitBuilder: appends gates to a Boolean Circuit and returns the wires they produce.
// Bit vectors are LSB first (wire 0 = least significant bit, as int_lsb0); arithmetic is
// modulo 2^n for n-bit operands. Costs (n = width):
//
//   add, sub            n-1 AND, AND depth n-1   (ripple carry / borrow, one AND per bit)
//   neg                 n-2 AND
//   mul                 n^2-n+1 AND              (schoolbook, low n bits; = mult64's 4033)
//   lt, le (un/signed)  n AND, depth n           (borrow chain of a-b)
//   eq                  n-1 AND, depth ceil(log2 n)  (AND tree)
//   mux                 n AND, depth 1           (b ^ (s & (a ^ b)))
//   min, max            2n AND;  min_max: 2n AND for both
//   argmax of k         (k-1)(2n + index bits) AND, ties -> lowest index (or, on request,
//                       the highest: a seeded bug's tie-break, M71)
//   popcount, hamming   < 2n AND (adder tree), result width bit_width(n)
//   sort (Batcher)      odd-even merge sorting network, 2n AND per comparator
//
// Preconditions (equal widths, wires that exist) are programming errors and SMPC_ASSERTed;
// builders never see untrusted data.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "protocols/core/circuit.h"

namespace smpc {

enum class Signedness { kUnsigned, kSigned };

// The same computation over F_p (Mersenne-61) on 0/1 values, gate by gate: XOR a ⊕ b =
// a + b − 2ab (one multiplication), AND ab, INV 1 − a, EQ the constant, EQW a copy. Input and
// output groups are kept (one field element per bit). Equals the Boolean circuit only when
// every input is 0 or 1: callers check that (e.g. inside the MPC, b(b − 1) = 0).
Circuit boolean_to_field61(const Circuit& boolean);

class CircuitBuilder {
 public:
  using Wire = std::uint32_t;
  using Wires = std::vector<Wire>;

  CircuitBuilder();

  // A new input group of `width` fresh wires provided by `owner`.
  Wires input(std::string name, PartyId owner, std::size_t width);
  // Declares an output group (receivers empty = every party).
  void output(std::string name, const Wires& wires, std::vector<PartyId> receivers = {});

  const Circuit& circuit() const { return c_; }
  // Moves the circuit out; the builder is empty afterwards.
  Circuit take();

  // Single bits.
  Wire constant(bool bit);  // one EQ gate per value, cached
  Wire bit_xor(Wire a, Wire b);
  Wire bit_and(Wire a, Wire b);
  Wire bit_not(Wire a);
  Wire bit_or(Wire a, Wire b);  // a ^ b ^ (a & b): 1 AND
  Wire copy(Wire a);            // EQW

  // Bit vectors.
  Wires constant(std::uint64_t value, std::size_t width);
  Wires bitwise_xor(const Wires& a, const Wires& b);
  Wires bitwise_and(const Wires& a, const Wires& b);
  Wires bitwise_not(const Wires& a);

  Wires add(const Wires& a, const Wires& b);  // a + b mod 2^n
  Wires sub(const Wires& a, const Wires& b);  // a - b mod 2^n
  Wires neg(const Wires& a);                  // -a mod 2^n
  Wires mul(const Wires& a, const Wires& b);  // a * b mod 2^n

  Wire lt(const Wires& a, const Wires& b, Signedness s = Signedness::kUnsigned);  // a < b
  Wire le(const Wires& a, const Wires& b, Signedness s = Signedness::kUnsigned);  // a <= b
  Wire eq(const Wires& a, const Wires& b);                                        // a == b

  Wires mux(Wire sel, const Wires& if_true, const Wires& if_false);  // sel ? if_true : if_false
  Wires min(const Wires& a, const Wires& b, Signedness s = Signedness::kUnsigned);
  Wires max(const Wires& a, const Wires& b, Signedness s = Signedness::kUnsigned);
  struct MinMax {
    Wires min, max;
  };
  MinMax min_max(const Wires& a, const Wires& b, Signedness s = Signedness::kUnsigned);

  struct ArgMax {
    Wires index;  // bit_width(k-1) bits (at least 1), LSB first
    Wires value;  // the maximum
  };
  // Index of the (first) largest of k >= 1 values of equal width.
  ArgMax argmax(const std::vector<Wires>& values, Signedness s = Signedness::kUnsigned);
  enum class Ties { kLowestIndex, kHighestIndex };
  // As argmax, but the index of values[i] is labels[i] (e.g. a bidder's party number), in
  // bit_width(max label) bits (at least 1); ties go to the candidate listed first (kLowestIndex)
  // or last.
  ArgMax argmax(const std::vector<Wires>& values, const std::vector<std::uint64_t>& labels,
                Ties ties = Ties::kLowestIndex, Signedness s = Signedness::kUnsigned);

  Wires popcount(const Wires& a);                 // bit_width(n) bits (1 bit when n = 0)
  Wires hamming(const Wires& a, const Wires& b);  // popcount(a ^ b)

  // Ascending sort with Batcher's odd-even merge sorting network (any count, not only 2^k).
  std::vector<Wires> sort(const std::vector<Wires>& values, Signedness s = Signedness::kUnsigned);
  // Number of compare-exchange operations sort() emits for `count` values.
  static std::size_t sort_comparators(std::size_t count);

 private:
  Wire gate(GateType t, Wire a, Wire b, std::uint64_t constant = 0);
  void check(Wire w) const;
  void check_same_width(const Wires& a, const Wires& b) const;
  // a + b with carry out, for operands of possibly different widths (missing bits are 0):
  // the result has out_width <= max(|a|, |b|) + 1 bits.
  Wires add_extend(const Wires& a, const Wires& b, std::size_t out_width);
  Wires popcount_range(const Wires& a, std::size_t lo, std::size_t hi);
  void compare_exchange(std::vector<Wires>& v, std::size_t i, std::size_t j, Signedness s);

  Circuit c_;
  Wire const_wire_[2];
  bool has_const_[2] = {false, false};
};

}  // namespace smpc
