// Message labels of yao: the names adversary scripts, reports and docs use for its steps.
// Outside this folder, refer to them through these constants, never as string literals.
#pragma once

#include <string_view>

namespace smpc::labels::yao {

inline constexpr std::string_view kInputs = "yao.inputs";
inline constexpr std::string_view kOt = "yao.ot";
inline constexpr std::string_view kOtBase = "yao.ot.base";
inline constexpr std::string_view kOtExtend = "yao.ot.extend";
inline constexpr std::string_view kOtMessages = "yao.ot.messages";
inline constexpr std::string_view kTables = "yao.tables";
inline constexpr std::string_view kDecode = "yao.decode";
inline constexpr std::string_view kReveal = "yao.reveal";

// Every label this protocol sends (a prefix label such as kOt is only the stem of others).
inline constexpr std::string_view kAll[] = {kInputs, kOtBase, kOtExtend, kOtMessages, kTables, kDecode, kReveal};

}  // namespace smpc::labels::yao
