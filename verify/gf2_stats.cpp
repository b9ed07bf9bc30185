#include "verify/gf2_stats.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <map>
#include <optional>
#include <sstream>
#include <utility>

#include "protocols/core/status.h"

namespace smpc {
namespace {

using Words = std::vector<std::uint64_t>;

int element_bits(ElementDomain d) {
  switch (d) {
    case ElementDomain::kField61: return 61;
    case ElementDomain::kWord64:
    case ElementDomain::kOpaque64: return 64;
    case ElementDomain::kBit: return 1;
    case ElementDomain::kByte: return 8;
  }
  return 0;
}

std::size_t popcount(const Words& w) {
  std::size_t n = 0;
  for (std::uint64_t x : w) n += static_cast<std::size_t>(std::popcount(x));
  return n;
}

std::size_t popcount_and(const Words& a, const Words& b) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < a.size(); ++i)
    n += static_cast<std::size_t>(std::popcount(a[i] & b[i]));
  return n;
}

bool constant(const Words& w, std::size_t runs) {
  const std::size_t ones = popcount(w);
  return ones == 0 || ones == runs;
}

std::string format_g(double v) {
  std::ostringstream os;
  os.precision(3);
  os << v;
  return os.str();
}

// Two-sided p-values of Fisher's exact test for the 2x2 tables with N runs, K ones in one
// column and n in the other, indexed by the joint count k; memoised per (K, n).
class FisherTables {
 public:
  explicit FisherTables(std::size_t runs) : n_(runs), log_fact_(runs + 1, 0.0) {
    for (std::size_t i = 1; i <= runs; ++i)
      log_fact_[i] = log_fact_[i - 1] + std::log(static_cast<double>(i));
  }
  double p_value(std::size_t big_k, std::size_t small_n, std::size_t k) {
    auto& table = cache_[{big_k, small_n}];
    if (table.empty()) table = compute(big_k, small_n);
    return table[k - lowest(big_k, small_n)];
  }

 private:
  std::size_t lowest(std::size_t big_k, std::size_t small_n) const {
    return big_k + small_n > n_ ? big_k + small_n - n_ : 0;
  }
  double log_choose(std::size_t a, std::size_t b) const {
    return log_fact_[a] - log_fact_[b] - log_fact_[a - b];
  }
  std::vector<double> compute(std::size_t big_k, std::size_t small_n) const {
    const std::size_t lo = lowest(big_k, small_n), hi = std::min(big_k, small_n);
    std::vector<double> prob(hi - lo + 1);
    for (std::size_t k = lo; k <= hi; ++k)
      prob[k - lo] = std::exp(log_choose(big_k, k) + log_choose(n_ - big_k, small_n - k) -
                              log_choose(n_, small_n));
    std::vector<double> p(prob.size());
    for (std::size_t i = 0; i < prob.size(); ++i) {
      double sum = 0;
      for (double q : prob)
        if (q <= prob[i] * (1 + 1e-7)) sum += q;
      p[i] = std::min(1.0, sum);
    }
    return p;
  }

  std::size_t n_;
  std::vector<double> log_fact_;
  std::map<std::pair<std::size_t, std::size_t>, std::vector<double>> cache_;
};

// An XOR basis of run vectors with the combination of inserted columns each basis vector is
// (a bit mask over insertion indices), reduced in insertion order: every basis vector has its
// pivot bit clear in all vectors inserted after it.
class TrackedBasis {
 public:
  TrackedBasis(std::size_t words, std::size_t columns)
      : words_(words), mask_words_((columns + 63) / 64) {}
  // Inserts column `index`; returns the mask of the combination of earlier columns it equals
  // when it is dependent, nothing when it extends the basis.
  std::optional<Words> insert(const Words& column, std::size_t index) {
    Words v = column, m(mask_words_, 0);
    m[index / 64] |= std::uint64_t{1} << (index % 64);
    for (std::size_t b = 0; b < vecs_.size(); ++b)
      if ((v[pivots_[b] / 64] >> (pivots_[b] % 64)) & 1) {
        for (std::size_t i = 0; i < words_; ++i) v[i] ^= vecs_[b][i];
        for (std::size_t i = 0; i < mask_words_; ++i) m[i] ^= masks_[b][i];
      }
    for (std::size_t i = 0; i < words_; ++i)
      if (v[i] != 0) {
        pivots_.push_back(64 * i + static_cast<std::size_t>(std::countr_zero(v[i])));
        vecs_.push_back(std::move(v));
        masks_.push_back(std::move(m));
        return std::nullopt;
      }
    return m;
  }

