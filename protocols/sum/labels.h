// Message labels of secure_sum: the names adversary scripts, reports and docs use for its steps.
// Outside this folder, refer to them through these constants, never as string literals.
#pragma once

#include <string_view>

namespace smpc::labels::sum {

inline constexpr std::string_view
    kShare = "sum.share", kOpen = "sum.open";

// Every label this protocol sends (a prefix such as kOt is only the stem of others).
inline constexpr std::string_view kAll[] = {kShare, kOpen};

}  // namespace smpc::labels::sum
