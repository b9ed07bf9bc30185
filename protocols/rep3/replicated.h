// The steps rep3 and rep3_malicious share (protocols/rep3/rep3.h documents them): replicated
// shares of every wire, the PRG keys of step 0, input sharing (step 1) and the layer-by-layer
// evaluation of step 2. Internal to protocols/rep3.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include <nlohmann/json.hpp>

#include "protocols/core/message.h"
#include "protocols/core/protocol.h"
#include "protocols/crypto/prg.h"
#include "protocols/rep3/rep3.h"

namespace smpc::rep3_core {

inline PartyId next_of(PartyId i) { return (i + 1) % kRep3Parties; }
inline PartyId prev_of(PartyId i) { return (i + kRep3Parties - 1) % kRep3Parties; }

// This party's replicated shares of every wire: first[w] = s_i, second[w] = s_{i+1}; one byte
// per bit for Boolean circuits (T = uint8_t: an AES batch of 100 has 3.7 M wires), one word for
// Z_2^64 (T = uint64_t).
template <typename T>
struct Shares {
  std::vector<T> first, second;
};

// The ring's operations on share components: ⊕ and ∧ on bits (held as 0/1 words, or 64 bits
// per word where the caller packs them), + and · in Z_2^64 (unsigned wrap-around).
struct Ring {
  bool boolean = false;
  std::uint64_t add(std::uint64_t a, std::uint64_t b) const { return boolean ? a ^ b : a + b; }
  std::uint64_t sub(std::uint64_t a, std::uint64_t b) const { return boolean ? a ^ b : a - b; }
  std::uint64_t mul(std::uint64_t a, std::uint64_t b) const { return boolean ? a & b : a * b; }
  std::uint64_t random(Rng& rng) const { return boolean ? (rng.next_bit() ? 1 : 0) : rng.next_u64(); }
};

// Step 0's keys: k_i (ours) and k_{i+1} (from next).
struct PrgKeys {
  PrgSeed own{}, next{};
};

// One part of bits (the low bit of each value) or of ring words.
Message elements_message(const Ring& ring, const std::vector<std::uint64_t>& v);
std::vector<std::uint64_t> read_elements(const Ring& ring, const Message& m, std::size_t count);

// Step 0's α_i for `words` words of PRG stream `stream`: F(k_i) − F(k_{i+1}) (⊕ for bits, 64
// gates per word), so that α_0 + α_1 + α_2 = 0.
std::vector<std::uint64_t> zero_shares(const PrgKeys& keys, std::uint64_t stream,
                                       std::size_t words, const Ring& ring);

// Step 1c: a client's input message to server i: the first components of all its inputs,
// then the second ones (labels::rep3::kInput). The client's side of both protocols.
void deal_as_client(const Rep3Plan& plan, PartyContext& ctx, const Ring& ring,
                    const PartyInput& input);

// The element size of a message of k bits or ring words: 6 + ⌈k/8⌉ or 6 + 8k bytes.
std::uint64_t elem_bytes(bool boolean, std::size_t k);

// Steps 0-2 (keys, inputs, every layer): this party's shares of every wire. `after_inputs`
// (may be empty) runs once the inputs are shared, before the first layer: rep3_malicious sends
// its triple message there, in the first layer's round. T = uint8_t for Boolean circuits,
// uint64_t for kRing64.
template <typename T>
Shares<T> evaluate(const Rep3Plan& plan, PartyContext& ctx, const PartyInput& input,
                   PrgKeys& keys, const std::function<void()>& after_inputs);

// evaluate for a Boolean circuit, as rep3 keeps them: both of this party's components of wire
// x in one byte of its slot, v[plan.bits.slot[x]] = s_i | s_{i+1} << 1 (Rep3BitProgram).
using BitPairs = std::vector<std::uint8_t>;
BitPairs evaluate_bits(const Rep3Plan& plan, PartyContext& ctx, const PartyInput& input,
                       PrgKeys& keys, const std::function<void()>& after_inputs);

}  // namespace smpc::rep3_core

namespace smpc {

// The factories' party check: with roles (params[kServersParam]) exactly 3 servers and any
// number of clients, whether roles are given; without, exactly 3 parties.
Result<bool> rep3_roles(const nlohmann::json& params, int parties, const char* protocol);

}  // namespace smpc
