// Input extraction, as the simulator of a security proof does it: from a finished run and the
// simulation's full knowledge (every party's records, the simulated dealer's data), the inputs
// the corrupted parties EFFECTIVELY contributed — the values the honest parties' computation is
// bound to after the input phase. The verdict (scenarios/judge.cpp) then demands that every
// honest output equals f(x_H, x_C^extracted) exactly; why each protocol's extractor is the
// right one, with the proof it follows, is docs/extraction.md.
//
// Records. During its input phase every party — honest or corrupted, since the protocol code
// does not know — leaves what it received (and, as a dealer, what it kept) under
// annotations["input_phase"][<kind>][<dealer>] (record_input_phase). Only the judge reads them;
// reports never print them (docs/reports.md).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "protocols/core/channel.h"
#include "protocols/core/circuit.h"
#include "protocols/core/field.h"
#include "protocols/core/run_result.h"
#include "protocols/core/status.h"

namespace smpc {

// One corrupted party's effective input.
struct ExtractedInput {
  PartyId party = 0;
  // The values, in Circuit::input_wires_of order; nullopt: the run defines none (e.g. an
  // inconsistent sharing), which `note` explains.
  std::optional<std::vector<std::uint64_t>> values;
  std::string note;  // how the value is defined when that is worth saying ("VSS dealer
                     // disqualified: the default input 0"), or why there is none
};

struct ExtractionQuery {
  const Circuit* circuit = nullptr;
  const RunResult* run = nullptr;
  std::vector<PartyId> corrupted;  // the run's corrupted parties (the others are honest)
  std::vector<PartyId> extract;    // whose effective inputs are wanted (corrupted parties)
};

// An error means extraction was impossible (records missing, e.g. an honest party stopped
// before its input phase ended): the judge then falls back to the ideal-world oracle.
using Extractor = std::function<Result<std::vector<ExtractedInput>>(const ExtractionQuery&)>;

// Protocol side: this party's record of dealer `dealer`'s input phase under `kind`
// ("shares", "opened", ...), one value per input of the dealer. No-op without annotations.
void record_input_phase(PartyContext& ctx, std::string_view kind, PartyId dealer,
                        std::vector<std::uint64_t> values);
void record_input_phase(PartyContext& ctx, std::string_view kind, PartyId dealer,
                        const std::vector<Fp61>& values);
// A flag list under `kind` (e.g. robust BGW's disqualified dealers).
void record_input_phase_list(PartyContext& ctx, std::string_view kind,
                             const std::vector<PartyId>& parties);

// Extractor side: party p's record of `dealer` under `kind`, checked to hold `count` values
// below `bound` (records travel as JSON from the simulation's child process).
Result<std::vector<std::uint64_t>> input_phase_record(const RunResult& run, PartyId p,
                                                      std::string_view kind, PartyId dealer,
                                                      std::size_t count, std::uint64_t bound);
// Party p's flag list under `kind` (empty when it recorded none).
std::vector<PartyId> input_phase_list(const RunResult& run, PartyId p, std::string_view kind);

bool is_party_in(const std::vector<PartyId>& parties, PartyId p);

// Additive sharing (secure_sum over Mersenne-61, GMW over GF(2)): the dealer's effective input
// is the sum (XOR) of the summands every party holds after the input phase — what honest
// parties received and what the corrupted parties' code kept or received — recorded as
// "shares". For Boolean circuits the sum is XOR. With roles (GMW with clients) only the
// computing parties hold summands: the "holders" list an honest party records names them.
Extractor additive_extractor(CircuitDomain domain);

}  // namespace smpc
