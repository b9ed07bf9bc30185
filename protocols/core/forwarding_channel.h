// A Channel that passes everything to another one: the base of test and audit wrappers that
// change one kind of message (a tampering or crashed party) and forward the rest untouched.
#pragma once

#include <optional>
#include <string_view>

#include "protocols/core/channel.h"

namespace smpc {

class ForwardingChannel : public Channel {
 public:
  explicit ForwardingChannel(Channel& inner) : inner_(inner) {}
  PartyId self() const override { return inner_.self(); }
  int party_count() const override { return inner_.party_count(); }
  void send(PartyId to, std::string_view label, const Message& m) override {
    inner_.send(to, label, m);
  }
  Message recv(PartyId from) override { return inner_.recv(from); }
  std::optional<Message> recv_until(PartyId from, SimTime deadline) override {
    return inner_.recv_until(from, deadline);
  }

 protected:
  Channel& inner_;
};

}  // namespace smpc
