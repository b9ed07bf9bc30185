#include "protocols/fixedpoint/models.h"

#include <algorithm>
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

// ReLU of every register: the LTZ batch, then the product batch.
Regs relu_all(Program& p, const Regs& a) {
  Regs neg, out;
  for (auto r : a) neg.push_back(p.ltz(r));
  Regs pos;
  for (auto n : neg) pos.push_back(p.sub(p.constant(1), n));
  for (std::size_t i = 0; i < a.size(); ++i) out.push_back(p.mul(a[i], pos[i]));
  return out;
}

std::int64_t fixed(double v, int scale_bits) {
  return static_cast<std::int64_t>(std::round(std::ldexp(v, scale_bits)));
}

// s(x) for every x at scale 2^f (models.h): the LTZ batch, indicators, one product batch,
// one truncation batch.
Regs sigmoid_all(Program& p, const Regs& xs) {
  const int f = p.params.f;
  std::vector<Regs> lt(xs.size());
  for (std::size_t s = 0; s < xs.size(); ++s)
    for (double t : kSigmoidKnots) lt[s].push_back(p.ltz(p.sub(xs[s], p.constant(fixed(t, f)))));
  std::vector<Regs> terms(xs.size());
  for (std::size_t s = 0; s < xs.size(); ++s)
    for (std::size_t j = 0; j <= kKnots; ++j) {
      const std::uint32_t ind = j == 0        ? lt[s][0]
                                : j == kKnots ? p.sub(p.constant(1), lt[s][kKnots - 1])
                                              : p.sub(lt[s][j], lt[s][j - 1]);
      const auto [a, b] = segment(j);
      const std::uint32_t line = p.add(p.mul_const(xs[s], fixed(a, f)), p.constant(fixed(b, 2 * f)));
      terms[s].push_back(p.mul(ind, line));
    }
  Regs sums, out;
  for (const auto& t : terms) {
    std::uint32_t acc = t[0];
    for (std::size_t j = 1; j < t.size(); ++j) acc = p.add(acc, t[j]);
    sums.push_back(acc);
  }
  for (auto r : sums) out.push_back(p.trunc(r));
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
  // s: slope ≤ 1/4; each segment's a, b within half an ulp (b at scale 2^2f: less), ±1 ulp.
  return kSigmoidMaxError + 0.25 * ez + half * (std::fabs(z) + ez + 1) + ulp;
}

}  // namespace smpc::fx
