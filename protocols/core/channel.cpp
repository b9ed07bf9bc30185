#include "protocols/core/channel.h"

namespace smpc {

void send_to_all(Channel& net, std::string_view label, const Message& message) {
  for (PartyId p = 0; p < net.party_count(); ++p)
    if (p != net.self()) net.send(p, label, message);
}

std::vector<Message> recv_from_all(Channel& net) {
  std::vector<Message> out(static_cast<std::size_t>(net.party_count()));
  for (PartyId p = 0; p < net.party_count(); ++p)
    if (p != net.self()) out[static_cast<std::size_t>(p)] = net.recv(p);
  return out;
}

}  // namespace smpc
