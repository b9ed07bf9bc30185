// Message labels of gmw: the names adversary scripts, reports and docs use for its steps.
// Outside this folder, refer to them through these constants, never as string literals.
#pragma once

#include <string_view>

namespace smpc::labels::gmw {

inline constexpr std::string_view
    kInput = "gmw.input", kAnd = "gmw.and", kOutput = "gmw.output", kOt = "gmw.ot",
    kOtBase = "gmw.ot.base", kOtExtend = "gmw.ot.extend", kTripleFix = "gmw.triple.fix";

// Every label this protocol sends (a prefix such as kOt is only the stem of others).
inline constexpr std::string_view kAll[] = {kInput, kAnd, kOutput, kOtBase, kOtExtend, kTripleFix};

}  // namespace smpc::labels::gmw
