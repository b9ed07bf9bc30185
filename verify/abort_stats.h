// Input-dependent aborts (`smpc verify aborts`): does whether a run aborts, or whom the honest
// parties blame, depend on the honest inputs? Two samples of runs — honest inputs x and x′ that
// give the coalition the same outputs, fresh seeds — and, per sample, how many runs aborted and
// which blame each run ended with.
//
//  * abort-or-not: Fisher's exact test of the 2x2 table (sample × aborted);
//  * blame: for every blame class seen ("none", "party 2", "parties 1, 3", ...), Fisher's test
//    of (sample × this class), Bonferroni over the classes;
//  * alarm when min(p_abort, p_blame) · 2 < alpha (Bonferroni over the two tests);
//  * leaked bits: the mutual information between a uniform choice of x or x′ and abort-or-not,
//    I = H((p + p′)/2) − (H(p) + H(p′))/2 ≤ 1 bit, with p, p′ the abort rates: the plug-in
//    estimate, and its range over the box of Clopper-Pearson intervals for p and p′ (each at
//    1 − (1 − confidence)/2, so the box holds both rates with probability ≥ confidence).
#pragma once

#include <cstddef>
#include <map>
#include <string>

namespace smpc {

struct AbortSample {
  std::size_t runs = 0;
  std::size_t aborted = 0;                    // runs in which some honest party had no output
  std::map<std::string, std::size_t> blame;  // blame class -> runs
};

struct AbortTestResult {
  double p_abort = 1;
  double p_blame = 1;  // Bonferroni-adjusted over the classes
  std::string blame_class;  // the class with the smallest p ("" when all runs share one)
  bool alarm = false;
  double leak_bits = 0;  // plug-in estimate
  double leak_low = 0;   // the confidence box's range
  double leak_high = 0;
};

AbortTestResult abort_dependence_test(const AbortSample& x, const AbortSample& swapped,
                                      double alpha, double confidence);

// Does the class a run falls in (a blame, the shape of a coalition's view, ...) depend on the
// sample? Fisher's test of (sample × this class) for every class seen in either sample,
// Bonferroni over the classes: p is the smallest adjusted p-value and cls its class (p = 1 and
// cls "" when every run of both samples is in one class).
struct ClassDependence {
  double p = 1;
  std::string cls;
};
ClassDependence class_dependence_test(const std::map<std::string, std::size_t>& x,
                                      std::size_t x_runs,
                                      const std::map<std::string, std::size_t>& y,
                                      std::size_t y_runs);

// I(S; A) in bits for S uniform on two samples whose abort rates are p0 and p1.
double abort_leak_bits(double p0, double p1);
// Clopper-Pearson interval of a binomial rate: k successes in n trials, two-sided `level`.
std::pair<double, double> clopper_pearson(std::size_t k, std::size_t n, double level);

}  // namespace smpc