 private:
  std::size_t words_, mask_words_;
  std::vector<Words> vecs_, masks_;
  std::vector<std::size_t> pivots_;
};

bool mask_bit(const Words& m, std::size_t i) { return (m[i / 64] >> (i % 64)) & 1; }

// One window: the constant, view columns [first, last) of `view_idx`, then the secret columns.
// Returns the names of a relation's view and secret bits, or nothing.
std::optional<std::vector<std::string>> window_relation(
    const BitSamples& view, const std::vector<std::size_t>& view_idx, std::size_t first,
    std::size_t last, const BitSamples& secret, const std::vector<std::size_t>& secret_idx) {
  const std::size_t w = last - first, total = 1 + w + secret_idx.size();
  TrackedBasis basis(view.words(), total);
  Words ones(view.words(), ~std::uint64_t{0});
  if (view.runs % 64 != 0) ones.back() = (std::uint64_t{1} << (view.runs % 64)) - 1;
  (void)basis.insert(ones, 0);
  for (std::size_t k = first; k < last; ++k)
    (void)basis.insert(view.columns[view_idx[k]], 1 + k - first);
  for (std::size_t s = 0; s < secret_idx.size(); ++s) {
    const auto m = basis.insert(secret.columns[secret_idx[s]], 1 + w + s);
    if (!m) continue;
    // Dependent: secret combination = view combination (+ 1). Basis view columns are
    // independent of 1 and of each other, so a mask touching one is a genuine relation.
    bool touches_view = false;
    for (std::size_t k = 0; k < w; ++k) touches_view = touches_view || mask_bit(*m, 1 + k);
    if (!touches_view) continue;
    std::vector<std::string> names;
    for (std::size_t k = 0; k < w; ++k)
      if (mask_bit(*m, 1 + k)) names.push_back(view.names[view_idx[first + k]]);
    for (std::size_t j = 0; j <= s; ++j)
      if (mask_bit(*m, 1 + w + j)) names.push_back("secret " + secret.names[secret_idx[j]]);
    if (mask_bit(*m, 0)) names.push_back("1");
    return names;
  }
  return std::nullopt;
}

std::size_t window_count(std::size_t columns, std::size_t w) {
  if (columns <= w) return 1;
  const std::size_t stride = std::max<std::size_t>(1, w / 2);
  return (columns - w + stride - 1) / stride + 1;
}

std::vector<std::size_t> varying(const BitSamples& s) {
  std::vector<std::size_t> idx;
  for (std::size_t c = 0; c < s.columns.size(); ++c)
    if (!constant(s.columns[c], s.runs)) idx.push_back(c);
  return idx;
}

// The orders the windows run over: layout order, and bit-plane order (stable: layout order
// within a plane) when the columns carry planes and some element has more than one bit.
std::vector<std::vector<std::size_t>> window_orders(const BitSamples& view,
                                                    const std::vector<std::size_t>& vi) {
  std::vector<std::vector<std::size_t>> orders{vi};
  if (view.plane.size() != view.columns.size()) return orders;
  const bool wide =
      std::any_of(vi.begin(), vi.end(), [&](std::size_t c) { return view.plane[c] > 0; });
  if (!wide) return orders;
  auto by_plane = vi;
  std::stable_sort(by_plane.begin(), by_plane.end(),
                   [&](std::size_t x, std::size_t y) { return view.plane[x] < view.plane[y]; });
  orders.push_back(std::move(by_plane));
  return orders;
}

// Runs the windows of every order; stops at the first relation.
void scan_windows(const BitSamples& view, const std::vector<std::vector<std::size_t>>& orders,
                  const BitSamples& secret, const std::vector<std::size_t>& si,
                  Gf2RelationResult& r) {
  const std::size_t stride = std::max<std::size_t>(1, r.window / 2);
  for (const auto& order : orders)
    for (std::size_t first = 0;; first += stride) {
      const std::size_t last = std::min(order.size(), first + r.window);
      ++r.tested;
      if (auto rel = window_relation(view, order, first, last, secret, si)) {
        r.alarm = true;
        r.worst = static_cast<long>(order[first]);
        r.relation = std::move(*rel);
        return;
      }
      if (last == order.size()) break;
    }
}

}  // namespace

