#include "protocols/yao/extract.h"

namespace smpc {

Extractor yao_extractor() {
  return [](const ExtractionQuery& q) -> Result<std::vector<ExtractedInput>> {
    constexpr std::uint64_t kAny = std::uint64_t{1} << 63;  // 63-bit label fingerprints
    std::vector<ExtractedInput> out;
    for (PartyId owner : q.extract) {
      const std::size_t count = q.circuit->input_wires_of(owner).size();
      ExtractedInput e{owner, std::vector<std::uint64_t>{}, ""};
      if (count == 0) {
        out.push_back(std::move(e));
        continue;
      }
      // Parties 0 and 1: the garbler has the label pairs, the evaluator the held labels.
      const PartyId garbler =
          input_phase_record(*q.run, 0, "label0", owner, count, kAny).ok() ? 0 : 1;
      SMPC_ASSIGN_OR_RETURN(const auto w0,
                            input_phase_record(*q.run, garbler, "label0", owner, count, kAny));
      SMPC_ASSIGN_OR_RETURN(const auto w1,
                            input_phase_record(*q.run, garbler, "label1", owner, count, kAny));
      SMPC_ASSIGN_OR_RETURN(const auto held,
                            input_phase_record(*q.run, 1 - garbler, "held", owner, count, kAny));
      for (std::size_t k = 0; k < count; ++k) {
        if (held[k] != w0[k] && held[k] != w1[k]) {
          e.values.reset();
          e.note = "the evaluator's label for input bit " + std::to_string(k) +
                   " is neither of the wire's two labels";
          break;
        }
        e.values->push_back(held[k] == w1[k] ? 1 : 0);
      }
      out.push_back(std::move(e));
    }
    return out;
  };
}

}  // namespace smpc
