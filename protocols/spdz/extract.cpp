#include "protocols/spdz/extract.h"

namespace smpc {

Extractor spdz_extractor() {
  return [](const ExtractionQuery& q) -> Result<std::vector<ExtractedInput>> {
    const int n = static_cast<int>(q.run->parties.size());
    std::vector<ExtractedInput> out;
    for (PartyId owner : q.extract) {
      const std::size_t count = q.circuit->input_wires_of(owner).size();
      ExtractedInput e{owner, std::vector<std::uint64_t>{}, ""};
      std::optional<std::vector<std::uint64_t>> agreed;
      for (PartyId h = 0; h < n && count > 0; ++h) {
        if (is_party_in(q.corrupted, h)) continue;
        const auto eps = input_phase_record(*q.run, h, "opened", owner, count, Fp61::kModulus);
        const auto r = input_phase_record(*q.run, h, "mask", owner, count, Fp61::kModulus);
        if (!eps.ok()) continue;  // stopped before the input phase ended
        if (!r.ok()) {
          // "preprocessing": "mascot": r was authenticated by its owner through Π_COPE; the
          // ideal-world simulator reads it off the COPE messages with both base-OT seeds, but
          // an honest party holds only one of each pair, so the run cannot tell us r.
          e.values.reset();
          e.note = "not extracted: with MASCOT preprocessing the input masks are known only to "
                   "their owners, so honest parties cannot recover a corrupted owner's r";
          break;
        }
        std::vector<std::uint64_t> x;
        for (std::size_t k = 0; k < count; ++k)
          x.push_back((Fp61::from_u64((*eps)[k]) + Fp61::from_u64((*r)[k])).value());
        if (agreed && *agreed != x) {
          e.values.reset();
          e.note = "inconsistent input broadcast: honest parties hold different ε + r";
          break;
        }
        agreed = std::move(x);
      }
      if (count > 0 && e.values) {
        if (!agreed)
          return Error("no honest party recorded party " + std::to_string(owner) + "'s ε");
        e.values = std::move(agreed);
      }
      out.push_back(std::move(e));
    }
    return out;
  };
}

}  // namespace smpc
