#include "protocols/crypto/pedersen.h"

#include <string_view>

#include "protocols/core/ops.h"

namespace smpc {

const RistrettoPoint& pedersen_h() {
  static const RistrettoPoint h =
      uncounted([] { return RistrettoPoint::hash("smpc-pedersen-H", 0, ByteSpan{}); });  // ops.h
  return h;
}

RistrettoPoint pedersen_commit(const Scalar& v, const Scalar& r) {
  return RistrettoPoint::base_mul_any(v) + pedersen_h().mul_any(r);
}

Scalar evaluate_polynomial(const std::vector<Scalar>& coefficients, std::uint64_t x) {
  const Scalar xs = Scalar::from_u64(x);
  Scalar acc = Scalar::from_u64(0);
  for (auto it = coefficients.rbegin(); it != coefficients.rend(); ++it) acc = acc * xs + *it;
  return acc;
}

RistrettoPoint evaluate_vss_commitment(const std::vector<RistrettoPoint>& c, std::uint64_t x) {
  // Horner in the exponent: (((C_d)·x + C_{d−1})·x + …) + C_0.
  RistrettoPoint acc = RistrettoPoint::identity();
  const Scalar xs = Scalar::from_u64(x);
  for (auto it = c.rbegin(); it != c.rend(); ++it) acc = acc.mul_any(xs) + *it;
  return acc;
}

std::vector<Scalar> multiply_polynomials(const std::vector<Scalar>& a,
                                         const std::vector<Scalar>& b) {
  if (a.empty() || b.empty()) return {};
  std::vector<Scalar> out(a.size() + b.size() - 1, Scalar::from_u64(0));
  for (std::size_t i = 0; i < a.size(); ++i)
    for (std::size_t j = 0; j < b.size(); ++j) out[i + j] = out[i + j] + a[i] * b[j];
  return out;
}

std::optional<Scalar> interpolate_at_zero(const std::vector<std::uint64_t>& xs,
                                          const std::vector<Scalar>& ys) {
  Scalar acc = Scalar::from_u64(0);
  for (std::size_t i = 0; i < xs.size(); ++i) {
    // λ_i = Π_{j≠i} x_j / (x_j − x_i)
    Scalar num = Scalar::from_u64(1), den = Scalar::from_u64(1);
    for (std::size_t j = 0; j < xs.size(); ++j) {
      if (j == i) continue;
      num = num * Scalar::from_u64(xs[j]);
      den = den * (Scalar::from_u64(xs[j]) - Scalar::from_u64(xs[i]));
    }
    const auto inv = den.inverse();
    if (!inv) return std::nullopt;
    acc = acc + ys[i] * num * *inv;
  }
  return acc;
}

std::optional<std::uint64_t> scalar_to_u64(const Scalar& s) {
  const auto& b = s.bytes();
  for (std::size_t i = 8; i < b.size(); ++i)
    if (b[i] != 0) return std::nullopt;
  std::uint64_t v = 0;
  for (std::size_t i = 0; i < 8; ++i) v |= std::uint64_t{b[i]} << (8 * i);
  return v;
}

}  // namespace smpc
