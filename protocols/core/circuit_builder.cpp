#include "protocols/core/circuit_builder.h"

#include <algorithm>
#include <bit>
#include <utility>

#include "protocols/core/field.h"

namespace smpc {

CircuitBuilder::CircuitBuilder() : const_wire_{0, 0} { c_.domain = CircuitDomain::kBoolean; }

CircuitBuilder::Wires CircuitBuilder::input(std::string name, PartyId owner, std::size_t width) {
  InputGroup g;
  g.name = std::move(name);
  g.owner = owner;
  g.wires.reserve(width);
  for (std::size_t i = 0; i < width; ++i) g.wires.push_back(c_.num_wires++);
  Wires out = g.wires;
  c_.inputs.push_back(std::move(g));
  return out;
}

void CircuitBuilder::output(std::string name, const Wires& wires, std::vector<PartyId> receivers) {
  for (Wire w : wires) check(w);
  OutputGroup g;
  g.name = std::move(name);
  g.receivers = std::move(receivers);
  g.wires = wires;
  c_.outputs.push_back(std::move(g));
}

Circuit CircuitBuilder::take() {
  Circuit out = std::move(c_);
  c_ = Circuit{};
  c_.domain = CircuitDomain::kBoolean;
  has_const_[0] = has_const_[1] = false;
  return out;
}

void CircuitBuilder::check(Wire w) const { SMPC_ASSERT(w < c_.num_wires); }

void CircuitBuilder::check_same_width(const Wires& a, const Wires& b) const {
  SMPC_ASSERT(a.size() == b.size());
}

CircuitBuilder::Wire CircuitBuilder::gate(GateType t, Wire a, Wire b, std::uint64_t constant) {
  const int arity = gate_arity(t);
  if (arity >= 1) check(a);
  if (arity == 2) check(b);
  Gate g;
  g.type = t;
  g.in0 = arity >= 1 ? a : 0;
  g.in1 = arity == 2 ? b : 0;
  g.out = c_.num_wires;
  g.constant = constant;
  c_.gates.push_back(g);
  return c_.num_wires++;
}

CircuitBuilder::Wire CircuitBuilder::constant(bool bit) {
  const int k = bit ? 1 : 0;
  if (!has_const_[k]) {
    const_wire_[k] = gate(GateType::kEq, 0, 0, bit ? 1 : 0);
    has_const_[k] = true;
  }
  return const_wire_[k];
}

CircuitBuilder::Wire CircuitBuilder::bit_xor(Wire a, Wire b) { return gate(GateType::kXor, a, b); }
CircuitBuilder::Wire CircuitBuilder::bit_and(Wire a, Wire b) { return gate(GateType::kAnd, a, b); }
CircuitBuilder::Wire CircuitBuilder::bit_not(Wire a) { return gate(GateType::kInv, a, 0); }
CircuitBuilder::Wire CircuitBuilder::copy(Wire a) { return gate(GateType::kEqw, a, 0); }
CircuitBuilder::Wire CircuitBuilder::bit_or(Wire a, Wire b) {
  return bit_xor(bit_xor(a, b), bit_and(a, b));
}

CircuitBuilder::Wires CircuitBuilder::constant(std::uint64_t value, std::size_t width) {
  Wires out(width);
  for (std::size_t i = 0; i < width; ++i) out[i] = constant(i < 64 && ((value >> i) & 1));
  return out;
}

CircuitBuilder::Wires CircuitBuilder::bitwise_xor(const Wires& a, const Wires& b) {
  check_same_width(a, b);
  Wires out(a.size());
  for (std::size_t i = 0; i < a.size(); ++i) out[i] = bit_xor(a[i], b[i]);
  return out;
}

CircuitBuilder::Wires CircuitBuilder::bitwise_and(const Wires& a, const Wires& b) {
  check_same_width(a, b);
  Wires out(a.size());
  for (std::size_t i = 0; i < a.size(); ++i) out[i] = bit_and(a[i], b[i]);
  return out;
}

CircuitBuilder::Wires CircuitBuilder::bitwise_not(const Wires& a) {
  Wires out(a.size());
  for (std::size_t i = 0; i < a.size(); ++i) out[i] = bit_not(a[i]);
  return out;
}

namespace {

// The ripple chain add and sub share: out_i = a_i ^ b_i ^ c_i with c_0 = 0, c_1 = first(a_0 ^ b_0)
// and c_{i+1} = next(i, a_i ^ b_i, c_i); no carry is computed out of the top bit. Only the
// carry gates differ between the two, so the gate order stays that of each.
using Wire = CircuitBuilder::Wire;
using Wires = CircuitBuilder::Wires;

template <typename First, typename Next>
Wires ripple(CircuitBuilder& cb, const Wires& a, const Wires& b, First first, Next next) {
  const std::size_t n = a.size();
  Wires out(n);
  if (n == 0) return out;
  Wire axb = cb.bit_xor(a[0], b[0]);
  out[0] = axb;
  if (n == 1) return out;
  Wire carry = first(axb);
  for (std::size_t i = 1; i < n; ++i) {
    axb = cb.bit_xor(a[i], b[i]);
    out[i] = cb.bit_xor(axb, carry);
    if (i + 1 < n) carry = next(i, axb, carry);
  }
  return out;
}

}  // namespace

// Ripple-carry: s_i = a_i ^ b_i ^ c_i, c_{i+1} = c_i ^ ((a_i ^ c_i) & (b_i ^ c_i)) (the majority
// with one AND), c_0 = 0 so c_1 = a_0 & b_0; no carry out of the top bit: n-1 AND.
CircuitBuilder::Wires CircuitBuilder::add(const Wires& a, const Wires& b) {
  check_same_width(a, b);
  return ripple(
      *this, a, b, [&](Wire) { return bit_and(a[0], b[0]); },
      [&](std::size_t i, Wire, Wire c) {
        return bit_xor(c, bit_and(bit_xor(a[i], c), bit_xor(b[i], c)));
      });
}

// Ripple-borrow: d_i = a_i ^ b_i ^ r_i, r_{i+1} = r_i ^ ((a_i ^ b_i) & (b_i ^ r_i)) (the majority
// of ~a_i, b_i, r_i with one AND and no INV), r_0 = 0 so r_1 = (a_0 ^ b_0) & b_0.
CircuitBuilder::Wires CircuitBuilder::sub(const Wires& a, const Wires& b) {
  check_same_width(a, b);
  return ripple(
      *this, a, b, [&](Wire axb) { return bit_and(axb, b[0]); },
      [&](std::size_t i, Wire axb, Wire r) { return bit_xor(r, bit_and(axb, bit_xor(b[i], r))); });
}

// 0 - a: d_i = a_i ^ r_i, r_{i+1} = r_i | a_i, r_1 = a_0: n-2 AND.
CircuitBuilder::Wires CircuitBuilder::neg(const Wires& a) {
  const std::size_t n = a.size();
  Wires d(n);
  if (n == 0) return d;
  d[0] = copy(a[0]);
  Wire borrow = a[0];
  for (std::size_t i = 1; i < n; ++i) {
    d[i] = bit_xor(a[i], borrow);
    if (i + 1 < n) borrow = bit_or(borrow, a[i]);
  }
  return d;
}

// Schoolbook: row i = (a & b_i) << i, accumulated with an (n-i)-bit adder on the high part.
// n + sum_{i=1}^{n-1} ((n-i) + (n-i-1)) = n^2 - n + 1 AND.
CircuitBuilder::Wires CircuitBuilder::mul(const Wires& a, const Wires& b) {
  check_same_width(a, b);
  const std::size_t n = a.size();
  if (n == 0) return {};
  Wires acc(n);
  for (std::size_t j = 0; j < n; ++j) acc[j] = bit_and(a[j], b[0]);
  for (std::size_t i = 1; i < n; ++i) {
    Wires row(n - i), high(acc.begin() + static_cast<std::ptrdiff_t>(i), acc.end());
    for (std::size_t j = 0; j < n - i; ++j) row[j] = bit_and(a[j], b[i]);
    const Wires sum = add(high, row);
    std::copy(sum.begin(), sum.end(), acc.begin() + static_cast<std::ptrdiff_t>(i));
  }
  return acc;
}

// a < b (unsigned) = the borrow out of a - b; signed: the same with both sign bits flipped.
CircuitBuilder::Wire CircuitBuilder::lt(const Wires& a, const Wires& b, Signedness s) {
  check_same_width(a, b);
  const std::size_t n = a.size();
  SMPC_ASSERT(n > 0);
  Wire a_top = a[n - 1], b_top = b[n - 1];
  if (s == Signedness::kSigned) {
    a_top = bit_not(a_top);
    b_top = bit_not(b_top);
  }
  Wire borrow = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const Wire ai = i + 1 == n ? a_top : a[i];
    const Wire bi = i + 1 == n ? b_top : b[i];
    const Wire axb = bit_xor(ai, bi);
    borrow = i == 0 ? bit_and(axb, bi) : bit_xor(borrow, bit_and(axb, bit_xor(bi, borrow)));
  }
  return borrow;
}

