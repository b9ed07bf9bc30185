// Statistics for privacy checks over flattened views: the corrupted coalition's view of one run
// is a fixed-length vector of elements (position k = one element of one received message), and
// a check compares the views of many seeded runs under two input vectors x, x' with f(x) = f(x')
// (scenarios/privacy.h collects them; see docs/privacy.md).
//
// Three tests, each with a stated false-alarm rate when both samples come from the same
// distribution (what privacy against the coalition demands):
//   * two_sample_chi_square: per-position chi-square test of homogeneity between the samples,
//     Bonferroni over positions, so the family-wise false-alarm rate is at most α (up to the
//     chi-square approximation of small counts). Sees marginal differences: constant shares
//     (degree-0 sharing), low-entropy values that depend on the input.
//   * uniformity_chi_square: per-position goodness of fit to the uniform distribution of the
//     element's domain, Bonferroni over positions. Sees low-entropy masks (M04).
//   * relation_test: affine relations over F_p (p = 2^61 − 1) among monomials of degree ≤ 2 in
//     the Mersenne-61 positions that hold on every run of one sample and fail on some run of
//     the other. Sees algebraic leaks invisible to marginals (a product without
//     re-randomisation, M15; a degree-(t−1) sharing, M05). Its false-alarm probability is
//     bounded by Schwartz–Zippel (relation_false_alarm_log10).
// Pure computation: no protocol, scenario or I/O dependency.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "protocols/core/field.h"
#include "protocols/core/fp_linear_algebra.h"  // kernel_basis, used by relation_test

