// A party's endpoint and the context a protocol runs in.
#pragma once

#include <optional>

#include <nlohmann/json.hpp>
#include <string_view>
#include <vector>

#include "protocols/core/message.h"
#include "protocols/core/meter.h"
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

// Sends the same message to every other party.
void send_to_all(Channel& net, std::string_view label, const Message& message);
// Receives one message from every other party, in party order; slot self() stays empty.
std::vector<Message> recv_from_all(Channel& net);

}  // namespace smpc
