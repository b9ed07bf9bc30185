// Shared by the FROST suites: random signer sets and one seeded random signing run (the group,
// party body and cheating signer come from scenarios/frost_checks.h).
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <numeric>
#include <string>

#include "protocols/core/local_network.h"
#include "protocols/frost/sign_protocol.h"
#include "scenarios/frost_checks.h"
#include "tests/support/run_stats.h"

namespace smpc::frost::test {

using frost::make_group;
using frost::sign_body;
using frost::signature_at;

inline std::vector<std::uint64_t> random_signers(Rng& rng, int n, int count) {
  std::vector<std::uint64_t> ids(static_cast<std::size_t>(n));
  std::iota(ids.begin(), ids.end(), 1);
  for (std::size_t i = ids.size(); i > 1; --i) std::swap(ids[i - 1], ids[rng.uniform_below(i)]);
  ids.resize(static_cast<std::size_t>(count));
  std::sort(ids.begin(), ids.end());
  return ids;
}

// One seeded min-of-n signing run (n ≤ 7, a random signer set of size ≥ min, one or two
// random messages): "" when every signature verifies as plain Schnorr and the run costs exactly
// sign_cost, else what went wrong. Used by the property and by the 1,000-run test.
inline std::string check_random_signing(std::uint64_t seed) {
  Rng rng(seed, 0, "frost-sign-test");
  const int n = 1 + static_cast<int>(rng.uniform_below(7));
  const int min = 1 + static_cast<int>(rng.uniform_below(static_cast<std::uint64_t>(n)));
  const int k = min + static_cast<int>(rng.uniform_below(static_cast<std::uint64_t>(n - min + 1)));
  std::vector<Bytes> msgs(1 + rng.uniform_below(2));
  for (Bytes& m : msgs) {
    m.resize(rng.uniform_below(40));
    rng.fill(m);
  }
  const auto g = make_group(seed, min, n, random_signers(rng, n, k), msgs);
  const std::string where = "seed " + std::to_string(seed) + ": ";
  if (auto e = check_sign_config(g.cfg); !e.empty()) return where + e;
  const RunResult r = run_local(n + 1, {seed, 30}, sign_body(g));
  if (r.parties[0].status != PartyStatus::kOutput) return where + r.parties[0].abort_reason;
  if (r.parties[0].outputs.size() != 8 * msgs.size()) return where + "wrong output size";
  for (std::size_t s = 0; s < msgs.size(); ++s)
    if (!verify_signature(g.keys.group_public_key, msgs[s], signature_at(r.parties[0].outputs, s)))
      return where + "signature " + std::to_string(s) + " does not verify";
  const SignCost cost = sign_cost(g.cfg);
  if (smpc::testing::bytes_by_label(r) != cost.bytes) return where + "bytes differ from sign_cost";
  if (smpc::testing::max_round(r) != cost.rounds) return where + "rounds differ from sign_cost";
  return "";
}

}  // namespace smpc::frost::test
