#include "protocols/psi/ideal.h"

#include <bit>

#include "protocols/core/status.h"

namespace smpc {
namespace {

struct Builder {
  Circuit c;
  std::uint32_t gate(GateType t, std::uint32_t a, std::uint32_t b = 0, std::uint64_t k = 0) {
    c.gates.push_back({t, a, b, c.num_wires, k});
    return c.num_wires++;
  }
  std::uint32_t inv(std::uint32_t a) { return gate(GateType::kInv, a); }
  std::uint32_t and_(std::uint32_t a, std::uint32_t b) { return gate(GateType::kAnd, a, b); }
  std::uint32_t xor_(std::uint32_t a, std::uint32_t b) { return gate(GateType::kXor, a, b); }
};

// [x == y] for two 64-bit elements starting at input wires x and y: AND of the XNORs.
std::uint32_t equal(Builder& b, std::uint32_t x, std::uint32_t y) {
  std::uint32_t acc = b.inv(b.xor_(x, y));
  for (std::uint32_t i = 1; i < kPsiElementBits; ++i)
    acc = b.and_(acc, b.inv(b.xor_(x + i, y + i)));
  return acc;
}

// OR of the wires, as NOT(AND of NOTs).
std::uint32_t any_of(Builder& b, const std::vector<std::uint32_t>& w) {
  std::uint32_t none = b.inv(w[0]);
  for (std::size_t i = 1; i < w.size(); ++i) none = b.and_(none, b.inv(w[i]));
  return b.inv(none);
}

// Σ bits as a ripple counter of `width` bits (half adders), starting from constant zeros.
std::vector<std::uint32_t> count(Builder& b, const std::vector<std::uint32_t>& bits,
                                 std::size_t width) {
  std::vector<std::uint32_t> acc;
  for (std::size_t t = 0; t < width; ++t) acc.push_back(b.gate(GateType::kEq, 0, 0, 0));
  for (std::uint32_t carry : bits)
    for (std::size_t t = 0; t < width; ++t) {
      const std::uint32_t sum = b.xor_(acc[t], carry);
      carry = b.and_(acc[t], carry);
      acc[t] = sum;
    }
  return acc;
}

std::vector<std::uint32_t> range(std::uint32_t first, std::size_t n) {
  std::vector<std::uint32_t> w(n);
  for (std::size_t i = 0; i < n; ++i) w[i] = first + static_cast<std::uint32_t>(i);
  return w;
}

}  // namespace

std::size_t psi_count_bits(std::size_t m) {
  return std::max<std::size_t>(1, static_cast<std::size_t>(std::bit_width(m)));
}

Circuit psi_circuit(const PsiShape& s) {
  SMPC_ASSERT(s.m >= 1 && s.k >= 1 && s.m * s.k <= kMaxIdealPairs);
  Builder b;
  b.c.domain = CircuitDomain::kBoolean;
  const auto x0 = 0u, y0 = static_cast<std::uint32_t>(kPsiElementBits * s.m);
  b.c.num_wires = static_cast<std::uint32_t>(kPsiElementBits * (s.m + s.k));
  b.c.inputs = {{"set", 0, range(x0, kPsiElementBits * s.m)},
                {"set", 1, range(y0, kPsiElementBits * s.k)}};
  // eq[i][j] = [x_i == y_j]
  std::vector<std::vector<std::uint32_t>> eq(s.m, std::vector<std::uint32_t>(s.k));
  for (std::size_t i = 0; i < s.m; ++i)
    for (std::size_t j = 0; j < s.k; ++j)
      eq[i][j] = equal(b, x0 + static_cast<std::uint32_t>(kPsiElementBits * i),
                       y0 + static_cast<std::uint32_t>(kPsiElementBits * j));
  std::vector<std::uint32_t> in_y;
  for (std::size_t i = 0; i < s.m; ++i) in_y.push_back(any_of(b, eq[i]));
  if (s.output == PsiOutput::kCardinality) {
    // |X ∩ Y| counts each element once: x_i only where no x_j, j < i, equals it (a set given
    // with a repeat, as a substituted input can be, is that set).
    std::vector<std::uint32_t> counted = in_y;
    for (std::size_t i = 1; i < s.m; ++i) {
      std::vector<std::uint32_t> earlier;
      for (std::size_t j = 0; j < i; ++j)
        earlier.push_back(equal(b, x0 + static_cast<std::uint32_t>(kPsiElementBits * i),
                                x0 + static_cast<std::uint32_t>(kPsiElementBits * j)));
      counted[i] = b.and_(in_y[i], b.inv(any_of(b, earlier)));
    }
    b.c.outputs = {{"cardinality", {0}, count(b, counted, psi_count_bits(s.m))}};
    return b.c;
  }
  b.c.outputs = {{"party0_in_intersection", {0}, in_y}};
  if (s.output == PsiOutput::kBoth) {
    std::vector<std::uint32_t> in_x;
    for (std::size_t j = 0; j < s.k; ++j) {
      std::vector<std::uint32_t> col;
      for (std::size_t i = 0; i < s.m; ++i) col.push_back(eq[i][j]);
      in_x.push_back(any_of(b, col));
    }
    b.c.outputs.push_back({"party1_in_intersection", {1}, in_x});
  }
  return b.c;
}

std::optional<PsiShape> psi_shape(const Circuit& c) {
  if (c.domain != CircuitDomain::kBoolean || c.inputs.size() != 2 || c.outputs.empty() ||
      c.inputs[0].wires.size() % kPsiElementBits != 0 ||
      c.inputs[1].wires.size() % kPsiElementBits != 0)
    return std::nullopt;
  PsiShape s;
  s.m = c.inputs[0].wires.size() / kPsiElementBits;
  s.k = c.inputs[1].wires.size() / kPsiElementBits;
  if (s.m == 0 || s.k == 0 || s.m * s.k > kMaxIdealPairs) return std::nullopt;
  s.output = c.outputs[0].name == "cardinality" ? PsiOutput::kCardinality
             : c.outputs.size() == 2            ? PsiOutput::kBoth
                                                : PsiOutput::kReceiver;
  // The gate count pins the shape before the (larger) full comparison.
  const Circuit expected = psi_circuit(s);
  if (expected.gates.size() != c.gates.size() || !(expected == c)) return std::nullopt;
  return s;
}

std::vector<std::uint64_t> psi_element_bits(std::span<const std::uint64_t> elements) {
  std::vector<std::uint64_t> bits;
  bits.reserve(elements.size() * kPsiElementBits);
  for (std::uint64_t v : elements)
    for (std::size_t i = 0; i < kPsiElementBits; ++i) bits.push_back((v >> i) & 1);
  return bits;
}

std::vector<std::uint64_t> psi_elements_of_bits(std::span<const std::uint64_t> bits) {
  std::vector<std::uint64_t> out(bits.size() / kPsiElementBits, 0);
  for (std::size_t e = 0; e < out.size(); ++e)
    for (std::size_t i = 0; i < kPsiElementBits; ++i)
      out[e] |= (bits[e * kPsiElementBits + i] & 1) << i;
  return out;
}

}  // namespace smpc
