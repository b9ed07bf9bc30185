#include "scenarios/privacy.h"
#include "scenarios/json_input.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <tuple>

#include "protocols/bgw/grr.h"
#include "protocols/bgw/shamir.h"
#include "protocols/core/circuit.h"
#include "protocols/core/message.h"
#include "protocols/core/rng.h"
#include "scenarios/functions.h"
#include "verify/abort_stats.h"
#include "verify/gf2_stats.h"

namespace smpc {
namespace {

std::uint64_t load_le(const std::uint8_t* p) {
  std::uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | p[i];
  return v;
}

Result<Bytes> from_hex(const std::string& hex) {
  if (hex.size() % 2 != 0) return Error("odd number of hex digits");
  Bytes out(hex.size() / 2);
  const auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  for (std::size_t i = 0; i < out.size(); ++i) {
    const int hi = nibble(hex[2 * i]), lo = nibble(hex[2 * i + 1]);
    if (hi < 0 || lo < 0) return Error("not a hex digit at offset " + std::to_string(2 * i));
    out[i] = static_cast<std::uint8_t>(hi * 16 + lo);
  }
  return out;
}

// The test needs a coalition to compare.
Status check_coalition(const Scenario& s) {
  if (!s.adversary || s.adversary->corrupt.empty())
    return Error(s.path + ": /adversary: the privacy test compares the corrupted coalition's "
                          "views, but the scenario corrupts no party (add \"adversary\": "
                          "{\"corrupt\": [...], \"model\": \"semi-honest\"})");
  return OkStatus();
}

// A coalition that changes messages (the malicious model, or a script with an active step):
// its views are compared under attack, run by run as the attack left them.
bool active_coalition(const Scenario& s) {
  if (s.adversary->model == AdversaryModel::kMalicious) return true;
  return std::any_of(s.adversary->script.begin(), s.adversary->script.end(),
                     [](const StrategyStep& st) { return st.kind != StrategyKind::kInputSubstitution; });
}

// The uniformity test and the single-party sweep take a passive coalition only: shares under
// attack have no uniformity claim, and the sweep replaces the scenario's coalition.
Status check_passive(const Scenario& s) {
  SMPC_RETURN_IF_ERROR(check_coalition(s));
  const std::string prefix = s.path + ": ";
  if (s.adversary->model == AdversaryModel::kMalicious)
    return Error(prefix + "/adversary/model: share uniformity and --coalitions all need a passive "
                          "(semi-honest) coalition; the input-swap test alone (--swap) also "
                          "takes a malicious one");
  for (std::size_t i = 0; i < s.adversary->script.size(); ++i)
    if (s.adversary->script[i].kind != StrategyKind::kInputSubstitution)
      return Error(prefix + "/adversary/script/" + std::to_string(i) + ": strategy \"" +
                   strategy_name(s.adversary->script[i].kind) +
                   "\" is active; share uniformity and --coalitions all take a passive "
                   "coalition only");
  return OkStatus();
}

// The runs of one side, by the shape of the coalition's view (its layout). A passive
// coalition's view has one shape; under attack the shape may depend on the run (an abort cuts
// the view short), and which shape a run has is itself tested against the side.
struct ViewShape {
  std::string name;  // "E elements, layout <digest>": the same layout gets the same name
  ViewSamples samples;
  std::uint64_t first_seed = 0;
};
struct Collected {
  std::vector<ViewShape> shapes;
  std::map<std::string, std::size_t> shape_runs;  // name -> runs
  std::size_t runs = 0;                            // over every shape
  const ViewSamples& samples() const { return shapes.front().samples; }
};

// The coalition's outputs under the ideal functionality (what it learns legitimately).
std::vector<nlohmann::ordered_json> coalition_outputs(const Scenario& s, const RunRecord& rec) {
  std::vector<nlohmann::ordered_json> out;
  for (PartyId p : s.adversary->corrupt)
    out.push_back(rec.expected_outputs[static_cast<std::size_t>(p)]);
  return out;
}

bool same_positions(const std::vector<ViewPosition>& a, const std::vector<ViewPosition>& b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](const auto& x, const auto& y) {
           return x.name == y.name && x.domain == y.domain;
         });
}

std::string shape_name(const std::vector<ViewPosition>& layout) {
  std::uint64_t h = 1469598103934665603ULL;  // FNV-1a over the element names and domains
  for (const auto& v : layout)
    for (char c : v.name + "/" + element_domain_name(v.domain) + ";")
      h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  char digest[17];
  std::snprintf(digest, sizeof digest, "%016llx", static_cast<unsigned long long>(h));
  return std::to_string(layout.size()) + " elements, layout " + digest;
}

// A passive coalition's views must all have the first run's layout: the first difference is
// named.
Status layout_mismatch(const Scenario& s, const ViewShape& first, const FlatView& got,
                       std::uint64_t seed, const RunRecord& rec, const std::string& side,
                       const std::string& error_prefix) {
  const auto& want = first.samples.layout;
  std::size_t k = 0;
  while (k < want.size() && k < got.layout.size() && want[k].name == got.layout[k].name &&
         want[k].domain == got.layout[k].domain)
    ++k;
  const auto at = [](const std::vector<ViewPosition>& l, std::size_t j) {
    return j < l.size() ? l[j].name + " (" + element_domain_name(l[j].domain) + ")"
                        : std::string("the end of the view");
  };
  return Error(error_prefix + s.path + ": the coalition's views have different layouts " +
               "between runs " + side + ": seed " + std::to_string(first.first_seed) + " has " +
               std::to_string(want.size()) + " elements, seed " + std::to_string(seed) +
               " has " + std::to_string(got.layout.size()) + "; element " + std::to_string(k) +
               " is " + at(want, k) + " in the first, " + at(got.layout, k) + " in the second" +
               (rec.outcome == Outcome::kCorrect
                    ? std::string()
                    : " (that run's outcome: " + std::string(outcome_name(rec.outcome)) + ")"));
}

