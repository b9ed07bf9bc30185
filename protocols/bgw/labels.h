// Message labels of bgw: the names adversary scripts, reports and docs use for its steps.
// Outside this folder, refer to them through these constants, never as string literals.
#pragma once

#include <string_view>

namespace smpc::labels::bgw {

inline constexpr std::string_view
    kInput = "bgw.input", kMultReshare = "bgw.mult.reshare", kOutput = "bgw.output";

// Every label this protocol sends (a prefix such as kOt is only the stem of others).
inline constexpr std::string_view kAll[] = {kInput, kMultReshare, kOutput};

}  // namespace smpc::labels::bgw
