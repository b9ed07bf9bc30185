// Message labels of the voting protocol (protocols/vote/vote.h).
#pragma once

#include <string_view>

#include "protocols/core/message_label.h"

namespace smpc::labels::vote {

inline constexpr std::string_view kShares = "vote.shares", kPost = "vote.post",
                                  kBoard = "vote.board", kComplain = "vote.complain",
                                  kAccused = "vote.accused", kComplaints = "vote.complaints",
                                  kAnswer = "vote.answer", kAnswers = "vote.answers",
                                  kCheckOpen = "vote.check_open", kTallyOpen = "vote.tally_open";

inline constexpr MessageLabel kAll[] = {
    {kShares, "bytes: per candidate the voter's six scalars for this server: f(α), g(α), c(α), γ(α), D(α), e(α)"},
    {kPost, "points: per candidate the commitments C_0..C_t (ballot entry), F_0..F_t (check value c), E_1..E_2t (D = f(f−1) − c), then per candidate the bit proof of C_0 (A_0, A_1, c_0, z_0, z_1)"},
    {kBoard, "bytes: the bulletin board relayed: per voter a u32 length and its post (0xFFFFFFFF: none)"},
    {kComplain, "ring64: the voters whose shares the server rejects"},
    {kAccused, "ring64: the servers that complained about this voter"},
    {kComplaints, "bytes: per server a u32 count (0xFFFFFFFF: nothing arrived) and the voters it complained about"},
    {kAnswer, "bytes: for each complaining server, in server order, the voter's six scalars per candidate for it"},
    {kAnswers, "bytes: per voter with complaints, u32 voter, u32 length and its answer (0xFFFFFFFF: none)"},
    {kCheckOpen, "bytes: per admitted voter, per candidate the server's shares of c and γ, then (one_of_k) of Σf and Σg"},
    {kTallyOpen, "bytes: per candidate the server's shares of the tally T and its randomness R"},
};

}  // namespace smpc::labels::vote