// Files one run's flattened view under its shape (a new shape only for an active coalition).
Status add_run(Collected& c, FlatView flat, std::uint64_t seed, bool active, const Scenario& s,
               const RunRecord& rec, const std::string& side, const std::string& error_prefix) {
  auto it = std::find_if(c.shapes.begin(), c.shapes.end(),
                         [&](const ViewShape& v) { return same_positions(v.samples.layout, flat.layout); });
  if (it == c.shapes.end()) {
    if (!active && !c.shapes.empty())
      return layout_mismatch(s, c.shapes.front(), flat, seed, rec, side, error_prefix);
    c.shapes.push_back({shape_name(flat.layout), {flat.layout, {}}, seed});
    it = std::prev(c.shapes.end());
  }
  it->samples.runs.push_back(std::move(flat.values));
  ++c.shape_runs[it->name];
  ++c.runs;
  return OkStatus();
}

Result<Collected> collect(const Scenario& s, const PrivacyOptions& o, std::uint64_t first_seed,
                          const std::string& side, const std::string& error_prefix,
                          int* done, int total) {
  Collected c;
  RunOptions ro;
  ro.backend = o.backend;
  ro.mutant = o.mutant;
  const bool active = active_coalition(s);
  for (int i = 0; i < o.runs; ++i) {
    ro.seed = first_seed + static_cast<std::uint64_t>(i);
    auto rec = run_scenario(s, ro);
    if (!rec.ok()) return rec.status().with_prefix(error_prefix);
    if (!rec->adversary.is_object() || !rec->adversary.contains("views"))
      return Error(error_prefix + s.path + ": the run record has no coalition views");
    auto flat = flatten_views(rec->adversary["views"]);
    if (!flat.ok())
      return flat.status().with_prefix(error_prefix + s.path + ": seed " +
                                       std::to_string(*ro.seed) + ": ");
    SMPC_RETURN_IF_ERROR(add_run(c, std::move(flat).value(), *ro.seed, active, s, *rec, side,
                                 error_prefix));
    ++*done;
    if (o.progress && (*done % std::max(1, total / 10) == 0 || *done == total))
      o.progress("privacy: " + std::to_string(*done) + "/" + std::to_string(total) + " runs");
  }
  return c;
}

PrivacyCheck to_check(std::string name, const StatTestResult& r) {
  return {std::move(name), r.statistic, r.p_value, r.alarm, r.detail, {}};
}

void finish(PrivacyReport& rep, const std::string& what) {
  std::string alarms;
  for (const auto& c : rep.checks)
    if (c.alarm) alarms += (alarms.empty() ? "" : ", ") + c.name;
  rep.distinguishable = !alarms.empty();
  std::ostringstream os;
  os << what << " over " << rep.runs << " runs per input vector (α = " << rep.alpha << "): ";
  if (rep.distinguishable)
    os << "DISTINGUISHABLE (" << alarms << ")";
  else
    os << "no check alarmed (no distinguisher found; this does not prove privacy)";
  for (const auto& c : rep.checks)
    if (!c.unchecked.empty()) os << "; " << c.unchecked;
  rep.summary = os.str();
}

// Same protocol, same inputs shape: the layouts must agree across the two sides too.
Status same_layout(const Scenario& s, const std::vector<ViewPosition>& la,
                   const std::vector<ViewPosition>& lb) {
  for (std::size_t k = 0; k < std::max(la.size(), lb.size()); ++k)
    if (k >= la.size() || k >= lb.size() || la[k].name != lb[k].name ||
        la[k].domain != lb[k].domain)
      return Error(s.path + ": the coalition's views have different layouts under x and x' " +
                   "(element " + std::to_string(k) + ": " +
                   (k < la.size() ? la[k].name : std::string("missing")) + " vs " +
                   (k < lb.size() ? lb[k].name : std::string("missing")) +
                   "): the message pattern depends on the honest inputs");
  return OkStatus();
}

// The Boolean tests (verify/gf2_stats.h) with the side of each run as the secret bit: every
// element split into bits, so plaintext bits inside labels, OT messages and packed shares are
// seen one by one. The coalition's inputs and outputs are the same under x and x' (checked
// before sampling), so every relation they imply is among view bits and constants, never with
// the side: only relations the honest inputs explain can alarm.
void add_bit_checks(PrivacyReport& rep, const ViewSamples& a, const ViewSamples& b,
                    double alpha, double gf2_target) {
  const BitSamples bits = view_bits(a, b);
  const BitSamples side = side_bit(a.runs.size(), b.runs.size());
  rep.checks.push_back(
      to_check(kBitIndependenceCheck, bit_independence_test(bits, side, alpha)));
  Gf2RelationOptions go;
  go.target_log2 = gf2_target;
  const auto rel =
      gf2_relation_test(bits, side, swap_match_log2(a.runs.size(), b.runs.size()), go);
  rep.checks.push_back(to_check(kGf2RelationCheck, rel));
  rep.checks.back().unchecked = rel.unchecked;
}

Status check_runs(const PrivacyOptions& o) {
  if (o.runs < 2) return Error("--runs: need at least 2 runs per input vector, got " +
                               std::to_string(o.runs));
  if (!(o.alpha > 0 && o.alpha < 1))
    return Error("--alpha: the false-alarm rate must be in (0, 1), got " + std::to_string(o.alpha));
  return OkStatus();
}

// ---- exact enumeration ----

// Hands out the digits of a base-P counter as field elements: one enumeration outcome.
template <class F>
struct DigitSource {
  const std::vector<std::uint64_t>* digits;
  std::size_t next = 0;
  bool overflow = false;
  F operator()() {
    if (next >= digits->size()) {
      overflow = true;
      return F();
    }
    return F::from_u64((*digits)[next++]);
  }
};

// Calls visit(digits) for every vector in {0..P-1}^length.
template <class Visit>
void for_each_digits(std::uint64_t prime, std::size_t length, Visit&& visit) {
  std::vector<std::uint64_t> d(length, 0);
  for (;;) {
    visit(d);
    std::size_t i = 0;
    while (i < length && ++d[i] == prime) d[i++] = 0;
    if (i == length) return;
  }
}

Status check_small_field(std::uint64_t prime, int n, int t, const std::vector<PartyId>& coalition,
                         std::size_t draws) {
  if (prime != 5 && prime != 7 && prime != 11 && prime != 13)
    return Error("exact enumeration supports the primes 5, 7, 11, 13, got " + std::to_string(prime));
  if (n < 1 || static_cast<std::uint64_t>(n) >= prime)
    return Error("n = " + std::to_string(n) + " parties need n < p = " + std::to_string(prime) +
                 " distinct non-zero evaluation points");
  if (t < 0 || t >= n) return Error("threshold t = " + std::to_string(t) + " must be in [0, n)");
  for (PartyId p : coalition)
    if (p < 0 || p >= n) return Error("coalition member " + std::to_string(p) + " is not a party");
  const double outcomes = std::pow(static_cast<double>(prime), static_cast<double>(draws));
  if (outcomes > 2e7)
    return Error("enumeration of " + std::to_string(prime) + "^" + std::to_string(draws) +
                 " randomness choices is too large (limit 2e7)");
  return OkStatus();
}

