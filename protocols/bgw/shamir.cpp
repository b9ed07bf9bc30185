#include "protocols/bgw/shamir.h"

#include "protocols/core/mutants.h"

namespace smpc {

int shamir_dealing_degree(int t) {
  // M05: the dealer's polynomial has degree t − 1, so t shares determine the secret.
  if (mutant_active(Mutant::kM05) && t > 0) return t - 1;
  return t;
}

bool shamir_lagrange_table_mutated() { return mutant_active(Mutant::kM40); }

}  // namespace smpc
