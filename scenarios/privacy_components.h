// Privacy of building blocks, outside any protocol run (docs/privacy.md): commitment hiding, and
// the independence of correlated randomness from what a coalition must not learn. The
// statistics are verify/gf2_stats.h (bits) and verify/privacy_stats.h (F_p); the seeded bugs
// M31-M34 (protocols/core/mutants.h) are what these checks are shown to catch. A mutant is
// active when the caller activates it (ScopedMutant); nothing here sets one.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "protocols/core/status.h"
#include "protocols/core/types.h"
#include "protocols/gmw/bit_triples.h"
#include "scenarios/privacy.h"

namespace smpc {

struct ComponentReport {
  std::string name;
  int runs = 0;  // trials or sampled correlations
  std::vector<PrivacyCheck> checks;
  bool alarm = false;
  std::string summary;
  nlohmann::ordered_json json() const;
};

// Commitment hiding (protocols/crypto/commit.h) over the value space {0..15}: in each trial the
// challenger commits to a uniform value with commit()'s own fresh randomness; the distinguisher
// tries every value with every randomness of a dictionary of 2^10 low-entropy strings (the first
// 10 bits free, the rest zero) and guesses the value that opens the commitment, or a uniform
// guess when none does. Checks:
//   "brute-force distinguisher": its correct guesses against Binomial(trials, 1/16), exact
//      one-sided tail, alarm below alpha. Hiding demands advantage ~0; the detail gives the
//      advantage (correct/trials − 1/16)/(15/16).
//   "repeated commitments": two commitments to the same value per trial must differ (a
//      deterministic commitment repeats); alarm on any repeat (false alarm 2^-256 per trial).
Result<ComponentReport> commitment_hiding_test(int trials, std::uint64_t seed, double alpha);

// Sources of correlated randomness and what a coalition C must be independent of:
//   kGmwDealerTriples  dealer_bit_triples: C's (a, b, c) bits vs the triples' a, b, c
//   kGmwOtTriples      ot_bit_triples over LocalNetwork: the same, from the OT-based offline
//                      phase (IKNP random OT between every pair)
//   kSpdzDealer        spdz_deal: C's MAC-key shares, mask shares and MACs, triple shares and
//                      the masks it owns, vs the MAC key, the honest parties' input masks and
//                      the triple values
// Checks: bits: per-bit independence (Fisher), GF(2) relations (null q = 3/4 for triples),
// uniformity of C's bits; F_p: affine relations between C's values and the secrets, share
// uniformity (chi-square) of C's varying values.
enum class CorrelationSource { kGmwDealerTriples, kGmwOtTriples, kSpdzDealer };
const char* correlation_source_name(CorrelationSource s);

struct CorrelationOptions {
  CorrelationSource source = CorrelationSource::kGmwDealerTriples;
  int parties = 3;
  std::vector<PartyId> coalition = {2};
  int runs = 200;  // samples
  double alpha = 1e-3;
  std::uint64_t seed = 1;
  // kGmwOtTriples: samples per protocol run (each run makes samples_per_run groups of 4
  // triples, seed + i for run i); 1 = a fresh run, base OTs included, per sample.
  int samples_per_run = 25;
  // Bit triples: applied to every sample's triples (all parties') before the checks, so tests
  // can plant a bug in any source without a switch in the protocol code.
  std::function<void(std::vector<BitTriples>&)> plant;
};
Result<ComponentReport> correlation_test(const CorrelationOptions& o);
// The test for every single party as C (the coalition of `o` ignored); alarm if any alarms.
Result<std::vector<ComponentReport>> correlation_sweep(const CorrelationOptions& o);

}  // namespace smpc
