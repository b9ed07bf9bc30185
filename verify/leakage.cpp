#include "verify/leakage.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>

#include "protocols/core/circuit_eval.h"
#include "verify/z3_deadline.h"
#include "verify/z3_encode.h"

namespace smpc {
namespace {

using SteadyClock = std::chrono::steady_clock;

struct Setup {
  std::vector<std::vector<std::uint64_t>> groups;  // true values per input group
  std::vector<bool> honest_group;
  // Honest input bits as (group, wire), MSB first: cube splitting on the high bits first
  // keeps comparisons to a few cubes per level.
  std::vector<std::pair<std::size_t, std::size_t>> honest_bits;
  std::vector<std::size_t> observed;  // indexes into the output vector
};

bool is_attacker(const std::vector<PartyId>& a, PartyId p) {
  return std::find(a.begin(), a.end(), p) != a.end();
}

Result<Setup> prepare(const LeakageQuery& q, LeakageReport& r) {
  const Circuit& c = *q.circuit;
  const auto n = static_cast<PartyId>(q.inputs.size());
  for (PartyId p : q.attacker)
    if (p < 0 || p >= n)
      return Error("attacker party " + std::to_string(p) + " does not exist (parties are 0.." +
                   std::to_string(n - 1) + ")");
  for (PartyId p = 0; p < n; ++p)
    (is_attacker(q.attacker, p) ? r.attacker : r.honest).push_back(p);
  Setup s;
  std::vector<std::size_t> next(q.inputs.size(), 0);
  for (std::size_t g = 0; g < c.inputs.size(); ++g) {
    const auto& grp = c.inputs[g];
    const auto p = static_cast<std::size_t>(grp.owner);
    if (grp.owner < 0 || p >= q.inputs.size() ||
        next[p] + grp.wires.size() > q.inputs[p].values.size())
      return Error("party " + std::to_string(grp.owner) + " has too few input values for group '" +
                   grp.name + "'");
    const auto first = q.inputs[p].values.begin() + static_cast<std::ptrdiff_t>(next[p]);
    s.groups.emplace_back(first, first + static_cast<std::ptrdiff_t>(grp.wires.size()));
    next[p] += grp.wires.size();
    s.honest_group.push_back(!is_attacker(q.attacker, grp.owner));
  }
  // Interleaved across the honest groups, MSB first: a region like {b1 > t} x {b2 <= u} then
  // splits into a few cubes per group instead of one per value of the first group.
  std::size_t widest = 0;
  for (const auto& grp : c.inputs) widest = std::max(widest, grp.wires.size());
  for (std::size_t level = 0; level < widest; ++level)
    for (std::size_t g = 0; g < c.inputs.size(); ++g) {
      const std::size_t w = c.inputs[g].wires.size();
      if (s.honest_group[g] && level < w) s.honest_bits.emplace_back(g, w - 1 - level);
    }
  if (c.domain != CircuitDomain::kBoolean && !s.honest_bits.empty())
    return Error(std::string("leakage is counted over a finite honest input space; this is a ") +
                 domain_name(c.domain) + " circuit whose " + std::to_string(s.honest_bits.size()) +
                 " honest input value(s) each range over " +
                 (c.domain == CircuitDomain::kField61 ? "2^61 - 1" : "2^64") +
                 " values, far too many to count (use a Boolean function such as millionaires "
                 "or second_price_auction)");
  std::size_t k = 0;
  for (const auto& grp : c.outputs)
    for (std::size_t i = 0; i < grp.wires.size(); ++i, ++k)
      for (PartyId p : q.attacker)
        if (grp.delivered_to(p)) {
          s.observed.push_back(k);
          break;
        }
  return s;
}

std::vector<std::uint64_t> pick(const std::vector<std::uint64_t>& all,
                                const std::vector<std::size_t>& idx) {
  std::vector<std::uint64_t> v;
  for (std::size_t k : idx) v.push_back(all[k]);
  return v;
}

// Every honest input that agrees with `assign` (one entry per honest bit: 0, 1, or -1 for
// free; empty = all free), 64 at a time (bit-sliced): lane j of a batch sets the free bits to
// base + j. `visit` gets the observed outputs of each input.
template <typename Visit>
Status enumerate(const Circuit& c, const Setup& s, const std::vector<int>& assign, Visit&& visit) {
  if (c.domain != CircuitDomain::kBoolean) {  // no honest inputs (checked in prepare)
    SMPC_ASSIGN_OR_RETURN(auto out, evaluate(c, s.groups));
    visit(pick(out, s.observed));
    return OkStatus();
  }
  std::vector<std::size_t> free_bits;
  std::vector<std::vector<std::uint64_t>> words(s.groups.size());
  for (std::size_t g = 0; g < s.groups.size(); ++g)
    for (std::uint64_t bit : s.groups[g]) words[g].push_back(bit ? ~std::uint64_t{0} : 0);
  for (std::size_t j = 0; j < s.honest_bits.size(); ++j) {
    const int a = assign.empty() ? -1 : assign[j];
    if (a < 0) free_bits.push_back(j);
    else words[s.honest_bits[j].first][s.honest_bits[j].second] = a ? ~std::uint64_t{0} : 0;
  }
  const std::uint64_t total = std::uint64_t{1} << free_bits.size();
  std::vector<std::uint64_t> y(s.observed.size());
  for (std::uint64_t base = 0; base < total; base += 64) {
    const std::uint64_t lanes = std::min<std::uint64_t>(64, total - base);
    for (std::size_t j = 0; j < free_bits.size(); ++j) {
      std::uint64_t w = 0;
      for (std::uint64_t lane = 0; lane < lanes; ++lane) w |= (((base + lane) >> j) & 1) << lane;
      const auto& hb = s.honest_bits[free_bits[j]];
      words[hb.first][hb.second] = w;
    }
    SMPC_ASSIGN_OR_RETURN(auto out, evaluate_packed(c, words));
    for (std::uint64_t lane = 0; lane < lanes; ++lane) {
      for (std::size_t i = 0; i < s.observed.size(); ++i) y[i] = (out[s.observed[i]] >> lane) & 1;
      visit(y);
    }
  }
  return OkStatus();
}

// Z3 counting for honest spaces too large to enumerate (Boolean circuits only).
class Z3Counter {
 public:
  Z3Counter(const Circuit& c, const Setup& s, const LeakageQuery& q)
      : c_(c), s_(s), q_(q), honest_(ctx_), observed_(ctx_),
        deadline_(SteadyClock::now() + std::chrono::duration_cast<SteadyClock::duration>(
                                           std::chrono::duration<double>(
                                               std::min(q.overall_timeout_s, 86400.0)))) {}
  z3::context& context() { return ctx_; }
  SteadyClock::time_point deadline() const { return deadline_; }
  // No new Z3 call once the overall time is up (the watcher ends the one in progress).
  bool out_of_time() const { return SteadyClock::now() >= deadline_; }

