// Message labels of psi_dh: the names adversary scripts, reports and docs use for its steps.
// Outside this folder, refer to them through these constants, never as string literals.
#pragma once

#include <string_view>

#include "protocols/core/message_label.h"

namespace smpc::labels::psi {

inline constexpr std::string_view kBlinded = "psi.blinded", kReblinded = "psi.reblinded",
                                 kAbort = "psi.abort";

// Every label this protocol sends, with its message layout. Element numbers in scripts count
// across the parts, from 0.
inline constexpr MessageLabel kAll[] = {
    {kBlinded, "points: H(x)^a for each element x of the sender's set, in a random order (one per element)"},
    {kReblinded, "points: the recipient's blinded points raised to the sender's exponent, in the order received (cardinality mode: shuffled)"},
    {kAbort, "bytes: the text \"psi.abort\": the sender aborted (a repeated or invalid point)"},
};

}  // namespace smpc::labels::psi
