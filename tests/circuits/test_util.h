// Helpers shared by the circuit tests: where the shared Bristol circuits are, temp files,
// running a Boolean circuit on integer inputs.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "protocols/core/bristol.h"
#include "protocols/core/circuit.h"
#include "protocols/core/circuit_encoding.h"

namespace smpc::test {

// ../shared/circuits/bristol, or nullopt when the shared folder is not there.
inline std::optional<std::filesystem::path> bristol_dir() {
  const std::filesystem::path p = std::filesystem::path(SMPC_SHARED_DIR) / "circuits" / "bristol";
  if (std::filesystem::exists(p / "VECTORS.json")) return p;
  return std::nullopt;
}

#define SMPC_REQUIRE_SHARED(dir)                                               \
  const auto dir##_opt = ::smpc::test::bristol_dir();                          \
  if (!dir##_opt)                                                              \
    GTEST_SKIP() << "shared Bristol circuits not found at " SMPC_SHARED_DIR    \
                    "/circuits/bristol (set -DSMPC_SHARED_DIR=...); skipping"; \
  const std::filesystem::path dir = *dir##_opt

// A fresh temporary directory, removed when the object goes away.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    path_ = std::filesystem::temp_directory_path() /
            ("smpc_circuits_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::string write(const std::string& name, const std::string& text) const {
    const auto p = path_ / name;
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
  }

 private:
  std::filesystem::path path_;
};

inline Circuit load_or_die(const std::filesystem::path& p,
                           BristolFormat f = BristolFormat::kFashion) {
  auto c = load_bristol(p.string(), f);
  if (!c.ok()) {
    ADD_FAILURE() << c.status().message();
    return Circuit{};
  }
  return std::move(c).value();
}

// Evaluates a Boolean circuit whose input groups are integers of <= 64 bits (int_lsb0) and
// returns every output group as an integer.
inline std::vector<std::uint64_t> run_ints(const Circuit& c,
                                           const std::vector<std::uint64_t>& values) {
  std::vector<std::vector<std::uint64_t>> in;
  for (std::size_t g = 0; g < c.inputs.size(); ++g)
    in.push_back(bits_of(values.at(g), c.inputs[g].wires.size()));
  auto out = evaluate(c, in);
  EXPECT_TRUE(out.ok()) << out.status().message();
  std::vector<std::uint64_t> r;
  if (!out.ok()) return r;
  std::size_t pos = 0;
  for (const auto& grp : c.outputs) {
    r.push_back(value_of(std::span<const std::uint64_t>(out->data() + pos, grp.wires.size())));
    pos += grp.wires.size();
  }
  return r;
}

inline std::uint64_t mask(std::size_t n) { return n >= 64 ? ~0ULL : ((1ULL << n) - 1); }
inline std::int64_t as_signed(std::uint64_t v, std::size_t n) {
  v &= mask(n);
  if (n < 64 && (v >> (n - 1)) & 1) v |= ~mask(n);
  return static_cast<std::int64_t>(v);
}

}  // namespace smpc::test
