// Privacy checks on real runs: the input-swap test and share uniformity (`smpc verify privacy`,
// docs/privacy.md).
//
// Input swap: for honest inputs x and x' that give the corrupted coalition the same outputs,
// privacy against a passive coalition means its view has the same distribution under x and x'.
// The driver runs the scenario N times under each (seeds first_seed .. first_seed+N−1 for x,
// the next N seeds for x', so the two samples are independent), flattens the coalition's views
// (each member's received messages, and the messages it sent to honest parties) into a fixed
// layout keyed by (member, round, received/sent, peer, label, occurrence, part, element) —
// independent of arrival order — and applies the tests of verify/privacy_stats.h:
//   "chi-square (two-sample, per element)"   family-wise false-alarm rate α (Bonferroni)
//   "algebraic relations over F_p"           false alarm ≤ the stated Schwartz–Zippel bound
//   "share uniformity"                       (with `uniformity`) α, on the runs under x
//   "per-bit independence (Fisher)"          α: every bit of every element against the side
//   "linear relations over GF(2)"            false alarm ≤ the stated union bound (< 2^-30)
// The last two (verify/gf2_stats.h) see plaintext-bit leaks of Boolean and OT-based protocols
// (Yao labels, GMW openings); the coalition's inputs and outputs are equal under x and x', so
// only relations with the side — explained by the honest inputs — can alarm.
// A test can show that a distinguisher exists; passing it never proves privacy.
//
// Exact checks over small prime fields: enumerate all of the dealer's randomness and compare
// the exact joint distribution of the coalition's shares for two secrets (total variation 0 ⇔
// perfect privacy), through the same Shamir code the protocols run (protocols/bgw/shamir.h).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "protocols/core/mutants.h"
#include "protocols/core/status.h"
#include "scenarios/runner.h"
#include "scenarios/scenario.h"
#include "verify/privacy_stats.h"

