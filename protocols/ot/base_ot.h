// Base OT: Masny–Rindal "endemic" oblivious transfer from Diffie–Hellman key agreement over
// ristretto255 — Masny, Rindal, "Endemic Oblivious Transfer", CCS 2019, eprint 2019/706
// (their OT from any key agreement with uniform messages, instantiated here with Diffie–Hellman
// over ristretto255, as in the authors' libOTe implementation).
//
// Security model: the paper proves UC security for the endemic OT functionality (a corrupted
// party may choose its own outputs, which is all OT extension needs) against malicious
// adversaries, in the programmable random-oracle model, assuming DH key agreement over a group
// whose messages are uniform (ristretto255 has prime order ℓ, so a·G is uniform) and CDH.
// We use it for semi-honest OT extension (iknp.h); every point from the peer is still
// validated, and a malformed one is an Abort blaming the peer.
//
// Protocol (n OTs, random-key output; H = hash to the group, KDF = BLAKE2b-256):
//   Step 1, sender:   a ← Z_ℓ;  send A = a·G.
//   Step 2, receiver: for each i with choice c_i: b_i ← Z_ℓ, B_i = b_i·G,
//                     r_{i,1−c} ← uniform point, r_{i,c} = B_i − H(i, r_{i,1−c});
//                     send all (r_{i,0}, r_{i,1}).
//   Step 3, sender:   M_{i,j} = r_{i,j} + H(i, r_{i,1−j});
//                     k_{i,j} = KDF(i, A, M_{i,j}, a·M_{i,j}).
//   Step 4, receiver: k_{i,c} = KDF(i, A, B_i, b_i·A)   (M_{i,c} = B_i).
// Steps 1 and 2 are independent, so both parties send first and the whole OT takes one round:
// the sender's message is 1 point (6 + 32 = 38 B), the receiver's 2n points (6 + 64n B).
// The receiver's choice hides in which r is the "random" one: both look uniform (privacy of
// c_i); k_{i,1−c} needs a·M_{i,1−c} for an M whose discrete log nobody knows (CDH).
//
// Example: 128 OTs = 38 B + 8198 B in one round; ~2 variable-base scalar
// multiplications per OT for the sender, 1 fixed-base + 1 variable-base for the receiver.
#pragma once

#include <array>
#include <cstddef>
#include <vector>

#include "protocols/core/message.h"
#include "protocols/crypto/prg.h"
#include "protocols/crypto/ristretto.h"

namespace smpc {

// A base-OT output: 32 bytes, used directly as a PRG seed by IKNP.
using OtKey = PrgSeed;

class MasnyRindalSender {
 public:
  // Step 1: samples a. `count` OTs will be derived from one A.
  MasnyRindalSender(std::size_t count, Rng& rng);
  Message first_message() const;
  // Step 3: both keys of every OT, from the receiver's message. Throws Abort(kMalformed)
  // blaming the message's sender on a wrong shape or an invalid point.
  std::vector<std::array<OtKey, 2>> keys(const Message& from_receiver) const;

 private:
  std::size_t count_;
  Scalar a_;
  RistrettoPoint big_a_;
};

class MasnyRindalReceiver {
 public:
  // Step 2: one OT per choice bit.
  MasnyRindalReceiver(const std::vector<bool>& choices, Rng& rng);
  Message first_message() const;
  // Step 4: the chosen key of every OT. Throws Abort(kMalformed) on an invalid A.
  std::vector<OtKey> keys(const Message& from_sender) const;

 private:
  std::vector<Scalar> b_;
  std::vector<RistrettoPoint> big_b_;
  std::vector<std::array<RistrettoPoint, 2>> r_;
};

// IKNP's base OT since issue 23 (half the bytes and about half the CPU of Masny–Rindal above,
// which IKNP used before and which stays as the UC-secure alternative; docs/yao.md):
//
// Naor–Pinkas base OT — Naor, Pinkas, "Efficient Oblivious Transfer Protocols" (SODA 2001), §3.1:
// the Bellare–Micali OT (CRYPTO 1989) in the random-oracle model, amortised over many OTs with
// one sender exponent. The constant C is a hash to the group (nobody knows its discrete log),
// so no message has to carry it and the OT stays one round.
//
// Security model: semi-honest sender and receiver (and a malicious receiver) in the random-oracle
// model under CDH over ristretto255 — weaker than Masny–Rindal's UC proof, enough for
// semi-honest IKNP. Receiver privacy is perfect: B_i is uniform whatever c_i. Sender privacy:
// k_{i,1−c} needs a·(C − b_i·G) = a·C − b_i·A, i.e. CDH(A, C).
//
// Protocol (n OTs; C = H("smpc/ot/naor-pinkas/C/v1"), KDF = BLAKE2b-256):
//   Step 1, sender:   a ← Z_ℓ;  send A = a·G;  T = a·C.
//   Step 2, receiver: b_i ← Z_ℓ, P_i = b_i·G;  B_i = P_i if c_i = 0, C − P_i if c_i = 1;
//                     send all B_i.
//   Step 3, sender:   S_i = a·B_i (≠ identity);  k_{i,0} = KDF(i, 0, A, B_i, S_i),
//                     k_{i,1} = KDF(i, 1, A, B_i, T − S_i)        (a·(C − B_i) = T − S_i).
//   Step 4, receiver: k_{i,c} = KDF(i, c, A, B_i, b_i·A)          (b_i·A = a·P_i).
// Steps 1 and 2 are independent: one round; 38 B from the sender, 6 + 32n B from the receiver.
// Cost per OT: sender 1 variable-base multiplication + 1 subtraction; receiver 1 fixed-base +
// 1 variable-base (+ 1 subtraction when c = 1) — against Masny–Rindal's 3 variable-base
// multiplications and 3 hashes to the group.
class NaorPinkasSender {
 public:
  NaorPinkasSender(std::size_t count, Rng& rng);
  Message first_message() const;
  // Step 3. Throws Abort(kMalformed) blaming the message's sender on a wrong shape or an invalid
  // point, Abort(kCheckFailed) on an identity S_i.
  std::vector<std::array<OtKey, 2>> keys(const Message& from_receiver) const;

 private:
  std::size_t count_;
  Scalar a_;
  RistrettoPoint big_a_, t_;
};

class NaorPinkasReceiver {
 public:
  NaorPinkasReceiver(const std::vector<bool>& choices, Rng& rng);
  Message first_message() const;
  // Step 4. Throws Abort(kMalformed) on an invalid A.
  std::vector<OtKey> keys(const Message& from_sender) const;

 private:
  std::vector<bool> choices_;
  std::vector<Scalar> b_;
  std::vector<RistrettoPoint> big_b_;
};

// Reads part `index` of `m` as exactly `count` ristretto255 points; Abort(kMalformed) blaming
// m.sender() on a wrong kind or count or on any invalid encoding.
std::vector<RistrettoPoint> read_points(const Message& m, std::size_t index, std::size_t count);

}  // namespace smpc