namespace smpc {

// What an element is, which fixes how it is bucketed and whether it takes part in F_p relations.
enum class ElementDomain {
  kField61,   // Mersenne-61 element, canonical value in [0, p)
  kWord64,    // 64-bit word: a Z_2^64 element or one half of a 128-bit block
  kBit,       // 0 or 1
  kByte,      // 0 .. 255
  kOpaque64,  // 64 bits of an encoding that is not uniform even when random (group points,
              // F_{2^127−1} halves): compared between samples, never against uniform
};
const char* element_domain_name(ElementDomain d);

struct ViewPosition {
  std::string name;  // where it came from, e.g. "party 2 <- 0 bgw.input round 1 [0]"
  ElementDomain domain = ElementDomain::kField61;
};

// runs[r][k] = element k of the flattened view in run r; every run has layout.size() elements.
struct ViewSamples {
  std::vector<ViewPosition> layout;
  std::vector<std::vector<std::uint64_t>> runs;
};

// Upper tail P(X ≥ statistic) of the chi-square distribution with `dof` > 0 degrees of freedom
// (Boost.Math); 1 for statistic ≤ 0.
double chi_square_upper_tail(double statistic, double dof);

// Number of top bits used to bucket wide elements when `runs` samples are compared: the largest
// b ≤ 4 with runs / 2^b ≥ min_expected per bucket (at least 1). The two-sample test uses 5;
// the uniformity test 10, because with 5 expected per bucket its chi-square approximation
// alarms about twice as often as stated at α = 1e-3 (measured, docs/privacy.md).
int bucket_bits_for(std::size_t runs, std::size_t min_expected = 5);

struct StatTestResult {
  double statistic = 0;   // chi-square of the most significant position (relations: broken count)
  double p_value = 1;     // family-wise: Bonferroni-adjusted minimum p (relations: the bound)
  bool alarm = false;     // p_value < α (relations: some relation broken)
  std::size_t tested = 0; // positions (or monomials) that took part
  long worst = -1;        // the position with the smallest p-value (or the first broken one)
  std::string detail;     // one line for people
};

// Two-sample chi-square test of homogeneity, per position. A position that is the same constant
// in both samples carries no information and is skipped. A position with at most 16 distinct
// values over both samples is bucketed by exact value, otherwise by its top bucket_bits_for(
// min(|a|, |b|)) bits (bits and bytes by value up to that resolution). Requires equal layouts.
StatTestResult two_sample_chi_square(const ViewSamples& a, const ViewSamples& b, double alpha);

// Goodness of fit of every non-constant position (constant positions are public values such as
// outputs, listed in the detail) to the uniform distribution of its domain, bucketed by top
// bucket_bits_for(runs, 10) bits. kOpaque64 positions are not tested.
StatTestResult uniformity_chi_square(const ViewSamples& a, double alpha);

struct RelationOptions {
  int max_degree = 2;               // 1 or 2
  std::size_t margin = 10;          // runs beyond the number of monomials, per sample
  std::size_t max_monomials = 600;  // cost cap: elimination is O(runs · monomials²)
};

struct RelationTestResult : StatTestResult {
  int degree = 0;                   // highest monomial degree used
  std::size_t positions = 0;        // F_p positions used (in layout order)
  std::size_t quadratic_positions = 0;  // the first ones among them enter degree-2 monomials
  std::size_t monomials = 0;        // including the constant 1
  std::size_t relations_a = 0;      // dimension of the relation space found on each sample
  std::size_t relations_b = 0;
  std::size_t broken = 0;           // basis relations of one sample violated by the other
  double false_alarm_log10 = 0;     // log10 of the Schwartz–Zippel bound
};

// Relations Σ c_m · m(view) = 0 over F_p among monomials m of the kField61 positions (the
// constant monomial included, so these are affine relations) that hold on every run of a
// sample, found as the kernel of the runs × monomials matrix; alarm when a basis relation of
// one sample fails on a run of the other. Positions constant and equal in both samples are left
// out. Monomials: all degree ≤ 2 when they fit in min(max_monomials, runs − margin); else all
// degree-1 plus the degree-2 monomials of the first k positions that fit; else degree 1 on the
// first positions that fit. Too few runs for even that: no alarm, and the detail says so.
RelationTestResult relation_test(const ViewSamples& a, const ViewSamples& b,
                                 const RelationOptions& options = {});

// log10 of the bound on the probability that the relation test alarms although a and b come
// from the same distribution: 2 · C(N, N − M) · (D/p)^(N − M) with N = min runs, M monomials,
// D = degree · 2^20 (the degree of a view element as polynomial in the parties' uniform
// randomness is assumed ≤ 2^20, true for arithmetic circuits of multiplicative depth ≤ 20).
// See docs/privacy.md for the derivation.
double relation_false_alarm_log10(std::size_t runs, std::size_t monomials, int degree);

// Affine relations over F_p between a coalition's part of a correlation (`view`: its shares,
// MACs, the masks it owns) and the secrets hidden from it (`secret`: the honest parties' masks,
// the triple values, the MAC key), both kField61 columns over the same runs. Alarm when the
// column spaces span(1, V) and span(1, S) in F_p^N meet outside span(1): some non-constant
// affine function of the secrets equals an affine function of the coalition's values on every
// run. Relations within V (none in a sound dealer) or within S (c = ab is not affine) are no
// alarm. Needs runs > 1 + |V| + |S|; false alarm ≤ relation_false_alarm_log10(runs,
// 1 + |V| + |S|, 2) (the same kernel argument as relation_test: the values are polynomials of
// degree ≤ 2 in the dealer's uniform draws).
struct FpIntersectionResult : StatTestResult {
  std::size_t dimension = 0;  // dim(span(1,V) ∩ span(1,S)) − 1
  double false_alarm_log10 = 0;
};
FpIntersectionResult fp_relation_between(const ViewSamples& view, const ViewSamples& secret);

// Exact distributions over tuples, as counts (each side's counts are normalised by its total).
using TupleCounts = std::map<std::vector<std::uint64_t>, std::uint64_t>;
// Total variation distance ½ Σ |P(v) − Q(v)|; 0 exactly when the distributions agree.
double total_variation(const TupleCounts& p, const TupleCounts& q);

}  // namespace smpc
