#include "protocols/core/extraction.h"

#include <algorithm>


namespace smpc {

namespace {
constexpr const char* kInputPhase = "input_phase";

// The record's slot for `dealer`'s values of `kind`, charged as one JSON node per value: the
// record is the testbed's, not the protocol's, but its party thread builds it in every run, so
// it is counted like the meter's work in `message`.
nlohmann::json& record_slot(PartyContext& ctx, std::string_view kind, PartyId dealer,
                            std::size_t values) {
  count_alloc<nlohmann::json>(values);
  return (*ctx.annotations)[kInputPhase][std::string(kind)][std::to_string(dealer)];
}
}  // namespace

void record_input_phase(PartyContext& ctx, std::string_view kind, PartyId dealer,
                        std::vector<std::uint64_t> values) {
  if (ctx.annotations == nullptr) return;
  record_slot(ctx, kind, dealer, values.size()) = std::move(values);
}

void record_input_phase(PartyContext& ctx, std::string_view kind, PartyId dealer,
                        const std::vector<Fp61>& values) {
  if (ctx.annotations == nullptr) return;
  // Straight into the JSON nodes: a temporary vector of integers would be a second buffer.
  nlohmann::json a = nlohmann::json::array();
  a.get_ref<nlohmann::json::array_t&>().reserve(values.size());
  for (Fp61 x : values) a.push_back(x.value());
  record_slot(ctx, kind, dealer, values.size()) = std::move(a);
}

void record_input_phase_list(PartyContext& ctx, std::string_view kind,
                             const std::vector<PartyId>& parties) {
  if (ctx.annotations == nullptr) return;
  (*ctx.annotations)[kInputPhase][std::string(kind)] = parties;
}

Result<std::vector<std::uint64_t>> input_phase_record(const RunResult& run, PartyId p,
                                                      std::string_view kind, PartyId dealer,
                                                      std::size_t count, std::uint64_t bound) {
  const std::string where = "party " + std::to_string(p) + "'s record of party " +
                            std::to_string(dealer) + "'s input (" + std::string(kind) + ")";
  if (p < 0 || static_cast<std::size_t>(p) >= run.parties.size())
    return Error(where + ": no such party");
  const auto& a = run.parties[static_cast<std::size_t>(p)].annotations;
  const std::string k(kind), d = std::to_string(dealer);
  if (!a.is_object() || !a.contains(kInputPhase) || !a[kInputPhase].is_object() ||
      !a[kInputPhase].contains(k) || !a[kInputPhase][k].is_object() ||
      !a[kInputPhase][k].contains(d))
    return Error(where + " is missing (the party stopped before its input phase ended)");
  const auto& v = a[kInputPhase][k][d];
  if (!v.is_array() || v.size() != count)
    return Error(where + ": expected " + std::to_string(count) + " values");
  std::vector<std::uint64_t> out;
  for (const auto& e : v) {
    if (!e.is_number_unsigned() || e.get<std::uint64_t>() >= bound)
      return Error(where + ": value out of range");
    out.push_back(e.get<std::uint64_t>());
  }
  return out;
}

std::vector<PartyId> input_phase_list(const RunResult& run, PartyId p, std::string_view kind) {
  if (p < 0 || static_cast<std::size_t>(p) >= run.parties.size()) return {};
  const auto& a = run.parties[static_cast<std::size_t>(p)].annotations;
  const std::string k(kind);
  if (!a.is_object() || !a.contains(kInputPhase) || !a[kInputPhase].contains(k) ||
      !a[kInputPhase][k].is_array())
    return {};
  std::vector<PartyId> out;
  for (const auto& e : a[kInputPhase][k])
    if (e.is_number_integer()) out.push_back(e.get<PartyId>());
  return out;
}

bool is_party_in(const std::vector<PartyId>& parties, PartyId p) {
  return std::find(parties.begin(), parties.end(), p) != parties.end();
}

// x_p = Σ_j s_{p→j} over every party j (j = p: the summand p kept). A corrupted dealer chooses
// its summands, but once the honest parties hold theirs and the corrupted parties' code holds
// the rest, the value every later step computes on is this sum.
Extractor additive_extractor(CircuitDomain domain) {
  return [domain](const ExtractionQuery& q) -> Result<std::vector<ExtractedInput>> {
    const bool boolean = domain == CircuitDomain::kBoolean;
    const std::uint64_t bound = boolean ? 2 : Fp61::kModulus;
    const int n = static_cast<int>(q.run->parties.size());
    // With roles only the computing parties hold shares: an honest party's "holders" list.
    std::vector<PartyId> holders;
    for (PartyId j = 0; j < n && holders.empty(); ++j)
      if (!is_party_in(q.corrupted, j)) holders = input_phase_list(*q.run, j, "holders");
    if (holders.empty())
      for (PartyId j = 0; j < n; ++j) holders.push_back(j);
    std::vector<ExtractedInput> out;
    for (PartyId dealer : q.extract) {
      const std::size_t count = q.circuit->input_wires_of(dealer).size();
      std::vector<std::uint64_t> sum(count, 0);
      for (PartyId j : holders) {
        if (count == 0) break;
        SMPC_ASSIGN_OR_RETURN(const auto s,
                              input_phase_record(*q.run, j, "shares", dealer, count, bound));
        for (std::size_t k = 0; k < count; ++k)
          sum[k] = boolean ? sum[k] ^ s[k]
                           : (Fp61::from_u64(sum[k]) + Fp61::from_u64(s[k])).value();
      }
      out.push_back({dealer, std::move(sum), ""});
    }
    return out;
  };
}

}  // namespace smpc
