// The ProtocolSpec of vote (protocols/core/protocol_spec.h), listed in protocols/registry.cpp.
#pragma once

#include "protocols/core/protocol_spec.h"

namespace smpc {

const ProtocolSpec& vote_spec();

}  // namespace smpc
