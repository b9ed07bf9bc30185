// The ProtocolSpec of psi_dh (protocols/core/protocol_spec.h), listed in protocols/registry.cpp.
#pragma once

#include "protocols/core/protocol_spec.h"
#include "protocols/core/share_cost.h"
#include "protocols/psi/ideal.h"

namespace smpc {

const ProtocolSpec& psi_dh_spec();

// The exact cost of psi_dh for a shape (psi.h): bytes per label and 2 rounds.
ExactCost psi_dh_cost(const PsiShape& shape);

}  // namespace smpc