template <std::uint64_t P>
ExactPrivacyResult shamir_exact(int n, int t, const std::vector<PartyId>& coalition,
                                std::uint64_t s0, std::uint64_t s1) {
  using F = SmallPrimeField<P>;
  ExactPrivacyResult r;
  r.prime = P;
  TupleCounts dist[2];
  bool overflow = false;
  for (int side = 0; side < 2; ++side) {
    const F secret = F::from_u64(side == 0 ? s0 : s1);
    r.outcomes = 0;
    for_each_digits(P, static_cast<std::size_t>(t), [&](const std::vector<std::uint64_t>& d) {
      DigitSource<F> src{&d};
      const auto shares = shamir_share<F>(secret, t, n, src);
      overflow |= src.overflow;
      std::vector<std::uint64_t> view;
      for (PartyId p : coalition) view.push_back(shares[static_cast<std::size_t>(p)].value());
      ++dist[side][view];
      ++r.outcomes;
    });
  }
  SMPC_ASSERT(!overflow);  // shamir_share draws at most t coefficients
  r.support_a = dist[0].size();
  r.support_b = dist[1].size();
  r.total_variation = total_variation(dist[0], dist[1]);
  return r;
}

template <std::uint64_t P>
ExactPrivacyResult grr_exact(int n, int t, const std::vector<PartyId>& coalition,
                             std::array<std::uint64_t, 4> in, bool rerandomise) {
  using F = SmallPrimeField<P>;
  ExactPrivacyResult r;
  r.prime = P;
  std::vector<PartyId> everyone(static_cast<std::size_t>(n));
  for (PartyId p = 0; p < n; ++p) everyone[static_cast<std::size_t>(p)] = p;
  const auto lambda = lagrange_at_zero<F>(everyone);
  const auto corrupt = [&](PartyId p) {
    return std::find(coalition.begin(), coalition.end(), p) != coalition.end();
  };
  // Draws: t for x, t for y, t for each of the n reshares, in this order.
  const std::size_t draws = static_cast<std::size_t>(t) * static_cast<std::size_t>(2 + n);
  TupleCounts dist[2];
  bool overflow = false;
  for (int side = 0; side < 2; ++side) {
    const F x = F::from_u64(in[2 * side]), y = F::from_u64(in[2 * side + 1]);
    r.outcomes = 0;
    for_each_digits(P, draws, [&](const std::vector<std::uint64_t>& d) {
      DigitSource<F> src{&d};
      // The coalition's view: its own random coefficients, then what it receives.
      std::vector<std::uint64_t> view;
      const auto own_draws = [&](PartyId p, std::size_t before) {
        if (corrupt(p))
          for (std::size_t k = before; k < src.next; ++k) view.push_back(d[k]);
      };
      const auto a = shamir_share<F>(x, t, n, src);  // party 0 deals x (step 1)
      own_draws(0, 0);
      const std::size_t after_a = src.next;
      const auto b = shamir_share<F>(y, t, n, src);  // party 1 deals y
      own_draws(1, after_a);
      std::vector<std::vector<F>> h(static_cast<std::size_t>(n));
      for (PartyId i = 0; i < n; ++i) {  // steps 2a-2b at party i (protocols/bgw/grr.h)
        const std::size_t before = src.next;
        const auto ii = static_cast<std::size_t>(i);
        h[ii] = grr_reshare_product<F>(a[ii], b[ii], t, n, src, rerandomise);
        own_draws(i, before);
      }
      overflow |= src.overflow;
      for (PartyId c : coalition) {
        const auto cc = static_cast<std::size_t>(c);
        if (!corrupt(0)) view.push_back(a[cc].value());
        if (!corrupt(1)) view.push_back(b[cc].value());
        for (PartyId i = 0; i < n; ++i)
          if (!corrupt(i)) view.push_back(h[static_cast<std::size_t>(i)][cc].value());
      }
      // Step 2c and 3: the honest parties' shares of z, which they send for the output.
      for (PartyId j = 0; j < n; ++j) {
        if (corrupt(j)) continue;
        std::vector<F> received(static_cast<std::size_t>(n));
        for (PartyId i = 0; i < n; ++i)
          received[static_cast<std::size_t>(i)] =
              h[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)];
        view.push_back(grr_recombine<F>(lambda, received).value());
      }
      ++dist[side][view];
      ++r.outcomes;
    });
  }
  SMPC_ASSERT(!overflow);
  r.support_a = dist[0].size();
  r.support_b = dist[1].size();
  r.total_variation = total_variation(dist[0], dist[1]);
  return r;
}

template <template <std::uint64_t> class Fn, class... Args>
auto dispatch_prime(std::uint64_t prime, Args&&... args) {
  switch (prime) {
    case 5: return Fn<5>::run(std::forward<Args>(args)...);
    case 7: return Fn<7>::run(std::forward<Args>(args)...);
    case 11: return Fn<11>::run(std::forward<Args>(args)...);
    default: return Fn<13>::run(std::forward<Args>(args)...);
  }
}
template <std::uint64_t P>
struct ShamirExactFn {
  template <class... A>
  static ExactPrivacyResult run(A&&... a) { return shamir_exact<P>(std::forward<A>(a)...); }
};
template <std::uint64_t P>
struct GrrExactFn {
  template <class... A>
  static ExactPrivacyResult run(A&&... a) { return grr_exact<P>(std::forward<A>(a)...); }
};

std::string describe_exact(const ExactPrivacyResult& r, const std::string& what) {
  std::ostringstream os;
  os << what << " over F_" << r.prime << ": " << r.outcomes
     << " randomness choices per input, " << r.support_a << " and " << r.support_b
     << " distinct coalition views, total variation distance " << r.total_variation
     << (r.total_variation == 0 ? " (identical distributions: perfectly private)"
                                : " (the views depend on the input)");
  return os.str();
}

}  // namespace

