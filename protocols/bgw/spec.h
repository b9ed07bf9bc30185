// The ProtocolSpecs of bgw and bgw_robust (protocols/core/protocol_spec.h), listed in
// protocols/registry.cpp.
#pragma once

#include "protocols/core/protocol_spec.h"

namespace smpc {

const ProtocolSpec& bgw_spec();
const ProtocolSpec& bgw_robust_spec();

}  // namespace smpc
