#include "protocols/core/protocol.h"

#include "protocols/core/abort.h"

namespace smpc {

const char* adversary_model_name(AdversaryModel m) {
  return m == AdversaryModel::kSemiHonest ? "semi-honest" : "malicious";
}

const char* output_guarantee_name(OutputGuarantee g) {
  switch (g) {
    case OutputGuarantee::kCorrect: return "correct output";
    case OutputGuarantee::kCorrectOrAbort: return "correct output or abort";
    case OutputGuarantee::kCorrectOrIdentifiedAbort: return "correct output or identified abort";
    case OutputGuarantee::kGuaranteedOutputDelivery: return "guaranteed output delivery";
  }
  return "?";
}

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