nlohmann::ordered_json PrivacyReport::json() const {
  nlohmann::ordered_json checks_json = nlohmann::ordered_json::array();
  for (const auto& c : checks)
    checks_json.push_back({{"name", c.name},
                           {"statistic", c.statistic},
                           {"p_value", c.p_value},
                           {"alarm", c.alarm},
                           {"detail", c.detail},
                           {"unchecked", c.unchecked}});
  return {{"runs", runs},
          {"alpha", alpha},
          {"distinguishable", distinguishable},
          {"summary", summary},
          {"checks", checks_json}};
}

Result<std::vector<nlohmann::json>> load_swap_file(const std::string& path) {
  // Hostile input is bounded and located the same way as a scenario file's (json_input.h).
  SMPC_ASSIGN_OR_RETURN(const nlohmann::json doc, read_json_file(path));
  if (!doc.is_object() || !doc.contains("inputs"))
    return Error(path + ": /inputs: missing; the swap file is {\"inputs\": [[...], ...]} with "
                        "the shape of the scenario's inputs");
  const auto& inputs = doc["inputs"];
  if (!inputs.is_array())
    return Error(path + ": /inputs: must be an array (one entry per party), got " +
                 short_json(inputs));
  std::vector<nlohmann::json> out;
  for (std::size_t p = 0; p < inputs.size(); ++p) {
    const auto& v = inputs[p];
    const auto vals = v.is_array() ? v : nlohmann::json::array({v});
    for (std::size_t k = 0; k < vals.size(); ++k)
      if (!vals[k].is_number_unsigned() && !vals[k].is_string() && !vals[k].is_boolean())
        return Error(path + ": /inputs/" + std::to_string(p) +
                     (v.is_array() ? "/" + std::to_string(k) : "") +
                     ": an input value must be a non-negative integer (or a string for "
                     "encoded Boolean inputs), got " + short_json(vals[k]));
    out.push_back(vals);
  }
  return out;
}

namespace {

// One message of a coalition member's view, with the key that orders it the same in every run.
struct ViewEntry {
  PartyId party;  // the coalition member whose view it is
  std::uint32_t round;
  bool sent;      // received first, then what the party sent in the same round
  PartyId peer;   // sender (received) or recipient (sent)
  std::string label;
  int occurrence;
  Message message;
};

std::set<PartyId> coalition_of(const nlohmann::ordered_json& views) {
  std::set<PartyId> coalition;
  for (const auto& view : views)
    if (view.is_object() && view.contains("party") && view["party"].is_number_integer())
      coalition.insert(view["party"].get<PartyId>());
  return coalition;
}

bool well_formed_entry(const nlohmann::ordered_json& e, const char* peer_key) {
  return e.is_object() && e.contains(peer_key) && e[peer_key].is_number_integer() &&
         e.contains("label") && e["label"].is_string() && e.contains("round") &&
         e["round"].is_number_integer() && e["round"].get<std::int64_t>() >= 0 &&
         e.contains("wire") && e["wire"].is_string();
}

// A well-formed entry of a view's "received" or "sent" list, its wire bytes decoded.
Result<ViewEntry> decode_view_entry(const nlohmann::ordered_json& e, const std::string& at,
                                    PartyId party, bool sent, PartyId peer) {
  auto bytes = from_hex(e["wire"].get<std::string>());
  if (!bytes.ok()) return bytes.status().with_prefix(at + "/wire: ");
  auto msg = Message::decode(*bytes);
  if (!msg.ok()) return msg.status().with_prefix(at + "/wire: ");
  return ViewEntry{party, e["round"].get<std::uint32_t>(), sent, peer,
                   e["label"].get<std::string>(), 0, std::move(msg).value()};
}

Status read_view(const nlohmann::ordered_json& view, const std::string& where,
                 const std::set<PartyId>& coalition, std::vector<ViewEntry>& entries) {
  if (!view.is_object() || !view.contains("party") || !view["party"].is_number_integer() ||
      !view.contains("received") || !view["received"].is_array() ||
      (view.contains("sent") && !view["sent"].is_array()))
    return Error(where + ": expected {\"party\": id, \"received\": [...], \"sent\": [...]}");
  const PartyId party = view["party"].get<PartyId>();
  // The sent messages are a function of the party's view; they are kept because they put
  // the party's own shares next to the received ones (an opened value is the sum of all
  // shares). Messages to other coalition members are already in their received lists.
  for (const char* direction : {"received", "sent"}) {
    if (!view.contains(direction)) continue;
    const bool sent = direction[0] == 's';
    const char* peer_key = sent ? "to" : "from";
    std::map<std::tuple<PartyId, std::string, std::uint32_t>, int> seen;
    for (std::size_t i = 0; i < view[direction].size(); ++i) {
      const auto& e = view[direction][i];
      const std::string at = where + "/" + direction + "/" + std::to_string(i);
      if (!well_formed_entry(e, peer_key))
        return Error(at + ": expected {\"" + peer_key + "\", \"label\", \"round\", \"wire\"}");
      const PartyId peer = e[peer_key].get<PartyId>();
      if (sent && coalition.count(peer)) continue;
      SMPC_ASSIGN_OR_RETURN(ViewEntry en, decode_view_entry(e, at, party, sent, peer));
      // Messages over one channel stay in order, so the k-th message with the same
      // (peer, label, round) is the same message in every run, whatever the arrival order
      // across channels.
      en.occurrence = seen[{en.peer, en.label, en.round}]++;
      entries.push_back(std::move(en));
    }
  }
  return OkStatus();
}

// Appends each element of one message part as a named position of the flat view.
void append_part(FlatView& flat, const std::string& pb, const MessagePart& part) {
  const auto add = [&](std::size_t k, const std::string& sub, ElementDomain d,
                       std::uint64_t value) {
    flat.layout.push_back({pb + " [" + std::to_string(k) + "]" + sub, d});
    flat.values.push_back(value);
  };
  // Wide elements become several 64-bit words, named .0, .1, ...
  const auto add_words = [&](std::size_t k, std::size_t words, ElementDomain d,
                             const std::uint8_t* at) {
    for (std::size_t w = 0; w < words; ++w)
      add(k, "." + std::to_string(w), d, load_le(at + 8 * w));
  };
  const std::uint8_t* data = part.data.data();
  for (std::size_t k = 0; k < part.count; ++k) {
    switch (part.kind) {
      case ElementKind::kField61: add(k, "", ElementDomain::kField61, load_le(data + 8 * k)); break;
      case ElementKind::kRing64: add(k, "", ElementDomain::kWord64, load_le(data + 8 * k)); break;
      case ElementKind::kBit:
        add(k, "", ElementDomain::kBit, (data[k / 8] >> (k % 8)) & 1u);
        break;
      case ElementKind::kByte: add(k, "", ElementDomain::kByte, data[k]); break;
      case ElementKind::kBlock128: add_words(k, 2, ElementDomain::kWord64, data + 16 * k); break;
      case ElementKind::kField127: add_words(k, 2, ElementDomain::kOpaque64, data + 16 * k); break;
      case ElementKind::kPoint: add_words(k, 4, ElementDomain::kOpaque64, data + 32 * k); break;
    }
  }
}

void append_entry(FlatView& flat, const ViewEntry& e) {
  std::string base = "party " + std::to_string(e.party) + (e.sent ? " -> " : " <- ") +
                     std::to_string(e.peer) + " " + e.label + " round " + std::to_string(e.round);
  if (e.occurrence > 0) base += " #" + std::to_string(e.occurrence + 1);
  const auto& parts = e.message.parts();
  for (std::size_t pi = 0; pi < parts.size(); ++pi)
    append_part(flat, base + (parts.size() > 1 ? " part " + std::to_string(pi) : ""), parts[pi]);
}

}  // namespace

