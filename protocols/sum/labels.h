// Message labels of secure_sum: the names adversary scripts, reports and docs use for its steps.
// Outside this folder, refer to them through these constants, never as string literals.
#pragma once

#include <string_view>

#include "protocols/core/message_label.h"

namespace smpc::labels::sum {

inline constexpr std::string_view
    kShare = "sum.share", kOpen = "sum.open";

// Every label this protocol sends, with its message layout (a prefix such as kOt is only the
// stem of others). Element numbers in scripts count across the parts, from 0.
inline constexpr MessageLabel kAll[] = {
    {kShare, "field elements: one additive share per input wire of the sender, in input order"},
    {kOpen, "field elements: the sender's share of each output wire of the recipient, in output order"},
};

}  // namespace smpc::labels::sum
