// Typed messages and their wire codec.
//
// A message is a list of parts; each part is a run of elements of one kind. Typing the elements
// lets a generic adversary strategy "add δ to element k" or "flip bit 3 of block 7" without
// knowing the protocol, and lets the receiver reject malformed input with an Abort.
//
// Wire format (all integers little-endian), and therefore the byte count every report uses:
//   u8  part_count                       (1 byte)
//   per part: u8 kind, u32 count, data   (5 bytes + data)
// data is count × element size, except bits, which are packed LSB-first into ceil(count/8)
// bytes with zero padding. So a message with one part of m Mersenne-61 elements is 6 + 8m bytes.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "protocols/core/field.h"
#include "protocols/core/status.h"
#include "protocols/core/types.h"

namespace smpc {

enum class ElementKind : std::uint8_t {
  kField61 = 1,   // Mersenne-61 element, 8 bytes, canonical (< p)
  kRing64 = 2,    // Z_2^64 element, 8 bytes
  kBit = 3,       // one bit, packed
  kBlock128 = 4,  // 128-bit block (garbled labels, OT), 16 bytes
  kPoint = 5,     // compressed group point (ristretto255), 32 bytes
  kByte = 6,      // raw byte
  kField127 = 7,  // element of F_{2^127-1}, 16 bytes, canonical
};

const char* element_kind_name(ElementKind kind);
// Size in bytes of one element; 0 for kBit (packed).
std::size_t element_size(ElementKind kind);

// The wire's 8-byte element encoding (little-endian), for code that edits encoded elements in
// place (the adversary's strategies) as the codec does.
inline std::uint64_t load_le64(const std::uint8_t* p) {
  std::uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | p[i];
  return v;
}
inline void store_le64(std::uint8_t* p, std::uint64_t v) {
  for (int i = 0; i < 8; ++i) p[i] = static_cast<std::uint8_t>(v >> (8 * i));
}

using Block = std::array<std::uint8_t, 16>;

struct MessagePart {
  ElementKind kind;
  std::uint32_t count = 0;
  Bytes data;  // encoded elements, exactly as on the wire

  bool operator==(const MessagePart&) const = default;
};

class Message {
 public:
  Message() = default;

  // Builders: each appends one part.
  Message& add_field61(std::span<const Fp61> values);
  Message& add_ring64(std::span<const std::uint64_t> values);
  Message& add_bits(const std::vector<bool>& bits);
  // n bits held 64 per word, LSB first (bits of the last word beyond n ignored): the same part
  // and bytes as add_bits, without a std::vector<bool> (rep3's packed Boolean shares).
  Message& add_bit_words(std::span<const std::uint64_t> words, std::size_t n);
  Message& add_blocks(std::span<const Block> blocks);
  Message& add_points(std::span<const std::array<std::uint8_t, 32>> points);
  Message& add_bytes(ByteSpan bytes);
  Message& add_part(MessagePart part);

  // Typed readers for part `index`. A part of the wrong kind or size, or a non-canonical field
  // element, throws Abort(kMalformed) blaming sender(): it came from that peer.
  std::vector<Fp61> field61(std::size_t index, std::size_t expected_count) const;
  // sum[i] += element i of part `index`: field61(index, sum.size()) added in place, with its
  // checks and aborts, for a receiver that only sums what it gets (SPDZ's partial openings).
  void add_field61_to(std::size_t index, std::span<Fp61> sum) const;
  std::vector<std::uint64_t> ring64(std::size_t index, std::size_t expected_count) const;
  std::vector<bool> bits(std::size_t index, std::size_t expected_count) const;
  // Part `index` as n bits, 64 per word (bits beyond n zero), with bits()'s checks and Abort.
  std::vector<std::uint64_t> bit_words(std::size_t index, std::size_t n) const;
  std::vector<Block> blocks(std::size_t index, std::size_t expected_count) const;
  Bytes bytes(std::size_t index) const;
  // Throws Abort(kMalformed) unless the message has exactly `count` parts.
  void expect_parts(std::size_t count) const;

  const std::vector<MessagePart>& parts() const { return parts_; }
  std::vector<MessagePart>& mutable_parts() { return parts_; }
  std::size_t total_elements() const;

  // Who sent it, with which label and causal round: set by the receiving channel for
  // accounting and views, never encoded, never to be trusted by protocol logic.
  PartyId sender() const { return sender_; }
  void set_sender(PartyId p) { sender_ = p; }
  const std::string& label() const { return label_; }
  std::uint32_t round() const { return round_; }
  void set_metadata(std::string label, std::uint32_t round) {
    label_ = std::move(label);
    round_ = round;
  }

  // A message that encodes to exactly `wire`, whatever it holds: how an adversary sends
  // truncated or garbage bytes through a typed Channel. It has no parts.
  static Message raw(Bytes wire);
  bool is_raw() const { return raw_.has_value(); }

  // Wire codec. decode never crashes on arbitrary bytes: it returns an error naming the problem.
  Bytes encode() const;
  std::size_t encoded_size() const;
  static Result<Message> decode(ByteSpan wire);
  // The encoding piece by piece (the part count, then each part's 5-byte header and its data),
  // without building it: f(ByteSpan) sees exactly the bytes encode() would return, in order.
  template <class F>
  void for_each_encoded_piece(F&& f) const;
  // True when decode(encode()) would succeed and give back this message's parts: not raw, at
  // most 255 parts, each of a known kind, with exactly its count's bytes and canonical
  // elements. A channel that hands messages between threads of one process may then pass the
  // message itself instead of its bytes (local_network.cpp); anything else (an adversary's raw
  // bytes or hand-made parts) must go through decode, which reports the problem.
  bool round_trips() const;

  bool operator==(const Message& o) const { return parts_ == o.parts_ && raw_ == o.raw_; }

 private:
  static std::array<std::uint8_t, 5> part_header(const MessagePart& p);
  static std::optional<std::string> element_problem(const MessagePart& p);
  const MessagePart& part_checked(std::size_t index, ElementKind kind,
                                  std::size_t expected_count) const;
  [[noreturn]] void malformed(const std::string& what) const;

  std::vector<MessagePart> parts_;
  PartyId sender_ = -1;
  std::string label_;
  std::uint32_t round_ = 0;
  std::optional<Bytes> raw_;
};

template <class F>
void Message::for_each_encoded_piece(F&& f) const {
  if (raw_) {
    f(ByteSpan(*raw_));
    return;
  }
  const std::uint8_t count = static_cast<std::uint8_t>(parts_.size());
  f(ByteSpan(&count, 1));
  for (const auto& p : parts_) {
    const auto head = part_header(p);
    f(ByteSpan(head.data(), head.size()));
    f(ByteSpan(p.data));
  }
}

}  // namespace smpc
