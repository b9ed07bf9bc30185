// Message labels of gmw: the names adversary scripts, reports and docs use for its steps.
// Outside this folder, refer to them through these constants, never as string literals.
#pragma once

#include <string_view>

namespace smpc::labels::gmw {

inline constexpr std::string_view kInput = "gmw.input";
inline constexpr std::string_view kAnd = "gmw.and";
inline constexpr std::string_view kOutput = "gmw.output";
inline constexpr std::string_view kOt = "gmw.ot";
inline constexpr std::string_view kOtBase = "gmw.ot.base";
inline constexpr std::string_view kOtExtend = "gmw.ot.extend";
inline constexpr std::string_view kTripleFix = "gmw.triple.fix";

// Every label this protocol sends (a prefix label such as kOt is only the stem of others).
inline constexpr std::string_view kAll[] = {kInput, kAnd, kOutput, kOtBase, kOtExtend, kTripleFix};

}  // namespace smpc::labels::gmw
