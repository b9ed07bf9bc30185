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

// rep3_malicious (rep3_malicious.h): rep3's setup, input and mult steps, then these.
namespace smpc::labels::rep3m {

inline constexpr std::string_view kTriple = "rep3m.triple", kCoin = "rep3m.coin",
                                  kOpen = "rep3m.open", kCheck = "rep3m.check",
                                  kView = "rep3m.view", kOutput = "rep3m.output",
                                  kAbort = "rep3m.abort";

inline constexpr MessageLabel kAll[] = {
    rep3::kAll[0], rep3::kAll[1], rep3::kAll[2],
    {kTriple, "bits or ring elements: the sender's share z_i of c = a·b for each of the T random triples, in triple order (to the previous party)"},
    {kCoin, "bits: the sender's first component of the 256-bit coin that seeds the triples' permutation (to the next party)"},
    {kOpen, "five parts, to the next party, the sender's first components of: a, b, c of the C opened triples; then ρ = x − a, then σ = y − b of every checked pair (bucket checks, then the circuit's AND/MUL gates in layer order)"},
    {kCheck, "bits or ring elements, to the next party: the sender's first component of v = z − c − σ·a − ρ·b − ρ·σ of every checked pair"},
    {kView, "bytes: a 32-byte BLAKE2b hash of the sender's second components of every opened value and its first components of the next party's inputs (to the previous party)"},
    {kOutput, "bits or ring elements: the recipient's missing share component of each of its output wires, in output order (the previous party sends its first components, the next party its second)"},
    {kAbort, "bytes: the text \"rep3m.abort\": the sender aborted (sent to both others)"},
};

}  // namespace smpc::labels::rep3m