namespace smpc {

struct PrivacyOptions {
  int runs = 200;                // executions per input vector
  double alpha = 1e-3;           // family-wise false-alarm rate of the statistical tests
  std::uint64_t first_seed = 1;
  Backend backend = Backend::kLocal;
  bool uniformity = false;       // also test the x-runs' views against uniform shares
  // Input pairs: the swap file's (x, x'), then pairs − 1 drawn from first_seed
  // (draw_input_pairs); every test runs per pair at α / pairs (GF(2): 2^-30 / pairs).
  int pairs = 1;
  Mutant mutant = Mutant::kNone; // seeded bug active during the runs (SMPC_MUTANTS builds)
  std::function<void(const std::string&)> progress;
};

// Names of the checks whose p_value is a false-alarm bound rather than a p-value.
inline constexpr const char* kFpRelationCheck = "algebraic relations over F_p";
inline constexpr const char* kGf2RelationCheck = "linear relations over GF(2)";
inline constexpr const char* kBitIndependenceCheck = "per-bit independence (Fisher)";
// An active coalition only: does the shape of its view (where an abort cut it) depend on x?
inline constexpr const char* kViewShapeCheck = "view shape (Fisher per shape)";

struct PrivacyCheck {
  std::string name;
  double statistic = 0;
  double p_value = 1;  // Bonferroni-adjusted p-value; relations: the false-alarm bound
  bool alarm = false;
  std::string detail;
  // What the check left out (e.g. "GF(2) relations checked on 0 of 87038 varying view bits");
  // repeated in the report's summary so that a pass says what it did not look at.
  std::string unchecked;
};

struct PrivacyReport {
  std::vector<PrivacyCheck> checks;
  bool distinguishable = false;  // some check alarmed
  int runs = 0;                  // per input vector
  double alpha = 0;
  std::string summary;
  nlohmann::ordered_json json() const;
};

// The swap file: {"inputs": [[...], ...]} with the shape of the scenario's /inputs. Errors
// name the file and the JSON pointer.
Result<std::vector<nlohmann::json>> load_swap_file(const std::string& path);

// The swap's x' against the scenario's x: the same shape, the corrupted parties' inputs
// unchanged, some honest input changed (errors name "swapped inputs: /inputs/p").
Status check_swap_shape(const Scenario& s, const std::vector<nlohmann::json>& swapped_inputs);
// f(x) = f(x') for every corrupted party (the ideal outputs of one run of each, seed
// o.first_seed): the swap must not change what the coalition is entitled to learn.
Status same_coalition_outputs(const Scenario& s, const Scenario& swapped, const PrivacyOptions& o);

// An active coalition (malicious, a program, or a script that edits messages) is compared
// under attack: its views may end at different points (aborts), so the test adds "view shape"
// (which layout a run's view has, against the side: Fisher per layout, Bonferroni) and runs the
// element tests on the layout both sides share most (at least 2 runs each), saying how many runs
// that covered. Errors (bad input): no corrupted party; `uniformity` with an active coalition;
// swapped inputs of the wrong shape or changing a corrupted party's input; different outputs
// for the coalition under x and x'; a passive coalition whose views' layout differs between
// runs; any failure to run the scenario.
Result<PrivacyReport> run_privacy_test(const Scenario& s,
                                       const std::vector<nlohmann::json>& swapped_inputs,
                                       const PrivacyOptions& o);
// Random honest input pairs (x, x') with the corrupted parties' inputs fixed and equal ideal
// outputs (all of them), x ≠ x', drawn from `seed` by rejection: every honest value uniform
// below 2^bits for millionaires and second_price_auction, in {0, 1} for vote; other functions
// are an error (give further pairs as swap files).
Result<std::vector<std::pair<std::vector<nlohmann::json>, std::vector<nlohmann::json>>>>
draw_input_pairs(const Scenario& s, int count, std::uint64_t seed);
// Share uniformity alone, on o.runs runs with the scenario's inputs.
Result<PrivacyReport> run_uniformity_test(const Scenario& s, const PrivacyOptions& o);

// `--coalitions all`: the test once for every single party as the passive coalition, whatever
// the scenario corrupts (its adversary, if any, must be passive). With swapped inputs, a party
// whose input differs between x and x', or whose output does, is skipped with the reason (the
// swap is no test of privacy against it); swapped == nullptr runs the uniformity test. Seeds
// are the same for every coalition.
struct CoalitionPrivacy {
  std::vector<PartyId> corrupt;
  bool tested = false;
  std::string skipped;  // why not, when not tested
  PrivacyReport report;
};
struct PrivacySweep {
  std::vector<CoalitionPrivacy> coalitions;
  int tested = 0;
  bool distinguishable = false;  // some tested coalition's report is
  std::string summary;
  nlohmann::ordered_json json() const;
};
Result<PrivacySweep> run_privacy_sweep(const Scenario& s,
                                       const std::vector<nlohmann::json>* swapped_inputs,
                                       const PrivacyOptions& o);

// The coalition's views of one run record (rec.adversary["views"]) flattened: layout and
// values. Exposed for tests; errors name the view entry that cannot be decoded.
struct FlatView {
  std::vector<ViewPosition> layout;
  std::vector<std::uint64_t> values;
};
Result<FlatView> flatten_views(const nlohmann::ordered_json& views);

// Exact enumeration over F_prime (prime in {5, 7, 11, 13}).
struct ExactPrivacyResult {
  std::uint64_t prime = 0;
  std::uint64_t outcomes = 0;  // randomness choices enumerated per secret
  std::size_t support_a = 0;   // distinct coalition views under each secret
  std::size_t support_b = 0;
  double total_variation = 0;  // 0 exactly when the view distributions agree
  std::string detail;
};
// Shamir sharing among n parties with threshold t: the joint distribution of the shares of
// `coalition` when the secret is s0 versus s1, over every choice of the dealer's t random
// coefficients (shamir_share<SmallPrimeField<prime>>: the M05 switch applies).
Result<ExactPrivacyResult> exact_shamir_privacy(std::uint64_t prime, int n, int t,
                                                const std::vector<PartyId>& coalition,
                                                std::uint64_t s0, std::uint64_t s1);
// One Gennaro–Rabin–Rabin multiplication z = x·y (party 0 deals x, party 1 deals y, then every
// party reshares its product share and recombines; bgw_semi_honest.h step 2) over F_prime: the
// coalition's view (its random coefficients, the shares it receives, the honest parties' output
// shares of z) under (x, y) versus (x2, y2), over all randomness of all parties. With
// rerandomise = false the reshare polynomials are constant, modelling M15 (whose switch itself
// lives in the real protocol and is caught by the statistical test).
Result<ExactPrivacyResult> exact_grr_multiplication_privacy(
    std::uint64_t prime, int n, int t, const std::vector<PartyId>& coalition, std::uint64_t x,
    std::uint64_t y, std::uint64_t x2, std::uint64_t y2, bool rerandomise = true);

}  // namespace smpc
