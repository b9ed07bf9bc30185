#include "verify/privacy_stats.h"

#include <algorithm>
#include <boost/math/distributions/chi_squared.hpp>
#include <cmath>
#include <set>
#include <sstream>

#include "protocols/core/enum_names.h"
#include "protocols/core/status.h"

namespace smpc {
namespace {

constexpr std::size_t kExactValueLimit = 16;  // at most this many distinct values: exact buckets

std::string format_p(double p) {
  std::ostringstream os;
  os.precision(3);
  os << p;
  return os.str();
}

// Bucket of v among 2^bits equal-width buckets of the domain (bits and bytes: by value when the
// resolution allows).
std::size_t top_bits_bucket(ElementDomain d, std::uint64_t v, int bits) {
  switch (d) {
    case ElementDomain::kField61:
      return static_cast<std::size_t>(v >> (61 - bits));
    case ElementDomain::kWord64:
    case ElementDomain::kOpaque64:
      return static_cast<std::size_t>(v >> (64 - bits));
    case ElementDomain::kBit:
      return static_cast<std::size_t>(v & 1);
    case ElementDomain::kByte:
      return static_cast<std::size_t>((v & 0xff) >> (8 - std::min(bits, 8)));
  }
  return 0;
}

std::size_t top_bits_bucket_count(ElementDomain d, int bits) {
  if (d == ElementDomain::kBit) return 2;
  if (d == ElementDomain::kByte) return std::size_t{1} << std::min(bits, 8);
  return std::size_t{1} << bits;
}

bool constant_column(const ViewSamples& s, std::size_t k, std::uint64_t* value) {
  if (s.runs.empty()) return true;
  const std::uint64_t v = s.runs.front()[k];
  for (const auto& run : s.runs)
    if (run[k] != v) return false;
  if (value) *value = v;
  return true;
}

// Chi-square statistic of a contingency table with rows = samples, columns = buckets; returns
// {statistic, degrees of freedom}, empty buckets dropped.
std::pair<double, double> homogeneity(const std::vector<std::uint64_t>& ca,
                                      const std::vector<std::uint64_t>& cb, double na,
                                      double nb) {
  double stat = 0;
  int nonempty = 0;
  for (std::size_t j = 0; j < ca.size(); ++j) {
    const double total = static_cast<double>(ca[j] + cb[j]);
    if (total == 0) continue;
    ++nonempty;
    const double ea = na * total / (na + nb), eb = nb * total / (na + nb);
    stat += (static_cast<double>(ca[j]) - ea) * (static_cast<double>(ca[j]) - ea) / ea;
    stat += (static_cast<double>(cb[j]) - eb) * (static_cast<double>(cb[j]) - eb) / eb;
  }
  return {stat, static_cast<double>(nonempty - 1)};
}

}  // namespace

constexpr const char* kElementDomainNames[] = {"F_p61", "word64", "bit", "byte", "opaque64"};
const char* element_domain_name(ElementDomain d) { return enum_name(kElementDomainNames, d); }

double chi_square_upper_tail(double statistic, double dof) {
  SMPC_ASSERT(dof > 0);
  if (!(statistic > 0)) return 1.0;
  if (std::isinf(statistic)) return 0.0;
  const boost::math::chi_squared_distribution<double> dist(dof);
  return boost::math::cdf(boost::math::complement(dist, statistic));
}

int bucket_bits_for(std::size_t runs, std::size_t min_expected) {
  int bits = 1;
  while (bits < 4 && runs / (std::size_t{1} << (bits + 1)) >= min_expected) ++bits;
  return bits;
}

namespace {

// Per-position tests share this: keep the most significant position, then correct for the
// number of positions tested (Bonferroni) so the family-wise false-alarm rate is alpha.
struct MostSignificant {
  double min_p = 1, min_stat = 0;
  void add(StatTestResult& r, std::size_t k, double p, double stat) {
    ++r.tested;
    if (r.worst < 0 || p < min_p) {
      min_p = p;
      min_stat = stat;
      r.worst = static_cast<long>(k);
    }
  }
  // Sets statistic, p-value and alarm; appends the threshold and the worst position to `os`.
  void finish(StatTestResult& r, double alpha, const ViewSamples& a, std::ostream& os) const {
    const double m = static_cast<double>(std::max<std::size_t>(r.tested, 1));
    r.statistic = min_stat;
    r.p_value = std::min(1.0, min_p * m);
    r.alarm = r.tested > 0 && min_p < alpha / m;
    os << "Bonferroni threshold " << format_p(alpha / m) << " per position";
    if (r.worst >= 0)
      os << "; smallest p = " << format_p(min_p) << " at "
         << a.layout[static_cast<std::size_t>(r.worst)].name;
  }
};

}  // namespace

StatTestResult two_sample_chi_square(const ViewSamples& a, const ViewSamples& b, double alpha) {
  SMPC_ASSERT(a.layout.size() == b.layout.size());
  StatTestResult r;
  if (a.runs.empty() || b.runs.empty()) {
    r.detail = "no runs to compare";
    return r;
  }
  const int bits = bucket_bits_for(std::min(a.runs.size(), b.runs.size()));
  const auto na = static_cast<double>(a.runs.size()), nb = static_cast<double>(b.runs.size());
  MostSignificant best;
  std::size_t exact_buckets = 0, skipped = 0;
  for (std::size_t k = 0; k < a.layout.size(); ++k) {
    std::uint64_t va = 0, vb = 0;
    if (constant_column(a, k, &va) && constant_column(b, k, &vb) && va == vb) {
      ++skipped;
      continue;
    }
    std::set<std::uint64_t> distinct;
    for (const auto* s : {&a, &b})
      for (const auto& run : s->runs)
        if (distinct.size() <= kExactValueLimit) distinct.insert(run[k]);
    const bool exact = distinct.size() <= kExactValueLimit;
    const std::vector<std::uint64_t> values(distinct.begin(), distinct.end());
    const std::size_t nbuckets =
        exact ? values.size() : top_bits_bucket_count(a.layout[k].domain, bits);
    const auto bucket = [&](std::uint64_t v) {
      return exact ? static_cast<std::size_t>(std::lower_bound(values.begin(), values.end(), v) -
                                              values.begin())
                   : top_bits_bucket(a.layout[k].domain, v, bits);
    };
    std::vector<std::uint64_t> ca(nbuckets), cb(nbuckets);
    for (const auto& run : a.runs) ++ca[bucket(run[k])];
    for (const auto& run : b.runs) ++cb[bucket(run[k])];
    exact_buckets += exact;
    const auto [stat, dof] = homogeneity(ca, cb, na, nb);
    best.add(r, k, dof > 0 ? chi_square_upper_tail(stat, dof) : 1.0, stat);
  }
  std::ostringstream os;
  os << r.tested << " positions compared (" << exact_buckets << " by exact value, the others by "
     << "their top " << bits << " bits), " << skipped << " equal constants skipped; ";
  best.finish(r, alpha, a, os);
  r.detail = os.str();
  return r;
}

StatTestResult uniformity_chi_square(const ViewSamples& a, double alpha) {
  StatTestResult r;
  if (a.runs.empty()) {
    r.detail = "no runs";
    return r;
  }
  const int bits = bucket_bits_for(a.runs.size(), 10);
  const auto n = static_cast<double>(a.runs.size());
  MostSignificant best;
  std::size_t constants = 0, opaque = 0;
  for (std::size_t k = 0; k < a.layout.size(); ++k) {
    const ElementDomain d = a.layout[k].domain;
    if (d == ElementDomain::kOpaque64) {
      ++opaque;
      continue;
    }
    if (constant_column(a, k, nullptr)) {
      ++constants;
      continue;
    }
    const std::size_t nbuckets = top_bits_bucket_count(d, bits);
    std::vector<std::uint64_t> counts(nbuckets);
    for (const auto& run : a.runs) ++counts[top_bits_bucket(d, run[k], bits)];
    // Equal-width buckets are equally likely; for F_p61 the last bucket lacks the single value
    // p (relative error 2^-58, ignored).
    const double e = n / static_cast<double>(nbuckets);
    double stat = 0;
    for (auto c : counts) stat += (static_cast<double>(c) - e) * (static_cast<double>(c) - e) / e;
    best.add(r, k, chi_square_upper_tail(stat, static_cast<double>(nbuckets - 1)), stat);
  }
  std::ostringstream os;
  os << r.tested << " positions tested against uniform (top " << bits << " bits), " << constants
     << " constant (public) positions and " << opaque << " opaque ones skipped; ";
  best.finish(r, alpha, a, os);
  r.detail = os.str();
  return r;
}

double relation_false_alarm_log10(std::size_t runs, std::size_t monomials, int degree) {
  if (runs <= monomials) return 0;
  const double s = static_cast<double>(runs - monomials);
  const double log10_binom = (std::lgamma(static_cast<double>(runs) + 1) - std::lgamma(s + 1) -
                              std::lgamma(static_cast<double>(monomials) + 1)) /
                             std::log(10.0);
  const double log10_eps = std::log10(static_cast<double>(std::max(degree, 1))) +
                           20 * std::log10(2.0) - std::log10(static_cast<double>(Fp61::kModulus));
  return std::min(0.0, std::log10(2.0) + log10_binom + s * log10_eps);
}

namespace {

using FpMatrix = std::vector<std::vector<Fp61>>;

// The monomials of the relation test over the tested positions pos[0..linear): {-1, -1} is the
// constant 1, {i, -1} is x_i and {i, j} is x_i·x_j (i ≤ j < quad).
struct RelationBasis {
  std::vector<std::size_t> pos;  // layout index of each varying F_p position
  std::size_t linear = 0, quad = 0;
  std::vector<std::pair<long, long>> monos;
};

// F_p positions that can carry information: constant and equal in both samples says nothing.
std::vector<std::size_t> varying_field_positions(const ViewSamples& a, const ViewSamples& b) {
  std::vector<std::size_t> pos;
  for (std::size_t k = 0; k < a.layout.size(); ++k) {
    if (a.layout[k].domain != ElementDomain::kField61) continue;
    std::uint64_t va = 0, vb = 0;
    if (constant_column(a, k, &va) && constant_column(b, k, &vb) && va == vb) continue;
    pos.push_back(k);
  }
  return pos;
}

// Fits the monomials under `cap` (elimination cost and the runs available): all degree-1 ones
// plus the degree-2 ones of the first positions that fit; else degree 1 on cap − 1 positions.
void choose_monomials(RelationBasis& basis, std::size_t cap, int max_degree) {
  const std::size_t m = basis.pos.size();
  basis.linear = m;
  basis.quad = 0;
  if (1 + m <= cap) {
    if (max_degree == 2)
      while (basis.quad < m && 1 + m + (basis.quad + 1) * (basis.quad + 2) / 2 <= cap)
        ++basis.quad;
  } else {
    basis.linear = cap - 1;
  }
  basis.monos = {{-1, -1}};
  for (std::size_t i = 0; i < basis.linear; ++i) basis.monos.push_back({static_cast<long>(i), -1});
  for (std::size_t i = 0; i < basis.quad; ++i)
    for (std::size_t j = i; j < basis.quad; ++j)
      basis.monos.push_back({static_cast<long>(i), static_cast<long>(j)});
}

// One row per run, one column per monomial evaluated on that run's view.
FpMatrix monomial_matrix(const ViewSamples& s, const RelationBasis& basis) {
  FpMatrix rows;
  rows.reserve(s.runs.size());
  for (const auto& run : s.runs) {
    std::vector<Fp61> x(basis.linear);
    for (std::size_t i = 0; i < basis.linear; ++i) x[i] = Fp61::from_u64(run[basis.pos[i]]);
    std::vector<Fp61> row;
    row.reserve(basis.monos.size());
    for (const auto& [i, j] : basis.monos) {
      if (i < 0) row.push_back(Fp61::from_u64(1));
      else if (j < 0) row.push_back(x[static_cast<std::size_t>(i)]);
      else row.push_back(x[static_cast<std::size_t>(i)] * x[static_cast<std::size_t>(j)]);
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

std::size_t failing_rows(const std::vector<Fp61>& c, const FpMatrix& rows) {
  std::size_t failing = 0;
  for (const auto& row : rows) {
    Fp61 acc;
    for (std::size_t j = 0; j < c.size(); ++j) acc += c[j] * row[j];
    failing += acc != Fp61();
  }
  return failing;
}

// The sentence naming a broken relation's degree and the positions it involves; the first of
// those positions becomes the result's worst one.
std::string describe_broken(const std::vector<Fp61>& c, const RelationBasis& basis,
                            const ViewSamples& a, const char* holds, const char* fails,
                            std::size_t failing, std::size_t runs, RelationTestResult& r) {
  std::set<long> involved;
  int deg = 0;
  for (std::size_t j = 0; j < c.size(); ++j) {
    if (c[j] == Fp61()) continue;
    const auto [i1, i2] = basis.monos[j];
    deg = std::max(deg, (i1 >= 0) + (i2 >= 0));
    if (i1 >= 0) involved.insert(i1);
    if (i2 >= 0) involved.insert(i2);
  }
  std::ostringstream os;
  os << "a degree-" << deg << " relation that holds on every run " << holds << " fails on "
     << failing << " of " << runs << " runs " << fails << "; it involves";
  for (long i : involved) os << " [" << a.layout[basis.pos[static_cast<std::size_t>(i)]].name << "]";
  if (r.worst < 0) r.worst = static_cast<long>(basis.pos[static_cast<std::size_t>(*involved.begin())]);
  return os.str();
}

// Counts the relations of `kernel` (found on one sample) that the other sample's rows break;
// only the first broken relation of the whole test is described.
void check_relations(const FpMatrix& kernel, const FpMatrix& other, const RelationBasis& basis,
                     const ViewSamples& a, const char* holds, const char* fails,
                     RelationTestResult& r, std::string& first_broken) {
  for (const auto& c : kernel) {
    const std::size_t failing = failing_rows(c, other);
    if (failing == 0) continue;
    ++r.broken;
    if (first_broken.empty())
      first_broken = describe_broken(c, basis, a, holds, fails, failing, other.size(), r);
  }
}

std::string relation_detail(const RelationTestResult& r, const RelationBasis& basis,
                            const ViewSamples& a, const ViewSamples& b,
                            const std::string& first_broken) {
  std::ostringstream os;
  os << (r.degree == 2 ? "degree ≤ 2" : "degree 1") << " monomials over " << basis.linear
     << " F_p positions";
  if (r.degree == 2 && basis.quad < basis.linear)
    os << " (degree 2 only among the first " << basis.quad << ")";
  if (basis.linear < basis.pos.size())
    os << " (the first " << basis.linear << " of " << basis.pos.size() << ")";
  os << ", " << r.monomials << " monomials, " << a.runs.size() << " + " << b.runs.size()
     << " runs; relation spaces of dimension " << r.relations_a << " and " << r.relations_b
     << ", " << r.broken << " basis relations broken by the other input";
  if (!first_broken.empty()) os << ": " << first_broken;
  os << "; false-alarm bound 10^" << static_cast<long>(std::floor(r.false_alarm_log10))
     << " (Schwartz–Zippel)";
  return os.str();
}

}  // namespace

RelationTestResult relation_test(const ViewSamples& a, const ViewSamples& b,
                                 const RelationOptions& options) {
  SMPC_ASSERT(a.layout.size() == b.layout.size());
  SMPC_ASSERT(options.max_degree == 1 || options.max_degree == 2);
  RelationTestResult r;
  RelationBasis basis;
  basis.pos = varying_field_positions(a, b);
  const std::size_t n = std::min(a.runs.size(), b.runs.size());
  const std::size_t cap =
      std::min(options.max_monomials, n > options.margin ? n - options.margin : 0);
  if (basis.pos.empty()) {
    r.detail = "no varying F_p positions in the views: nothing to relate";
    return r;
  }
  if (cap < 2) {
    r.detail = "too few runs for the relation test (need more than " +
               std::to_string(options.margin + 1) + " per input vector)";
    return r;
  }
  choose_monomials(basis, cap, options.max_degree);
  r.positions = basis.linear;
  r.quadratic_positions = basis.quad;
  r.monomials = basis.monos.size();
  r.degree = basis.quad > 0 ? 2 : 1;
  r.tested = r.monomials;

  const auto ma = monomial_matrix(a, basis), mb = monomial_matrix(b, basis);
  const auto ka = kernel_basis(ma, basis.monos.size());
  const auto kb = kernel_basis(mb, basis.monos.size());
  r.relations_a = ka.size();
  r.relations_b = kb.size();
  std::string first_broken;
  check_relations(ka, mb, basis, a, "under x", "under x'", r, first_broken);
  check_relations(kb, ma, basis, a, "under x'", "under x", r, first_broken);
  r.statistic = static_cast<double>(r.broken);
  r.false_alarm_log10 = relation_false_alarm_log10(n, r.monomials, r.degree);
  r.p_value = std::pow(10.0, r.false_alarm_log10);
  r.alarm = r.broken > 0;
  r.detail = relation_detail(r, basis, a, b, first_broken);
  return r;
}

namespace {

std::size_t rank_of_columns(const ViewSamples& a, const ViewSamples* b) {
  std::vector<std::vector<Fp61>> rows;
  for (std::size_t r = 0; r < a.runs.size(); ++r) {
    std::vector<Fp61> row{Fp61::from_u64(1)};
    for (std::uint64_t v : a.runs[r]) row.push_back(Fp61::from_u64(v));
    if (b)
      for (std::uint64_t v : b->runs[r]) row.push_back(Fp61::from_u64(v));
    rows.push_back(std::move(row));
  }
  const std::size_t cols = rows.empty() ? 0 : rows.front().size();
  return reduce_row_echelon(rows, cols).size();
}

}  // namespace

FpIntersectionResult fp_relation_between(const ViewSamples& view, const ViewSamples& secret) {
  SMPC_ASSERT(view.runs.size() == secret.runs.size());
  FpIntersectionResult r;
  const std::size_t n = view.runs.size(), m = 1 + view.layout.size() + secret.layout.size();
  r.tested = m;
  if (n <= m) {
    r.detail = std::to_string(n) + " runs are too few for " + std::to_string(m) +
               " columns: not tested";
    return r;
  }
  const std::size_t rv = rank_of_columns(view, nullptr), rs = rank_of_columns(secret, nullptr),
                    rall = rank_of_columns(view, &secret);
  r.dimension = rv + rs - rall - 1;
  r.statistic = static_cast<double>(r.dimension);
  r.alarm = r.dimension > 0;
  r.false_alarm_log10 = relation_false_alarm_log10(n, m, 2);
  r.p_value = std::pow(10.0, r.false_alarm_log10);
  std::ostringstream os;
  os << view.layout.size() << " coalition values and " << secret.layout.size()
     << " secrets over " << n << " runs: ranks " << rv << " (1, coalition), " << rs
     << " (1, secrets), " << rall << " (all); " << r.dimension
     << " independent affine relation(s) between them; false-alarm bound 10^"
     << format_p(r.false_alarm_log10);
  r.detail = os.str();
  return r;
}

double total_variation(const TupleCounts& p, const TupleCounts& q) {
  // Exact in integers: ½ Σ |P(v)·|Q| − Q(v)·|P|| / (|P|·|Q|).
  uint128_t np = 0, nq = 0;
  for (const auto& [v, c] : p) np += c;
  for (const auto& [v, c] : q) nq += c;
  if (np == 0 || nq == 0) return np == nq ? 0.0 : 1.0;
  uint128_t diff = 0;
  std::set<std::vector<std::uint64_t>> keys;
  for (const auto& [v, c] : p) keys.insert(v);
  for (const auto& [v, c] : q) keys.insert(v);
  for (const auto& v : keys) {
    const auto ip = p.find(v), iq = q.find(v);
    const uint128_t x = (ip == p.end() ? 0 : ip->second) * nq;
    const uint128_t y = (iq == q.end() ? 0 : iq->second) * np;
    diff += x > y ? x - y : y - x;
  }
  return static_cast<double>(diff) / (2.0 * static_cast<double>(np) * static_cast<double>(nq));
}

}  // namespace smpc
