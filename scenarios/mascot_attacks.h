// Adversary programs in C++ (adversary/program.h's ProgramFactory) against MASCOT, for attacks
// that neither a script nor a Lua program can make because they need values only the protocol's
// code computes: Π_[[·]]'s check coefficients come from a ChaCha20 stream keyed by the opened
// coin (rng.h), which the Lua sandbox cannot evaluate.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>

#include "adversary/program.h"
#include "protocols/core/circuit.h"

namespace smpc {

// A corrupted input owner o substitutes its k-th input x through Π_COPE instead of through ε
// (MASCOT, eprint 2016/505, §4 "Input"): its code authenticates the mask r and opens ε = x − r
// as usual, while the program
//   - adds δ to its u (spdz.mascot.cope) at r's slot in every one of the 61·k columns, to every
//     other party: their MAC shares, hence the MACs, now pin down r + δ;
//   - adds r_j·δ to its y (spdz.mascot.auth.check), r_j the check's coefficient of that slot
//     (mascot_auth_check_coefficients, from the coin openings in its view): the check passes;
//   - adds δ to element 0 of each of its output openings (spdz.output): a public output that is
//     x + (terms without x) then opens to the value the MACs authenticate, so MACCheck 2 passes.
// The run ends with every honest party outputting f on x + δ: a valid input substitution that
// only the Π_COPE transcript shows (spdz's extractor must refuse to read x = ε + r off o's code).
// Made for one corrupted party and a circuit with one such public output (e.g. "sum").
// `toward`: shift only the messages to that party (the others get the honest u, y and opening),
// which splits the honest parties unless they agree on y (mascot.cpp's echo in flow 11).
std::shared_ptr<const ProgramFactory> mascot_mask_shift_program(
    const Circuit& c, int mac_keys, std::size_t input, std::uint64_t delta,
    std::optional<PartyId> toward = std::nullopt);

}  // namespace smpc
