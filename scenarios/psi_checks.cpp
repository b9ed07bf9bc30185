#include "scenarios/psi_checks.h"

#include <cmath>
#include <set>

#include "protocols/core/local_network.h"
#include "protocols/psi/labels.h"
#include "protocols/psi/psi.h"

namespace smpc {
namespace {

constexpr std::size_t kReceiverElements = 8, kSenderElements = 4;

double binomial_tail(int n, int k, double p) {
  double tail = 0;
  for (int i = k; i <= n; ++i)
    tail += std::exp(std::lgamma(n + 1.0) - std::lgamma(i + 1.0) - std::lgamma(n - i + 1.0) +
                     i * std::log(p) + (n - i) * std::log1p(-p));
  return tail;
}

// The curious receiver: the honest steps of party 0, then a guess of the shared element.
PartyOutput curious_receiver(PartyContext& ctx, const std::vector<std::uint64_t>& mine) {
  const Scalar a = Scalar::random(ctx.rng);
  const auto order = psi_random_order(mine.size(), ctx.rng);
  ctx.net.send(1, labels::psi::kBlinded, psi_points_message(psi_hash_and_raise(mine, order, a)));
  const auto theirs_a = psi_raise(psi_read_points(ctx.net.recv(1), kSenderElements, 1), a, 1);
  const auto returned = psi_read_points(ctx.net.recv(1), mine.size(), 1);
  std::set<PointBytes> theirs;
  for (const auto& p : theirs_a) theirs.insert(p.bytes());
  PartyOutput out;
  for (std::size_t j = 0; j < returned.size(); ++j)
    if (theirs.contains(returned[j]))
      out.values.push_back(mine[order[j]]);
  return out;
}

}  // namespace

Result<PsiOrderLeak> psi_cardinality_order_leak(int trials) {
  PsiOrderLeak r;
  r.trials = trials;
  const DhPsi sender({kReceiverElements, kSenderElements, PsiOutput::kCardinality});
  for (int t = 0; t < trials; ++t) {
    std::vector<std::uint64_t> mine, theirs;
    for (std::uint64_t i = 0; i < kReceiverElements; ++i) mine.push_back(100 + i);
    const std::uint64_t shared = mine[static_cast<std::size_t>(t) % kReceiverElements];
    theirs = {shared, 900, 901, 902};
    const PartyInput sender_input{psi_element_bits(theirs)};
    const RunResult run = run_local(2, {static_cast<std::uint64_t>(t) + 1, 30}, [&](PartyContext& ctx) {
      return ctx.net.self() == 0 ? curious_receiver(ctx, mine) : sender.run(ctx, sender_input);
    });
    const auto& receiver = run.parties.at(0);
    if (receiver.status != PartyStatus::kOutput)
      return Error("psi order check: the receiver did not finish trial " + std::to_string(t));
    if (receiver.outputs.size() == 1 && receiver.outputs[0] == shared) ++r.guessed;
  }
  r.p_value = binomial_tail(trials, r.guessed, 1.0 / kReceiverElements);
  return r;
}

}  // namespace smpc