CircuitBuilder::Wire CircuitBuilder::le(const Wires& a, const Wires& b, Signedness s) {
  return bit_not(lt(b, a, s));
}

// AND tree over the bitwise equalities.
CircuitBuilder::Wire CircuitBuilder::eq(const Wires& a, const Wires& b) {
  check_same_width(a, b);
  if (a.empty()) return constant(true);
  Wires level(a.size());
  for (std::size_t i = 0; i < a.size(); ++i) level[i] = bit_not(bit_xor(a[i], b[i]));
  while (level.size() > 1) {
    Wires next;
    next.reserve((level.size() + 1) / 2);
    for (std::size_t i = 0; i + 1 < level.size(); i += 2)
      next.push_back(bit_and(level[i], level[i + 1]));
    if (level.size() % 2) next.push_back(level.back());
    level = std::move(next);
  }
  return level[0];
}

CircuitBuilder::Wires CircuitBuilder::mux(Wire sel, const Wires& if_true, const Wires& if_false) {
  check_same_width(if_true, if_false);
  check(sel);
  Wires out(if_true.size());
  for (std::size_t i = 0; i < out.size(); ++i)
    out[i] = bit_xor(if_false[i], bit_and(sel, bit_xor(if_true[i], if_false[i])));
  return out;
}

