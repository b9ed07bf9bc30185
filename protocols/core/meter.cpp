#include "protocols/core/meter.h"

#include <algorithm>

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

void Meter::record_receive(PartyId /*from*/, std::size_t bytes, std::uint32_t round) {
  snap_.received.add(bytes);
  max_received_ = std::max(max_received_, round);
}

}  // namespace smpc
