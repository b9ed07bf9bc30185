// The ProtocolSpec of rep3 (protocols/core/protocol_spec.h), listed in protocols/registry.cpp.
#pragma once

#include "protocols/core/protocol_spec.h"

namespace smpc {

const ProtocolSpec& rep3_spec();

}  // namespace smpc