CircuitBuilder::MinMax CircuitBuilder::min_max(const Wires& a, const Wires& b, Signedness s) {
  const Wire b_lt_a = lt(b, a, s);
  MinMax r;
  r.min = mux(b_lt_a, b, a);
  r.max.resize(a.size());
  for (std::size_t i = 0; i < a.size(); ++i) r.max[i] = bit_xor(bit_xor(a[i], b[i]), r.min[i]);
  return r;
}

CircuitBuilder::Wires CircuitBuilder::min(const Wires& a, const Wires& b, Signedness s) {
  return mux(lt(b, a, s), b, a);
}

CircuitBuilder::Wires CircuitBuilder::max(const Wires& a, const Wires& b, Signedness s) {
  return mux(lt(a, b, s), b, a);
}

CircuitBuilder::ArgMax CircuitBuilder::argmax(const std::vector<Wires>& values, Signedness s) {
  SMPC_ASSERT(!values.empty());
  std::vector<std::uint64_t> labels(values.size());
  for (std::size_t i = 0; i < labels.size(); ++i) labels[i] = i;
  return argmax(values, labels, Ties::kLowestIndex, s);
}

CircuitBuilder::ArgMax CircuitBuilder::argmax(const std::vector<Wires>& values,
                                              const std::vector<std::uint64_t>& labels,
                                              Ties ties, Signedness s) {
  SMPC_ASSERT(!values.empty() && labels.size() == values.size());
  const std::size_t k = values.size();
  const std::size_t index_bits =
      std::max<std::size_t>(1, std::bit_width(*std::max_element(labels.begin(), labels.end())));
  std::vector<ArgMax> level;
  level.reserve(k);
  for (std::size_t i = 0; i < k; ++i) {
    check_same_width(values[i], values[0]);
    level.push_back(ArgMax{constant(labels[i], index_bits), values[i]});
  }
  // Tournament; the left (lower-index) candidate wins ties, so the first maximum is returned
  // (kHighestIndex: the right one, r >= l, so the last maximum).
  while (level.size() > 1) {
    std::vector<ArgMax> next;
    next.reserve((level.size() + 1) / 2);
    for (std::size_t i = 0; i + 1 < level.size(); i += 2) {
      const ArgMax& l = level[i];
      const ArgMax& r = level[i + 1];
      const Wire take_right =
          ties == Ties::kLowestIndex ? lt(l.value, r.value, s) : le(l.value, r.value, s);
      next.push_back(ArgMax{mux(take_right, r.index, l.index), mux(take_right, r.value, l.value)});
    }
    if (level.size() % 2) next.push_back(level.back());
    level = std::move(next);
  }
  return level[0];
}

