#include "protocols/ot/bit_matrix.h"

#include <emmintrin.h>

#include <cstring>

#include "protocols/core/ops.h"
#include "protocols/core/status.h"

namespace smpc {
namespace {

// Transposes a 16 × 16 byte tile: w[c] byte t = v[t] byte c. Four unpack stages, each doubling
// the width of the interleaved units (rows 2 → 4 → 8 → 16 per unit).
inline void transpose_bytes_16x16(const __m128i (&v)[16], __m128i (&w)[16]) {
  __m128i a[8][2], b[4][4], c[2][8];
  for (int k = 0; k < 8; ++k) {                           // units: rows {2k, 2k+1} × one column
    a[k][0] = _mm_unpacklo_epi8(v[2 * k], v[2 * k + 1]);  // columns 0..7
    a[k][1] = _mm_unpackhi_epi8(v[2 * k], v[2 * k + 1]);  // columns 8..15
  }
  for (int k = 0; k < 4; ++k)  // units: rows 4k..4k+3; b[k][q] = columns 4q..4q+3
    for (int h = 0; h < 2; ++h) {
      b[k][2 * h] = _mm_unpacklo_epi16(a[2 * k][h], a[2 * k + 1][h]);
      b[k][2 * h + 1] = _mm_unpackhi_epi16(a[2 * k][h], a[2 * k + 1][h]);
    }
  for (int k = 0; k < 2; ++k)  // units: rows 8k..8k+7; c[k][p] = columns 2p, 2p+1
    for (int q = 0; q < 4; ++q) {
      c[k][2 * q] = _mm_unpacklo_epi32(b[2 * k][q], b[2 * k + 1][q]);
      c[k][2 * q + 1] = _mm_unpackhi_epi32(b[2 * k][q], b[2 * k + 1][q]);
    }
  for (int p = 0; p < 8; ++p) {  // all 16 rows of one column
    w[2 * p] = _mm_unpacklo_epi64(c[0][p], c[1][p]);
    w[2 * p + 1] = _mm_unpackhi_epi64(c[0][p], c[1][p]);
  }
}

}  // namespace

void transpose_128xn(const std::uint8_t* in, std::size_t n, Block* out) {
  SMPC_ASSERT(n % 128 == 0);
  count_op(Op::kTranspose128, n / 128);
  const std::size_t row_bytes = n / 8;
  auto* out_bytes = reinterpret_cast<std::uint8_t*>(out);
  // Tile: input rows 16g..16g+15 × bytes cb..cb+15, i.e. output rows 8cb..8cb+127, bits
  // 16g..16g+15 of each (two bytes at offset 2g).
  for (std::size_t cb = 0; cb < row_bytes; cb += 16) {
    for (std::size_t g = 0; g < 8; ++g) {
      __m128i v[16], w[16];
      for (std::size_t t = 0; t < 16; ++t)
        v[t] =
            _mm_loadu_si128(reinterpret_cast<const __m128i*>(in + (16 * g + t) * row_bytes + cb));
      transpose_bytes_16x16(v, w);
      for (std::size_t c = 0; c < 16; ++c) {
        // movemask collects bit 7 of each byte: bit t = bit 7 of (row 16g+t, byte cb+c), i.e.
        // column j = 8(cb+c)+7; shifting left by one brings bit 6 up next, and so on.
        __m128i x = w[c];
        for (int bit = 7; bit >= 0; --bit) {
          const auto mask = static_cast<std::uint16_t>(_mm_movemask_epi8(x));
          const std::size_t j = 8 * (cb + c) + static_cast<std::size_t>(bit);
          std::memcpy(out_bytes + 16 * j + 2 * g, &mask, 2);
          x = _mm_slli_epi64(x, 1);
        }
      }
    }
  }
}

void transpose_128xn_reference(const std::uint8_t* in, std::size_t n, Block* out) {
  SMPC_ASSERT(n % 128 == 0);
  const std::size_t row_bytes = n / 8;
  for (std::size_t j = 0; j < n; ++j) {
    out[j].fill(0);
    for (std::size_t i = 0; i < 128; ++i)
      if ((in[i * row_bytes + j / 8] >> (j % 8)) & 1)
        out[j][i / 8] = static_cast<std::uint8_t>(out[j][i / 8] | (1u << (i % 8)));
  }
}

}  // namespace smpc