  Status init() {
    std::vector<z3::expr> inputs;
    std::map<std::pair<std::size_t, std::size_t>, std::size_t> var_of;
    for (std::size_t j = 0; j < s_.honest_bits.size(); ++j) var_of[s_.honest_bits[j]] = j;
    for (std::size_t j = 0; j < s_.honest_bits.size(); ++j)
      honest_.push_back(ctx_.bool_const(("h" + std::to_string(j)).c_str()));
    for (std::size_t g = 0; g < s_.groups.size(); ++g)
      for (std::size_t i = 0; i < s_.groups[g].size(); ++i)
        inputs.push_back(s_.honest_group[g]
                             ? honest_[static_cast<int>(var_of.at({g, i}))]
                             : z3enc::constant(ctx_, c_.domain, s_.groups[g][i]));
    SMPC_ASSIGN_OR_RETURN(auto outs, z3enc::encode_outputs(ctx_, c_, inputs));
    for (std::size_t k : s_.observed) observed_.push_back(outs[k]);
    return OkStatus();
  }

  // Distinct observable outputs, by model enumeration with blocking clauses. Returns whether
  // the enumeration is complete.
  bool distinct(std::vector<std::vector<std::uint64_t>>& found) {
    z3::solver s = z3enc::incremental_solver(ctx_, q_.timeout_s);
    while (found.size() < q_.max_distinct_outputs) {
      if (out_of_time()) return false;
      const auto cr = s.check();
      if (cr == z3::unsat) return true;
      if (cr != z3::sat) return false;
      const z3::model m = s.get_model();
      std::vector<std::uint64_t> y;
      z3::expr_vector differs(ctx_);
      for (unsigned k = 0; k < observed_.size(); ++k) {
        const z3::expr o = observed_[static_cast<int>(k)];
        y.push_back(z3enc::model_value(m, o, c_.domain));
        differs.push_back(y.back() ? !o : o);
      }
      found.push_back(y);
      if (differs.empty()) return true;  // the attacker sees nothing: one output
      s.add(z3::mk_or(differs));
    }
    return false;
  }

