// Input extraction for rep3 (protocols/core/extraction.h, docs/extraction.md).
#pragma once

#include "protocols/core/extraction.h"

namespace smpc {

// Owner d's effective input is s_d + s_{d+1} + s_{d+2}, read from the pairs its two recipients
// recorded in step 1 (d + 1 holds (s_{d+1}, s_{d+2}), d + 2 holds (s_{d+2}, s_d)): with at most
// one corruption both are honest, and every later step computes on exactly these components.
// When the two copies of s_{d+2} differ (a corrupted owner dealt inconsistently) the run
// defines no input: nullopt with a note. A client's input (roles: d ≥ 3) is read the same way
// from the two honest servers (any two, and the third's copies checked too, when every server
// is honest): the sum of the components the honest servers hold.
Extractor rep3_extractor(CircuitDomain domain);

}  // namespace smpc