void BitSamples::add(std::string name, const std::vector<bool>& values) {
  SMPC_ASSERT(values.size() == runs);
  Words w(words(), 0);
  for (std::size_t r = 0; r < runs; ++r)
    if (values[r]) w[r / 64] |= std::uint64_t{1} << (r % 64);
  names.push_back(std::move(name));
  columns.push_back(std::move(w));
}

BitSamples view_bits(const ViewSamples& a, const ViewSamples& b) {
  SMPC_ASSERT(a.layout.size() == b.layout.size());
  BitSamples out;
  out.runs = a.runs.size() + b.runs.size();
  for (std::size_t k = 0; k < a.layout.size(); ++k) {
    const int bits = element_bits(a.layout[k].domain);
    for (int i = 0; i < bits; ++i) {
      Words w(out.words(), 0);
      std::size_t r = 0;
      for (const auto* sample : {&a, &b})
        for (const auto& run : sample->runs) {
          if ((run[k] >> i) & 1) w[r / 64] |= std::uint64_t{1} << (r % 64);
          ++r;
        }
      out.names.push_back(a.layout[k].name + (bits > 1 ? " bit " + std::to_string(i) : ""));
      out.columns.push_back(std::move(w));
      out.plane.push_back(static_cast<std::uint16_t>(i));
    }
  }
  return out;
}

BitSamples side_bit(std::size_t runs_a, std::size_t runs_b) {
  BitSamples s;
  s.runs = runs_a + runs_b;
  std::vector<bool> v(s.runs, false);
  for (std::size_t r = runs_a; r < s.runs; ++r) v[r] = true;
  s.add("side (0: x, 1: x')", v);
  return s;
}

double swap_match_log2(std::size_t runs_a, std::size_t runs_b) {
  const double n = static_cast<double>(runs_a + runs_b);
  double out = 0;
  for (std::size_t k : {runs_a, runs_b})
    if (k > 0) out += static_cast<double>(k) * std::log2(static_cast<double>(k) / n);
  return out;
}

double independent_match_log2(std::size_t runs, double q) {
  return static_cast<double>(runs) * std::log2(q);
}

double fisher_exact_p(std::size_t runs, std::size_t ones_a, std::size_t ones_b, std::size_t both) {
  return FisherTables(runs).p_value(ones_a, ones_b, both);
}

StatTestResult bit_independence_test(const BitSamples& view, const BitSamples& secret,
                                     double alpha) {
  SMPC_ASSERT(view.runs == secret.runs);
  StatTestResult r;
  const auto vi = varying(view), si = varying(secret);
  r.tested = vi.size() * si.size();
  if (r.tested == 0) {
    r.detail = "no pair of varying view and secret bits: nothing to test";
    return r;
  }
  FisherTables fisher(view.runs);
  double min_p = 1;
  std::size_t worst_v = 0, worst_s = 0;
  for (std::size_t s : si) {
    const std::size_t n = popcount(secret.columns[s]);
    for (std::size_t v : vi) {
      const double p = fisher.p_value(popcount(view.columns[v]), n,
                                      popcount_and(view.columns[v], secret.columns[s]));
      if (p < min_p) {
        min_p = p;
        worst_v = v;
        worst_s = s;
      }
    }
  }
  r.p_value = std::min(1.0, min_p * static_cast<double>(r.tested));
  r.statistic = min_p;
  r.alarm = r.p_value < alpha;
  r.worst = static_cast<long>(worst_v);
  r.detail = std::to_string(vi.size()) + " varying view bits x " + std::to_string(si.size()) +
             " secret bits, Fisher's exact test per pair, Bonferroni over " +
             std::to_string(r.tested) + " pairs; smallest p = " + format_g(min_p) + " for " +
             view.names[worst_v] + " vs " + secret.names[worst_s];
  return r;
}

