// Message labels of yao: the names adversary scripts, reports and docs use for its steps.
// Outside this folder, refer to them through these constants, never as string literals.
#pragma once

#include <string_view>

namespace smpc::labels::yao {

inline constexpr std::string_view
    kInputs = "yao.inputs", kOt = "yao.ot", kOtBase = "yao.ot.base", kOtExtend = "yao.ot.extend",
    kOtMessages = "yao.ot.messages", kTables = "yao.tables", kDecode = "yao.decode",
    kReveal = "yao.reveal";

// Every label this protocol sends (a prefix such as kOt is only the stem of others).
inline constexpr std::string_view kAll[] = {kInputs, kOtBase, kOtExtend, kOtMessages, kTables, kDecode, kReveal};

}  // namespace smpc::labels::yao