Result<FlatView> flatten_views(const nlohmann::ordered_json& views) {
  if (!views.is_array()) return Error("views: not an array");
  const std::set<PartyId> coalition = coalition_of(views);
  std::vector<ViewEntry> entries;
  for (std::size_t v = 0; v < views.size(); ++v)
    SMPC_RETURN_IF_ERROR(read_view(views[v], "views/" + std::to_string(v), coalition, entries));
  std::stable_sort(entries.begin(), entries.end(), [](const ViewEntry& a, const ViewEntry& b) {
    return std::tie(a.party, a.round, a.sent, a.peer, a.label, a.occurrence) <
           std::tie(b.party, b.round, b.sent, b.peer, b.label, b.occurrence);
  });
  FlatView flat;
  for (const auto& e : entries) append_entry(flat, e);
  return flat;
}

// The swap file's x': the shape of x, the corrupted parties' inputs unchanged, some honest one
// changed.
Status check_swap_shape(const Scenario& s, const std::vector<nlohmann::json>& swapped_inputs) {
  const std::string swap = "swapped inputs: ";
  if (static_cast<int>(swapped_inputs.size()) != s.parties)
    return Error(swap + "/inputs: has " + std::to_string(swapped_inputs.size()) +
                 " entries but the scenario " + s.path + " has " + std::to_string(s.parties) +
                 " parties");
  bool changed = false;
  for (PartyId p = 0; p < s.parties; ++p) {
    const auto& x = s.inputs[static_cast<std::size_t>(p)];
    const auto& x2 = swapped_inputs[static_cast<std::size_t>(p)];
    const std::string ptr = "/inputs/" + std::to_string(p);
    if (!x2.is_array() || x2.size() != x.size())
      return Error(swap + ptr + ": party " + std::to_string(p) + " gives " +
                   std::to_string(x.size()) + " values in the scenario but " +
                   (x2.is_array() ? std::to_string(x2.size()) : std::string("not an array")) +
                   " in the swap file; the shapes must agree");
    if (s.adversary->corrupts(p) && x2 != x)
      return Error(swap + ptr + ": party " + std::to_string(p) +
                   " is corrupted, so its input must stay " + short_json(x) + " (got " +
                   short_json(x2) + "): the test varies honest inputs only");
    changed |= x2 != x;
  }
  if (!changed)
    return Error(swap + "/inputs: identical to the scenario's inputs; swap some honest input");
  return OkStatus();
}

// f(x) = f(x') for the coalition, checked on one run of each before the N + N runs.
Status same_coalition_outputs(const Scenario& s, const Scenario& swapped, const PrivacyOptions& o) {
  RunOptions ro;
  ro.backend = o.backend;
  ro.mutant = o.mutant;
  ro.seed = o.first_seed;
  auto ra = run_scenario(s, ro);
  if (!ra.ok()) return ra.status();
  auto rb = run_scenario(swapped, ro);
  if (!rb.ok()) return rb.status().with_prefix("with the swapped inputs: ");
  const auto ya = coalition_outputs(s, *ra), yb = coalition_outputs(s, *rb);
  for (std::size_t c = 0; c < ya.size(); ++c)
    if (ya[c] != yb[c])
      return Error(s.path + ": f(x) ≠ f(x'): corrupted party " +
                   std::to_string(s.adversary->corrupt[c]) + " receives " + short_json(ya[c]) +
                   " with the scenario's inputs but " + short_json(yb[c]) +
                   " with the swapped inputs; the swap test needs inputs that give the "
                   "coalition the same outputs");
  return OkStatus();
}

