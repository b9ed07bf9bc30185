#include "scenarios/privacy_components.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <sstream>

#include "protocols/core/enum_names.h"
#include "protocols/core/local_network.h"
#include "protocols/core/rng.h"
#include "protocols/crypto/commit.h"
#include "protocols/gmw/bit_triples.h"
#include "protocols/spdz/spdz_dealer.h"
#include "scenarios/functions.h"
#include "verify/gf2_stats.h"

namespace smpc {
namespace {

constexpr int kValueSpace = 16;          // committed values 0..15
constexpr std::size_t kDictionaryBits = 10;  // the distinguisher's randomness dictionary
constexpr std::size_t kTriples = 4;      // bit triples per sampled correlation

PrivacyCheck to_check(std::string name, const StatTestResult& r) {
  return {std::move(name), r.statistic, r.p_value, r.alarm, r.detail, {}};
}

void finish(ComponentReport& rep) {
  std::string alarms;
  for (const auto& c : rep.checks)
    if (c.alarm) alarms += (alarms.empty() ? "" : ", ") + c.name;
  rep.alarm = !alarms.empty();
  rep.summary = rep.name + " over " + std::to_string(rep.runs) + " runs: " +
                (rep.alarm ? "ALARM (" + alarms + ")" : std::string("no check alarmed"));
  for (const auto& c : rep.checks)
    if (!c.unchecked.empty()) rep.summary += "; " + c.unchecked;
}

// P(Binomial(n, q) ≥ k), exactly (in logs).
double binomial_upper_tail(int n, int k, double q) {
  double p = 0;
  for (int j = std::max(k, 0); j <= n; ++j)
    p += std::exp(std::lgamma(n + 1.0) - std::lgamma(j + 1.0) - std::lgamma(n - j + 1.0) +
                  j * std::log(q) + (n - j) * std::log1p(-q));
  return std::min(1.0, p);
}

// The brute-force distinguisher: the value that some dictionary randomness opens `c` to.
std::optional<int> brute_force(const CommitContext& ctx, const Digest& c) {
  std::array<std::uint8_t, 32> r{};
  for (std::uint32_t i = 0; i < (1u << kDictionaryBits); ++i) {
    r[0] = static_cast<std::uint8_t>(i & 0xff);
    r[1] = static_cast<std::uint8_t>(i >> 8);
    for (int v = 0; v < kValueSpace; ++v) {
      const std::uint8_t value = static_cast<std::uint8_t>(v);
      if (commit(ctx, ByteSpan(&value, 1), r) == c) return v;
    }
  }
  return std::nullopt;
}

}  // namespace

nlohmann::ordered_json ComponentReport::json() const {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const auto& c : checks)
    list.push_back({{"name", c.name}, {"statistic", c.statistic}, {"p_value", c.p_value},
                    {"alarm", c.alarm}, {"detail", c.detail}, {"unchecked", c.unchecked}});
  return {{"name", name}, {"runs", runs}, {"alarm", alarm}, {"summary", summary},
          {"checks", list}};
}

Result<ComponentReport> commitment_hiding_test(int trials, std::uint64_t seed, double alpha) {
  if (trials < 1) return Error("commitment hiding: need at least 1 trial");
  ComponentReport rep;
  rep.name = "commitment hiding";
  rep.runs = trials;
  Rng challenger(seed, 0, "privacy/commitment-hiding/challenger");
  Rng guesser(seed, 1, "privacy/commitment-hiding/distinguisher");
  int correct = 0, opened = 0, repeats = 0;
  for (int t = 0; t < trials; ++t) {
    const std::string session = "privacy/hiding/" + std::to_string(t);
    const CommitContext ctx{session, 0};
    const auto v = static_cast<std::uint8_t>(challenger.uniform_below(kValueSpace));
    const auto [c, opening] = commit(ctx, ByteSpan(&v, 1), challenger);
    const auto [c2, opening2] = commit(ctx, ByteSpan(&v, 1), challenger);
    repeats += c == c2 ? 1 : 0;
    const auto found = brute_force(ctx, c);
    opened += found ? 1 : 0;
    const int guess = found ? *found : static_cast<int>(guesser.uniform_below(kValueSpace));
    correct += guess == v ? 1 : 0;
  }
  const double advantage =
      (static_cast<double>(correct) / trials - 1.0 / kValueSpace) / (1 - 1.0 / kValueSpace);
  StatTestResult bf;
  bf.statistic = advantage;
  bf.p_value = binomial_upper_tail(trials, correct, 1.0 / kValueSpace);
  bf.alarm = bf.p_value < alpha;
  bf.tested = static_cast<std::size_t>(trials);
  std::ostringstream os;
  os << correct << " of " << trials << " values guessed (" << opened
     << " opened by brute force over 16 values x 2^" << kDictionaryBits
     << " randomness strings); advantage " << advantage << "; P(Binomial(" << trials
     << ", 1/16) >= " << correct << ") = " << bf.p_value;
  bf.detail = os.str();
  rep.checks.push_back(to_check("brute-force distinguisher", bf));
  StatTestResult rp;
  rp.statistic = repeats;
  rp.alarm = repeats > 0;
  rp.p_value = rp.alarm ? 0 : 1;
  rp.detail = std::to_string(repeats) + " of " + std::to_string(trials) +
              " pairs of commitments to the same value were equal";
  rep.checks.push_back(to_check("repeated commitments", rp));
  finish(rep);
  return rep;
}