CircuitBuilder::Wires CircuitBuilder::add_extend(const Wires& a, const Wires& b,
                                                 std::size_t out_width) {
  constexpr Wire kNone = ~Wire{0};
  const std::size_t w = std::max(a.size(), b.size());
  SMPC_ASSERT(out_width <= w + 1);
  Wires out(out_width);
  Wire carry = kNone;
  for (std::size_t i = 0; i < out_width; ++i) {
    const Wire x = i < a.size() ? a[i] : kNone;
    const Wire y = i < b.size() ? b[i] : kNone;
    Wire present[3];
    int np = 0;
    for (Wire v : {x, y, carry})
      if (v != kNone) present[np++] = v;
    const bool need_carry = i + 1 < out_width;
    Wire sum = kNone, next = kNone;
    if (np == 0) {
      sum = constant(false);
    } else if (np == 1) {
      sum = present[0];
    } else if (np == 2) {
      sum = bit_xor(present[0], present[1]);
      if (need_carry) next = bit_and(present[0], present[1]);
    } else {
      sum = bit_xor(bit_xor(x, y), carry);
      if (need_carry) next = bit_xor(carry, bit_and(bit_xor(x, carry), bit_xor(y, carry)));
    }
    out[i] = sum;
    carry = next;
  }
  return out;
}

CircuitBuilder::Wires CircuitBuilder::popcount_range(const Wires& a, std::size_t lo,
                                                     std::size_t hi) {
  if (hi - lo == 1) return {a[lo]};
  const std::size_t mid = lo + (hi - lo) / 2;
  const Wires left = popcount_range(a, lo, mid);
  const Wires right = popcount_range(a, mid, hi);
  return add_extend(left, right, static_cast<std::size_t>(std::bit_width(hi - lo)));
}

CircuitBuilder::Wires CircuitBuilder::popcount(const Wires& a) {
  if (a.empty()) return {constant(false)};
  for (Wire w : a) check(w);
  Wires r = popcount_range(a, 0, a.size());
  // A single input bit is returned as is; copy it so the result is a fresh wire.
  if (a.size() == 1) r[0] = copy(r[0]);
  return r;
}

CircuitBuilder::Wires CircuitBuilder::hamming(const Wires& a, const Wires& b) {
  return popcount(bitwise_xor(a, b));
}

