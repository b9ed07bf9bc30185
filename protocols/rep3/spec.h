// The ProtocolSpecs of rep3 and rep3_malicious (protocols/core/protocol_spec.h), listed in protocols/registry.cpp.
#pragma once

#include "protocols/core/protocol_spec.h"

namespace smpc {

const ProtocolSpec& rep3_spec();
const ProtocolSpec& rep3_malicious_spec();

}  // namespace smpc
