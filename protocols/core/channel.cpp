#include "protocols/core/channel.h"

#include <algorithm>
#include <string>

#include "protocols/core/abort.h"

namespace smpc {

void send_to_all(Channel& net, std::string_view label, const Message& message) {
  for (PartyId p : other_parties(net.party_count(), net.self())) net.send(p, label, message);
}

void send_each(Channel& net, std::string_view label, const PerParty<Message>& messages) {
  for (const auto& [p, m] : messages.others(net.self())) net.send(p, label, m);
}

PerParty<Message> recv_each(Channel& net) {
  PerParty<Message> out(net.party_count());
  for (PartyId p : other_parties(net.party_count(), net.self())) out[p] = net.recv(p);
  return out;
}

std::vector<Message> recv_from_all(Channel& net) { return std::move(recv_each(net).values()); }

PerParty<Message> exchange(Channel& net, std::string_view label,
                           const PerParty<Message>& messages) {
  send_each(net, label, messages);
  return recv_each(net);
}

PerParty<Message> broadcast_and_collect(Channel& net, std::string_view label,
                                        const Message& message) {
  send_to_all(net, label, message);
  return recv_each(net);
}

Message abort_notice(std::string_view label) {
  return Message().add_bytes(Bytes(label.begin(), label.end()));
}

bool is_abort_notice(const Message& m, std::string_view label) {
  if (m.parts().size() != 1 || m.parts()[0].kind != ElementKind::kByte) return false;
  const Bytes& d = m.parts()[0].data;
  return std::equal(d.begin(), d.end(), label.begin(), label.end());
}

Message NoticeAwareChannel::checked(PartyId from, Message m) const {
  if (is_abort_notice(m, label_))
    throw Abort("party " + std::to_string(from) + " aborted", {}, AbortKind::kCheckFailed);
  return m;
}

Message NoticeAwareChannel::recv(PartyId from) { return checked(from, inner_.recv(from)); }

std::optional<Message> NoticeAwareChannel::recv_until(PartyId from, SimTime deadline) {
  auto m = inner_.recv_until(from, deadline);
  if (!m) return m;
  return checked(from, std::move(*m));
}

}  // namespace smpc