constexpr const char* kCorrelationSourceNames[] = {
    "gmw dealer bit triples", "gmw OT bit triples", "spdz dealer preprocessing"};
const char* correlation_source_name(CorrelationSource s) {
  return enum_name(kCorrelationSourceNames, s);
}

namespace {

// Every party's triples of one OT-based run of `count` triples.
Result<std::vector<BitTriples>> ot_triples_run(const CorrelationOptions& o, std::uint64_t seed,
                                               std::size_t count) {
  std::vector<BitTriples> all(static_cast<std::size_t>(o.parties));
  const RunResult res =
      run_local(o.parties, LocalRunOptions{seed, 60}, [count](PartyContext& ctx) {
        const BitTriples t = ot_bit_triples(ctx, count, "privacy");
        PartyOutput out;
        for (const auto* v : {&t.a, &t.b, &t.c})
          out.values.insert(out.values.end(), v->begin(), v->end());
        return out;
      });
  for (const auto& p : res.parties) {
    if (p.status != PartyStatus::kOutput || p.outputs.size() != 3 * count)
      return Error(std::string(correlation_source_name(o.source)) + ": party " +
                   std::to_string(p.party) + " did not finish: " + p.abort_reason);
    auto& t = all[static_cast<std::size_t>(p.party)];
    for (std::size_t k = 0; k < count; ++k) {
      t.a.push_back(static_cast<std::uint8_t>(p.outputs[k]));
      t.b.push_back(static_cast<std::uint8_t>(p.outputs[count + k]));
      t.c.push_back(static_cast<std::uint8_t>(p.outputs[2 * count + k]));
    }
  }
  return all;
}

// Every party's triples of one sample. OT triples: sample i is group i mod G of the run
// i / G of G·kTriples triples (G = samples_per_run), kept in `batch` between calls; the groups
// of one run are independent as far as IKNP's hash is correlation robust (each OT has its own
// tweak), the assumption its security rests on, and each run has fresh base OTs.
Result<std::vector<BitTriples>> sample_bit_triples(const CorrelationOptions& o, int run,
                                                   std::vector<BitTriples>& batch) {
  std::vector<BitTriples> all(static_cast<std::size_t>(o.parties));
  if (o.source == CorrelationSource::kGmwDealerTriples) {
    const std::uint64_t seed = o.seed + static_cast<std::uint64_t>(run);
    for (PartyId p = 0; p < o.parties; ++p)
      all[static_cast<std::size_t>(p)] = dealer_bit_triples(seed, p, o.parties, kTriples);
    return all;
  }
  const auto g = static_cast<std::size_t>(std::max(1, o.samples_per_run));
  const auto r = static_cast<std::size_t>(run);
  if (r % g == 0) {
    SMPC_ASSIGN_OR_RETURN(batch, ot_triples_run(o, o.seed + r / g, g * kTriples));
  }
  const auto first = static_cast<std::ptrdiff_t>((r % g) * kTriples);
  const auto last = first + static_cast<std::ptrdiff_t>(kTriples);
  for (std::size_t p = 0; p < all.size(); ++p) {
    all[p].a.assign(batch[p].a.begin() + first, batch[p].a.begin() + last);
    all[p].b.assign(batch[p].b.begin() + first, batch[p].b.begin() + last);
    all[p].c.assign(batch[p].c.begin() + first, batch[p].c.begin() + last);
  }
  return all;
}

Result<ComponentReport> bit_triple_test(const CorrelationOptions& o) {
  const std::set<PartyId> c(o.coalition.begin(), o.coalition.end());
  const auto n = static_cast<std::size_t>(o.runs);
  // values[column][run]
  std::vector<std::vector<bool>> mine, secret(3 * kTriples, std::vector<bool>(n));
  std::vector<std::string> mine_names;
  std::vector<BitTriples> batch;
  for (int run = 0; run < o.runs; ++run) {
    SMPC_ASSIGN_OR_RETURN(auto all, sample_bit_triples(o, run, batch));
    if (o.plant) o.plant(all);
    std::size_t col = 0;
    for (PartyId p : c)
      for (const char* which : {"a", "b", "c"})
        for (std::size_t k = 0; k < kTriples; ++k, ++col) {
          const auto& t = all[static_cast<std::size_t>(p)];
          const auto& v = which[0] == 'a' ? t.a : which[0] == 'b' ? t.b : t.c;
          if (run == 0) {
            mine.emplace_back(n);
            mine_names.push_back("party " + std::to_string(p) + " " + which + "[" +
                                 std::to_string(k) + "]");
          }
          mine[col][static_cast<std::size_t>(run)] = v[k] != 0;
        }
    for (std::size_t k = 0; k < kTriples; ++k) {
      bool a = false, b = false, cc = false;
      for (const auto& t : all) {
        a ^= t.a[k] != 0;
        b ^= t.b[k] != 0;
        cc ^= t.c[k] != 0;
      }
      secret[k][static_cast<std::size_t>(run)] = a;
      secret[kTriples + k][static_cast<std::size_t>(run)] = b;
      secret[2 * kTriples + k][static_cast<std::size_t>(run)] = cc;
    }
  }
  BitSamples view, sec;
  view.runs = sec.runs = n;
  for (std::size_t i = 0; i < mine.size(); ++i) view.add(mine_names[i], mine[i]);
  for (std::size_t k = 0; k < 3 * kTriples; ++k)
    sec.add(std::string(1, "abc"[k / kTriples]) + "[" + std::to_string(k % kTriples) + "]",
            secret[k]);
  ComponentReport rep;
  rep.runs = o.runs;
  rep.checks.push_back(to_check(kBitIndependenceCheck, bit_independence_test(view, sec, o.alpha)));
  // The null: a, b uniform and c = ab per triple, so a non-constant combination of the secrets
  // takes a value with probability at most 3/4.
  const auto rel = gf2_relation_test(view, sec, independent_match_log2(n, 0.75));
  rep.checks.push_back(to_check(kGf2RelationCheck, rel));
  rep.checks.back().unchecked = rel.unchecked;
  rep.checks.push_back(to_check("uniformity of the coalition's bits",
                                bit_uniformity_test(view, o.alpha)));
  return rep;
}

// One column of F_p values over the runs.
struct FpColumns {
  ViewSamples samples;
  void add(std::size_t run, const std::string& name, Fp61 v) {
    if (run == 0) samples.layout.push_back({name, ElementDomain::kField61});
    if (samples.runs.size() <= run) samples.runs.emplace_back();
    samples.runs[run].push_back(v.value());
  }
};

void add_auth(FpColumns& f, std::size_t run, const std::string& name, const AuthShare& s) {
  f.add(run, name, s.value);
  f.add(run, name + " mac", s.mac[0]);
}

// One sample of the dealer: the coalition's values into `mine`, the hidden secrets into
// `secret`.
void sample_spdz(const Circuit& circuit, const CorrelationOptions& o, const std::set<PartyId>& c,
                 std::size_t run, FpColumns& mine, FpColumns& secret) {
  const Rng dealer(o.seed + run, -1, "privacy/spdz-dealer");
  std::vector<SpdzPreprocessing> all;
  for (PartyId p = 0; p < o.parties; ++p) {
    Rng copy = dealer;  // every party runs the same dealer stream
    all.push_back(spdz_deal(circuit, o.parties, 1, p, copy));
  }
  std::vector<PartyId> owner;  // by input wire, in circuit input order (spdz_dealer.h)
  for (const auto& group : circuit.inputs)
    owner.insert(owner.end(), group.wires.size(), group.owner);
  for (PartyId p : c) {
    const auto& me = all[static_cast<std::size_t>(p)];
    const std::string who = "party " + std::to_string(p) + " ";
    mine.add(run, who + "alpha", me.alpha[0]);
    for (std::size_t w = 0; w < me.input_mask.size(); ++w) {
      add_auth(mine, run, who + "mask[" + std::to_string(w) + "]", me.input_mask[w]);
      if (owner[w] == p)
        mine.add(run, who + "r[" + std::to_string(w) + "]", me.input_mask_clear[w]);
    }
    for (std::size_t g = 0; g < me.triples.size(); ++g)
      for (const auto& [n, sh] : {std::pair{"a", me.triples[g].a}, std::pair{"b", me.triples[g].b},
                                  std::pair{"c", me.triples[g].c}})
        add_auth(mine, run, who + n + "[" + std::to_string(g) + "]", sh);
  }
  const auto total = [&](auto share) {
    Fp61 v;
    for (const auto& part : all) v += share(part);
    return v;
  };
  secret.add(run, "alpha", total([](const SpdzPreprocessing& x) { return x.alpha[0]; }));
  for (std::size_t w = 0; w < owner.size(); ++w)
    if (!c.count(owner[w]))
      secret.add(run, "r[" + std::to_string(w) + "]",
                 total([w](const SpdzPreprocessing& x) { return x.input_mask[w].value; }));
  for (std::size_t g = 0; g < all.front().triples.size(); ++g) {
    secret.add(run, "a[" + std::to_string(g) + "]",
               total([g](const SpdzPreprocessing& x) { return x.triples[g].a.value; }));
    secret.add(run, "b[" + std::to_string(g) + "]",
               total([g](const SpdzPreprocessing& x) { return x.triples[g].b.value; }));
    secret.add(run, "c[" + std::to_string(g) + "]",
               total([g](const SpdzPreprocessing& x) { return x.triples[g].c.value; }));
  }
}

Result<ComponentReport> spdz_dealer_test(const CorrelationOptions& o) {
  // x·y for 2-vectors: 4 input masks (two per owner), 2 triples.
  std::vector<std::vector<std::uint64_t>> inputs(static_cast<std::size_t>(o.parties));
  inputs[0] = {1, 2};
  inputs[1] = {3, 4};
  SMPC_ASSIGN_OR_RETURN(const Function f,
                        build_function({{"name", "inner_product"}}, inputs, o.parties));
  const std::set<PartyId> c(o.coalition.begin(), o.coalition.end());
  FpColumns mine, secret;
  for (int run = 0; run < o.runs; ++run)
    sample_spdz(f.circuit, o, c, static_cast<std::size_t>(run), mine, secret);
  ComponentReport rep;
  rep.runs = o.runs;
  rep.checks.push_back(to_check("affine relations over F_p",
                                fp_relation_between(mine.samples, secret.samples)));
  rep.checks.push_back(to_check("uniformity of the coalition's values",
                                uniformity_chi_square(mine.samples, o.alpha)));
  return rep;
}

}  // namespace

