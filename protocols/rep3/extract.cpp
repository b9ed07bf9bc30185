#include "protocols/rep3/extract.h"

#include <limits>

#include "protocols/rep3/rep3.h"

namespace smpc {
namespace {

// Records travel as JSON; input_phase_record checks value < bound. A ring component can be any
// word, so the bound excludes 2^64 − 1 only: such a record makes extraction fail (the judge
// then falls back to the ideal-world oracle), with probability 2^-64 per component.
std::uint64_t record_bound(CircuitDomain d) {
  return d == CircuitDomain::kBoolean ? 2 : std::numeric_limits<std::uint64_t>::max();
}

// Dealer d's input from the records of servers a = q + 1 and b = q + 2: a holds (s_{q+1},
// s_{q+2}), b holds (s_{q+2}, s_q). For a server dealer q = d (its two recipients); for a
// client q is the corrupted server, or 0 when every server is honest, and then server 0's
// record (s_0, s_1) must agree with the others' copies too.
Result<ExtractedInput> extract_one(const ExtractionQuery& q, CircuitDomain domain, PartyId d) {
  const std::size_t n = q.circuit->input_wires_of(d).size();
  ExtractedInput e{d, std::vector<std::uint64_t>{}, ""};
  if (n == 0) return e;
  PartyId pivot = d;
  bool check_pivot = false;
  if (d >= kRep3Parties) {
    pivot = 0;
    check_pivot = true;
    for (PartyId s : q.corrupted)
      if (s < kRep3Parties) pivot = s, check_pivot = false;
  }
  const PartyId a = (pivot + 1) % kRep3Parties, b = (pivot + 2) % kRep3Parties;
  SMPC_ASSIGN_OR_RETURN(const auto at_a,
                        input_phase_record(*q.run, a, "replicated", d, 2 * n, record_bound(domain)));
  SMPC_ASSIGN_OR_RETURN(const auto at_b,
                        input_phase_record(*q.run, b, "replicated", d, 2 * n, record_bound(domain)));
  std::vector<std::uint64_t> at_pivot;
  if (check_pivot) {
    SMPC_ASSIGN_OR_RETURN(at_pivot, input_phase_record(*q.run, pivot, "replicated", d, 2 * n,
                                                       record_bound(domain)));
  }
  const auto inconsistent = [&](PartyId x, PartyId y) {
    e.values.reset();
    e.note = "inconsistent replicated sharing: parties " + std::to_string(x) + " and " +
             std::to_string(y) + " hold different copies of one component";
    return e;
  };
  const bool boolean = domain == CircuitDomain::kBoolean;
  for (std::size_t k = 0; k < n; ++k) {
    // at_a = (s_{q+1}, s_{q+2}), at_b = (s_{q+2}, s_q), at_pivot = (s_q, s_{q+1}).
    if (at_a[n + k] != at_b[k]) return inconsistent(a, b);
    if (check_pivot && at_pivot[k] != at_b[n + k]) return inconsistent(pivot, b);
    if (check_pivot && at_pivot[n + k] != at_a[k]) return inconsistent(pivot, a);
    e.values->push_back(boolean ? at_a[k] ^ at_a[n + k] ^ at_b[n + k]
                                : at_a[k] + at_a[n + k] + at_b[n + k]);
  }
  return e;
}

}  // namespace

Extractor rep3_extractor(CircuitDomain domain) {
  return [domain](const ExtractionQuery& q) -> Result<std::vector<ExtractedInput>> {
    std::vector<ExtractedInput> out;
    for (PartyId d : q.extract) {
      SMPC_ASSIGN_OR_RETURN(auto e, extract_one(q, domain, d));
      out.push_back(std::move(e));
    }
    return out;
  };
}

}  // namespace smpc
