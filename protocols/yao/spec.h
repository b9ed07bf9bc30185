// The ProtocolSpec of yao (protocols/core/protocol_spec.h), listed in protocols/registry.cpp.
#pragma once

#include "protocols/core/protocol_spec.h"

namespace smpc {

const ProtocolSpec& yao_spec();

}  // namespace smpc
