// Message labels of bgw: the names adversary scripts, reports and docs use for its steps.
// Outside this folder, refer to them through these constants, never as string literals.
#pragma once

#include <string_view>

#include "protocols/core/message_label.h"

namespace smpc::labels::bgw {

inline constexpr std::string_view
    kInput = "bgw.input", kMultReshare = "bgw.mult.reshare", kOutput = "bgw.output";
// Fixed-point programs (bgw_program.h).
inline constexpr std::string_view kFxRandom = "bgw.fx.random", kFxSquare = "bgw.fx.bits.square",
                                  kFxSquareOpen = "bgw.fx.bits.open", kFxTrunc = "bgw.fx.trunc",
                                  kFxLtz = "bgw.fx.ltz";

// Every label this protocol sends, with its message layout (a prefix such as kOt is only the
// stem of others). Element numbers in scripts count across the parts, from 0.
inline constexpr MessageLabel kAll[] = {
    {kInput, "field elements: one Shamir share (degree t, at the recipient's point) per input wire of the sender, in input order"},
    {kMultReshare, "field elements: one per value the layer reshares, in gate order (a product, or a local sum of the layer's products, that a multiplication or an output reads; reshare_plan.h): the recipient's share of the sender's degree-t resharing of its degree-2t share of that value"},
    {kOutput, "field elements: the sender's share of each output wire of the recipient, in output order"},
    {kFxRandom, "field elements (fixed-point programs): the recipient's shares of the sender's B uniform values (for the random bits), then of its M bounded contributions to the masks' high parts r'', TruncPr's then LTZ's and Floors', in program order"},
    {kFxSquare, "field elements (fixed-point programs): the recipient's share of the sender's degree-t resharing of its share of a_j^2, one per random bit"},
    {kFxSquareOpen, "field elements (fixed-point programs): the sender's share of each a_j^2, one per random bit, opened to everyone"},
    {kFxTrunc, "field elements (fixed-point programs): the sender's share of each c = 2^(k-1) + a + r of a TruncPr batch, opened to everyone"},
    {kFxLtz, "field elements (fixed-point programs): the sender's share of each c = 2^(k-1) + a + r of an LTZ or Floor batch, opened to everyone"},
};

}  // namespace smpc::labels::bgw
