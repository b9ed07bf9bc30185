// The ProtocolSpec of spdz (protocols/core/protocol_spec.h), listed in protocols/registry.cpp.
#pragma once

#include "protocols/core/protocol_spec.h"

namespace smpc {

const ProtocolSpec& spdz_spec();

}  // namespace smpc
