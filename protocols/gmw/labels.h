// Message labels of gmw: the names adversary scripts, reports and docs use for its steps.
// Outside this folder, refer to them through these constants, never as string literals.
#pragma once

#include <string_view>

#include "protocols/core/message_label.h"

namespace smpc::labels::gmw {

inline constexpr std::string_view
    kInput = "gmw.input", kAnd = "gmw.and", kOutput = "gmw.output", kOt = "gmw.ot",
    kOtBase = "gmw.ot.base", kOtExtend = "gmw.ot.extend", kTripleFix = "gmw.triple.fix";

// Every label this protocol sends, with its message layout (a prefix such as kOt is only the
// stem of others). Element numbers in scripts count across the parts, from 0.
inline constexpr MessageLabel kAll[] = {
    {kInput, "bits: one XOR share per input wire of the sender, in input order"},
    {kAnd, "bits: for the m AND gates of the layer in gate order, the sender's d = x ⊕ a (elements 0..m−1), then e = y ⊕ b (elements m..2m−1)"},
    {kOutput, "bits: the sender's XOR share of each output wire of the recipient, in output order"},
    {kOtBase, "points: base OTs of the IKNP setup: from the IKNP receiver one point A, from the IKNP sender 2κ = 256 points (a pair per base OT)"},
    {kOtExtend, "blocks: the IKNP matrix u, κ = 128 columns of the batch's OT count rounded up to 128 bits"},
    {kTripleFix, "bits: for the m AND triples, the corrections of a (elements 0..m−1), then of b (elements m..2m−1)"},
};

}  // namespace smpc::labels::gmw
