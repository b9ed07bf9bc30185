// Input extraction for SPDZ (protocols/core/extraction.h, docs/extraction.md): the owner of an
// input opens ε = x − r, with [[r]] dealt by the trusted dealer; every party then holds
// [[x]] = [[r]] + ε, so the effective input is ε + r, with ε as the honest parties received it
// and r from the simulated dealer's record (the simulator of DPSZ's proof plays F_Prep and
// knows r). Honest parties that received different ε (the input check then aborts them)
// leave the owner without an effective input. A client owner (roles, spdz.h) is read the same
// way: the honest servers record its ε and r like any owner's, the clients record nothing.
#pragma once

#include "protocols/core/extraction.h"

namespace smpc {

Extractor spdz_extractor();

}  // namespace smpc
