// Private inference models as fixed-point programs (fixed.h): logistic regression and a
// two-layer MLP with ReLU, both ending in the piecewise-linear sigmoid below. ReLU(a) =
// a·(1 − [a < 0]) with [a < 0] = −Floor(a, k − f) (a truncation's output is below 2^(k−f)).
//
// Inputs of the program, in order: the model owner's parameters (weights then biases, as
// listed per model below), then the data owner's d features; all encoded at scale 2^f.
//
// Sigmoid. σ(x) ≈ the chord interpolation of σ at the knots kSigmoidKnots (21 knots,
// −8 .. 8, denser in [−3, 3] where σ'' is largest), constant σ(−8) below and σ(8) above. Every
// knot is a multiple of 1/2, so s is, on each of the 32 cells [−8 + v/2, −8 + (v+1)/2), one
// chord: s(x) = A_v x + B_v, and the program finds the cell instead of comparing x with each
// knot (models.cpp sigmoid_all):
//   y = Floor(x + 8, −1 fractional bits) = ⌊2(x + 8)⌋ (exact, fixed.h "Floor"), its 5 low bits
//   from Floor(y, i), i = 1..5, and [0 ≤ y < 32] from two Floors over the few bits y can have
//   (x is a truncation's output, so |x| < 2^(k−1−2f) + 2^−f); A_v and B_v as multilinear
//   polynomials in the 5 bits (Möbius coefficients of the tables: 26 monomial products);
//   s = mid·(A x + B) + [y < 0]σ(−8) + [y ≥ 32]σ(8), one truncation.
// The tables are encoded at scale 2^f, and each cell uses its own segment's slope (no slope
// differences that accumulate rounding error). Cost at f = 12: 2 Floor batches (over 11 bits,
// then 1..5 and 9 bits: 40 BitLT products, 10 rounds), 29 products in 4 batches, one
// truncation: 69 products and 44 shared bits (+ 12 for the truncation), 15 rounds (the 21
// knot comparisons it replaced would take 883 products and 651 bits, + 12, in 8 rounds).
// Max |s(x) − σ(x)| over all x: kSigmoidMaxError (sigmoid_max_error() computes it on a 10^-4
// grid over [−20, 20], enough as σ' ≤ 1/4;
// tests/fixedpoint checks it, and that the program computes s). The fixed-point result adds
// at most 2^−(f+1)(|x| + 1) + 2^−f (error_bound).
//
// Logistic regression, d features: parameters w_1..w_d, b; score = s(TruncPr(Σ w_i x_i +
// b·2^f)). 1 product batch, 1 truncation, then the sigmoid.
// MLP, d features, h hidden units: parameters W1 (h × d, row by row), b1 (h), w2 (h), b2;
// hidden_j = ReLU(TruncPr(Σ_i W1_ji x_i + b1_j·2^f)), score = s(TruncPr(Σ_j w2_j hidden_j +
// b2·2^f)).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "protocols/core/status.h"
#include "protocols/fixedpoint/fixed.h"

namespace smpc::fx {

inline constexpr double kSigmoidKnots[] = {-8, -6, -5, -4, -3, -2.5, -2, -1.5, -1, -0.5, 0,
                                           0.5, 1, 1.5, 2, 2.5, 3, 4, 5, 6, 8};
// An upper bound of max_x |s(x) − σ(x)| (sigmoid_max_error() ≤ this, tested).
inline constexpr double kSigmoidMaxError = 0.0035;
double sigmoid(double x);
double sigmoid_pwl(double x);  // s(x) in floating point
double sigmoid_max_error();    // max |s − σ| on a fine grid over [−20, 20]

// The model: for logistic regression `hidden` is empty and `out`, `out_bias` are w and b.
struct Model {
  std::vector<std::vector<double>> hidden;  // h × d
  std::vector<double> hidden_bias;          // h
  std::vector<double> out;                  // d (logistic regression) or h (MLP)
  double out_bias = 0;
  bool is_mlp() const { return !hidden.empty(); }
  std::size_t features() const { return is_mlp() ? hidden[0].size() : out.size(); }
};

// {"type": "logistic_regression", "weights": [d numbers], "bias": b} or
// {"type": "mlp", "hidden": [h rows of d numbers], "hidden_bias": [h], "output": [h],
//  "output_bias": b}. Errors name the JSON pointer below `ptr`.
Result<Model> parse_model(const nlohmann::json& j, const std::string& ptr);

// The parameters in program input order, as real numbers.
std::vector<double> model_inputs(const Model& m);
// The program: the model's parameters, then `batch` feature vectors as inputs; one score
// (scale 2^f) per vector as outputs. Every stage runs for the whole batch at once (one batch
// of products, truncations or comparisons each: the rounds do not grow with `batch`).
Program inference_program(const Model& m, const Params& p, std::size_t batch = 1);
// Floating-point inference: σ(logit) with the exact σ.
double float_score(const Model& m, const std::vector<double>& x);
// A bound on |decoded MPC score − float_score| for these inputs: kSigmoidMaxError plus the
// fixed-point errors (encoding ±2^−(f+1) per parameter and feature, ±1 ulp per truncation)
// propagated through the dot products, ReLU (1-Lipschitz) and s (slope ≤ 1/4).
double error_bound(const Model& m, const std::vector<double>& x, const Params& p);

}  // namespace smpc::fx
