#include "protocols/bgw/reed_solomon.h"

#include "protocols/bgw/shamir.h"
#include "protocols/core/fp_linear_algebra.h"
#include "protocols/core/status.h"

namespace smpc {
namespace {

std::size_t agreements(std::span<const Fp61> poly, std::span<const Fp61> xs,
                       std::span<const Fp61> ys) {
  std::size_t ok = 0;
  for (std::size_t i = 0; i < xs.size(); ++i) ok += evaluate_polynomial(poly, xs[i]) == ys[i];
  return ok;
}

}  // namespace

std::vector<Fp61> interpolate_coefficients(std::span<const Fp61> xs, std::span<const Fp61> ys) {
  SMPC_ASSERT(xs.size() == ys.size());
  const std::size_t k = xs.size();
  // M(x) = Π (x − x_m); each Lagrange basis polynomial is M(x) / (x − x_j) scaled.
  std::vector<Fp61> master(k + 1);
  master[0] = Fp61::from_u64(1);
  for (std::size_t m = 0; m < k; ++m) {
    for (std::size_t d = m + 1; d > 0; --d) master[d] = master[d - 1] - xs[m] * master[d];
    master[0] = -xs[m] * master[0];
  }
  std::vector<Fp61> out(k);
  std::vector<Fp61> quotient(k);
  for (std::size_t j = 0; j < k; ++j) {
    // Synthetic division of M by (x − x_j).
    Fp61 carry;
    for (std::size_t d = k; d > 0; --d) {
      carry = master[d] + carry * xs[j];
      quotient[d - 1] = carry;
    }
    Fp61 denom = Fp61::from_u64(1);
    for (std::size_t m = 0; m < k; ++m)
      if (m != j) denom *= xs[j] - xs[m];
    const Fp61 scale = ys[j] * denom.inverse();
    for (std::size_t d = 0; d < k; ++d) out[d] += scale * quotient[d];
  }
  return out;
}

int rs_correctable_errors(std::size_t points, int degree) {
  const auto n = static_cast<long long>(points);
  return n <= degree ? 0 : static_cast<int>((n - degree - 1) / 2);
}

std::optional<std::vector<Fp61>> berlekamp_welch(std::span<const Fp61> xs, std::span<const Fp61> ys,
                                                 int degree) {
  SMPC_ASSERT(xs.size() == ys.size() && degree >= 0);
  const std::size_t n = xs.size();
  const auto k = static_cast<std::size_t>(degree) + 1;
  if (n < k) return std::nullopt;
  const auto e = static_cast<std::size_t>(rs_correctable_errors(n, degree));

  // Fast path (every honest run): the polynomial through the first k points fits all but e.
  {
    auto p = interpolate_coefficients(xs.first(k), ys.first(k));
    if (agreements(p, xs, ys) + e >= n) return p;
  }
  if (e == 0) return std::nullopt;

  // Berlekamp–Welch: find E monic of degree e (the error locator) and Q of degree < e + k with
  // Q(x_i) = y_i E(x_i) for every i; then P = Q / E. Unknowns: E_0..E_{e-1}, Q_0..Q_{e+k-1}.
  const std::size_t unknowns = e + (e + k);
  std::vector<std::vector<Fp61>> rows(n, std::vector<Fp61>(unknowns + 1));
  for (std::size_t i = 0; i < n; ++i) {
    Fp61 pw = Fp61::from_u64(1);
    for (std::size_t d = 0; d < e + k; ++d) {
      if (d < e) rows[i][d] = -(ys[i] * pw);
      rows[i][e + d] = pw;
      pw *= xs[i];
    }
    rows[i][unknowns] = ys[i] * xs[i].pow(e);  // the monic x^e term of E moved to the right
  }
  const auto sol = solve_linear_system(std::move(rows), unknowns);
  if (!sol) return std::nullopt;
  std::vector<Fp61> errloc(e + 1), q(e + k);
  for (std::size_t d = 0; d < e; ++d) errloc[d] = (*sol)[d];
  errloc[e] = Fp61::from_u64(1);
  for (std::size_t d = 0; d < e + k; ++d) q[d] = (*sol)[e + d];
  // Long division Q / E (E monic).
  std::vector<Fp61> quot(k);
  for (std::size_t d = e + k; d-- > e;) {
    const Fp61 c = q[d];
    quot[d - e] = c;
    for (std::size_t j = 0; j <= e; ++j) q[d - e + j] -= c * errloc[j];
  }
  for (std::size_t d = 0; d < e; ++d)
    if (q[d] != Fp61()) return std::nullopt;  // E does not divide Q: no codeword close enough
  if (agreements(quot, xs, ys) + e < n) return std::nullopt;
  return quot;
}

}  // namespace smpc