void CircuitBuilder::compare_exchange(std::vector<Wires>& v, std::size_t i, std::size_t j,
                                      Signedness s) {
  MinMax m = min_max(v[i], v[j], s);
  v[i] = std::move(m.min);
  v[j] = std::move(m.max);
}

namespace {

// Batcher's odd-even merge sort for any n: the network for the next power of two with every
// comparator that touches an index >= n dropped (those elements act as +infinity padding, and
// every comparator puts its minimum at the lower index, so dropping them is exact).
template <typename F>
void batcher_network(std::size_t n, F&& comparator) {
  for (std::size_t p = 1; p < n; p *= 2)
    for (std::size_t k = p; k > 0; k /= 2)
      for (std::size_t j = k % p; j + k < n; j += 2 * k)
        for (std::size_t i = 0; i < k && i + j + k < n; ++i)
          if ((i + j) / (2 * p) == (i + j + k) / (2 * p)) comparator(i + j, i + j + k);
}

}  // namespace

std::vector<CircuitBuilder::Wires> CircuitBuilder::sort(const std::vector<Wires>& values,
                                                        Signedness s) {
  std::vector<Wires> v = values;
  for (const Wires& x : v) check_same_width(x, v[0]);
  batcher_network(v.size(), [&](std::size_t i, std::size_t j) { compare_exchange(v, i, j, s); });
  return v;
}

std::size_t CircuitBuilder::sort_comparators(std::size_t count) {
  std::size_t n = 0;
  batcher_network(count, [&](std::size_t, std::size_t) { ++n; });
  return n;
}

}  // namespace smpc

namespace smpc {

// Arithmetization of a Boolean circuit on bits (e.g. Damgård, Fitzi, Kiltz, Nielsen, Toft,
// TCC 2006, §3: x ⊕ y = x + y − 2xy, x ∧ y = xy for x, y ∈ {0, 1}). Wires keep their numbers;
// the helper wires (the constant 1, the product of each XOR) are appended after them.
Circuit boolean_to_field61(const Circuit& boolean) {
  SMPC_ASSERT(boolean.domain == CircuitDomain::kBoolean);
  Circuit c;
  c.domain = CircuitDomain::kField61;
  c.inputs = boolean.inputs;
  c.outputs = boolean.outputs;
  c.num_wires = boolean.num_wires;
  const auto fresh = [&c] { return c.num_wires++; };
  std::uint32_t one = 0;
  bool has_one = false;
  const auto constant_one = [&]() {
    if (!has_one) {
      one = fresh();
      c.gates.push_back(Gate{GateType::kEq, 0, 0, one, 1});
      has_one = true;
    }
    return one;
  };
  constexpr std::uint64_t kMinusTwo = Fp61::kModulus - 2;
  for (const Gate& g : boolean.gates) {
    switch (g.type) {
      case GateType::kXor: {
        const auto product = fresh(), sum = fresh(), twice = fresh();
        c.gates.push_back(Gate{GateType::kMul, g.in0, g.in1, product, 0});
        c.gates.push_back(Gate{GateType::kAdd, g.in0, g.in1, sum, 0});
        c.gates.push_back(Gate{GateType::kMulConst, product, 0, twice, kMinusTwo});
        c.gates.push_back(Gate{GateType::kAdd, sum, twice, g.out, 0});
        break;
      }
      case GateType::kAnd: c.gates.push_back(Gate{GateType::kMul, g.in0, g.in1, g.out, 0}); break;
      case GateType::kInv:
        c.gates.push_back(Gate{GateType::kSub, constant_one(), g.in0, g.out, 0});
        break;
      case GateType::kEq: c.gates.push_back(Gate{GateType::kEq, 0, 0, g.out, g.constant}); break;
      case GateType::kEqw: c.gates.push_back(Gate{GateType::kEqw, g.in0, 0, g.out, 0}); break;
      default: SMPC_ASSERT(false && "not a Boolean gate");
    }
  }
  return c;
}

}  // namespace smpc
