// Value encodings (int_lsb0, bytes_reversed_lsb0, bytes_msb0).
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "protocols/core/circuit_encoding.h"

namespace smpc {
namespace {

std::string bit_string(const std::vector<std::uint64_t>& bits) {
  std::string s;
  for (auto b : bits) s.push_back(b ? '1' : '0');
  return s;
}

TEST(ValueEncoding, DefinitionsFromTheReadme) {
  // int_lsb0: wire k = bit k.
  EXPECT_EQ(bit_string(*encode_value("0x6", 4, ValueEncoding::kIntLsb0)), "0110");
  EXPECT_EQ(bit_string(*encode_value("6", 4, ValueEncoding::kIntLsb0)), "0110");
  // bytes_reversed_lsb0: wire k = bit (k mod 8) of byte (n/8 - 1 - k/8).
  EXPECT_EQ(bit_string(*encode_value("0180", 16, ValueEncoding::kBytesReversedLsb0)),
            "0000000110000000");
  // bytes_msb0: wire k = bit (7 - k mod 8) of byte k/8.
  EXPECT_EQ(bit_string(*encode_value("0180", 16, ValueEncoding::kBytesMsb0)), "0000000110000000");
  EXPECT_EQ(bit_string(*encode_value("8001", 16, ValueEncoding::kBytesMsb0)), "1000000000000001");
  EXPECT_EQ(bit_string(*encode_value("8001", 16, ValueEncoding::kBytesReversedLsb0)),
            "1000000000000001");
  EXPECT_EQ(bit_string(*encode_value("0102", 16, ValueEncoding::kBytesReversedLsb0)),
            "0100000010000000");
  EXPECT_EQ(bit_string(*encode_value("0102", 16, ValueEncoding::kBytesMsb0)), "0000000100000010");
  EXPECT_EQ(*decode_value(bits_of(0, 64), ValueEncoding::kIntLsb0), "0x0");
  EXPECT_EQ(*decode_value(bits_of(0x14138d819df5d5dULL, 64), ValueEncoding::kIntLsb0),
            "0x14138d819df5d5d");
}

TEST(ValueEncoding, Errors) {
  EXPECT_FALSE(encode_value("0x10", 4, ValueEncoding::kIntLsb0).ok());  // too wide
  EXPECT_FALSE(encode_value("0xg", 8, ValueEncoding::kIntLsb0).ok());   // not hex
  EXPECT_FALSE(encode_value("0x", 8, ValueEncoding::kIntLsb0).ok());
  EXPECT_FALSE(encode_value("", 8, ValueEncoding::kIntLsb0).ok());
  EXPECT_FALSE(encode_value("-1", 8, ValueEncoding::kIntLsb0).ok());
  EXPECT_FALSE(encode_value("18446744073709551616", 128, ValueEncoding::kIntLsb0).ok());
  EXPECT_FALSE(encode_value("00", 16, ValueEncoding::kBytesMsb0).ok());   // wrong length
  EXPECT_FALSE(encode_value("000", 16, ValueEncoding::kBytesMsb0).ok());  // odd digits
  EXPECT_FALSE(encode_value("zz", 8, ValueEncoding::kBytesMsb0).ok());
  EXPECT_FALSE(encode_value("00", 7, ValueEncoding::kBytesReversedLsb0).ok());  // width % 8
  EXPECT_FALSE(decode_value(bits_of(1, 7), ValueEncoding::kBytesMsb0).ok());
  EXPECT_FALSE(decode_value(std::vector<std::uint64_t>{2}, ValueEncoding::kIntLsb0).ok());
  EXPECT_FALSE(parse_value_encoding("utf8").ok());
  for (auto e :
       {ValueEncoding::kIntLsb0, ValueEncoding::kBytesReversedLsb0, ValueEncoding::kBytesMsb0})
    EXPECT_EQ(*parse_value_encoding(value_encoding_name(e)), e);
  // Wide integers in hex are fine; leading zeros too.
  auto wide = encode_value(
      "0x00000000000000000000000000000001"
      "0000000000000000",
      130, ValueEncoding::kIntLsb0);
  ASSERT_TRUE(wide.ok());
  EXPECT_EQ((*wide)[64], 1u);
}

RC_GTEST_PROP(ValueEncoding, DecodeInvertsEncode, ()) {
  const auto nbytes = *rc::gen::inRange<std::size_t>(0, 40);
  const auto bytes =
      *rc::gen::container<std::vector<std::uint8_t>>(nbytes, rc::gen::arbitrary<std::uint8_t>());
  static const char* kHex = "0123456789abcdef";
  std::string hex;
  for (auto b : bytes) {
    hex.push_back(kHex[b >> 4]);
    hex.push_back(kHex[b & 15]);
  }
  for (auto e : {ValueEncoding::kBytesReversedLsb0, ValueEncoding::kBytesMsb0}) {
    auto bits = encode_value(hex, 8 * nbytes, e);
    RC_ASSERT(bits.ok());
    RC_ASSERT(*decode_value(*bits, e) == hex);
  }
  const std::uint64_t v = *rc::gen::arbitrary<std::uint64_t>();
  const auto width = *rc::gen::inRange<std::size_t>(64, 100);
  char buf[32];
  std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(v));
  auto bits = encode_value(buf, width, ValueEncoding::kIntLsb0);
  RC_ASSERT(bits.ok());
  RC_ASSERT(value_of(*bits) == v);
  RC_ASSERT(*decode_value(*bits, ValueEncoding::kIntLsb0) == std::string(buf));
  RC_ASSERT(*encode_value(std::to_string(v), width, ValueEncoding::kIntLsb0) == *bits);
}

}  // namespace
}  // namespace smpc

