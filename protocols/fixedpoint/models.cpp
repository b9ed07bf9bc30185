#include "protocols/fixedpoint/models.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <iterator>

namespace smpc::fx {
namespace {

constexpr std::size_t kKnots = std::size(kSigmoidKnots);

// Segment j of s: j = 0 below the first knot, j = kKnots at and above the last, else
// [t_{j−1}, t_j); slope and intercept of its chord (0 and σ(t) on the flat tails).
std::pair<double, double> segment(std::size_t j) {
  if (j == 0) return {0.0, sigmoid(kSigmoidKnots[0])};
  if (j == kKnots) return {0.0, sigmoid(kSigmoidKnots[kKnots - 1])};
  const double t0 = kSigmoidKnots[j - 1], t1 = kSigmoidKnots[j];
  const double a = (sigmoid(t1) - sigmoid(t0)) / (t1 - t0);
  return {a, sigmoid(t0) - a * t0};
}

Result<std::vector<double>> numbers(const nlohmann::json& j, const std::string& ptr,
                                    std::size_t expect) {
  if (!j.is_array() || j.empty()) return Error(ptr + ": must be a non-empty array of numbers");
  if (expect && j.size() != expect)
    return Error(ptr + ": must have " + std::to_string(expect) + " numbers, got " +
                 std::to_string(j.size()));
  std::vector<double> out;
  for (std::size_t i = 0; i < j.size(); ++i) {
    if (!j[i].is_number()) return Error(ptr + "/" + std::to_string(i) + ": must be a number");
    out.push_back(j[i].get<double>());
  }
  return out;
}

Result<double> number(const nlohmann::json& j, const char* key, const std::string& ptr) {
  if (!j.contains(key) || !j[key].is_number())
    return Error(ptr + "/" + key + ": must be a number");
  return j[key].get<double>();
}

using Regs = std::vector<std::uint32_t>;

// Σ w_i x_i + bias·2^f at scale 2^2f, truncated to scale 2^f, for every row of `w` and every
// sample of `x`: all products first, then all truncations, so each is one batch (fixed.h).
Regs affine(Program& p, const std::vector<Regs>& w, const Regs& bias, const std::vector<Regs>& x) {
  std::vector<Regs> products(x.size() * w.size());
  for (std::size_t s = 0; s < x.size(); ++s)
    for (std::size_t j = 0; j < w.size(); ++j)
      for (std::size_t i = 0; i < w[j].size(); ++i)
        products[s * w.size() + j].push_back(p.mul(w[j][i], x[s][i]));
  Regs sums;
  for (std::size_t sj = 0; sj < products.size(); ++sj) {
    std::uint32_t acc = p.mul_const(bias[sj % w.size()], std::int64_t{1} << p.params.f);
    for (auto r : products[sj]) acc = p.add(acc, r);
    sums.push_back(acc);
  }
  Regs out;
  for (auto r : sums) out.push_back(p.trunc(r));
  return out;
}

// |x| bound of a TruncPr output at scale 2^f: ⌊a/2^f⌋ + 1 with |a| < 2^(k−1).
std::int64_t truncated_bound(const Params& p) { return (std::int64_t{1} << (p.k() - 1 - p.f)) + 1; }

// ReLU of every register (each a TruncPr output): [a < 0] = −Floor(a, k − f), exact because
// |a| < 2^(k−f) (fixed.h "Floor"): the Floor batch, then the product batch.
Regs relu_all(Program& p, const Regs& a) {
  const int w = std::bit_width(static_cast<std::uint64_t>(truncated_bound(p.params)));
  Regs pos, out;
  for (auto r : a) pos.push_back(p.floor(r, w));  // −[a < 0]
  for (auto& r : pos) r = p.add(p.constant(1), r);  // 1 − [a < 0]
  for (std::size_t i = 0; i < a.size(); ++i) out.push_back(p.mul(a[i], pos[i]));
  return out;
}

std::int64_t fixed(double v, int scale_bits) {
  return static_cast<std::int64_t>(std::round(std::ldexp(v, scale_bits)));
}

// The cells of s (models.h): 2^kCellBits cells of 2^−kCellScale over [kLow, −kLow).
constexpr double kLow = kSigmoidKnots[0];
constexpr int kCellBits = 5, kCellScale = 1, kCells = 1 << kCellBits;
static_assert(kSigmoidKnots[std::size(kSigmoidKnots) - 1] == -kLow && kCells == static_cast<int>(-2 * kLow * (1 << kCellScale)),
              "the cells must tile [knot 0, last knot) at 2^-kCellScale");
constexpr bool knots_on_cell_edges() {
  for (double t : kSigmoidKnots)
    if (t * (1 << kCellScale) != static_cast<double>(static_cast<long long>(t * (1 << kCellScale)))) return false;
  return true;
}
static_assert(knots_on_cell_edges(), "every knot must lie on a cell edge: a cell is in one segment");

// The coefficients α_S of the multilinear polynomial in the cell's bits that equals `table` on
// every cell (Möbius inversion over the subsets S of the bits: a cell's index is its set of 1s).
std::array<std::int64_t, kCells> multilinear(std::array<std::int64_t, kCells> table) {
  for (int bit = 0; bit < kCellBits; ++bit)
    for (int s = 0; s < kCells; ++s)
      if (s >> bit & 1) table[static_cast<std::size_t>(s)] -= table[static_cast<std::size_t>(s ^ (1 << bit))];
  return table;
}

// Σ_S α_S m_S + α_∅ over the monomials `mono` (m_S for S ≠ ∅).
std::uint32_t combine(Program& p, const std::array<std::int64_t, kCells>& alpha, const Regs& mono) {
  std::uint32_t acc = p.constant(alpha[0]);
  for (int s = 1; s < kCells; ++s)
    if (alpha[static_cast<std::size_t>(s)] != 0)
      acc = p.add(acc, p.mul_const(mono[static_cast<std::size_t>(s)], alpha[static_cast<std::size_t>(s)]));
  return acc;
}

// One sample's registers through the stages of sigmoid_all.
struct SigmoidRegs {
  std::uint32_t x = 0, y = 0, below = 0, not_above = 0, mid = 0, mx = 0, slope = 0, icept = 0;
  Regs q, mono;
};

// s(x) for every x at scale 2^f (models.h "Sigmoid"), each x a TruncPr output:
//   1. y = Floor(x + 8·2^f, f − 1), the cell index ⌊2(x + 8)⌋ (exact);
//   2. one Floor batch: q_i = Floor(y, i), i = 1..5, so the cell bits b_0 = y − 2q_1,
//      b_i = q_i − 2q_{i+1}; and Floor(y, w), Floor(y − 32, w), which are −[y < 0] and
//      −[y < 32] (|y|, |y − 32| < 2^w): mid = [0 ≤ y < 32] is their difference;
//   3. the monomials m_S = Π_{i∈S} b_i (3 product batches) with mid·x in the first;
//   4. slope A = Σ α_S m_S and intercept B = Σ β_S m_S (the cell's chord, Möbius
//      coefficients at scale 2^f); one product batch mid·x·A, mid·B;
//   5. s = TruncPr(mid·x·A + 2^f·mid·B + [y < 0]·σ(−8)·2^2f + [y ≥ 32]·σ(8)·2^2f).
Regs sigmoid_all(Program& p, const Regs& xs) {
  const Params& prm = p.params;
  const int f = prm.f;
  std::array<std::int64_t, kCells> slope{}, icept{};
  for (int v = 0; v < kCells; ++v) {
    const double left = kLow + std::ldexp(v, -kCellScale);
    std::size_t j = 0;
    while (j < std::size(kSigmoidKnots) && left >= kSigmoidKnots[j]) ++j;
    const auto [a, b] = segment(j);
    slope[static_cast<std::size_t>(v)] = fixed(a, f);
    icept[static_cast<std::size_t>(v)] = fixed(b, f);
  }
  const auto alpha = multilinear(slope), beta = multilinear(icept);
  const int shift = f - kCellScale;
  const std::int64_t y_bound = (truncated_bound(prm) + fixed(-kLow, f)) / (std::int64_t{1} << shift) + 1 + kCells;
  const int w = std::bit_width(static_cast<std::uint64_t>(y_bound));
  std::vector<SigmoidRegs> r(xs.size());
  for (std::size_t s = 0; s < xs.size(); ++s) {
    r[s].x = xs[s];
    r[s].y = p.floor(p.add(xs[s], p.constant(fixed(-kLow, f))), shift);
  }
  for (auto& g : r) {
    for (int i = 1; i <= kCellBits; ++i) g.q.push_back(p.floor(g.y, i));
    g.below = p.floor(g.y, w);                                  // −[y < 0]
    g.not_above = p.floor(p.sub(g.y, p.constant(kCells)), w);  // −[y < 32]
  }
  for (auto& g : r) {
    g.mid = p.sub(g.below, g.not_above);
    g.mono.assign(kCells, 0);
    for (int i = 0; i < kCellBits; ++i) {
      const std::uint32_t lo = i == 0 ? g.y : g.q[static_cast<std::size_t>(i - 1)];
      g.mono[std::size_t{1} << i] = p.sub(lo, p.mul_const(g.q[static_cast<std::size_t>(i)], 2));
    }
  }
  // Monomials by degree: 2 from bits, 3 = 2·bit, 4 = 2·2, 5 = 3·2 (⌈log2 5⌉ = 3 batches).
  const auto lowest = [](int s) { return s & -s; };
  for (int degree = 2; degree <= kCellBits; ++degree)
    for (auto& g : r) {
      if (degree == 2) g.mx = p.mul(g.mid, g.x);
      for (int s = 1; s < kCells; ++s) {
        if (std::popcount(static_cast<unsigned>(s)) != degree) continue;
        int left = lowest(s);
        if (degree >= 4) left |= lowest(s ^ left);  // a pair, so both factors are ready
        if (degree == 5) left |= lowest(s ^ left);  // a triple
        g.mono[static_cast<std::size_t>(s)] = p.mul(g.mono[static_cast<std::size_t>(left)],
                                                    g.mono[static_cast<std::size_t>(s ^ left)]);
      }
    }
  Regs out;
  for (auto& g : r) {
    g.slope = p.mul(combine(p, alpha, g.mono), g.mx);
    g.icept = p.mul(combine(p, beta, g.mono), g.mid);
  }
  const std::int64_t lo = fixed(sigmoid(kLow), 2 * f), hi = fixed(sigmoid(-kLow), 2 * f);
  for (auto& g : r) {
    std::uint32_t acc = p.add(g.slope, p.mul_const(g.icept, std::int64_t{1} << f));
    acc = p.add(acc, p.mul_const(g.below, -lo));                                   // [y < 0]·σ(−8)
    acc = p.add(acc, p.add(p.constant(hi), p.mul_const(g.not_above, hi)));  // [y ≥ 32]·σ(8)
    out.push_back(p.trunc(acc));
  }
  return out;
}

}  // namespace

double sigmoid(double x) { return 1.0 / (1.0 + std::exp(-x)); }

double sigmoid_pwl(double x) {
  std::size_t j = 0;
  while (j < kKnots && x >= kSigmoidKnots[j]) ++j;
  const auto [a, b] = segment(j);
  return a * x + b;
}

double sigmoid_max_error() {
  double worst = 0;
  for (int i = -200000; i <= 200000; ++i) {
    const double x = i * 1e-4;
    worst = std::max(worst, std::fabs(sigmoid_pwl(x) - sigmoid(x)));
  }
  return worst;
}

Result<Model> parse_model(const nlohmann::json& j, const std::string& ptr) {
  if (!j.is_object() || !j.contains("type") || !j["type"].is_string())
    return Error(ptr + "/type: must be \"logistic_regression\" or \"mlp\"");
  Model m;
  const std::string type = j["type"].get<std::string>();
  if (type == "logistic_regression") {
    SMPC_ASSIGN_OR_RETURN(m.out, numbers(j.value("weights", nlohmann::json()), ptr + "/weights", 0));
    SMPC_ASSIGN_OR_RETURN(m.out_bias, number(j, "bias", ptr));
    return m;
  }
  if (type != "mlp") return Error(ptr + "/type: must be \"logistic_regression\" or \"mlp\", got \"" + type + "\"");
  const auto& rows = j.value("hidden", nlohmann::json());
  if (!rows.is_array() || rows.empty()) return Error(ptr + "/hidden: must be a non-empty array of rows");
  for (std::size_t r = 0; r < rows.size(); ++r) {
    SMPC_ASSIGN_OR_RETURN(auto row, numbers(rows[r], ptr + "/hidden/" + std::to_string(r),
                                            r ? m.hidden[0].size() : 0));
    m.hidden.push_back(std::move(row));
  }
  SMPC_ASSIGN_OR_RETURN(m.hidden_bias, numbers(j.value("hidden_bias", nlohmann::json()),
                                               ptr + "/hidden_bias", m.hidden.size()));
  SMPC_ASSIGN_OR_RETURN(m.out, numbers(j.value("output", nlohmann::json()), ptr + "/output",
                                       m.hidden.size()));
  SMPC_ASSIGN_OR_RETURN(m.out_bias, number(j, "output_bias", ptr));
  return m;
}

std::vector<double> model_inputs(const Model& m) {
  std::vector<double> v;
  for (const auto& row : m.hidden) v.insert(v.end(), row.begin(), row.end());
  v.insert(v.end(), m.hidden_bias.begin(), m.hidden_bias.end());
  v.insert(v.end(), m.out.begin(), m.out.end());
  v.push_back(m.out_bias);
  return v;
}

Program inference_program(const Model& m, const Params& params, std::size_t batch) {
  Program p;
  p.params = params;
  std::size_t next = 0;
  const auto inputs = [&](std::size_t count) {
    Regs r;
    for (std::size_t i = 0; i < count; ++i) r.push_back(p.input(next++));
    return r;
  };
  const std::size_t d = m.features(), h = m.hidden.size();
  std::vector<Regs> w1;
  for (std::size_t j = 0; j < h; ++j) w1.push_back(inputs(d));
  const Regs b1 = inputs(h);
  const std::vector<Regs> w2 = {inputs(m.out.size())};
  const Regs b2 = inputs(1);
  std::vector<Regs> x;
  for (std::size_t s = 0; s < batch; ++s) x.push_back(inputs(d));
  std::vector<Regs> last_layer = x;
  if (m.is_mlp()) {
    const Regs hidden = relu_all(p, affine(p, w1, b1, x));  // sample-major, h per sample
    last_layer.clear();
    for (std::size_t s = 0; s < batch; ++s)
      last_layer.emplace_back(hidden.begin() + static_cast<std::ptrdiff_t>(s * h),
                              hidden.begin() + static_cast<std::ptrdiff_t>((s + 1) * h));
  }
  p.outputs = sigmoid_all(p, affine(p, w2, b2, last_layer));
  return p;
}

double float_score(const Model& m, const std::vector<double>& x) {
  std::vector<double> in = x;
  if (m.is_mlp()) {
    in.clear();
    for (std::size_t j = 0; j < m.hidden.size(); ++j) {
      double s = m.hidden_bias[j];
      for (std::size_t i = 0; i < x.size(); ++i) s += m.hidden[j][i] * x[i];
      in.push_back(std::max(0.0, s));
    }
  }
  double z = m.out_bias;
  for (std::size_t i = 0; i < in.size(); ++i) z += m.out[i] * in[i];
  return sigmoid(z);
}

double error_bound(const Model& m, const std::vector<double>& x, const Params& p) {
  const double half = std::ldexp(1.0, -(p.f + 1)), ulp = std::ldexp(1.0, -p.f);
  // Error of an affine layer Σ w_i v_i + b whose v_i carry errors e_i: each w_i, b encoded
  // within half an ulp, each product's error |w_i| e_i + |v_i| half + half e_i, then ±1 ulp.
  const auto affine_err = [&](const std::vector<double>& w, const std::vector<double>& v,
                              const std::vector<double>& e) {
    double err = half + ulp;
    for (std::size_t i = 0; i < w.size(); ++i)
      err += std::fabs(w[i]) * e[i] + (std::fabs(v[i]) + e[i]) * half;
    return err;
  };
  std::vector<double> v = x, e(x.size(), half);
  if (m.is_mlp()) {
    std::vector<double> hv, he;
    for (std::size_t j = 0; j < m.hidden.size(); ++j) {
      double s = m.hidden_bias[j];
      for (std::size_t i = 0; i < x.size(); ++i) s += m.hidden[j][i] * x[i];
      hv.push_back(std::max(0.0, s));
      he.push_back(affine_err(m.hidden[j], x, e));
    }
    v = hv, e = he;
  }
  double z = m.out_bias;
  for (std::size_t i = 0; i < v.size(); ++i) z += m.out[i] * v[i];
  const double ez = affine_err(m.out, v, e);
  // s: slope ≤ 1/4; each cell's slope and intercept within half an ulp (both at scale 2^f; the
  // tails' constants at 2^2f: less), ±1 ulp for the truncation.
  return kSigmoidMaxError + 0.25 * ez + half * (std::fabs(z) + ez + 1) + ulp;
}

}  // namespace smpc::fx
