#include "scenarios/dp_function.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <memory>

#include "protocols/core/extraction.h"
#include "protocols/core/json_text.h"
#include "protocols/core/mutants.h"
#include "protocols/core/rng.h"
#include "protocols/dp/binomial.h"
#include "protocols/fixedpoint/fixed.h"
#include "protocols/spdz/extract.h"

namespace smpc {
namespace {

constexpr std::int64_t kMaxBound = std::int64_t{1} << 31;
constexpr std::size_t kMaxValues = std::size_t{1} << 16;
// Parties × coins bounds the program (about 5 instructions per party and coin) and the carrier
// circuit every run and reseed builds: 100 parties at 58,478 coins took 8 GB and 93 s to build.
constexpr std::size_t kMaxPartyCoins = std::size_t{1} << 20;

Result<double> number_in(const nlohmann::json& spec, const char* key, double lo, double hi) {
  const std::string ptr = std::string("/function/") + key;
  if (!spec.contains(key)) return Error(ptr + ": missing");
  const auto& v = spec[key];
  if (!v.is_number() || !(v.get<double>() >= lo && v.get<double>() <= hi))
    return Error(ptr + ": must be a number from " + short_json(lo) + " to " + short_json(hi) + ", got " + short_json(v));
  return v.get<double>();
}

Result<std::int64_t> bound_of(const nlohmann::json& spec, const char* key) {
  const std::string ptr = std::string("/function/") + key;
  if (!spec.contains(key)) return Error(ptr + ": missing");
  const auto& v = spec[key];
  if (!v.is_number_integer() || v.get<std::int64_t>() <= -kMaxBound || v.get<std::int64_t>() >= kMaxBound)
    return Error(ptr + ": must be an integer with |v| < 2^31, got " + short_json(v));
  return v.get<std::int64_t>();
}

Result<DpSetting> parse_setting(const nlohmann::json& spec) {
  DpSetting s;
  SMPC_ASSIGN_OR_RETURN(s.epsilon, number_in(spec, "epsilon", 0.01, 20));
  SMPC_ASSIGN_OR_RETURN(s.delta, number_in(spec, "delta", 1e-12, 0.5));
  SMPC_ASSIGN_OR_RETURN(s.lower, bound_of(spec, "lower"));
  SMPC_ASSIGN_OR_RETURN(s.upper, bound_of(spec, "upper"));
  if (s.upper <= s.lower)
    return Error("/function/upper: must be above lower (" + std::to_string(s.lower) + "), got " + std::to_string(s.upper));
  auto m = dp::calibrate_coins(s.epsilon, s.delta, static_cast<std::uint64_t>(s.upper - s.lower));
  if (!m.ok()) return Error("/function/epsilon: " + m.status().message());
  s.coins = *m;
  if (spec.contains("coin_source")) {
    const auto& v = spec["coin_source"];
    if (!v.is_string() || (v != "parties" && v != "dealer"))
      return Error("/function/coin_source: must be \"parties\" (every party's bits, XORed) or \"dealer\" (the "
                   "dealer's random shared bits), got " + short_json(v));
    s.dealer_coins = v == "dealer";
  }
  return s;
}

// Each party's values, clipped to [lower, upper] (the party's own clipping).
Result<std::vector<std::vector<std::int64_t>>> values_of(const std::vector<nlohmann::json>& in,
                                                         const DpSetting& s) {
  std::vector<std::vector<std::int64_t>> out;
  std::size_t total = 0;
  for (std::size_t p = 0; p < in.size(); ++p) {
    const std::string ptr = "/inputs/" + std::to_string(p);
    if (!in[p].is_array() || in[p].empty()) return Error(ptr + ": every party gives one or more integers");
    auto& mine = out.emplace_back();
    for (std::size_t i = 0; i < in[p].size(); ++i) {
      const auto& v = in[p][i];
      if (!v.is_number_integer())
        return Error(ptr + "/" + std::to_string(i) + ": must be an integer, got " + short_json(v));
      const auto x = v.is_number_unsigned() && v.get<std::uint64_t>() > INT64_MAX ? INT64_MAX : v.get<std::int64_t>();
      mine.push_back(std::clamp(x, s.lower, s.upper));
    }
    total += mine.size();
  }
  if (total > kMaxValues) return Error("/inputs: at most " + std::to_string(kMaxValues) + " values in all");
  return out;
}

std::string guarantee_text(const DpSetting& s) {
  char buf[640];
  std::snprintf(buf, sizeof buf,
                s.dealer_coins
                    ? "(epsilon = %s, delta = %s)-DP per record against any coalition of the parties: "
                      "records clipped to [%lld, %lld] (sensitivity %lld), binomial noise from %zu coins, "
                      "random shared bits from the SPDZ dealer's preprocessing, which knows the noise as it "
                      "knows every input's mask (Dwork et al., Eurocrypt 2006; m calibrated exactly)"
                    : "(epsilon = %s, delta = %s)-DP per record against any coalition missing one party: "
                      "records clipped to [%lld, %lld] (sensitivity %lld), binomial noise from %zu coins, "
                      "each the XOR of every party's private bit inside SPDZ (Dwork et al., Eurocrypt 2006; "
                      "m calibrated exactly)",
                exact_number_text(s.epsilon).c_str(), exact_number_text(s.delta).c_str(), static_cast<long long>(s.lower), static_cast<long long>(s.upper),
                static_cast<long long>(s.upper - s.lower), s.coins);
  return buf;
}

struct DpState {
  DpSetting setting;
  dp::Layout layout;
  std::vector<std::vector<std::int64_t>> values;
};

// Party p's program inputs: its values, then its coins and check randoms from the seed.
std::vector<std::uint64_t> party_inputs(const DpState& st, std::size_t p, std::uint64_t seed) {
  std::vector<std::uint64_t> out;
  for (auto x : st.values[p]) out.push_back(Fp61::from_i64(x).value());
  if (st.layout.dealer_coins) return out;
  Rng rng(seed, static_cast<PartyId>(p), "dp.noise");
  for (std::size_t j = 0; j < st.layout.coins; ++j) out.push_back(rng.next_bit() ? 1 : 0);
  for (std::size_t j = 0; j < st.layout.coins; ++j) out.push_back(rng.uniform_fp61().value());
  return out;
}

// The program inputs the run computed on: the true ones, the corrupted parties' extracted.
Result<std::vector<Fp61>> run_inputs(const RunResult& run, const std::vector<PartyId>& corrupted,
                                     const Circuit& c, const DpState& st,
                                     const std::vector<PartyInput>& truth) {
  std::vector<Fp61> in;
  for (const auto& pi : truth)
    for (auto v : pi.values) in.push_back(Fp61::from_u64(v));
  std::vector<PartyId> extract;
  for (PartyId p : corrupted)
    if (static_cast<std::size_t>(p) < st.layout.parties()) extract.push_back(p);
  if (extract.empty()) return in;
  SMPC_ASSIGN_OR_RETURN(auto got, spdz_extractor()(ExtractionQuery{&c, &run, corrupted, extract}));
  for (const auto& e : got) {
    if (!e.values) return Error("party " + std::to_string(e.party) + "'s input: " + e.note);
    const std::size_t at = st.layout.base(static_cast<std::size_t>(e.party));
    for (std::size_t i = 0; i < e.values->size() && at + i < in.size(); ++i)
      in[at + i] = Fp61::from_u64((*e.values)[i]);
  }
  return in;
}

// A corrupted party's record outside [lower, upper], as the run took it: the MPC adds records
// as they are (no range proof), so such a record moves the sum by more than the sensitivity, an
// output no choice of valid records gives. Empty when every corrupted party's records are in range.
std::string unclipped_record(const DpState& st, const std::vector<Fp61>& in,
                             const std::vector<PartyId>& corrupted) {
  for (PartyId p : corrupted) {
    const auto up = static_cast<std::size_t>(p);
    if (up >= st.layout.parties()) continue;
    const std::size_t base = st.layout.base(up);
    for (std::size_t i = 0; i < st.layout.values[up]; ++i) {
      const std::int64_t v = fx::from_field(in[base + i]);
      if (v < st.setting.lower || v > st.setting.upper)
        return "corrupted party " + std::to_string(p) + "'s record " + std::to_string(i) + " is " +
               std::to_string(v) + ", outside [" + std::to_string(st.setting.lower) + ", " +
               std::to_string(st.setting.upper) + "]: the MPC adds it unclipped (no range proof), so the "
               "published sum moves by more than the sensitivity per record";
    }
  }
  return "";
}

OutputCheck dp_check(std::shared_ptr<const DpState> st, Circuit carrier, std::vector<PartyInput> truth) {
  return [st, carrier = std::move(carrier), truth = std::move(truth)](
             const RunResult& run, PartyId p, const std::vector<PartyId>& corrupted) -> std::string {
    const auto& out = run.parties[static_cast<std::size_t>(p)].outputs;
    if (out.size() != 1) return "party " + std::to_string(p) + " output " + std::to_string(out.size()) + " values";
    const auto in = run_inputs(run, corrupted, carrier, *st, truth);
    if (!in.ok()) return "could not check the noisy sum: " + in.status().message();
    // M108 (seeded bug): the corrupted parties' records are not compared with the range.
    if (auto bad = unclipped_record(*st, *in, corrupted); !bad.empty() && !mutant_active(Mutant::kM108))
      return bad;
    // Dealer coins: the bits the dealer dealt, as party p (honest: the verdict asks it) recorded them.
    std::vector<std::uint64_t> dealt;
    if (st->layout.dealer_coins) {
      const auto rec = input_phase_record(run, p, fx::kRandBitsRecord, 0, fx::rand_bit_words(st->layout.coins),
                                          std::uint64_t{1} << fx::kRandBitsPerWord);
      if (!rec.ok()) return "could not check the noisy sum: " + rec.status().message();
      dealt = *rec;
    }
    const auto want = dp::reference_output(st->layout, *in, dealt);
    if (!want.ok()) return "could not check the noisy sum: " + want.status().message();
    if (Fp61::from_u64(out[0]) == *want) return "";
    return "noisy sum " + std::to_string(fx::from_field(Fp61::from_u64(out[0]))) +
           " differs from the reference " + std::to_string(fx::from_field(*want)) +
           (st->layout.dealer_coins ? " (the values' sum plus the noise of the dealer's coins)"
                                    : " (the values' sum plus the noise replayed from every party's coins)");
  };
}

// Sets the inputs and the verdict's predicate for the run's seed.
void seed_function(const std::shared_ptr<const DpState>& st, std::uint64_t seed, Function& f) {
  for (std::size_t p = 0; p < st->layout.parties(); ++p) f.party_inputs[p].values = party_inputs(*st, p, seed);
  f.output_check = dp_check(st, f.circuit, f.party_inputs);
}

}  // namespace

Result<Function> build_dp(const nlohmann::json& spec, const std::vector<nlohmann::json>& in,
                          int parties) {
  if (parties < 2) return Error("/parties: a dp function needs two or more parties (no single party may know the noise)");
  SMPC_ASSIGN_OR_RETURN(const DpSetting setting, parse_setting(spec));
  auto st = std::make_shared<DpState>();
  st->setting = setting;
  if (!setting.dealer_coins && static_cast<std::size_t>(parties) * setting.coins > kMaxPartyCoins)
    return Error("/parties: " + std::to_string(parties) + " parties × " + std::to_string(setting.coins) +
                 " coins (every party gives a bit and a check value per coin) exceeds " +
                 std::to_string(kMaxPartyCoins) + "; use fewer parties (servers for the records' owners) "
                 "or a larger epsilon or delta");
  SMPC_ASSIGN_OR_RETURN(st->values, values_of(in, setting));
  st->layout.coins = setting.coins;
  st->layout.dealer_coins = setting.dealer_coins;
  for (const auto& v : st->values) {
    st->layout.values.push_back(v.size());
    st->setting.count += v.size();
  }
  std::vector<InputGroup> groups;
  for (std::size_t p = 0; p < st->layout.parties(); ++p) {
    InputGroup g{"party" + std::to_string(p), static_cast<PartyId>(p), {}};
    for (std::size_t i = 0; i < st->layout.size(p); ++i) g.wires.push_back(static_cast<std::uint32_t>(st->layout.base(p) + i));
    groups.push_back(std::move(g));
  }
  std::vector<PartyId> all;
  for (int p = 0; p < parties; ++p) all.push_back(p);
  Function f;
  f.circuit = fx::carrier_circuit(dp::dp_program(st->layout), std::move(groups), {OutputGroup{"noisy_sum", all, {0}}});
  f.party_inputs.resize(static_cast<std::size_t>(parties));
  f.output_names = {"noisy_sum"};
  f.dp = nlohmann::json{{"epsilon", setting.epsilon}, {"delta", setting.delta}, {"lower", setting.lower},
                        {"upper", setting.upper}, {"coins", setting.coins},
                        {"coin_source", setting.dealer_coins ? "dealer" : "parties"}, {"count", st->setting.count},
                        {"guarantee", guarantee_text(setting)}};
  std::shared_ptr<const DpState> cst = st;
  f.reseed = [cst](std::uint64_t seed, Function& fn) { seed_function(cst, seed, fn); };
  seed_function(cst, 1, f);
  f.output_check_doc = std::string(setting.dealer_coins ? "the values' sum plus the binomial noise of the coins the dealer dealt"
                                                        : "the values' sum plus the binomial noise replayed from every party's coins") +
                       " (protocols/dp/binomial.h); guarantee: " + guarantee_text(setting);
  return f;
}

Result<DpSetting> dp_setting_of(const Function& f) {
  if (!f.dp) return Error("function \"" + f.name + "\" is not dp_sum or dp_mean");
  const auto& j = *f.dp;
  DpSetting s;
  s.epsilon = j.at("epsilon").get<double>();
  s.delta = j.at("delta").get<double>();
  s.lower = j.at("lower").get<std::int64_t>();
  s.upper = j.at("upper").get<std::int64_t>();
  s.coins = j.at("coins").get<std::size_t>();
  s.dealer_coins = j.at("coin_source") == "dealer";
  s.count = j.at("count").get<std::size_t>();
  return s;
}

nlohmann::ordered_json describe_dp_outputs(const Function& f, PartyId /*party*/,
                                           const std::vector<std::uint64_t>& values) {
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  const auto s = dp_setting_of(f);
  if (values.empty() || !s.ok()) return out;
  const std::int64_t y = fx::from_field(Fp61::from_u64(values[0]));
  const auto c = static_cast<std::int64_t>(s->count), half = static_cast<std::int64_t>(s->coins / 2);
  out["noisy_sum"] = y;
  out["count"] = s->count;
  if (f.name == "dp_mean") out["noisy_mean"] = static_cast<double>(y) / static_cast<double>(c);
  if (y < c * s->lower - half || y > c * s->upper + half)
    out["rejected"] = s->dealer_coins
                          ? "outside [count*lower - m/2, count*upper + m/2]: some party's records were outside [lower, upper]"
                          : "outside [count*lower - m/2, count*upper + m/2]: some party's coins were not bits "
                            "(the bit check made the output uniform) or its records were outside [lower, upper]";
  out["guarantee"] = f.dp->at("guarantee").get<std::string>();
  return out;
}

}  // namespace smpc
