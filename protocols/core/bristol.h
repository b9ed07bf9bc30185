// Bristol circuit files: import of "Bristol Fashion" and of the legacy "Bristol format",
// export to Bristol Fashion.
//
// Circuit files are untrusted input. The parser checks every count, index and arity before
// using it, bounds every allocation by the size of the text it was given (a file of S bytes
// never makes the parser allocate more than a small multiple of S), and reports errors as
//   "FILE:LINE: problem (got 'token')"
// It never asserts or throws on bad input.
//
// Formats (see ../shared/circuits/bristol/README.md):
//   Fashion:  "ngates nwires" / "niv w_1 .. w_niv" / "nov w_1 .. w_nov" / gates
//   Legacy:   "ngates nwires" / "n1 n2 n3"                              / gates
//   Gate:     "nin nout in_1 .. in_nin out_1 .. out_nout TYPE"
//             TYPE in XOR, AND, INV (alias NOT), EQ (constant: "1 1 c out EQ", c in {0,1}),
//             EQW (copy), MAND ("2k k a_1..a_k b_1..b_k o_1..o_k": o_i = a_i AND b_i).
// Inputs occupy the first wires (value 1 first), outputs are the LAST wires, in order. Blank
// lines are ignored anywhere; gates must be in topological order and every wire must be written
// exactly once (by an input or a gate). MAND gates are imported as k AND gates.
//
// Imported circuits: domain kBoolean; input groups "input0", "input1", ... with owner = group
// index (party i provides input i); output groups "output0", ... with receivers empty (every
// party learns them). Legacy files with n2 = 0 have a single input group.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "protocols/core/circuit.h"
#include "protocols/core/status.h"
#include "protocols/core/types.h"

namespace smpc {

enum class BristolFormat { kFashion, kLegacy };

// "fashion" | "legacy" (also "bristol_fashion" / "bristol_legacy" as used in VECTORS.json).
Result<BristolFormat> parse_bristol_format(std::string_view name);
const char* bristol_format_name(BristolFormat f);

// Parses `text`; `name_for_errors` is the FILE part of error messages.
Result<Circuit> parse_bristol(std::string_view text, BristolFormat fmt,
                              const std::string& name_for_errors);

// Reads a regular file (the whole file, so memory is bounded by its real size) and parses it.
Result<Circuit> load_bristol(const std::string& path, BristolFormat fmt);

// Bristol Fashion text of a valid Boolean circuit. Wires are renumbered to the Bristol layout
// (inputs first in group order, outputs last in group order); an output wire that is also an
// input wire or appears twice among the outputs is materialised with an EQW copy gate. Group
// names, owners and receivers are not representable in the format and are dropped.
// Errors: non-Boolean domain, or a circuit that fails validate().
Result<std::string> to_bristol_fashion(const Circuit& c);
Status save_bristol_fashion(const Circuit& c, const std::string& path);

// For scenarios: who provides each input group and who receives each output group.
// `input_owners` (one per input group) and `output_receivers` (one list per output group; an
// empty list = every party) may each be empty to keep the defaults. Then validates the circuit
// for `parties` parties. Errors name the group at fault.
Status assign_parties(Circuit& c, const std::vector<PartyId>& input_owners,
                      const std::vector<std::vector<PartyId>>& output_receivers, int parties);

// load_bristol + assign_parties in one call for scenario loaders; assign_parties errors are
// prefixed with "PATH: ".
Result<Circuit> load_bristol_for_parties(const std::string& path, BristolFormat fmt,
                                         const std::vector<PartyId>& input_owners,
                                         const std::vector<std::vector<PartyId>>& output_receivers,
                                         int parties);

}  // namespace smpc