  // #{x_H : observed outputs = y}; exact unless the call budget ran out or Z3 gave up.
  long double count(const std::vector<std::uint64_t>& y, bool& exact) {
    z3::solver pos = z3enc::incremental_solver(ctx_, q_.timeout_s);
    z3::solver neg = z3enc::incremental_solver(ctx_, q_.timeout_s);
    z3::expr_vector same(ctx_), differs(ctx_);
    for (unsigned k = 0; k < observed_.size(); ++k) {
      const z3::expr o = observed_[static_cast<int>(k)];
      same.push_back(y[k] ? o : !o);
      differs.push_back(y[k] ? !o : o);
    }
    pos.add(z3::mk_and(same));
    neg.add(differs.empty() ? ctx_.bool_val(false) : z3::mk_or(differs));
    target_ = &y;
    assign_.assign(s_.honest_bits.size(), -1);
    try {
      return split(pos, neg, s_.honest_bits.size(), exact);
    } catch (const z3::exception&) {
      if (!out_of_time()) throw;
      exact = false;  // interrupted by the overall deadline: what was counted is a lower bound
      return 0;
    }
  }

  std::size_t calls() const { return calls_; }

 private:
  z3::expr_vector cube() {
    z3::expr_vector v(ctx_);
    for (std::size_t j = 0; j < assign_.size(); ++j)
      if (assign_[j] >= 0) {
        const z3::expr x = honest_[static_cast<int>(j)];
        v.push_back(assign_[j] ? x : !x);
      }
    return v;
  }

  // Counts the inputs of the current cube (assign_) that give *target_. A cube no input of
  // which gives y counts 0, one all of whose inputs give y counts 2^free; otherwise the honest
  // bits the cube forces (Z3 consequences: the other value gives no y) are fixed without
  // branching, and then the first free bit is split.
  long double split(z3::solver& pos, z3::solver& neg, std::size_t free, bool& exact) {
    if (free <= q_.leaf_bits) {
      long double n = 0;
      const Status st = enumerate(c_, s_, assign_, [&](const std::vector<std::uint64_t>& out) {
        if (out == *target_) n += 1;
      });
      if (!st.ok()) exact = false;
      return n;
    }
    if (calls_ + 3 > q_.max_solver_calls || out_of_time()) {
      exact = false;
      return 0;
    }
    calls_ += 2;
    z3::expr_vector c = cube();
    const auto cp = pos.check(c);
    if (cp == z3::unsat) return 0;
    if (cp != z3::sat) {
      exact = false;
      return 0;
    }
    const auto cn = neg.check(c);
    if (cn == z3::unsat) return std::ldexp(1.0L, static_cast<int>(free));
    if (cn != z3::sat) {
      exact = false;
      return 0;
    }
    const std::vector<int> saved = assign_;
    z3::expr_vector vars(ctx_), implied(ctx_);
    std::map<unsigned, std::size_t> index_of;
    for (std::size_t j = 0; j < assign_.size(); ++j)
      if (assign_[j] < 0) {
        vars.push_back(honest_[static_cast<int>(j)]);
        index_of[honest_[static_cast<int>(j)].id()] = j;
      }
    ++calls_;
    std::size_t forced = 0;
    if (pos.consequences(c, vars, implied) == z3::sat) {
      // Each consequence reads (=> (and cube) literal).
      for (unsigned i = 0; i < implied.size(); ++i) {
        const z3::expr lit = implied[static_cast<int>(i)].arg(1);
        const bool negated = lit.is_app() && lit.decl().decl_kind() == Z3_OP_NOT;
        const z3::expr var = negated ? lit.arg(0) : lit;
        auto it = index_of.find(var.id());
        if (it == index_of.end() || assign_[it->second] >= 0) continue;
        assign_[it->second] = negated ? 0 : 1;
        ++forced;
      }
    }
    long double total = 0;
    if (forced > 0) {
      total = split(pos, neg, free - forced, exact);
    } else {
      std::size_t j = 0;
      while (assign_[j] >= 0) ++j;
      for (int value : {1, 0}) {
        assign_[j] = value;
        total += split(pos, neg, free - 1, exact);
      }
    }
    assign_ = saved;
    return total;
  }

