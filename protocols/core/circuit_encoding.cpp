#include "protocols/core/circuit_encoding.h"

#include "protocols/core/enum_names.h"

namespace smpc {

constexpr const char* kValueEncodingNames[] = {
    "int_lsb0", "bytes_reversed_lsb0", "bytes_msb0", "int_lsb0_signed"};
const char* value_encoding_name(ValueEncoding e) { return enum_name(kValueEncodingNames, e); }

Result<ValueEncoding> parse_value_encoding(std::string_view name) {
  if (auto e = enum_from_name<ValueEncoding>(kValueEncodingNames, name)) return *e;
  return Error("unknown encoding '" + std::string(name) +
               "' (expected int_lsb0, int_lsb0_signed, bytes_reversed_lsb0 or bytes_msb0)");
}

namespace {

int hex_digit(char ch) {
  if (ch >= '0' && ch <= '9') return ch - '0';
  if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
  if (ch >= 'A' && ch <= 'F') return ch - 'A' + 10;
  return -1;
}

std::string quoted(std::string_view text) {
  std::string out(1, '\'');
  out.append(text.substr(0, 80));
  out.append(text.size() > 80 ? "...'" : "'");
  return out;
}

std::string_view strip_0x(std::string_view t) {
  if (t.size() >= 2 && t[0] == '0' && (t[1] == 'x' || t[1] == 'X')) t.remove_prefix(2);
  return t;
}

// Hex digits -> bytes, byte 0 first.
Result<std::vector<std::uint8_t>> hex_bytes(std::string_view text) {
  const std::string_view t = strip_0x(text);
  if (t.size() % 2 != 0)
    return Error("byte string " + quoted(text) + " has an odd number of hex digits");
  std::vector<std::uint8_t> out(t.size() / 2);
  for (std::size_t i = 0; i < out.size(); ++i) {
    const int hi = hex_digit(t[2 * i]), lo = hex_digit(t[2 * i + 1]);
    if (hi < 0 || lo < 0) return Error("byte string " + quoted(text) + " is not hexadecimal");
    out[i] = static_cast<std::uint8_t>(hi * 16 + lo);
  }
  return out;
}

// "-5" in `width` wires of two's complement (width <= 64), range -2^(w-1) .. 2^(w-1)-1.
Result<std::vector<std::uint64_t>> encode_signed(std::string_view text, std::size_t width) {
  const bool negative = !text.empty() && text[0] == '-';
  const std::string_view digits = negative ? text.substr(1) : text;
  if (digits.empty() || digits.find_first_not_of("0123456789") != std::string_view::npos)
    return Error("integer " + quoted(text) + " is neither 0x-hex nor a signed decimal");
  if (width == 0 || width > 64)
    return Error("signed decimal " + quoted(text) + " needs a value of 1 to 64 wires, this one "
                 "has " + std::to_string(width) + " (write it in 0x hex)");
  std::uint64_t magnitude = 0;
  for (char ch : digits) {
    const auto d = static_cast<std::uint64_t>(ch - '0');
    if (magnitude > (UINT64_MAX - d) / 10) magnitude = UINT64_MAX;  // out of range below
    else magnitude = magnitude * 10 + d;
  }
  // |min| = 2^(w-1); max = 2^(w-1) - 1.
  const std::uint64_t half = std::uint64_t{1} << (width - 1);
  if (negative ? magnitude > half : magnitude >= half)
    return Error("integer " + quoted(text) + " does not fit in " + std::to_string(width) +
                 " signed bits (-" + std::to_string(half) + " to " + std::to_string(half - 1) +
                 ")");
  const std::uint64_t v = negative ? ~magnitude + 1 : magnitude;
  return bits_of(v, width);
}

}  // namespace

Result<std::vector<std::uint64_t>> encode_value(std::string_view text, std::size_t width,
                                                ValueEncoding e) {
  std::vector<std::uint64_t> bits(width, 0);
  const bool hex = text.size() >= 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X');
  if (e == ValueEncoding::kIntLsb0Signed && !hex) return encode_signed(text, width);
  if (e == ValueEncoding::kIntLsb0 || e == ValueEncoding::kIntLsb0Signed) {
    if (text.size() >= 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
      const std::string_view t = text.substr(2);
      if (t.empty()) return Error("integer " + quoted(text) + " has no digits");
      // Hex digit j from the right holds bits 4j .. 4j+3.
      for (std::size_t j = 0; j < t.size(); ++j) {
        const int d = hex_digit(t[t.size() - 1 - j]);
        if (d < 0) return Error("integer " + quoted(text) + " is not hexadecimal");
        for (int b = 0; b < 4; ++b) {
          if (!((d >> b) & 1)) continue;
          const std::size_t k = 4 * j + static_cast<std::size_t>(b);
          if (k >= width)
            return Error("integer " + quoted(text) + " does not fit in " + std::to_string(width) +
                         " bits");
          bits[k] = 1;
        }
      }
      return bits;
    }
    if (text.empty()) return Error("empty integer");
    std::uint64_t v = 0;
    for (char ch : text) {
      if (ch < '0' || ch > '9')
        return Error("integer " + quoted(text) + " is neither 0x-hex nor decimal" +
                     (text[0] == '-' ? " (a negative value needs the encoding int_lsb0_signed)" : ""));
      const auto d = static_cast<std::uint64_t>(ch - '0');
      if (v > (UINT64_MAX - d) / 10)
        return Error("decimal integer " + quoted(text) + " exceeds 2^64-1; write it in 0x hex");
      v = v * 10 + d;
    }
    for (std::size_t k = 0; k < 64; ++k) {
      if (!((v >> k) & 1)) continue;
      if (k >= width)
        return Error("integer " + quoted(text) + " does not fit in " + std::to_string(width) +
                     " bits");
      bits[k] = 1;
    }
    return bits;
  }
  if (width % 8 != 0)
    return Error(std::string("encoding ") + value_encoding_name(e) + " needs a width that is a " +
                 "multiple of 8, this value has " + std::to_string(width) + " bits");
  SMPC_ASSIGN_OR_RETURN(const std::vector<std::uint8_t> bytes, hex_bytes(text));
  const std::size_t nbytes = width / 8;
  if (bytes.size() != nbytes)
    return Error("byte string " + quoted(text) + " has " + std::to_string(bytes.size()) +
                 " bytes, this value needs " + std::to_string(nbytes));
  for (std::size_t k = 0; k < width; ++k) {
    const std::size_t byte = e == ValueEncoding::kBytesReversedLsb0 ? nbytes - 1 - k / 8 : k / 8;
    const unsigned bit = e == ValueEncoding::kBytesReversedLsb0 ? k % 8 : 7 - k % 8;
    bits[k] = (bytes[byte] >> bit) & 1u;
  }
  return bits;
}

Result<std::string> decode_value(std::span<const std::uint64_t> bits, ValueEncoding e) {
  for (std::size_t k = 0; k < bits.size(); ++k)
    if (bits[k] > 1)
      return Error("wire bit " + std::to_string(k) + " is " + std::to_string(bits[k]) +
                   ", not 0 or 1");
  static const char* kHex = "0123456789abcdef";
  if (e == ValueEncoding::kIntLsb0Signed) {
    if (bits.empty() || bits.size() > 64)
      return Error("encoding int_lsb0_signed needs 1 to 64 wires, this value has " +
                   std::to_string(bits.size()));
    std::uint64_t v = value_of(bits);
    if (bits.back() && bits.size() < 64) v |= ~std::uint64_t{0} << bits.size();  // sign-extend
    return std::to_string(static_cast<std::int64_t>(v));
  }
  if (e == ValueEncoding::kIntLsb0) {
    std::string digits;  // least significant first
    for (std::size_t j = 0; 4 * j < bits.size(); ++j) {
      int d = 0;
      for (std::size_t b = 0; b < 4 && 4 * j + b < bits.size(); ++b)
        d |= static_cast<int>(bits[4 * j + b]) << b;
      digits.push_back(kHex[d]);
    }
    while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
    if (digits.empty()) digits.push_back('0');
    std::string out = "0x";
    out.append(digits.rbegin(), digits.rend());
    return out;
  }
  if (bits.size() % 8 != 0)
    return Error(std::string("encoding ") + value_encoding_name(e) + " needs a width that is a " +
                 "multiple of 8, this value has " + std::to_string(bits.size()) + " bits");
  const std::size_t nbytes = bits.size() / 8;
  std::vector<std::uint8_t> bytes(nbytes, 0);
  for (std::size_t k = 0; k < bits.size(); ++k) {
    const std::size_t byte = e == ValueEncoding::kBytesReversedLsb0 ? nbytes - 1 - k / 8 : k / 8;
    const unsigned bit = e == ValueEncoding::kBytesReversedLsb0 ? k % 8 : 7 - k % 8;
    bytes[byte] = static_cast<std::uint8_t>(bytes[byte] | (bits[k] << bit));
  }
  std::string out;
  out.reserve(2 * nbytes);
  for (std::uint8_t b : bytes) {
    out.push_back(kHex[b >> 4]);
    out.push_back(kHex[b & 15]);
  }
  return out;
}

std::vector<std::uint64_t> bits_of(std::uint64_t v, std::size_t width) {
  std::vector<std::uint64_t> out(width, 0);
  for (std::size_t k = 0; k < width && k < 64; ++k) out[k] = (v >> k) & 1;
  return out;
}

std::uint64_t value_of(std::span<const std::uint64_t> bits) {
  std::uint64_t v = 0;
  for (std::size_t k = 0; k < bits.size() && k < 64; ++k) v |= (bits[k] & 1) << k;
  return v;
}

}  // namespace smpc