namespace {

// The element tests on two samples of one view layout.
void element_checks(PrivacyReport& rep, const ViewSamples& a, const ViewSamples& b, double alpha,
                    double gf2_target, bool uniformity) {
  rep.checks.push_back(to_check("chi-square (two-sample, per element)",
                                two_sample_chi_square(a, b, alpha)));
  rep.checks.push_back(to_check(kFpRelationCheck, relation_test(a, b)));
  add_bit_checks(rep, a, b, alpha, gf2_target);
  if (uniformity) rep.checks.push_back(to_check("share uniformity", uniformity_chi_square(a, alpha)));
}

// Under attack: which shape each run's view has, against the side (Fisher per shape,
// Bonferroni); then the element tests on the shape the two sides share most (at least 2 runs
// each), the other runs seen through their shape only. Returns what that covered.
std::string attacked_checks(PrivacyReport& rep, const Collected& a, const Collected& b,
                            double alpha, double gf2_target) {
  // Seeded bug M64: the x runs' shapes stand in for the x' runs'.
  const Collected& b_shapes = mutant_active(Mutant::kM64) ? a : b;
  const auto shape = class_dependence_test(a.shape_runs, a.runs, b_shapes.shape_runs, b_shapes.runs);
  const auto count = [](const Collected& c, const std::string& name) {
    const auto it = c.shape_runs.find(name);
    return it == c.shape_runs.end() ? std::size_t{0} : it->second;
  };
  rep.checks.push_back({kViewShapeCheck, 0, shape.p, shape.p < alpha,
                        shape.cls.empty() ? "every run has one view shape"
                                          : std::to_string(a.shape_runs.size() + b.shape_runs.size()) +
                                                " shape entries; least alike: " + shape.cls + ": " +
                                                std::to_string(count(a, shape.cls)) + " runs under x, " +
                                                std::to_string(count(b, shape.cls)) + " under x'",
                        {}});
  const ViewShape* best = nullptr;
  const ViewShape* best_b = nullptr;
  for (const auto& sa : a.shapes)
    for (const auto& sb : b.shapes)
      if (sa.name == sb.name && std::min(sa.samples.runs.size(), sb.samples.runs.size()) >= 2 &&
          (!best || std::min(sa.samples.runs.size(), sb.samples.runs.size()) >
                        std::min(best->samples.runs.size(), best_b->samples.runs.size()))) {
        best = &sa;
        best_b = &sb;
      }
  if (!best) {  // the element checks stay in the report (and in merge_pairs' order), unrun
    for (const char* name : {"chi-square (two-sample, per element)", kFpRelationCheck,
                             kBitIndependenceCheck, kGf2RelationCheck})
      rep.checks.push_back({name, 0, 1, false, "not run", {}});
    rep.checks.back().unchecked =
        "element tests not run: no view shape occurs in 2 or more runs under both x and x'";
    return "view shapes only";
  }
  element_checks(rep, best->samples, best_b->samples, alpha, gf2_target, false);
  const std::size_t used = best->samples.runs.size() + best_b->samples.runs.size();
  if (used < a.runs + b.runs)
    rep.checks.back().unchecked = "element tests on " + std::to_string(used) + " of " +
                                  std::to_string(a.runs + b.runs) + " runs (shape " + best->name +
                                  "); the others through their shape only";
  return "view shapes and " + std::to_string(best->samples.layout.size()) + " view elements";
}

// One input pair: N runs under x (seeds o.first_seed...), N under x' (the next N seeds), every
// test at family-wise rate alpha (GF(2): bound 2^gf2_target). An active coalition's views are
// compared under attack (attacked_checks).
Result<PrivacyReport> swap_pair(const Scenario& s, const Scenario& swapped, const PrivacyOptions& o,
                                double alpha, double gf2_target, int* done, int total) {
  SMPC_RETURN_IF_ERROR(same_coalition_outputs(s, swapped, o));
  SMPC_ASSIGN_OR_RETURN(auto a, collect(s, o, o.first_seed, "under x", "", done, total));
  SMPC_ASSIGN_OR_RETURN(auto b, collect(swapped, o, o.first_seed + static_cast<std::uint64_t>(o.runs),
                                        "under x'", "with the swapped inputs: ", done, total));
  PrivacyReport rep;
  rep.runs = o.runs;
  rep.alpha = alpha;
  std::string what;
  if (active_coalition(s)) {
    what = "input swap under attack on " + attacked_checks(rep, a, b, alpha, gf2_target);
  } else {
    SMPC_RETURN_IF_ERROR(same_layout(s, a.samples().layout, b.samples().layout));
    element_checks(rep, a.samples(), b.samples(), alpha, gf2_target, o.uniformity);
    what = "input swap on " + std::to_string(a.samples().layout.size()) + " view elements";
  }
  finish(rep, what + ", seeds " + std::to_string(o.first_seed) + ".." +
                  std::to_string(o.first_seed + 2 * static_cast<std::uint64_t>(o.runs) - 1));
  return rep;
}

using InputPairs = std::vector<std::pair<std::vector<nlohmann::json>, std::vector<nlohmann::json>>>;

// K pairs as one report: a check alarms when it alarmed on some pair (each pair ran at α/K, so
// the family-wise rate stays α); p-values Bonferroni over the pairs, false-alarm bounds summed;
// the detail is the alarming (else the least likely) pair's.
PrivacyReport merge_pairs(const std::vector<PrivacyReport>& reps, const InputPairs& pairs,
                          const PrivacyOptions& o) {
  PrivacyReport out;
  out.runs = o.runs;
  out.alpha = o.alpha;
  const double k = static_cast<double>(reps.size());
  for (std::size_t c = 0; c < reps.front().checks.size(); ++c) {
    std::size_t worst = 0;
    double sum = 0;
    for (std::size_t i = 0; i < reps.size(); ++i) {
      const auto& ci = reps[i].checks[c];
      const auto& cw = reps[worst].checks[c];
      sum += ci.p_value;
      if ((ci.alarm && !cw.alarm) || (ci.alarm == cw.alarm && ci.p_value < cw.p_value)) worst = i;
    }
    PrivacyCheck m = reps[worst].checks[c];
    const bool bound = m.name == kFpRelationCheck || m.name == kGf2RelationCheck;
    m.p_value = std::min(1.0, bound ? sum : k * m.p_value);
    m.detail = "pair " + std::to_string(worst + 1) + " of " + std::to_string(reps.size()) + " (" +
               short_json(pairs[worst].first) + " vs " + short_json(pairs[worst].second) +
               "): " + m.detail;
    for (const auto& r : reps)
      if (!r.checks[c].alarm && m.unchecked.empty()) m.unchecked = r.checks[c].unchecked;
    out.checks.push_back(std::move(m));
  }
  const std::uint64_t last =
      o.first_seed + 2 * reps.size() * static_cast<std::uint64_t>(o.runs) - 1;
  finish(out, "input swap over " + std::to_string(reps.size()) + " input pairs (the swap file's "
              "and " + std::to_string(reps.size() - 1) + " drawn from seed " +
              std::to_string(o.first_seed) + "; each at α/" + std::to_string(reps.size()) +
              "), seeds " + std::to_string(o.first_seed) + ".." + std::to_string(last));
  return out;
}

// Honest input values of random pairs are drawn below this bound: the Boolean functions' values
// of `bits` bits; the vote's ballots 0 and 1 (any other ballot is spoiled).
Result<std::uint64_t> draw_range(const Scenario& s) {
  const std::string name = s.function.value("name", std::string());
  if (name == "vote") return std::uint64_t{2};
  if (name == "millionaires" || name == "second_price_auction") {
    const int bits = s.function.value("bits", name == "millionaires" ? 32 : 16);
    return bits >= 63 ? (std::uint64_t{1} << 62) : (std::uint64_t{1} << bits);
  }
  return Error(s.path + ": /function/name: random input pairs (--pairs above 1) are drawn for "
                        "millionaires, second_price_auction and vote only, not \"" + name +
               "\"; test further pairs with further swap files");
}

// All outputs of the ideal function (a sufficient condition for the coalition's to agree).
Result<std::vector<std::uint64_t>> ideal_outputs(const Scenario& s,
                                                 const std::vector<nlohmann::json>& inputs) {
  const std::string dir = std::filesystem::path(s.path).parent_path().string();
  SMPC_ASSIGN_OR_RETURN(const Function f,
                        build_function(s.function, inputs, s.parties, dir.empty() ? "." : dir,
                                       s.roles ? s.roles->servers : 0));
  std::vector<std::vector<std::uint64_t>> groups;
  std::vector<std::size_t> next(static_cast<std::size_t>(s.parties), 0);
  for (const auto& g : f.ideal().inputs) {
    const auto& mine = f.party_inputs[static_cast<std::size_t>(g.owner)].values;
    auto& k = next[static_cast<std::size_t>(g.owner)];
    groups.emplace_back(mine.begin() + static_cast<std::ptrdiff_t>(k),
                        mine.begin() + static_cast<std::ptrdiff_t>(k + g.wires.size()));
    k += g.wires.size();
  }
  return evaluate(f.ideal(), groups);
}

// Every input pair (the swap file's, then o.pairs - 1 drawn), merged into one report.
Result<PrivacyReport> swap_pairs(const Scenario& s, const std::vector<nlohmann::json>& swapped_inputs,
                                 const PrivacyOptions& o) {
  if (o.pairs < 1)
    return Error("--pairs: need at least 1 input pair, got " + std::to_string(o.pairs));
  InputPairs pairs = {{s.inputs, swapped_inputs}};
  if (o.pairs > 1) {
    SMPC_ASSIGN_OR_RETURN(auto more, draw_input_pairs(s, o.pairs - 1, o.first_seed));
    pairs.insert(pairs.end(), more.begin(), more.end());
  }
  // Bonferroni over the pairs: each at alpha / K, GF(2) at 2^-30 / K.
  const double k = static_cast<double>(pairs.size());
  const int total = 2 * o.runs * static_cast<int>(pairs.size());
  int done = 0;
  std::vector<PrivacyReport> reports;
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    Scenario x = s, x2 = s;
    x.inputs = pairs[i].first;
    x2.inputs = pairs[i].second;
    PrivacyOptions one = o;
    one.first_seed = o.first_seed + 2 * i * static_cast<std::uint64_t>(o.runs);
    auto rep = swap_pair(x, x2, one, o.alpha / k, -30 - std::log2(k), &done, total);
    if (!rep.ok())
      return i == 0 ? rep.status()
                    : rep.status().with_prefix("random pair " + std::to_string(i) + " (" +
                                               short_json(pairs[i].first) + " vs " +
                                               short_json(pairs[i].second) + "): ");
    reports.push_back(std::move(rep).value());
  }
  if (reports.size() == 1) return reports.front();
  return merge_pairs(reports, pairs, o);
}

}  // namespace

