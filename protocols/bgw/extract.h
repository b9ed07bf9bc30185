// Input extraction for BGW (semi-honest and robust): the value a dealer's Shamir sharing
// defines on the honest parties' points (protocols/core/extraction.h, docs/extraction.md).
#pragma once

#include "protocols/core/extraction.h"

namespace smpc {

// Every honest party records its share of every dealer's inputs ("shares") and the sharing
// degree t ("degree"); robust BGW also the dealers its VSS disqualified ("disqualified", their
// rows are the default sharing of 0). The effective input is f(0) for the polynomial f of
// degree <= t through the honest shares; when more than t + 1 honest shares lie on no such
// polynomial, the dealer has no effective input ("inconsistent sharing").
Extractor shamir_extractor();

}  // namespace smpc
