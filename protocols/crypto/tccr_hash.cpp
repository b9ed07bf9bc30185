#include "protocols/crypto/tccr_hash.h"

#include "protocols/core/ops.h"
#include "protocols/core/status.h"
#include "protocols/crypto/aes_kernels.h"

namespace smpc {
namespace {

using namespace aes_detail;

template <int N>
struct TmmoXmm {
  static void run(const XmmKeys& k, const Block* x, const Block* tw, Block* out) {
    xmm_tmmo_n<N>(k, x, tw, out);
  }
};

void tmmo_aesni(const Block* x, const Block* tw, Block* out, std::size_t n) {
  const XmmKeys k = load_xmm_keys(fixed_key_aes().round_keys());
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) xmm_tmmo_n<8>(k, x + i, tw + i, out + i);
  xmm_dispatch<TmmoXmm>(n - i, k, x + i, tw + i, out + i);
}

SMPC_VAES_TARGET void tmmo_vaes(const Block* x, const Block* tw, Block* out, std::size_t n) {
  __m512i k[11];
  load_zmm_keys(fixed_key_aes().round_keys(), k);
  std::size_t i = 0;
  for (; i + 32 <= n; i += 32) zmm_tmmo_n<8>(k, x + i, tw + i, out + i);
  // Tails of garbling batches are common (the last gates of a layer), so keep them wide too.
  using Kernel = void (*)(const __m512i*, const Block*, const Block*, Block*);
  static constexpr Kernel kTail[8] = {nullptr,        &zmm_tmmo_n<1>, &zmm_tmmo_n<2>,
                                      &zmm_tmmo_n<3>, &zmm_tmmo_n<4>, &zmm_tmmo_n<5>,
                                      &zmm_tmmo_n<6>, &zmm_tmmo_n<7>};
  if (const std::size_t regs = (n - i) / 4; regs > 0) {
    kTail[regs](k, x + i, tw + i, out + i);
    i += 4 * regs;
  }
  if (i < n) tmmo_aesni(x + i, tw + i, out + i, n - i);
}

}  // namespace

Block tccr_hash(const Block& x, const Block& tweak) {
  count_op(Op::kTmmoHash);
  Block out;
  tmmo_aesni(&x, &tweak, &out, 1);
  return out;
}

void tccr_hash(std::span<const Block> x, std::span<const Block> tweaks, std::span<Block> out) {
  tccr_hash(x, tweaks, out, best_aes_backend());
}

void tccr_hash(std::span<const Block> x, std::span<const Block> tweaks, std::span<Block> out,
               AesBackend backend) {
  SMPC_ASSERT(x.size() == tweaks.size() && x.size() == out.size());
  SMPC_ASSERT(aes_backend_supported(backend));
  count_op(Op::kTmmoHash, x.size());
  if (backend == AesBackend::kVaes512)
    tmmo_vaes(x.data(), tweaks.data(), out.data(), x.size());
  else
    tmmo_aesni(x.data(), tweaks.data(), out.data(), x.size());
}

}  // namespace smpc
