#include "protocols/core/protocol.h"

#include "protocols/core/abort.h"
#include "protocols/core/enum_names.h"

namespace smpc {

const char* adversary_model_name(AdversaryModel m) {
  return m == AdversaryModel::kSemiHonest ? "semi-honest" : "malicious";
}

constexpr const char* kOutputGuaranteeNames[] = {
    "correct output", "correct output or abort", "correct output or identified abort",
    "guaranteed output delivery", "correct output or accountable abort"};
const char* output_guarantee_name(OutputGuarantee g) { return enum_name(kOutputGuaranteeNames, g); }

PartyOutput Protocol::run(PartyContext& ctx, const PartyInput& input) const {
  const auto notice = abort_notice_label();
  if (!notice) return run_steps(ctx, input);
  std::optional<Abort> failure;
  try {
    return run_steps(ctx, input);
  } catch (const Abort& a) {
    failure = a;
  }
  // Sent after the handler, never inside it: the simulator's rule for code that may block
  // (simulator/sim_network.cpp, docs/simulator.md).
  send_to_all(ctx.net, *notice, abort_notice(*notice));
  throw *failure;
}

}  // namespace smpc
