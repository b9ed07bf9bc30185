// Message labels of frost (the scenario protocol, scenario_protocol.h), with their layouts.
// The constants themselves live with the code that sends them (sign_protocol.h, dkg.h).
#pragma once

#include "protocols/core/message_label.h"
#include "protocols/frost/dkg.h"
#include "protocols/frost/sign_protocol.h"

namespace smpc::frost::labels {

// Every label frost sends. Element numbers in scripts count across the parts, from 0.
inline constexpr MessageLabel kAll[] = {
    {kDkgCommit, "bytes: the dealing, an encoded message (points: the dealer's Feldman commitments phi_0..phi_{t-1} and the proof's R; bytes: the proof's mu); bytes: the dealer's Ed25519 signature (64) (DKG round 1, Dolev-Strong round 1, to every party)"},
    {kDkgCommitRelay, "bytes: relayed dealings, entries u32 sender, u32 length, value, u32 k, k x (u32 signer, 64-byte Ed25519 signature) (Dolev-Strong rounds 2..t, every party to every party)"},
    {kDkgShare, "bytes: f_i(l), the dealer's share for the recipient (32 bytes, little-endian scalar) (DKG round 2, dealer to dealer)"},
    {kDkgComplaint, "bytes: an encoded message (ring64: the identifiers of the dealers the sender complains against); bytes: the sender's Ed25519 signature (64) (DKG round 3, Dolev-Strong round 1)"},
    {kDkgComplaintRelay, "bytes: relayed complaint lists, entries as in frost.dkg.commit_relay (Dolev-Strong rounds 2..t)"},
    {kDkgResponse, "bytes: an encoded message (ring64: the complainers' identifiers; bytes: the accused dealer's share for each, 32 bytes each); bytes: the dealer's Ed25519 signature (64) (DKG round 4, only after complaints)"},
    {kDkgResponseRelay, "bytes: relayed responses, entries as in frost.dkg.commit_relay (Dolev-Strong rounds 2..t, only after complaints)"},
    {kCommit, "points: the signer's nonce commitments D_i, E_i (signing round one, to the coordinator)"},
    {kPackage, "ring64: the signers' identifiers; points: D_1, E_1, D_2, E_2, ...; bytes: the message (coordinator to each signer)"},
    {kShare, "bytes: the signature share z_i (32 bytes, little-endian scalar) (signing round two, to the coordinator)"},
    {kAbort, "bytes: the text \"frost.abort\": the sender aborted (a failed check), so nobody waits for it"},
};

}  // namespace smpc::frost::labels
