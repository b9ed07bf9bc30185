#include "protocols/bgw/extract.h"

#include "protocols/bgw/shamir.h"

namespace smpc {
namespace {

// The honest parties that recorded the input phase (a party that stopped earlier has no
// record and does not count), and the degree they shared with.
struct HonestPoints {
  std::vector<PartyId> parties;
  int degree = 0;
};

Result<HonestPoints> honest_points(const ExtractionQuery& q) {
  HonestPoints h;
  bool have_degree = false;
  const int n = static_cast<int>(q.run->parties.size());
  for (PartyId p = 0; p < n; ++p) {
    if (is_party_in(q.corrupted, p)) continue;
    auto d = input_phase_record(*q.run, p, "degree", p, 1, static_cast<std::uint64_t>(n));
    if (!d.ok()) continue;
    if (have_degree && h.degree != static_cast<int>((*d)[0]))
      return Error("honest parties recorded different sharing degrees");
    h.degree = static_cast<int>((*d)[0]);
    have_degree = true;
    h.parties.push_back(p);
  }
  if (!have_degree || h.parties.size() < static_cast<std::size_t>(h.degree) + 1)
    return Error("fewer than t + 1 honest parties recorded their input shares");
  return h;
}

// f(0) of the degree-t polynomial through the first t + 1 honest points, if every other honest
// point lies on it.
std::optional<Fp61> interpolate_checked(const std::vector<PartyId>& parties,
                                        const std::vector<Fp61>& shares, int t) {
  const std::size_t base = static_cast<std::size_t>(t) + 1;
  const std::vector<PartyId> first(parties.begin(), parties.begin() + static_cast<long>(base));
  const std::vector<Fp61> first_shares(shares.begin(), shares.begin() + static_cast<long>(base));
  for (std::size_t i = base; i < parties.size(); ++i) {
    // f(α_i) = Σ_j ℓ_j(α_i) f(α_j): interpolate at α_i by shifting the points by α_i.
    Fp61 at_i;
    const Fp61 ai = shamir_point(parties[i]);
    for (std::size_t j = 0; j < base; ++j) {
      Fp61 num = Fp61::from_u64(1), den = Fp61::from_u64(1);
      const Fp61 aj = shamir_point(first[j]);
      for (std::size_t m = 0; m < base; ++m) {
        if (m == j) continue;
        const Fp61 am = shamir_point(first[m]);
        num *= ai - am;
        den *= aj - am;
      }
      at_i += first_shares[j] * num * den.inverse();
    }
    if (at_i != shares[i]) return std::nullopt;
  }
  return shamir_reconstruct(first, first_shares);
}

}  // namespace

Extractor shamir_extractor() {
  return [](const ExtractionQuery& q) -> Result<std::vector<ExtractedInput>> {
    std::vector<ExtractedInput> out;
    std::optional<HonestPoints> h;
    for (PartyId dealer : q.extract) {
      const std::size_t count = q.circuit->input_wires_of(dealer).size();
      ExtractedInput e{dealer, std::vector<std::uint64_t>{}, ""};
      if (count > 0 && !h) {
        SMPC_ASSIGN_OR_RETURN(HonestPoints got, honest_points(q));
        h = std::move(got);
      }
      std::vector<std::vector<Fp61>> by_input(count);
      for (std::size_t i = 0; count > 0 && i < h->parties.size(); ++i) {
        SMPC_ASSIGN_OR_RETURN(const auto s, input_phase_record(*q.run, h->parties[i], "shares",
                                                               dealer, count, Fp61::kModulus));
        for (std::size_t k = 0; k < count; ++k) by_input[k].push_back(Fp61::from_u64(s[k]));
      }
      for (std::size_t k = 0; k < count; ++k) {
        const auto v = interpolate_checked(h->parties, by_input[k], h->degree);
        if (!v) {
          e.values.reset();
          e.note = "inconsistent sharing: the honest parties' shares of input " +
                   std::to_string(k) + " lie on no polynomial of degree <= t = " +
                   std::to_string(h->degree);
          break;
        }
        e.values->push_back(v->value());
      }
      // A dealer that recorded no sharing degree is a client (roles, bgw_robust.h step 1c).
      const bool client = !input_phase_record(*q.run, dealer, "degree", dealer, 1,
                                              static_cast<std::uint64_t>(q.run->parties.size()))
                               .ok();
      if (count > 0 && e.values && is_party_in(input_phase_list(*q.run, h->parties[0],
                                                               "disqualified"), dealer))
        e.note = client ? "disqualified (no masked input that S - t servers agree on): the "
                          "default input 0"
                        : "disqualified by the VSS: the default input 0";
      out.push_back(std::move(e));
    }
    return out;
  };
}

}  // namespace smpc
