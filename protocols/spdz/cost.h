// Exact cost of the SPDZ online phase (the step table of spdz.h), in one place: spdz_spec().cost
// wraps it and the tests compare measured runs with the spec.
#pragma once

#include "protocols/core/circuit.h"
#include "protocols/core/share_cost.h"
#include "protocols/spdz/mascot.h"

namespace smpc {

// Bytes per label of spdz.h's steps 0-5 for n parties and k MAC keys (a carried fixed-point
// program: its batches as in spdz.h "Fixed-point programs"); rounds L + 10 (the
// generated and example circuits all have some input owner, which spdz.h's count assumes).
ExactCost spdz_cost(const Circuit& c, int parties, int mac_keys);

// With roles (spdz.h "Roles"): spdz_cost among the S servers, plus, for every client c ≥ S
// that gives inputs (I_c wires) or receives outputs (O_c wires):
//   "spdz.dealer.client"  S·38                  each server's contribution
//   "spdz.client.input"   S·(43 + 8 I_c)        [I_c > 0]: ε and the 32-byte stream digest
//   "spdz.client.output"  S·(43 + 8 O_c)        [O_c > 0]: y + s and the stream digest
// Rounds L + 10, and L + 11 when some client receives outputs (after MACCheck 2).
ExactCost spdz_roles_cost(const Circuit& c, int parties, int servers, int mac_keys);

// Rounds of MASCOT (mascot.h's flows, as causal rounds) before the online phase starts.
inline constexpr std::uint32_t kMascotRounds = 15;

// Bytes per label of MASCOT (mascot.h) for the needs of a circuit, n parties, k MAC keys (T
// triples, τ = 4, 61-bit elements; V_p = 1 + 5T + I_p + O_p values authenticated by party p,
// O_p the wires of restricted output groups p receives, whatever the groups' other receivers;
// pairs = n(n − 1) ordered pairs; field message of m elements 6 + 8m):
//   cope.base      pairs·(38 + 6 + 32·61k)          Naor–Pinkas base OTs of Π_COPE
//   ot.base        pairs·(38 + 4102)                KOS/IKNP base OTs
//   coin.commit    pairs·(6 + 4·32)                 four coin commitments
//   ot.extend      pairs·Σ_batches(6 + 16·⌈m_b/128⌉·128), m' = 244T + 192 in batches of 2048
//   ot.commit/seed pairs·38 each;  ot.check pairs·107
//   multiply       pairs·(6 + 8·244T)               Gilboa d
//   coin.open      pairs·4·70
//   cope           Σ_p (n − 1)(6 + 8·61k·V_p)        Π_COPE u
//   auth.check     pairs·14;  sacrifice, sacrifice.zero  pairs·(6 + 8T) each
//   maccheck.commit pairs·38;  maccheck.open pairs·(43 + 8k)
ExactCost mascot_cost(const MascotNeeds& needs, int parties, int mac_keys);

// spdz_cost with MASCOT's bytes added and the dealer's coin toss (2 rounds) replaced by MASCOT's
// 15 and the round of "spdz.coin.commit" after them: L + 24 rounds. "spdz.output" opens a wire
// of a restricted group once per receiver (kPerReceiver, spdz_dealer.h): n(n−1)(6 + 8 O')
// with O' = Σ_public groups |wires| + Σ_restricted groups |wires|·|receivers|.
ExactCost spdz_mascot_cost(const Circuit& c, int parties, int mac_keys);

}  // namespace smpc
