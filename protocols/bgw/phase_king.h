// Byzantine broadcast over point-to-point channels for n ≥ 3t + 1: every party broadcasts one
// payload, and every honest party ends with the same vector of payloads, holding the true
// payload of every honest sender. BGW's VSS assumes a broadcast channel (Asharov–Lindell,
// eprint 2011/136, §2 and §5.5); the testbed's network has none, so it is emulated.
//
// Protocol: the sender sends its payload to everyone, then the parties run Byzantine agreement
// on what they received, one instance per sender, all instances in the same messages. The
// agreement is Berman–Garay–Perry's phase king ("Towards optimal distributed consensus",
// FOCS 1989), in the graded-consensus form of Abraham–Lewis-Pye ("Phase-King through the lens
// of gradecast", 2022): t + 1 phases with kings P_0 .. P_t, three rounds each:
//   A (vote):    send v; if ≥ n − t parties sent b, propose b.
//   B (propose): send the proposal; if ≥ t + 1 parties proposed b, set v = b; if ≥ n − t did,
//                v is locked (grade 2).
//   C (king):    the king sends v; a party whose v is not locked adopts the king's value.
// At most one value can be proposed by honest parties in a phase (two values with n − t votes
// each would need n − 2t ≥ t + 1 honest parties voting both), so a lock on b means every honest
// party set v = b; a phase with an honest king therefore ends in agreement, and agreement, once
// reached, persists (everyone then votes, proposes and locks the same value). One of the t + 1
// kings is honest. An honest sender's payload is everyone's starting value, hence the output.
//
// Values are byte strings or ⊥ (nothing, or nothing well-formed, received from the sender).
// Cost: rounds 1 + 3(t + 1); with every payload of L_s bytes (honest runs: equal everywhere):
//   "bgwr.bcast.send"     round 1        each party to each other: 6 + L_s bytes
//   "bgwr.bcast.vote"     1 + 3k + 1     each party to each other: 6 + Σ_s (4 + L_s)
//   "bgwr.bcast.propose"  1 + 3k + 2     each party to each other: 6 + Σ_s (4 + L_s)
//   "bgwr.bcast.king"     1 + 3k + 3     the king P_k to each other: 6 + Σ_s (4 + L_s)
// for phases k = 0 .. t (a vector entry is a 4-byte length, or 0xFFFFFFFF for ⊥ / no proposal).
#pragma once

#include <optional>
#include <vector>

#include "protocols/bgw/lockstep.h"

namespace smpc {

// Runs 1 + 3(t + 1) lock-step rounds. Requires 3t + 1 ≤ n. Entry s of the result is what the
// honest parties agreed party s broadcast (nullopt = ⊥); entry self() is `mine`.
std::vector<std::optional<Bytes>> byzantine_broadcast(LockstepNet& net, int t, const Bytes& mine);

// Number of rounds byzantine_broadcast takes.
inline int broadcast_rounds(int t) { return 1 + 3 * (t + 1); }

}  // namespace smpc
