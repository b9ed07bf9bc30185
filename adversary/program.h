// Programmable adversaries: the coalition's own code decides what each corrupted party sends.
//
// A script (adversary_spec.h) can only edit the honest party's messages; a program computes
// them. The corrupted party still runs the protocol's code (so it keeps the protocol's message
// order and its own shares), and before each of its messages goes out the program sees it —
// with the coalition's joint view so far — and returns what is sent instead: a message it built
// from typed elements, the honest one, or nothing. It may first wait for the honest parties'
// messages of the round (rushing: they then are in the view), cut the party off from chosen
// recipients (abort toward them), and substitute the party's input before the run.
//
// The same interface serves C++ strategies (implement ProgramFactory) and Lua 5.4 programs
// (adversary/lua_program.h: sandboxed, with instruction and memory limits). A program's failure
// (a Lua error, a limit) is a ProgramError: the run stops with an error naming the program,
// never with a verdict.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "adversary/adversary_spec.h"
#include "protocols/core/message.h"
#include "protocols/core/rng.h"
#include "protocols/core/types.h"

namespace smpc {

struct Outgoing;  // adversary/strategies.h

// One message a corrupted party received (its view), or sent.
struct ViewEntry {
  PartyId to = 0;  // the corrupted party that received it
  PartyId from = 0;
  std::string label;
  std::uint32_t round = 0;
  Bytes wire;
};

// A program that broke the rules or a limit. what(): "<program>: <problem>".
class ProgramError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// What a program may ask of its corrupted party: implemented by AdversarialChannel.
class ProgramHost {
 public:
  virtual ~ProgramHost() = default;
  virtual PartyId party() const = 0;
  virtual int party_count() const = 0;
  virtual const std::vector<PartyId>& coalition() const = 0;
  // Every message the coalition's members received so far, in the order they received them.
  virtual std::vector<ViewEntry> joint_view() const = 0;
  // Waits (at most window_s simulated seconds) for the next message of each honest party this
  // party has not received yet, and puts it in the view; the protocol later receives it as
  // usual. Rushing: the program then answers round r knowing the honest round-r messages.
  virtual void rush(double window_s) = 0;
  // From now on nothing more goes to `recipients` (an abort toward them).
  virtual void abort_to(const std::vector<PartyId>& recipients) = 0;
  virtual Rng& rng() = 0;  // the adversary's own stream
};

// One corrupted party's instance of a program.
class AdversaryProgram {
 public:
  virtual ~AdversaryProgram() = default;
  // Called before each outgoing message (after the script's steps): the program may replace
  // out.message, set out.copies = 0 (not sent), or leave it. Throws ProgramError.
  virtual void on_send(Outgoing& out, ProgramHost& host) = 0;
};

// A program as the scenario names it: creates one instance per corrupted party.
class ProgramFactory {
 public:
  virtual ~ProgramFactory() = default;
  virtual std::string name() const = 0;  // for errors and reports: the file, or "cpp:<name>"
  // Throws ProgramError.
  virtual std::unique_ptr<AdversaryProgram> make(const ProgramSetup& setup) const = 0;
  // The input the corrupted party runs on (chosen before the run, so the verdict judges
  // against f on it); nullopt keeps the honest input. `rng`: the adversary's stream for this
  // choice. Throws ProgramError.
  virtual std::optional<std::vector<std::uint64_t>> input(
      const ProgramSetup& setup, const std::vector<std::uint64_t>& honest, Rng& rng) const {
    (void)setup, (void)honest, (void)rng;
    return std::nullopt;
  }
};

}  // namespace smpc
