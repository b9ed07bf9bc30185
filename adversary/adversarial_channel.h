// AdversarialChannel: a decorator around a corrupted party's channel (cf. emp-tool's
// io/trace_io.h). It records the party's view — every message it receives, with sender, label
// and causal round — and, for a malicious adversary, applies the script's strategies to the
// party's outgoing messages. The corrupted parties of a run share one Coalition, which holds
// their joint view.
#pragma once

#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <vector>

#include "adversary/adversary_spec.h"
#include "adversary/program.h"
#include "adversary/strategies.h"
#include "protocols/core/channel.h"

namespace smpc {

class Coalition {
 public:
  explicit Coalition(AdversarySpec spec) : spec_(std::move(spec)) {}
  const AdversarySpec& spec() const { return spec_; }
  void record(ViewEntry e);
  // The joint view so far, in the order messages were received.
  std::vector<ViewEntry> joint_view() const;

 private:
  AdversarySpec spec_;
  mutable std::mutex mu_;  // LocalNetwork runs parties in threads
  std::vector<ViewEntry> view_;
};

class AdversarialChannel final : public Channel, private SenderControl, private ProgramHost {
 public:
  // `ctx` is the corrupted party's real context; `rng` its adversarial randomness.
  AdversarialChannel(PartyContext& ctx, Coalition& coalition, Rng rng);

  PartyId self() const override { return inner_.self(); }
  int party_count() const override { return inner_.party_count(); }
  void send(PartyId to, std::string_view label, const Message& message) override;
  Message recv(PartyId from) override;
  std::optional<Message> recv_until(PartyId from, SimTime deadline) override;

  // This party's own view (what it received), as JSON for the run record.
  nlohmann::json view_json(const std::vector<std::uint64_t>& inputs, std::uint64_t seed) const;
  // Messages held back by `reorder` and never followed by another: sent at the end.
  void flush();
  // Per script step, what it did to this party's messages so far.
  const std::vector<StepHits>& hits() const { return hits_; }
  // The program's failure (ProgramError::what()), empty while it has none. After it the party
  // sends nothing more, and the send that met it threw Abort.
  const std::string& program_error() const { return program_error_; }

 private:
  bool matches(const StrategyStep& s, PartyId to, std::string_view label,
               std::uint32_t round) const;
  // Counts the message for step i's `occurrence`; true when the step selects it.
  bool nth_occurrence(std::size_t i, std::string_view label);
  void apply_step(std::size_t i, Outgoing& out);
  void record(const Message& m);
  void emit(PartyId to, std::string_view label, const Message& m);
  std::optional<Message> take_rushed(PartyId from);

  // SenderControl: what strategies do to this party.
  PartyId party() const override { return self(); }
  Rng& rng() override { return rng_; }
  void sleep_for(double seconds) override;
  const Message* last_sent(PartyId to) const override;
  void cut_off(const std::vector<PartyId>& recipients) override;
  void rush(std::uint32_t round, double window_s) override;
  // One message from each honest party that has none waiting, within window_s.
  void collect_honest(double window_s);
  void run_program(Outgoing& out);

  // ProgramHost: what a program may ask (party() and rng() are shared with SenderControl).
  const std::vector<PartyId>& coalition() const override { return coalition_.spec().corrupt; }
  std::vector<ViewEntry> joint_view() const override { return coalition_.joint_view(); }
  void rush(double window_s) override { collect_honest(window_s); }
  void abort_to(const std::vector<PartyId>& recipients) override { cut_off(recipients); }

  Channel& inner_;
  PartyContext& ctx_;
  Coalition& coalition_;
  Rng rng_;
  std::vector<ViewEntry> own_view_;
  std::vector<ViewEntry> sent_;  // what this party actually sent (part of what it knows)
  std::map<PartyId, Message> last_sent_;                              // replay
  std::map<PartyId, std::pair<std::string, Message>> held_;           // reorder
  std::set<PartyId> cut_off_;                                         // selective abort
  std::map<PartyId, std::deque<Message>> rushed_;                     // rushing
  std::optional<std::uint32_t> rushed_round_;
  std::vector<StepHits> hits_;                                        // per script step
  std::vector<std::map<std::string, std::uint32_t, std::less<>>> seen_;  // occurrence, per step
  std::unique_ptr<AdversaryProgram> program_;
  std::string program_error_;
};

// Runs `body` as corrupted party ctx.net.self() of the coalition: through an AdversarialChannel
// whose attack randomness is a stream of its own (the protocol's randomness stays as in the
// honest run). The party's view goes into ctx.annotations["view"] (with `inputs` and `seed`
// for the record), and with a script what each step did into ctx.annotations["script_hits"]
// (step_hits_json), when it outputs and when it aborts; a program's failure goes into
// ctx.annotations["program_error"] (the runner turns it into an error, never a verdict).
PartyOutput run_corrupted(PartyContext& ctx, Coalition& coalition,
                          const std::vector<std::uint64_t>& inputs, std::uint64_t seed,
                          const std::function<PartyOutput(PartyContext&)>& body);

}  // namespace smpc