StatTestResult bit_uniformity_test(const BitSamples& bits, double alpha) {
  StatTestResult r;
  r.tested = bits.columns.size();
  if (r.tested == 0 || bits.runs == 0) {
    r.detail = "no bits to test";
    return r;
  }
  // Fisher's table with one fair column of runs/2 ones is not the binomial; compute the
  // binomial tail directly: p = Σ_{j: P(j) ≤ P(k)} C(N, j) 2^−N.
  const std::size_t n = bits.runs;
  std::vector<double> prob(n + 1);
  double lf = 0;
  std::vector<double> log_fact(n + 1, 0.0);
  for (std::size_t i = 1; i <= n; ++i) log_fact[i] = lf += std::log(static_cast<double>(i));
  for (std::size_t j = 0; j <= n; ++j)
    prob[j] = std::exp(log_fact[n] - log_fact[j] - log_fact[n - j] -
                       static_cast<double>(n) * std::log(2.0));
  double min_p = 1;
  std::size_t worst = 0, worst_ones = 0;
  for (std::size_t c = 0; c < bits.columns.size(); ++c) {
    const std::size_t k = popcount(bits.columns[c]);
    double p = 0;
    for (double q : prob)
      if (q <= prob[k] * (1 + 1e-7)) p += q;
    if (p < min_p) {
      min_p = p;
      worst = c;
      worst_ones = k;
    }
  }
  r.statistic = min_p;
  r.p_value = std::min(1.0, min_p * static_cast<double>(r.tested));
  r.alarm = r.p_value < alpha;
  r.worst = static_cast<long>(worst);
  r.detail = std::to_string(r.tested) + " bits against fair coins over " + std::to_string(n) +
             " runs, exact binomial test, Bonferroni; most biased: " + bits.names[worst] +
             " (" + std::to_string(worst_ones) + " ones, p = " + format_g(min_p) + ")";
  return r;
}

Gf2RelationResult gf2_relation_test(const BitSamples& view, const BitSamples& secret,
                                    double match_log2, const Gf2RelationOptions& options) {
  SMPC_ASSERT(view.runs == secret.runs);
  Gf2RelationResult r;
  const auto vi = varying(view), si = varying(secret);
  r.view_columns = vi.size();
  r.secret_columns = si.size();
  if (vi.empty() || si.empty()) {
    r.detail = "no varying view or secret bits: nothing to relate";
    return r;
  }
  auto orders = window_orders(view, vi);
  // The widest window whose union bound (over the windows of every order) stays below the
  // target. One window over every bit needs no second order.
  const auto bound_log2 = [&](std::size_t w) {
    return std::log2(static_cast<double>(orders.size() * window_count(vi.size(), w))) +
           static_cast<double>(std::min(w, vi.size()) + 1 + si.size() + 1) + match_log2;
  };
  if (vi.size() <= options.max_window &&
      bound_log2(vi.size()) - std::log2(static_cast<double>(orders.size())) <= options.target_log2)
    orders.resize(1);
  for (std::size_t w = std::min(options.max_window, vi.size()); w >= 1; --w)
    if (bound_log2(w) <= options.target_log2) {
      r.window = w;
      break;
    }
  r.orders = orders.size();
  const std::string coverage = "GF(2) relations checked on ";
  if (r.window == 0) {
    r.unchecked = coverage + "0 of " + std::to_string(vi.size()) + " varying view bits";
    r.detail = std::to_string(view.runs) + " runs are too few for a GF(2) relation test of " +
               std::to_string(si.size()) + " secret bits under the false-alarm target 2^" +
               format_g(options.target_log2) + ": not tested (" + r.unchecked + ")";
    return r;
  }
  r.covered = vi.size();
  r.windows = orders.size() * window_count(vi.size(), r.window);
  r.false_alarm_log2 = bound_log2(r.window);
  r.p_value = std::exp2(r.false_alarm_log2);
  const std::size_t stride = std::max<std::size_t>(1, r.window / 2);
  if (r.window < vi.size())
    r.unchecked = coverage + "all " + std::to_string(vi.size()) +
                  " varying view bits, but only among bits at most " + std::to_string(stride) +
                  " apart in layout" + (orders.size() > 1 ? " or bit-plane" : "") + " order";
  scan_windows(view, orders, secret, si, r);
  std::string rel;
  for (const auto& n : r.relation) rel += (rel.empty() ? "" : " + ") + n;
  r.statistic = static_cast<double>(r.relation.size());
  r.detail = std::to_string(r.view_columns) + " varying view bits in windows of " +
             std::to_string(r.window) + " (stride " + std::to_string(stride) + ", " +
             std::to_string(r.windows) + " windows" +
             (orders.size() > 1 ? " in layout and bit-plane order" : "") + ") against " +
             std::to_string(r.secret_columns) + " secret bits over " +
             std::to_string(view.runs) + " runs; false-alarm bound 2^" +
             format_g(r.false_alarm_log2) +
             (r.alarm ? "; relation (XOR = 0 on every run): " + rel
                      : "; no relation involving a secret bit");
  return r;
}

}  // namespace smpc
