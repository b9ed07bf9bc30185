// The Protocol interface and the SecurityClaim every protocol declares.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "protocols/core/channel.h"

namespace smpc {

enum class AdversaryModel { kSemiHonest, kMalicious };
enum class OutputGuarantee {
  kCorrect,                   // semi-honest: honest parties get the correct output
  kCorrectOrAbort,            // correct output, or every honest party aborts
  kCorrectOrIdentifiedAbort,  // as above, and the abort names a corrupted party
  kGuaranteedOutputDelivery,  // honest parties always get the correct output
  // Correct output or abort, where every party an honest party's abort names is corrupted (it
  // may name nobody: it stopped on a peer's notice without evidence of its own), and the
  // claim's accountable party (SecurityClaim::accountable), when honest and without output,
  // names at least one corrupted party. Weaker than kCorrectOrIdentifiedAbort, which wants a
  // corrupted name in every honest abort; what a coordinator-based protocol can promise when a
  // corrupted party's silence or notice can stop the others (docs/applications.md, FROST).
  kCorrectOrAccountableAbort,
};
const char* adversary_model_name(AdversaryModel m);
const char* output_guarantee_name(OutputGuarantee g);

// What a protocol promises: against which adversary, up to how many corruptions, and what
// honest parties then get. verify/ compares every run against it.
struct SecurityClaim {
  AdversaryModel model = AdversaryModel::kSemiHonest;
  int max_corruptions = 0;
  OutputGuarantee guarantee = OutputGuarantee::kCorrect;
  std::string statement;  // one human sentence, e.g. "semi-honest, t < n/2 (t = 2), correct output"
  // kCorrectOrAccountableAbort only: the party that, when honest, names a corrupted party
  // whenever it does not output (FROST: the coordinator). -1 elsewhere.
  PartyId accountable = -1;
};

// A party's private input: the values of its input wires, in Circuit::input_wires_of order.
struct PartyInput {
  std::vector<std::uint64_t> values;
};
// What a party learns: the values of the output wires delivered to it, in
// Circuit::output_wires_of order.
struct PartyOutput {
  std::vector<std::uint64_t> values;
};

// One instance serves every party of a run; run_steps() is straight-line code that reads like
// the paper, and must be safe to call concurrently from several parties (it keeps no party state).
class Protocol {
 public:
  virtual ~Protocol() = default;
  virtual std::string_view name() const = 0;
  virtual SecurityClaim claim(int parties) const = 0;
  // The label of this protocol's abort notice (channel.h), or none: a protocol that declares one
  // has every aborting party tell the others, so they stop waiting for it.
  virtual std::optional<std::string_view> abort_notice_label() const { return std::nullopt; }

  // Runs this party's steps. If they abort and the protocol declares a notice, the notice goes
  // to every other party over ctx.net (for a corrupted party, the adversary's channel) before
  // the Abort propagates to the party runner (run_party).
  PartyOutput run(PartyContext& ctx, const PartyInput& input) const;

 private:
  virtual PartyOutput run_steps(PartyContext& ctx, const PartyInput& input) const = 0;
};
}  // namespace smpc
