// Message labels of yao: the names adversary scripts, reports and docs use for its steps.
// Outside this folder, refer to them through these constants, never as string literals.
#pragma once

#include <string_view>

#include "protocols/core/message_label.h"

namespace smpc::labels::yao {

inline constexpr std::string_view
    kInputs = "yao.inputs", kOt = "yao.ot", kOtBase = "yao.ot.base", kOtExtend = "yao.ot.extend",
    kOtMessages = "yao.ot.messages", kTables = "yao.tables", kDecode = "yao.decode",
    kReveal = "yao.reveal";

// Every label this protocol sends, with its message layout (a prefix such as kOt is only the
// stem of others). Element numbers in scripts count across the parts, from 0.
inline constexpr MessageLabel kAll[] = {
    {kInputs, "blocks: the garbler's active label for each of its input wires, in input order"},
    {kOtBase, "points: base OTs of the IKNP setup, the evaluator's one point A, or the garbler's 2κ = 256 points (a pair per base OT)"},
    {kOtExtend, "blocks: the IKNP matrix u, κ = 128 columns of the batch's OT count rounded up to 128 bits"},
    {kOtMessages, "blocks: for each of the evaluator's input wires in the batch, the masked 0-label, then the masked 1-label"},
    {kTables, "blocks: two per AND gate (half-gates garbler row, evaluator row), gates in garbling order, up to 2048 gates per message"},
    {kDecode, "blocks: one per output wire of the evaluator: the hashes of its 0-label and 1-label"},
    {kReveal, "blocks: the evaluator's active label for each output wire of the garbler, in output order"},
};

}  // namespace smpc::labels::yao
