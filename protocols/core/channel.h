// A party's endpoint and the context a protocol runs in.
#pragma once

#include <optional>

#include <nlohmann/json.hpp>
#include <string_view>
#include <utility>
#include <vector>

#include "protocols/core/message.h"
#include "protocols/core/meter.h"
#include "protocols/core/per_party.h"
#include "protocols/core/rng.h"
#include "protocols/core/types.h"

namespace smpc {

// Messages are whole, typed and FIFO per ordered pair of parties. The label names the protocol
// step ("bgw.mult.reshare"): sender-side metadata used for accounting and by adversary scripts,
// never trusted by the receiver. Sending never blocks on the transfer (like a TCP send buffer).
class Channel {
 public:
  virtual ~Channel() = default;
  virtual PartyId self() const = 0;
  virtual int party_count() const = 0;
  virtual void send(PartyId to, std::string_view label, const Message& message) = 0;
  // Next message from `from`; throws Abort(kTimeout) when none arrives by the run's deadline,
  // Abort(kMalformed) when its bytes do not decode.
  virtual Message recv(PartyId from) = 0;
  // As recv, but returns nullopt at `deadline` (absolute time): for protocols with guaranteed
  // output delivery, where a missing message is treated as a wrong one.
  virtual std::optional<Message> recv_until(PartyId from, SimTime deadline) = 0;
};

class Clock {
 public:
  virtual ~Clock() = default;
  virtual SimTime now() const = 0;
  // The run's deadline (absolute): no message is awaited past it.
  virtual SimTime deadline() const = 0;
  // Lets time pass for this party (simulated on SimNetwork): used by delaying adversaries.
  virtual void sleep_for(SimTime seconds) = 0;
};

struct PartyContext {
  Channel& net;
  Rng& rng;
  Clock& clock;
  Meter& meter;
  // Where a party may leave structured notes for the run record (e.g. an adversary's view);
  // set by run_party, travels back with the PartyResult.
  nlohmann::json* annotations = nullptr;
};

// The exchange patterns of the protocols' rounds. Sends go out in party order before any
// receive, and receives happen in party order: message order per link is part of what a run
// records (view digests, rounds), so these helpers fix it in one place.

// Sends the same message to every other party.
void send_to_all(Channel& net, std::string_view label, const Message& message);
// Sends messages[p] to every other party p.
void send_each(Channel& net, std::string_view label, const PerParty<Message>& messages);
// Receives one message from every other party; slot self() stays empty.
PerParty<Message> recv_each(Channel& net);
// As recv_each, decoding each message with decode(from, message) as it arrives, so a malformed
// message aborts the party before it awaits the next one.
template <typename Decode>
auto recv_each(Channel& net, Decode decode) {
  PerParty<decltype(decode(PartyId{}, std::declval<Message>()))> out(net.party_count());
  for (PartyId p : other_parties(net.party_count(), net.self())) out[p] = decode(p, net.recv(p));
  return out;
}
// As recv_each, as a plain vector indexed by party.
std::vector<Message> recv_from_all(Channel& net);
// A pairwise round: messages[p] to every other party p, then one message from each.
PerParty<Message> exchange(Channel& net, std::string_view label, const PerParty<Message>& messages);
template <typename Decode>
auto exchange(Channel& net, std::string_view label, const PerParty<Message>& messages,
              Decode decode) {
  send_each(net, label, messages);
  return recv_each(net, decode);
}
// A broadcast round over point-to-point links: the same message to everyone, then one from each.
PerParty<Message> broadcast_and_collect(Channel& net, std::string_view label,
                                        const Message& message);
template <typename Decode>
auto broadcast_and_collect(Channel& net, std::string_view label, const Message& message,
                           Decode decode) {
  send_to_all(net, label, message);
  return recv_each(net, decode);
}

// Decoder for recv_each / exchange: the message's first part as `count` field elements.
inline auto field61_part(std::size_t count) {
  return [count](PartyId, const Message& m) { return m.field61(0, count); };
}

// Abort notices. A protocol may declare a label (Protocol::abort_notice_label) under which an
// aborting party tells every other party that it gives up, so they stop at their next receive
// instead of waiting for the deadline. The notice is one byte part holding the label's bytes.
Message abort_notice(std::string_view label);
bool is_abort_notice(const Message& m, std::string_view label);

// A decorator for the receiving side of notices: recv() turns a peer's notice into
// Abort("party p aborted") (blaming nobody: an honest party aborts too when it sees cheating).
class NoticeAwareChannel final : public Channel {
 public:
  NoticeAwareChannel(Channel& inner, std::string_view notice_label)
      : inner_(inner), label_(notice_label) {}
  PartyId self() const override { return inner_.self(); }
  int party_count() const override { return inner_.party_count(); }
  void send(PartyId to, std::string_view label, const Message& message) override {
    inner_.send(to, label, message);
  }
  Message recv(PartyId from) override;
  std::optional<Message> recv_until(PartyId from, SimTime deadline) override;

 private:
  Message checked(PartyId from, Message m) const;
  Channel& inner_;
  std::string_view label_;
};

}  // namespace smpc
