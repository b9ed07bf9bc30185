// The ProtocolSpecs of gmw and gmw_dealer (protocols/core/protocol_spec.h), listed in
// protocols/registry.cpp.
#pragma once

#include "protocols/core/protocol_spec.h"

namespace smpc {

const ProtocolSpec& gmw_spec();
const ProtocolSpec& gmw_dealer_spec();

}  // namespace smpc