Result<InputPairs> draw_input_pairs(const Scenario& s, int count, std::uint64_t seed) {
  SMPC_ASSIGN_OR_RETURN(const std::uint64_t range, draw_range(s));
  Rng rng(seed, -1, "privacy/input-pairs");
  const auto draw = [&] {
    auto in = s.inputs;
    for (PartyId p = 0; p < s.parties; ++p)
      if (!s.adversary || !s.adversary->corrupts(p))
        for (auto& v : in[static_cast<std::size_t>(p)]) v = rng.uniform_below(range);
    return in;
  };
  InputPairs out;
  for (int attempt = 0; static_cast<int>(out.size()) < count; ++attempt) {
    if (attempt >= 1000 * count)
      return Error(s.path + ": no honest input pair with equal outputs in " +
                   std::to_string(attempt) + " random draws; give the pairs as swap files");
    auto x = draw(), x2 = draw();
    if (x == x2) continue;
    SMPC_ASSIGN_OR_RETURN(const auto y, ideal_outputs(s, x));
    SMPC_ASSIGN_OR_RETURN(const auto y2, ideal_outputs(s, x2));
    if (y == y2) out.emplace_back(std::move(x), std::move(x2));
  }
  return out;
}

Result<PrivacyReport> run_privacy_test(const Scenario& s,
                                       const std::vector<nlohmann::json>& swapped_inputs,
                                       const PrivacyOptions& o) {
  SMPC_RETURN_IF_ERROR(check_runs(o));
  SMPC_RETURN_IF_ERROR(o.uniformity ? check_passive(s) : check_coalition(s));
  SMPC_RETURN_IF_ERROR(check_swap_shape(s, swapped_inputs));
  if (active_coalition(s)) {
    // An attack can leave honest parties waiting for a message that never comes: SimGrid ends
    // such a run at the scenario's deadline in simulated time, where the in-memory backend
    // would wait wall-clock seconds (and its outcome would depend on the machine's speed).
    PrivacyOptions simulated = o;
    simulated.backend = Backend::kSimulated;
    return swap_pairs(s, swapped_inputs, simulated);
  }
  return swap_pairs(s, swapped_inputs, o);
}

Result<PrivacyReport> run_uniformity_test(const Scenario& s, const PrivacyOptions& o) {
  SMPC_RETURN_IF_ERROR(check_runs(o));
  SMPC_RETURN_IF_ERROR(check_passive(s));
  int done = 0;
  SMPC_ASSIGN_OR_RETURN(auto a, collect(s, o, o.first_seed, "", "", &done, o.runs));
  PrivacyReport rep;
  rep.runs = o.runs;
  rep.alpha = o.alpha;
  rep.checks.push_back(to_check("share uniformity", uniformity_chi_square(a.samples(), o.alpha)));
  finish(rep, "share uniformity on " + std::to_string(a.samples().layout.size()) +
                  " view elements, seeds " + std::to_string(o.first_seed) + ".." +
                  std::to_string(o.first_seed + static_cast<std::uint64_t>(o.runs) - 1));
  return rep;
}

