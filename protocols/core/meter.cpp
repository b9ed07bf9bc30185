#include "protocols/core/meter.h"

#include <blake3.h>

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

// The view digest is on every receive's path, so its hash must keep up with the protocols'
// own per-byte work (an IKNP extension receives 16 bytes per OT): BLAKE3 (its SIMD tree mode,
// ~0.3 cycles per byte with AVX-512) instead of BLAKE2b (~3), with the same 256-bit output
// and 128-bit collision resistance.
struct Meter::ViewHash {
  blake3_hasher hasher;
};

Meter::Meter(PartyId self, int parties) : view_(std::make_unique<ViewHash>()) {
  snap_.party = self;
  snap_.sent_to = PeerTraffic(static_cast<std::size_t>(parties));
  blake3_hasher_init(&view_->hasher);
}

Meter::~Meter() = default;

MeterSnapshot Meter::snapshot() const {
  MeterSnapshot s = snap_;
  unsigned char digest[32];
  // Finalising does not consume the hasher: the meter can go on recording after a snapshot.
  blake3_hasher_finalize(&view_->hasher, digest, sizeof digest);
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
  snap_.sent_to.add(to, bytes);
  auto [it, fresh] = snap_.by_label.try_emplace(std::string(label));
  if (fresh) it->second.phase = phase_;
  note(it->second, bytes, round);
  // The work since the previous send produced this message.
  it->second.ops += snap_.unsent_ops;
  it->second.compute_s += snap_.unsent_compute_s;
  snap_.unsent_ops = OpCounts{};
  snap_.unsent_compute_s = 0;
  auto [ph, ph_fresh] = snap_.by_phase.try_emplace(phase_);
  if (ph_fresh) ph->second.phase = phase_;
  note(ph->second, bytes, round);
  snap_.max_round = std::max(snap_.max_round, round);
  return round;
}

void Meter::add_compute(const OpCounts& ops, double seconds) {
  snap_.ops += ops;
  snap_.compute_s += seconds;
  snap_.unsent_ops += ops;
  snap_.unsent_compute_s += seconds;
  burst_s_ += seconds;
  snap_.max_compute_burst_s = std::max(snap_.max_compute_burst_s, burst_s_);
}

void Meter::note_timeout(PartyId from, double at_s) {
  auto& v = snap_.timed_out_from;
  const auto at = std::lower_bound(v.begin(), v.end(), from);
  if (at != v.end() && *at == from) return;  // the first give-up on `from` is the one kept
  snap_.timed_out_at_s.insert(snap_.timed_out_at_s.begin() + (at - v.begin()), at_s);
  v.insert(at, from);
}

void Meter::begin_receive(PartyId from, std::size_t bytes, std::uint32_t round) {
  snap_.received.add(bytes);
  // Sender and length first, so the digest fixes the framing, not just the concatenation.
  unsigned char head[12];
  const auto f = static_cast<std::uint32_t>(from);
  const auto len = static_cast<std::uint64_t>(bytes);
  for (int i = 0; i < 4; ++i) head[i] = static_cast<unsigned char>(f >> (8 * i));
  for (int i = 0; i < 8; ++i) head[4 + i] = static_cast<unsigned char>(len >> (8 * i));
  blake3_hasher_update(&view_->hasher, head, sizeof head);
  max_received_ = std::max(max_received_, round);
}

void Meter::hash_view(ByteSpan bytes) {
  blake3_hasher_update(&view_->hasher, bytes.data(), bytes.size());
}

void Meter::record_receive(PartyId from, ByteSpan wire, std::uint32_t round) {
  begin_receive(from, wire.size(), round);
  hash_view(wire);
}

void Meter::record_receive(PartyId from, const Message& message, std::uint32_t round) {
  begin_receive(from, message.encoded_size(), round);
  message.for_each_encoded_piece([&](ByteSpan piece) { hash_view(piece); });
}

}  // namespace smpc