namespace smpc {
// Two's complement in w wires: signed decimals in, signed decimals out; hex gives the raw bits.
TEST(ValueEncoding, SignedDecimalsInTwosComplement) {
  const auto e = ValueEncoding::kIntLsb0Signed;
  EXPECT_EQ(*parse_value_encoding("int_lsb0_signed"), e);
  EXPECT_EQ(value_of(*encode_value("-1", 8, e)), 0xffu);
  EXPECT_EQ(value_of(*encode_value("-128", 8, e)), 0x80u);
  EXPECT_EQ(value_of(*encode_value("127", 8, e)), 0x7fu);
  EXPECT_EQ(value_of(*encode_value("0xff", 8, e)), 0xffu);
  EXPECT_EQ(value_of(*encode_value("-9223372036854775808", 64, e)), 0x8000000000000000u);
  EXPECT_EQ(*decode_value(bits_of(0xff, 8), e), "-1");
  EXPECT_EQ(*decode_value(bits_of(0x80, 8), e), "-128");
  EXPECT_EQ(*decode_value(bits_of(0x7f, 8), e), "127");
  EXPECT_EQ(*decode_value(bits_of(0x8000000000000000u, 64), e), "-9223372036854775808");
  for (std::int64_t v : {-5, -1, 0, 1, 42, -300})
    EXPECT_EQ(*decode_value(*encode_value(std::to_string(v), 16, e), e), std::to_string(v));
  EXPECT_EQ(encode_value("128", 8, e).status().message(),
            "integer '128' does not fit in 8 signed bits (-128 to 127)");
  EXPECT_FALSE(encode_value("-129", 8, e).ok());
  EXPECT_FALSE(encode_value("-", 8, e).ok());
  EXPECT_FALSE(encode_value("5-", 8, e).ok());
  EXPECT_FALSE(encode_value("-1", 65, e).ok());  // wider than 64: hex only
  EXPECT_FALSE(decode_value(bits_of(0, 65), e).ok());
  // The unsigned encoding says where negative values go.
  EXPECT_NE(encode_value("-1", 8, ValueEncoding::kIntLsb0).status().message().find(
                "int_lsb0_signed"),
            std::string::npos);
}

}  // namespace smpc
