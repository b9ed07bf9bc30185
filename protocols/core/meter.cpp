#include "protocols/core/meter.h"

#include <sodium.h>

#include <algorithm>
#include <cstring>

#include "protocols/core/status.h"

namespace smpc {
namespace {

void note(LabelStats& s, std::size_t bytes, std::uint32_t round) {
  if (s.traffic.messages == 0 || round < s.first_round) s.first_round = round;
  s.last_round = std::max(s.last_round, round);
  s.traffic.add(bytes);
}

}  // namespace

Meter::Meter(PartyId self, int parties) {
  snap_.party = self;
  snap_.sent_to.resize(static_cast<std::size_t>(parties));
  SMPC_ASSERT(sodium_init() >= 0);
  crypto_generichash_init(&hash_state_,
                          nullptr, 0, 32);
}

MeterSnapshot Meter::snapshot() const {
  MeterSnapshot s = snap_;
  auto state = hash_state_;
  unsigned char digest[32];
  crypto_generichash_final(&state, digest,
                           sizeof digest);
  static const char* kHex = "0123456789abcdef";
  for (unsigned char b : digest) {
    s.view_digest.push_back(kHex[b >> 4]);
    s.view_digest.push_back(kHex[b & 15]);
  }
  return s;
}

std::uint32_t Meter::stamp_send(PartyId to, std::string_view label, std::size_t bytes) {
  SMPC_ASSERT(to >= 0 && static_cast<std::size_t>(to) < snap_.sent_to.size());
  const std::uint32_t round = max_received_ + 1;
  snap_.sent.add(bytes);
  snap_.sent_to[static_cast<std::size_t>(to)].add(bytes);
  auto [it, fresh] = snap_.by_label.try_emplace(std::string(label));
  if (fresh) it->second.phase = phase_;
  note(it->second, bytes, round);
  auto [ph, ph_fresh] = snap_.by_phase.try_emplace(phase_);
  if (ph_fresh) ph->second.phase = phase_;
  note(ph->second, bytes, round);
  snap_.max_round = std::max(snap_.max_round, round);
  return round;
}

void Meter::record_receive(PartyId from, ByteSpan wire, std::uint32_t round) {
  snap_.received.add(wire.size());
  // Sender and length first, so the digest fixes the framing, not just the concatenation.
  unsigned char head[12];
  const auto f = static_cast<std::uint32_t>(from);
  const auto len = static_cast<std::uint64_t>(wire.size());
  for (int i = 0; i < 4; ++i) head[i] = static_cast<unsigned char>(f >> (8 * i));
  for (int i = 0; i < 8; ++i) head[4 + i] = static_cast<unsigned char>(len >> (8 * i));
  auto* st = &hash_state_;
  crypto_generichash_update(st, head, sizeof head);
  crypto_generichash_update(st, wire.data(), wire.size());
  max_received_ = std::max(max_received_, round);
}

}  // namespace smpc
