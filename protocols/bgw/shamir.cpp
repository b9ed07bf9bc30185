#include "protocols/bgw/shamir.h"

#include "protocols/core/status.h"

namespace smpc {

std::vector<Fp61> random_polynomial(Fp61 secret, int t, Rng& rng) {
  SMPC_ASSERT(t >= 0);
  std::vector<Fp61> coeffs(static_cast<std::size_t>(t) + 1);
  coeffs[0] = secret;
  for (std::size_t k = 1; k < coeffs.size(); ++k) coeffs[k] = rng.uniform_fp61();
  return coeffs;
}

Fp61 evaluate_polynomial(std::span<const Fp61> coefficients, Fp61 x) {
  Fp61 acc;
  for (auto it = coefficients.rbegin(); it != coefficients.rend(); ++it) acc = acc * x + *it;
  return acc;
}

std::vector<Fp61> shamir_share(Fp61 secret, int t, int n, Rng& rng) {
  const auto f = random_polynomial(secret, t, rng);
  std::vector<Fp61> shares(static_cast<std::size_t>(n));
  for (PartyId p = 0; p < n; ++p)
    shares[static_cast<std::size_t>(p)] = evaluate_polynomial(f, shamir_point(p));
  return shares;
}

std::vector<Fp61> lagrange_at_zero(std::span<const PartyId> parties) {
  std::vector<Fp61> lambda(parties.size());
  for (std::size_t i = 0; i < parties.size(); ++i) {
    // λ_i = Π_{j≠i} α_j / (α_j − α_i)
    Fp61 num = Fp61::from_u64(1), den = Fp61::from_u64(1);
    const Fp61 ai = shamir_point(parties[i]);
    for (std::size_t j = 0; j < parties.size(); ++j) {
      if (j == i) continue;
      const Fp61 aj = shamir_point(parties[j]);
      num *= aj;
      den *= aj - ai;
    }
    lambda[i] = num * den.inverse();
  }
  return lambda;
}

Fp61 shamir_reconstruct(std::span<const PartyId> parties, std::span<const Fp61> shares) {
  SMPC_ASSERT(parties.size() == shares.size());
  const auto lambda = lagrange_at_zero(parties);
  Fp61 acc;
  for (std::size_t i = 0; i < shares.size(); ++i) acc += lambda[i] * shares[i];
  return acc;
}

}  // namespace smpc
