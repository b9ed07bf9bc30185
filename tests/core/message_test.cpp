#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>

#include "protocols/core/abort.h"
#include "protocols/core/message.h"

namespace smpc {
namespace {

Message sample() {
  Message m;
  std::vector<Fp61> f = {Fp61::from_u64(1), Fp61::from_u64(Fp61::kModulus - 1)};
  std::vector<std::uint64_t> r = {0, ~std::uint64_t{0}};
  std::vector<Block> b(2);
  b[1][15] = 0xab;
  m.add_field61(f).add_ring64(r).add_bits({true, false, true}).add_blocks(b).add_bytes(Bytes{1, 2});
  return m;
}

TEST(Message, EncodedSizeIsTheDocumentedFormula) {
  // 1 + per part (5 + data): 16 + 16 + 1 + 32 + 2 bytes of data.
  const Message m = sample();
  EXPECT_EQ(m.encoded_size(), 1 + 5 * 5 + 16 + 16 + 1 + 32 + 2);
  EXPECT_EQ(m.encode().size(), m.encoded_size());
  std::vector<Fp61> k(10);
  EXPECT_EQ(Message().add_field61(k).encoded_size(), 6u + 8 * 10);
}

TEST(Message, RoundTrip) {
  const Message m = sample();
  auto d = Message::decode(m.encode());
  ASSERT_TRUE(d.ok()) << d.status().message();
  EXPECT_EQ(*d, m);
  EXPECT_EQ(d->field61(0, 2)[1].value(), Fp61::kModulus - 1);
  EXPECT_EQ(d->bits(2, 3), (std::vector<bool>{true, false, true}));
}

TEST(Message, RejectsMalformedBytes) {
  const Bytes good = sample().encode();
  // Truncations at every position.
  for (std::size_t len = 0; len < good.size(); ++len) {
    auto d = Message::decode(ByteSpan(good.data(), len));
    EXPECT_FALSE(d.ok()) << "length " << len;
  }
  Bytes trailing = good;
  trailing.push_back(0);
  EXPECT_FALSE(Message::decode(trailing).ok());
  Bytes bad_kind = good;
  bad_kind[1] = 99;
  EXPECT_NE(Message::decode(bad_kind).status().message().find("unknown element kind"),
            std::string::npos);
  // Non-canonical field element p.
  Message f;
  std::vector<Fp61> one(1);
  Bytes w = f.add_field61(one).encode();
  const std::uint64_t p = Fp61::kModulus;
  for (int i = 0; i < 8; ++i) w[6 + i] = static_cast<std::uint8_t>(p >> (8 * i));
  EXPECT_NE(Message::decode(w).status().message().find("canonical"), std::string::npos);
  // Among many, the first bad element is named (the check scans all at once, then searches).
  Bytes many = Message().add_field61(std::vector<Fp61>(100, Fp61::from_u64(7))).encode();
  for (std::size_t e : {37u, 80u})
    for (int i = 0; i < 8; ++i) many[6 + 8 * e + i] = static_cast<std::uint8_t>((p + e) >> (8 * i));
  EXPECT_NE(Message::decode(many).status().message().find("element 37 is not a canonical"), std::string::npos);
  // A count claiming 4 billion elements must fail without allocating them.
  Bytes huge = {1, 1, 0xff, 0xff, 0xff, 0xff};
  EXPECT_NE(Message::decode(huge).status().message().find("remain"), std::string::npos);
  // Non-zero padding bits.
  Bytes bits = Message().add_bits({true}).encode();
  bits.back() |= 0x80;
  EXPECT_FALSE(Message::decode(bits).ok());
}

TEST(Message, TypedReadersAbortBlamingTheSender) {
  Message m = sample();
  m.set_sender(3);
  try {
    (void)m.field61(0, 5);
    FAIL() << "expected Abort";
  } catch (const Abort& a) {
    EXPECT_EQ(a.kind(), AbortKind::kMalformed);
    EXPECT_EQ(a.blamed(), std::vector<PartyId>{3});
  }
  EXPECT_THROW((void)m.field61(1, 2), Abort);  // wrong kind
  EXPECT_THROW((void)m.blocks(9, 1), Abort);   // missing part
}

RC_GTEST_PROP(MessageProperty, ArbitraryBytesNeverCrashAndValidOnesRoundTrip,
              (const std::vector<std::uint8_t>& bytes)) {
  auto d = Message::decode(bytes);
  if (d.ok()) RC_ASSERT(d->encode() == bytes);
}

RC_GTEST_PROP(MessageProperty, FieldVectorsRoundTrip, (const std::vector<std::uint64_t>& raw)) {
  std::vector<Fp61> v;
  for (auto x : raw) v.push_back(Fp61::from_u64(x));
  const auto d = Message::decode(Message().add_field61(v).encode());
  RC_ASSERT(d.ok());
  RC_ASSERT(d->field61(0, v.size()) == v);
}

// Packed bits (rep3's shares): add_bit_words makes exactly add_bits's part and bytes, whatever
// the last word holds beyond n (the codec's padding stays zero, so the message round-trips), and
// bit_words reads back the bits with the tail zero.
RC_GTEST_PROP(MessageProperty, BitWordsAreTheSamePartAsBits,
              (const std::vector<std::uint64_t>& words, std::uint8_t cut)) {
  RC_PRE(!words.empty());
  const std::size_t n = words.size() * 64 - cut % 64;
  std::vector<bool> bits(n);
  for (std::size_t i = 0; i < n; ++i) bits[i] = (words[i / 64] >> (i % 64)) & 1;
  const Message packed = Message().add_bit_words(words, n);
  RC_ASSERT(packed == Message().add_bits(bits));
  RC_ASSERT(packed.round_trips());
  const auto d = Message::decode(packed.encode());
  RC_ASSERT(d.ok());
  const auto back = d->bit_words(0, n);
  RC_ASSERT(back.size() == words.size());
  for (std::size_t w = 0; w < back.size(); ++w) {
    const std::size_t live = std::min<std::size_t>(64, n - 64 * w);
    const std::uint64_t mask = live == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << live) - 1;
    RC_ASSERT(back[w] == (words[w] & mask));
  }
}

TEST(Message, BitWordsAbortOnTheWrongPart) {
  Message m = Message().add_bit_words(std::vector<std::uint64_t>{5}, 3).add_ring64(
      std::vector<std::uint64_t>{1});
  m.set_sender(2);
  EXPECT_EQ(m.bit_words(0, 3), std::vector<std::uint64_t>{5});
  EXPECT_THROW((void)m.bit_words(0, 4), Abort);  // wrong count
  EXPECT_THROW((void)m.bit_words(1, 1), Abort);  // wrong kind
  EXPECT_THROW((void)m.bit_words(2, 1), Abort);  // missing part
}

}  // namespace
}  // namespace smpc
