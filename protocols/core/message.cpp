#include "protocols/core/message.h"

#include <bit>
#include <cstring>
#include <optional>

#include "protocols/core/abort.h"
#include "protocols/core/enum_names.h"

namespace smpc {
namespace {

bool known_kind(std::uint8_t k) { return k >= 1 && k <= 7; }
std::size_t data_size(ElementKind kind, std::uint64_t count) {
  return kind == ElementKind::kBit ? static_cast<std::size_t>((count + 7) / 8)
                                   : static_cast<std::size_t>(count * element_size(kind));
}
constexpr std::uint64_t kMask127Hi = (std::uint64_t{1} << 63) - 1;

}  // namespace

constexpr const char* kElementKindNames[] = {
    nullptr, "field61", "ring64", "bit", "block128", "point", "byte", "field127"};
const char* element_kind_name(ElementKind kind) {
  return enum_name(kElementKindNames, kind, "unknown");
}

std::size_t element_size(ElementKind kind) {
  switch (kind) {
    case ElementKind::kField61:
    case ElementKind::kRing64: return 8;
    case ElementKind::kBit: return 0;
    case ElementKind::kBlock128:
    case ElementKind::kField127: return 16;
    case ElementKind::kPoint: return 32;
    case ElementKind::kByte: return 1;
  }
  return 0;
}

Message& Message::add_part(MessagePart part) {
  SMPC_ASSERT(part.data.size() == data_size(part.kind, part.count));
  SMPC_ASSERT(parts_.size() < 255);
  SMPC_ASSERT(!raw_ && "a raw message has no parts");
  parts_.push_back(std::move(part));
  return *this;
}

Message& Message::add_field61(std::span<const Fp61> values) {
  MessagePart p{ElementKind::kField61, static_cast<std::uint32_t>(values.size()), {}};
  p.data.resize(values.size() * 8);
  for (std::size_t i = 0; i < values.size(); ++i) store_le64(&p.data[8 * i], values[i].value());
  count_alloc<std::uint8_t>(p.data.size());
  return add_part(std::move(p));
}

Message& Message::add_ring64(std::span<const std::uint64_t> values) {
  MessagePart p{ElementKind::kRing64, static_cast<std::uint32_t>(values.size()), {}};
  p.data.resize(values.size() * 8);
  for (std::size_t i = 0; i < values.size(); ++i) store_le64(&p.data[8 * i], values[i]);
  count_alloc<std::uint8_t>(p.data.size());
  return add_part(std::move(p));
}

Message& Message::add_bits(const std::vector<bool>& bits) {
  MessagePart p{ElementKind::kBit, static_cast<std::uint32_t>(bits.size()), {}};
  p.data.assign((bits.size() + 7) / 8, 0);
  for (std::size_t i = 0; i < bits.size(); ++i)
    if (bits[i]) p.data[i / 8] |= static_cast<std::uint8_t>(1u << (i % 8));
  count_alloc<std::uint8_t>(p.data.size());
  return add_part(std::move(p));
}

Message& Message::add_bit_words(std::span<const std::uint64_t> words, std::size_t n) {
  SMPC_ASSERT(words.size() * 64 >= n);
  MessagePart p{ElementKind::kBit, static_cast<std::uint32_t>(n), Bytes((n + 7) / 8)};
  if constexpr (std::endian::native == std::endian::little) {
    if (!p.data.empty()) std::memcpy(p.data.data(), words.data(), p.data.size());
  } else {
    for (std::size_t i = 0; i < p.data.size(); ++i)
      p.data[i] = static_cast<std::uint8_t>(words[i / 8] >> (8 * (i % 8)));
  }
  // The codec's padding is zero whatever the caller's last word holds beyond n.
  if (n % 8 != 0) p.data.back() &= static_cast<std::uint8_t>((1u << (n % 8)) - 1);
  count_alloc<std::uint8_t>(p.data.size());
  return add_part(std::move(p));
}

Message& Message::add_blocks(std::span<const Block> blocks) {
  MessagePart p{ElementKind::kBlock128, static_cast<std::uint32_t>(blocks.size()), {}};
  p.data.resize(blocks.size() * 16);
  count_alloc<std::uint8_t>(p.data.size());
  if (!blocks.empty()) std::memcpy(p.data.data(), blocks.data(), blocks.size() * 16);
  return add_part(std::move(p));
}

Message& Message::add_points(std::span<const std::array<std::uint8_t, 32>> points) {
  MessagePart p{ElementKind::kPoint, static_cast<std::uint32_t>(points.size()), {}};
  p.data.resize(points.size() * 32);
  count_alloc<std::uint8_t>(p.data.size());
  if (!points.empty()) std::memcpy(p.data.data(), points.data(), points.size() * 32);
  return add_part(std::move(p));
}

Message& Message::add_bytes(ByteSpan bytes) {
  MessagePart p{ElementKind::kByte, static_cast<std::uint32_t>(bytes.size()),
                Bytes(bytes.begin(), bytes.end())};
  count_alloc<std::uint8_t>(p.data.size());
  return add_part(std::move(p));
}

std::size_t Message::total_elements() const {
  std::size_t n = 0;
  for (const auto& p : parts_) n += p.count;
  return n;
}

void Message::malformed(const std::string& what) const {
  std::vector<PartyId> blamed;
  if (sender_ >= 0) blamed.push_back(sender_);
  throw Abort("malformed message from party " + std::to_string(sender_) + ": " + what, blamed,
              AbortKind::kMalformed);
}

void Message::expect_parts(std::size_t count) const {
  if (parts_.size() != count)
    malformed("expected " + std::to_string(count) + " parts, got " +
              std::to_string(parts_.size()));
}

const MessagePart& Message::part_checked(std::size_t index, ElementKind kind,
                                         std::size_t expected_count) const {
  if (index >= parts_.size())
    malformed("missing part " + std::to_string(index) + " (message has " +
              std::to_string(parts_.size()) + ")");
  const MessagePart& p = parts_[index];
  if (p.kind != kind)
    malformed("part " + std::to_string(index) + " holds " + element_kind_name(p.kind) +
              " elements, expected " + element_kind_name(kind));
  if (p.count != expected_count)
    malformed("part " + std::to_string(index) + " has " + std::to_string(p.count) +
              " elements, expected " + std::to_string(expected_count));
  return p;
}

std::vector<Fp61> Message::field61(std::size_t index, std::size_t expected_count) const {
  const MessagePart& p = part_checked(index, ElementKind::kField61, expected_count);
  count_alloc<Fp61>(expected_count);
  std::vector<Fp61> out(expected_count);
  for (std::size_t i = 0; i < expected_count; ++i) {
    auto v = Fp61::from_canonical(load_le64(&p.data[8 * i]));
    if (!v) malformed("element " + std::to_string(i) + " of part " + std::to_string(index) +
                      " is not a canonical Mersenne-61 element");
    out[i] = *v;
  }
  return out;
}

void Message::add_field61_to(std::size_t index, std::span<Fp61> sum) const {
  const MessagePart& p = part_checked(index, ElementKind::kField61, sum.size());
  // Counted as field61's buffer: the compute model prices a receive alike whichever way it is read.
  count_alloc<Fp61>(sum.size());
  for (std::size_t i = 0; i < sum.size(); ++i) {
    auto v = Fp61::from_canonical(load_le64(&p.data[8 * i]));
    if (!v) malformed("element " + std::to_string(i) + " of part " + std::to_string(index) +
                      " is not a canonical Mersenne-61 element");
    sum[i] += *v;
  }
}

std::vector<std::uint64_t> Message::ring64(std::size_t index, std::size_t expected_count) const {
  const MessagePart& p = part_checked(index, ElementKind::kRing64, expected_count);
  count_alloc<std::uint64_t>(expected_count);
  std::vector<std::uint64_t> out(expected_count);
  for (std::size_t i = 0; i < expected_count; ++i) out[i] = load_le64(&p.data[8 * i]);
  return out;
}

std::vector<bool> Message::bits(std::size_t index, std::size_t expected_count) const {
  const MessagePart& p = part_checked(index, ElementKind::kBit, expected_count);
  std::vector<bool> out(expected_count);
  for (std::size_t i = 0; i < expected_count; ++i) out[i] = (p.data[i / 8] >> (i % 8)) & 1;
  return out;
}

std::vector<std::uint64_t> Message::bit_words(std::size_t index, std::size_t n) const {
  const MessagePart& p = part_checked(index, ElementKind::kBit, n);
  if (p.data.size() != (n + 7) / 8)  // a hand-made part; received ones were checked by the codec
    malformed("part " + std::to_string(index) + " holds " + std::to_string(p.data.size()) +
              " bytes for " + std::to_string(n) + " bits");
  std::vector<std::uint64_t> v((n + 63) / 64, 0);
  if constexpr (std::endian::native == std::endian::little) {
    if (!p.data.empty()) std::memcpy(v.data(), p.data.data(), p.data.size());
  } else {
    for (std::size_t i = 0; i < p.data.size(); ++i)
      v[i / 8] |= std::uint64_t{p.data[i]} << (8 * (i % 8));
  }
  if (n % 64 != 0) v.back() &= (std::uint64_t{1} << (n % 64)) - 1;
  return v;
}

std::vector<Block> Message::blocks(std::size_t index, std::size_t expected_count) const {
  const MessagePart& p = part_checked(index, ElementKind::kBlock128, expected_count);
  std::vector<Block> out(expected_count);
  if (expected_count) std::memcpy(out.data(), p.data.data(), expected_count * 16);
  return out;
}

Bytes Message::bytes(std::size_t index) const {
  if (index >= parts_.size()) malformed("missing part " + std::to_string(index));
  const MessagePart& p = parts_[index];
  if (p.kind != ElementKind::kByte)
    malformed("part " + std::to_string(index) + " holds " + element_kind_name(p.kind) +
              " elements, expected byte");
  return p.data;
}

Message Message::raw(Bytes wire) {
  Message m;
  m.raw_ = std::move(wire);
  return m;
}

std::size_t Message::encoded_size() const {
  if (raw_) return raw_->size();
  std::size_t n = 1;
  for (const auto& p : parts_) n += 5 + p.data.size();
  return n;
}

std::array<std::uint8_t, 5> Message::part_header(const MessagePart& p) {
  return {static_cast<std::uint8_t>(p.kind), static_cast<std::uint8_t>(p.count),
          static_cast<std::uint8_t>(p.count >> 8), static_cast<std::uint8_t>(p.count >> 16),
          static_cast<std::uint8_t>(p.count >> 24)};
}

Bytes Message::encode() const {
  if (raw_) return *raw_;
  Bytes out;
  out.reserve(encoded_size());
  for_each_encoded_piece([&](ByteSpan piece) { out.insert(out.end(), piece.begin(), piece.end()); });
  return out;
}

// The checks decode makes on one part's elements, on the part alone (the header and sizes are
// checked by the caller): what is wrong, or nothing.
std::optional<std::string> Message::element_problem(const MessagePart& p) {
  const ElementKind k = p.kind;
  const std::uint32_t count = p.count;
  if (k == ElementKind::kBit && count % 8 != 0 && (p.data.back() >> (count % 8)) != 0)
    return "non-zero padding bits";
  if (k == ElementKind::kField61) {
    // Every received part passes here (decode, or round_trips for a message handed over as an
    // object): one branch-free pass that the compiler vectorises, then the search for the
    // first bad element only when there is one.
    std::uint64_t bad = 0;
    for (std::size_t e = 0; e < count; ++e) bad |= load_le64(&p.data[8 * e]) >= Fp61::kModulus;
    for (std::size_t e = 0; bad && e < count; ++e)
      if (load_le64(&p.data[8 * e]) >= Fp61::kModulus)
        return "element " + std::to_string(e) + " is not a canonical Mersenne-61 element";
  }
  if (k == ElementKind::kField127) {
    for (std::size_t e = 0; e < count; ++e) {
      const std::uint64_t lo = load_le64(&p.data[16 * e]);
      const std::uint64_t hi = load_le64(&p.data[16 * e + 8]);
      if (hi > kMask127Hi || (hi == kMask127Hi && lo == ~std::uint64_t{0}))
        return "element " + std::to_string(e) + " is not a canonical element of F_(2^127-1)";
    }
  }
  return std::nullopt;
}

bool Message::round_trips() const {
  if (raw_ || parts_.size() > 255) return false;
  for (const auto& p : parts_) {
    if (!known_kind(static_cast<std::uint8_t>(p.kind))) return false;
    if (p.data.size() != data_size(p.kind, p.count)) return false;
    if (element_problem(p)) return false;
  }
  return true;
}

Result<Message> Message::decode(ByteSpan wire) {
  if (wire.empty()) return Error("empty message");
  Message m;
  std::size_t pos = 1;
  const std::size_t nparts = wire[0];
  for (std::size_t i = 0; i < nparts; ++i) {
    const std::string where = "part " + std::to_string(i) + ": ";
    if (wire.size() - pos < 5) return Error(where + "truncated header");
    const std::uint8_t kind = wire[pos];
    if (!known_kind(kind)) return Error(where + "unknown element kind " + std::to_string(kind));
    std::uint32_t count = 0;
    for (int b = 0; b < 4; ++b) count |= static_cast<std::uint32_t>(wire[pos + 1 + b]) << (8 * b);
    pos += 5;
    const auto k = static_cast<ElementKind>(kind);
    // The declared count is checked against the bytes that are really there before any
    // allocation, so a forged count cannot exhaust memory.
    const std::size_t need = data_size(k, count);
    if (wire.size() - pos < need)
      return Error(where + "declares " + std::to_string(count) + " " + element_kind_name(k) +
                   " elements (" + std::to_string(need) + " bytes) but only " +
                   std::to_string(wire.size() - pos) + " bytes remain");
    MessagePart p{k, count, Bytes(wire.begin() + static_cast<std::ptrdiff_t>(pos),
                                  wire.begin() + static_cast<std::ptrdiff_t>(pos + need))};
    if (auto problem = element_problem(p)) return Error(where + *problem);
    pos += need;
    m.parts_.push_back(std::move(p));
  }
  if (pos != wire.size())
    return Error(std::to_string(wire.size() - pos) + " trailing bytes after the last part");
  return m;
}

}  // namespace smpc