namespace {

// The scenario with `p` alone as its passive coalition.
Scenario with_single_coalition(const Scenario& s, PartyId p) {
  Scenario one = s;
  one.adversary = AdversarySpec{{p}, AdversaryModel::kSemiHonest, {}, {}};
  if (one.document.is_object())
    one.document["adversary"] = {{"corrupt", {p}}, {"model", "semi-honest"}};
  return one;
}

// Why the swap x -> x' is no privacy test against {p} (its input or its output changes), or
// nothing.
Result<std::optional<std::string>> swap_unsuited(const Scenario& one, PartyId p,
                                                 const std::vector<nlohmann::json>& swapped,
                                                 const PrivacyOptions& o) {
  const auto pp = static_cast<std::size_t>(p);
  if (pp < swapped.size() && swapped[pp] != one.inputs[pp])
    return std::optional<std::string>("its input differs between x and x' (" +
                                      short_json(one.inputs[pp]) + " vs " +
                                      short_json(swapped[pp]) + ")");
  if (static_cast<int>(swapped.size()) != one.parties) return std::optional<std::string>();
  RunOptions ro;
  ro.backend = o.backend;
  ro.mutant = o.mutant;
  ro.seed = o.first_seed;
  SMPC_ASSIGN_OR_RETURN(const RunRecord ra, run_scenario(one, ro));
  Scenario other = one;
  other.inputs = swapped;
  auto rb = run_scenario(other, ro);
  if (!rb.ok()) return rb.status().with_prefix("with the swapped inputs: ");
  if (ra.expected_outputs[pp] != rb->expected_outputs[pp])
    return std::optional<std::string>("its output differs between x and x' (" +
                                      short_json(ra.expected_outputs[pp]) + " vs " +
                                      short_json(rb->expected_outputs[pp]) + ")");
  return std::optional<std::string>();
}

}  // namespace

nlohmann::ordered_json PrivacySweep::json() const {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const auto& c : coalitions) {
    nlohmann::ordered_json j = {{"corrupt", c.corrupt}, {"tested", c.tested}};
    if (c.tested)
      j["report"] = c.report.json();
    else
      j["skipped"] = c.skipped;
    list.push_back(std::move(j));
  }
  return {{"coalitions", list},
          {"tested", tested},
          {"distinguishable", distinguishable},
          {"summary", summary}};
}

Result<PrivacySweep> run_privacy_sweep(const Scenario& s,
                                       const std::vector<nlohmann::json>* swapped,
                                       const PrivacyOptions& o) {
  if (s.adversary) SMPC_RETURN_IF_ERROR(check_passive(s));
  PrivacySweep sweep;
  std::string alarms;
  for (PartyId p = 0; p < s.parties; ++p) {
    CoalitionPrivacy c;
    c.corrupt = {p};
    const Scenario one = with_single_coalition(s, p);
    if (swapped) {
      SMPC_ASSIGN_OR_RETURN(const auto why, swap_unsuited(one, p, *swapped, o));
      if (why) c.skipped = "party " + std::to_string(p) + ": " + *why;
    }
    if (c.skipped.empty()) {
      if (o.progress) o.progress("privacy: coalition {" + std::to_string(p) + "}");
      auto rep = swapped ? run_privacy_test(one, *swapped, o) : run_uniformity_test(one, o);
      if (!rep.ok()) return rep.status().with_prefix("coalition {" + std::to_string(p) + "}: ");
      c.report = std::move(rep).value();
      c.tested = true;
      ++sweep.tested;
      if (c.report.distinguishable)
        alarms += (alarms.empty() ? "{" : ", {") + std::to_string(p) + "}";
    }
    sweep.coalitions.push_back(std::move(c));
  }
  sweep.distinguishable = !alarms.empty();
  sweep.summary = std::to_string(sweep.tested) + " of " + std::to_string(s.parties) +
                  " single-party coalitions tested: " +
                  (sweep.distinguishable ? "DISTINGUISHABLE for " + alarms
                                         : std::string("no check alarmed for any of them"));
  return sweep;
}

Result<ExactPrivacyResult> exact_shamir_privacy(std::uint64_t prime, int n, int t,
                                                const std::vector<PartyId>& coalition,
                                                std::uint64_t s0, std::uint64_t s1) {
  SMPC_RETURN_IF_ERROR(check_small_field(prime, n, t, coalition, static_cast<std::size_t>(t)));
  auto r = dispatch_prime<ShamirExactFn>(prime, n, t, coalition, s0, s1);
  r.detail = describe_exact(r, "Shamir sharing, n = " + std::to_string(n) + ", t = " +
                                   std::to_string(t) + ", secrets " + std::to_string(s0) +
                                   " vs " + std::to_string(s1));
  return r;
}

Result<ExactPrivacyResult> exact_grr_multiplication_privacy(
    std::uint64_t prime, int n, int t, const std::vector<PartyId>& coalition, std::uint64_t x,
    std::uint64_t y, std::uint64_t x2, std::uint64_t y2, bool rerandomise) {
  if (n < 2 || 2 * t >= n)
    return Error("GRR multiplication needs 2 ≤ n and 2t < n, got n = " + std::to_string(n) +
                 ", t = " + std::to_string(t));
  SMPC_RETURN_IF_ERROR(check_small_field(prime, n, t, coalition,
                                         static_cast<std::size_t>(t) * static_cast<std::size_t>(2 + n)));
  const auto corrupt = [&](PartyId p) {
    return std::find(coalition.begin(), coalition.end(), p) != coalition.end();
  };
  if ((corrupt(0) && x != x2) || (corrupt(1) && y != y2))
    return Error("a corrupted dealer's input must be the same under both input vectors");
  auto r = dispatch_prime<GrrExactFn>(prime, n, t, coalition, std::array<std::uint64_t, 4>{x, y, x2, y2},
                                      rerandomise);
  r.detail = describe_exact(r, std::string("GRR multiplication") +
                                   (rerandomise ? "" : " without re-randomisation") + ", n = " +
                                   std::to_string(n) + ", t = " + std::to_string(t) + ", (x, y) = (" +
                                   std::to_string(x) + ", " + std::to_string(y) + ") vs (" +
                                   std::to_string(x2) + ", " + std::to_string(y2) + ")");
  return r;
}

}  // namespace smpc
