// RFC 9591 Appendix E, FROST(ristretto255, SHA-512): every field of the vector file is
// reproduced byte for byte from its inputs (shares from the polynomial, nonces from the
// randomness, commitments, binding-factor inputs and factors, signature shares, signature).
// Skipped, visibly, when ../shared is absent.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>

#include <nlohmann/json.hpp>

#include "protocols/core/status.h"
#include "protocols/frost/frost.h"

namespace smpc::frost {
namespace {

using nlohmann::json;

Bytes unhex(const std::string& h) {
  Bytes out;
  for (std::size_t i = 0; i + 1 < h.size(); i += 2)
    out.push_back(static_cast<std::uint8_t>(std::stoi(h.substr(i, 2), nullptr, 16)));
  return out;
}

std::string hex(ByteSpan b) {
  static const char* d = "0123456789abcdef";
  std::string s;
  for (std::uint8_t x : b) {
    s += d[x >> 4];
    s += d[x & 15];
  }
  return s;
}

template <std::size_t N>
std::array<std::uint8_t, N> arr(const json& j) {
  const Bytes b = unhex(j.get<std::string>());
  SMPC_ASSERT(b.size() == N);
  std::array<std::uint8_t, N> a;
  std::copy(b.begin(), b.end(), a.begin());
  return a;
}

Scalar scalar(const json& j) { return *Scalar::decode(arr<32>(j)); }
RistrettoPoint point(const json& j) { return *RistrettoPoint::decode(arr<32>(j)); }

class FrostVector : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::filesystem::path p =
        std::filesystem::path(SMPC_SHARED_DIR) / "vectors" / "frost-ristretto255-sha512.json";
    if (!std::filesystem::exists(p)) GTEST_SKIP() << p << " is missing (../shared not present)";
    std::ifstream in(p);
    v_ = json::parse(in);
  }
  json v_;
};

TEST_F(FrostVector, KeysAndSharesFollowFromThePolynomial) {
  const json& in = v_["inputs"];
  const Scalar a0 = scalar(in["group_secret_key"]);
  const Scalar a1 = scalar(in["share_polynomial_coefficients"][0]);
  EXPECT_EQ(hex(RistrettoPoint::base_mul(a0).bytes()), in["group_public_key"]);
  for (const json& s : in["participant_shares"]) {
    const std::uint64_t id = s["identifier"].get<std::uint64_t>();
    EXPECT_EQ(hex(evaluate_polynomial({a0, a1}, id).bytes()), s["participant_share"]);
  }
}

TEST_F(FrostVector, RoundsReproduceEveryField) {
  const json& in = v_["inputs"];
  const RistrettoPoint pk = point(in["group_public_key"]);
  const Bytes msg = unhex(in["message"]);
  std::map<std::uint64_t, Scalar> share;
  for (const json& s : in["participant_shares"])
    share[s["identifier"].get<std::uint64_t>()] = scalar(s["participant_share"]);

  CommitmentList list;
  std::vector<Nonces> nonces;
  for (const json& o : v_["round_one_outputs"]["outputs"]) {
    const std::uint64_t id = o["identifier"];
    const RoundOne r = commit(id, share[id], arr<32>(o["hiding_nonce_randomness"]),
                              arr<32>(o["binding_nonce_randomness"]));
    EXPECT_EQ(hex(r.nonces.hiding.bytes()), o["hiding_nonce"]);
    EXPECT_EQ(hex(r.nonces.binding.bytes()), o["binding_nonce"]);
    EXPECT_EQ(hex(r.commitment.hiding.bytes()), o["hiding_nonce_commitment"]);
    EXPECT_EQ(hex(r.commitment.binding.bytes()), o["binding_nonce_commitment"]);
    list.push_back(r.commitment);
    nonces.push_back(r.nonces);
  }
  const auto ctx = signing_context(pk, list, msg);
  ASSERT_TRUE(ctx.has_value());
  const json& r1 = v_["round_one_outputs"]["outputs"];
  for (std::size_t i = 0; i < list.size(); ++i) {
    EXPECT_EQ(hex(binding_factor_input(ctx->binding, list[i].identifier)),
              r1[i]["binding_factor_input"]);
    EXPECT_EQ(hex(ctx->binding.factors[i].bytes()), r1[i]["binding_factor"]);
  }

  std::vector<Scalar> shares;
  const json& r2 = v_["round_two_outputs"]["outputs"];
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::uint64_t id = list[i].identifier;
    const auto z = sign_share(id, share[id], nonces[i], list, *ctx);
    ASSERT_TRUE(z.has_value());
    EXPECT_EQ(r2[i]["identifier"], id);
    EXPECT_EQ(hex(z->bytes()), r2[i]["sig_share"]);
    EXPECT_TRUE(verify_signature_share(id, RistrettoPoint::base_mul(share[id]), *z, list, *ctx));
    shares.push_back(*z);
  }
  const Signature sig = aggregate(*ctx, shares);
  EXPECT_EQ(hex(sig), v_["final_output"]["sig"]);
  EXPECT_TRUE(verify_signature(pk, msg, sig));
}

TEST_F(FrostVector, AlteredSignatureOrShareIsRejected) {
  const json& in = v_["inputs"];
  const RistrettoPoint pk = point(in["group_public_key"]);
  const Bytes msg = unhex(in["message"]);
  const auto sig = arr<64>(v_["final_output"]["sig"]);
  ASSERT_TRUE(verify_signature(pk, msg, sig));
  for (std::size_t byte : {0u, 31u, 32u, 63u}) {
    auto bad = sig;
    bad[byte] ^= 1;
    EXPECT_FALSE(verify_signature(pk, msg, bad)) << "byte " << byte;
  }
  Bytes other = msg;
  other[0] ^= 1;
  EXPECT_FALSE(verify_signature(pk, other, sig));
}

}  // namespace
}  // namespace smpc::frost