  const Circuit& c_;
  const Setup& s_;
  const LeakageQuery& q_;
  z3::context ctx_;
  z3::expr_vector honest_;
  z3::expr_vector observed_;
  SteadyClock::time_point deadline_;
  std::size_t calls_ = 0;
  std::vector<int> assign_;  // per honest bit: 0, 1, or -1 (free) in the current cube
  const std::vector<std::uint64_t>* target_ = nullptr;
};

}  // namespace

static Result<LeakageReport> compute_leakage_impl(const LeakageQuery& q) {
  const auto t0 = SteadyClock::now();
  if (!q.circuit) return Error("no circuit");
  const Circuit& c = *q.circuit;
  LeakageReport r;
  SMPC_ASSIGN_OR_RETURN(const Setup s, prepare(q, r));
  r.honest_bits = s.honest_bits.size();
  r.observed_wires = s.observed.size();
  SMPC_ASSIGN_OR_RETURN(auto all, evaluate(c, s.groups));
  r.observed = pick(all, s.observed);

  std::map<std::vector<std::uint64_t>, long double> hist;
  std::map<std::vector<std::uint64_t>, bool> exact;
  if (r.honest_bits <= std::min<std::size_t>(q.exact_limit_bits, 32)) {
    SMPC_RETURN_IF_ERROR(enumerate(c, s, std::vector<int>{}, [&](const std::vector<std::uint64_t>& y) { hist[y] += 1; }));
    for (const auto& [y, n] : hist) exact[y] = true;
    r.method = "exact enumeration of 2^" + std::to_string(r.honest_bits) + " honest inputs";
  } else {
    Z3Counter z(c, s, q);
    // The per-call timeout lets bit-blasting and cube splitting run past it: the watcher ends
    // every call once the overall time is up.
    const z3enc::Z3Deadline deadline(z.context(), z.deadline());
    SMPC_RETURN_IF_ERROR(z.init());
    std::vector<std::vector<std::uint64_t>> found;
    try {
      r.distinct_exact = z.distinct(found);
    } catch (const z3::exception&) {
      if (!z.out_of_time()) throw;
      r.distinct_exact = false;  // interrupted by the overall deadline
    }
    if (std::find(found.begin(), found.end(), r.observed) == found.end()) found.push_back(r.observed);
    for (const auto& y : found) {
      // With an incomplete enumeration only the observed output's count is worth the calls.
      if (!r.distinct_exact && y != r.observed) {
        hist[y] = 0;
        exact[y] = false;
        continue;
      }
      bool ok = true;
      hist[y] = z.count(y, ok);
      exact[y] = ok;
    }
    r.method = "z3: " + std::to_string(found.size()) + " distinct outputs by model enumeration" +
               (r.distinct_exact ? "" : " (incomplete: cap or overall timeout reached)") + ", counts by cube splitting (" +
               std::to_string(z.calls()) + " solver calls)";
  }

  const long double space = std::ldexp(1.0L, static_cast<int>(r.honest_bits));
  r.consistent_count = hist.count(r.observed) ? hist[r.observed] : 0;
  r.count_exact = exact.count(r.observed) ? exact[r.observed] : false;
  if (r.consistent_count > 0) {
    r.remaining_bits = static_cast<double>(std::log2(r.consistent_count));
    r.revealed_bits = static_cast<double>(r.honest_bits) - r.remaining_bits;
  }
  r.distinct_outputs = hist.size();
  r.min_entropy_leakage_bits = std::log2(static_cast<double>(std::max<std::size_t>(1, hist.size())));
  bool all_exact = r.distinct_exact;
  long double sum = 0, h = 0;
  for (const auto& [y, n] : hist) {
    all_exact = all_exact && exact[y];
    sum += n;
    if (n > 0) h -= (n / space) * std::log2(n / space);
    r.distribution.push_back(OutputCount{y, n, exact[y]});
  }
  // The counts of all outputs partition the honest space; anything else is not exact.
  if (all_exact && sum == space) r.shannon_leakage_bits = static_cast<double>(h);
  r.seconds = std::chrono::duration<double>(SteadyClock::now() - t0).count();
  return r;
}

Result<AdditiveNoiseLeakage> additive_noise_leakage(const std::vector<long double>& counts,
                                                    const std::vector<double>& noise_pmf,
                                                    std::uint64_t max_terms) {
  if (counts.empty() || noise_pmf.empty()) return Error("no output values or no noise values");
  const std::uint64_t s = counts.size(), k = noise_pmf.size();
  if (s > max_terms / k)
    return Error(std::to_string(s) + " output values x " + std::to_string(k) +
                 " noise values: more terms than the limit of " + std::to_string(max_terms) +
                 " for exact computation");
  long double n = 0, mass = 0;
  for (long double c : counts) {
    if (!(c >= 0)) return Error("a negative count of honest inputs");
    n += c;
  }
  for (double p : noise_pmf) {
    if (!(p >= 0)) return Error("a negative noise probability");
    mass += p;
  }
  if (!(n > 0)) return Error("no honest inputs");
  if (std::fabs(static_cast<double>(mass) - 1) > 1e-9)
    return Error("the noise probabilities sum to " + std::to_string(static_cast<double>(mass)) + ", not 1");
  AdditiveNoiseLeakage r;
  r.terms = s * k;
  // y = i + z over the value index i of g and the noise index z.
  std::vector<long double> column_max(s + k - 1, 0), p_y(s + k - 1, 0);
  for (std::size_t i = 0; i < s; ++i) {
    if (counts[i] == 0) continue;  // no honest input gives this value: no row of the channel
    const long double pi = counts[i] / n;
    for (std::size_t z = 0; z < k; ++z) {
      const long double p = noise_pmf[z];
      column_max[i + z] = std::max(column_max[i + z], p);
      p_y[i + z] += pi * p;
    }
  }
  long double vuln = 0, info = 0;
  for (std::size_t y = 0; y < column_max.size(); ++y) {
    vuln += column_max[y];
    if (p_y[y] > 0) ++r.outputs;
  }
  for (std::size_t i = 0; i < s; ++i) {
    if (counts[i] == 0) continue;
    const long double pi = counts[i] / n;
    for (std::size_t z = 0; z < k; ++z)
      if (noise_pmf[z] > 0) info += pi * noise_pmf[z] * std::log2(noise_pmf[z] / p_y[i + z]);
  }
  r.vulnerability_ratio = static_cast<double>(vuln);
  r.min_entropy_leakage_bits = static_cast<double>(std::log2(vuln));
  r.shannon_leakage_bits = std::max(0.0, static_cast<double>(info));
  return r;
}

Result<LeakageReport> compute_leakage(const LeakageQuery& q) {
  return z3enc::z3_errors_as_status<LeakageReport>([&] { return compute_leakage_impl(q); });
}

}  // namespace smpc
