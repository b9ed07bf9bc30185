// The ProtocolSpec of secure_sum (protocols/core/protocol_spec.h), listed in protocols/registry.cpp.
#pragma once

#include "protocols/core/protocol_spec.h"

namespace smpc {

const ProtocolSpec& secure_sum_spec();

}  // namespace smpc