Result<ComponentReport> correlation_test(const CorrelationOptions& o) {
  if (o.parties < 2) return Error("correlation test: need at least 2 parties");
  if (o.runs < 2) return Error("correlation test: need at least 2 runs");
  if (o.coalition.empty() || static_cast<int>(o.coalition.size()) >= o.parties)
    return Error("correlation test: the coalition must hold between 1 and n-1 parties");
  for (PartyId p : o.coalition)
    if (p < 0 || p >= o.parties)
      return Error("correlation test: coalition member " + std::to_string(p) + " is not a party");
  SMPC_ASSIGN_OR_RETURN(ComponentReport rep, o.source == CorrelationSource::kSpdzDealer
                                                 ? spdz_dealer_test(o)
                                                 : bit_triple_test(o));
  std::string members;
  for (PartyId p : o.coalition) members += (members.empty() ? "" : ", ") + std::to_string(p);
  rep.name = std::string(correlation_source_name(o.source)) + ", n = " +
             std::to_string(o.parties) + ", coalition {" + members + "}";
  finish(rep);
  return rep;
}

Result<std::vector<ComponentReport>> correlation_sweep(const CorrelationOptions& o) {
  std::vector<ComponentReport> out;
  for (PartyId p = 0; p < o.parties; ++p) {
    CorrelationOptions one = o;
    one.coalition = {p};
    SMPC_ASSIGN_OR_RETURN(ComponentReport rep, correlation_test(one));
    out.push_back(std::move(rep));
  }
  return out;
}

}  // namespace smpc
