#include "protocols/core/protocol.h"

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

}  // namespace smpc
