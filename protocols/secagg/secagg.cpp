#include "protocols/secagg/secagg.h"

#include <cstring>
#include <string>

#include "protocols/core/status.h"

namespace smpc {

SecAgg::SecAgg(SecAggShape shape, int threshold, double round_timeout_s,
               std::shared_ptr<const SecAggGraph> graph, std::string name)
    : shape_(std::move(shape)),
      t_(threshold),
      round_timeout_s_(round_timeout_s),
      graph_(graph ? std::move(graph)
                   : std::make_shared<const SecAggGraph>(secagg_complete_graph(shape_.clients))),
      name_(std::move(name)) {
  SMPC_ASSERT(t_ >= 1 && static_cast<std::size_t>(t_) <= shape_.clients && round_timeout_s_ > 0 &&
              graph_->size() == shape_.clients + 1);
}

SecurityClaim secagg_claim(int threshold, bool sparse) {
  const std::string t = std::to_string(threshold), c = std::to_string(threshold - 1);
  if (sparse)
    return {AdversaryModel::kSemiHonest, threshold - 1, OutputGuarantee::kCorrect,
            "semi-honest (SecAgg+, Bell et al. 2020, on a random Harary graph): the server and "
            "up to t - 1 = " + c + " clients together learn nothing beyond the sum over U3, "
            "except with the graph's failure probability (the paper's bound for N, k and t); "
            "the server outputs the sum of U3's vectors mod 2^k when at least t = " + t +
            " of every neighbourhood remain in every round and every message meets its round "
            "deadline"};
  return {AdversaryModel::kSemiHonest, threshold - 1, OutputGuarantee::kCorrect,
          "semi-honest (Bonawitz et al. 2017, Fig. 4, without the signature variant): the "
          "server and up to t - 1 = " + c +
          " clients together learn nothing beyond the sum over U3; the server outputs the sum "
          "of U3's vectors mod 2^k when at least t = " + t +
          " clients remain in every round and every message meets its round deadline"};
}

SecurityClaim SecAgg::claim(int /*parties*/) const {
  return secagg_claim(t_, name_ != "secagg");
}

PartyOutput SecAgg::run_steps(PartyContext& ctx, const PartyInput& input) const {
  const SecAggSetup setup{shape_, t_, round_timeout_s_, *graph_};
  if (ctx.net.self() == 0) return secagg_server(ctx, setup);
  return secagg_client(ctx, setup, input.values);
}

void secagg_add_prg(const Key32& seed, std::uint64_t sign, std::span<std::uint64_t> acc) {
  // One buffer per thread: the masks of a round are many expansions of the same length.
  thread_local std::vector<std::uint8_t> words;
  words.resize(8 * acc.size());
  prg_expand(seed, 0, words);
  for (std::size_t j = 0; j < acc.size(); ++j) {
    std::uint64_t w;
    std::memcpy(&w, words.data() + 8 * j, 8);  // little-endian hosts only (x86-64, arm64)
    acc[j] += sign * w;
  }
}

Bytes secagg_pack(std::span<const std::uint64_t> values, unsigned bits) {
  Bytes out((values.size() * bits + 7) / 8, 0);
  std::size_t bit = 0;
  for (std::uint64_t v : values)
    for (unsigned i = 0; i < bits; ++i, ++bit)
      out[bit / 8] |= static_cast<std::uint8_t>(((v >> i) & 1) << (bit % 8));
  return out;
}

std::vector<std::uint64_t> secagg_unpack(ByteSpan bytes, std::size_t count, unsigned bits) {
  std::vector<std::uint64_t> out(count, 0);
  std::size_t bit = 0;
  for (std::size_t j = 0; j < count; ++j)
    for (unsigned i = 0; i < bits; ++i, ++bit)
      out[j] |= std::uint64_t{(bytes[bit / 8] >> (bit % 8)) & 1u} << i;
  return out;
}

}  // namespace smpc
