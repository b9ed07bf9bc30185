// Message labels of rep3: the names adversary scripts, reports and docs use for its steps.
// Outside this folder, refer to them through these constants, never as string literals.
#pragma once

#include <string_view>

#include "protocols/core/message_label.h"

namespace smpc::labels::rep3 {

inline constexpr std::string_view kSetup = "rep3.setup", kInput = "rep3.input",
                                  kMult = "rep3.mult", kOutput = "rep3.output";

// Every label this protocol sends, with its message layout. "Elements" are bits for Boolean
// circuits and Z_2^64 words for ring circuits. Element numbers in scripts count from 0.
inline constexpr MessageLabel kAll[] = {
    {kSetup, "bytes: the sender's 32-byte PRG key k_i, sent to the previous party i − 1"},
    {kInput, "bits or ring elements: for the I input wires of the sender, the recipient's first share component of each (elements 0..I−1), then its second (elements I..2I−1)"},
    {kMult, "bits or ring elements: the sender's share z_i of every AND/MUL gate of the layer, in gate order (to the previous party)"},
    {kOutput, "bits or ring elements: the sender's first share component of each output wire of the recipient (the next party), in output order"},
};

}  // namespace smpc::labels::rep3
