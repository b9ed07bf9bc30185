// The function "threshold_signature" as a circuit: what a scenario's FROST run signs, carried
// the way psi_dh and secagg carry their scenarios (protocols/psi/ideal.h, secagg/ideal.h), so
// the frost protocol reads its signer set and messages from the circuit it is given.
//
// A signature has no single correct value (fresh nonces make every run's differ), so this
// circuit is not evaluated against: its output wires are placeholders (constant 0) that fix
// how many words each party outputs and who gets them, and the verdict judges the outputs with
// a predicate instead (Function::output_check, scenarios/signature_function.h).
//
// Ring64, no input wires, only constant gates, in this order:
//   k, the signer identifiers (k words), s, then per message its length in bytes and its bytes
//   as ceil(len/8) little-endian words (zero-padded);
// outputs "group_public_key" (4 words: the 32-byte encoding of PK) to every party and, per
// message j, "signature_j" (8 words: R ‖ z) to party 0, the coordinator.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "protocols/core/circuit.h"
#include "protocols/core/types.h"

namespace smpc::frost {

struct SigningShape {
  std::vector<std::uint64_t> signers;  // identifiers, sorted, distinct, >= 1
  std::vector<Bytes> messages;         // at least one
  bool operator==(const SigningShape&) const = default;
};

// At most this many message bytes in all (the circuit's constants: 8 KiB of messages).
inline constexpr std::size_t kMaxMessageBytes = 8192;
inline constexpr std::size_t kKeyWords = 4, kSignatureWords = 8;

Circuit signing_circuit(const SigningShape& shape);
// The shape of `c` if c is exactly signing_circuit(shape) for some shape, else nullopt.
std::optional<SigningShape> signing_shape(const Circuit& c);

}  // namespace smpc::frost
