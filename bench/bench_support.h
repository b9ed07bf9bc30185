// What several benchmarks share: Bristol circuits from ../shared loaded once per process, the
// FIPS-197 AES-128 inputs, and the loop that simulates one protocol run per iteration. Header
// only; each bench executable defines SMPC_SHARED_DIR.
#pragma once

#include <benchmark/benchmark.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "protocols/core/bristol.h"
#include "protocols/core/circuit_encoding.h"
#include "protocols/core/protocol.h"
#include "simulator/sim_network.h"

namespace smpc::bench {

inline const std::string kBristolDir = std::string(SMPC_SHARED_DIR) + "/circuits/bristol/";

// A Bristol Fashion circuit of ../shared/circuits/bristol, parsed once; nullopt when absent.
inline const std::optional<Circuit>& shared_circuit(const std::string& file) {
  static std::map<std::string, std::optional<Circuit>> loaded;
  auto it = loaded.find(file);
  if (it == loaded.end()) {
    auto r = load_bristol(kBristolDir + file, BristolFormat::kFashion);
    it = loaded.emplace(file, r.ok() ? std::optional<Circuit>(std::move(r).value())
                                     : std::nullopt).first;
  }
  return it->second;
}

inline const std::optional<Circuit>& aes_circuit() { return shared_circuit("aes_128.txt"); }

// Benchmarks that need ../shared report an error, and do not run, when it is absent.
#define SMPC_BENCH_REQUIRE(state, circuit, file)                                       \
  if (!(circuit)) {                                                                     \
    (state).SkipWithError(("cannot load " + ::smpc::bench::kBristolDir + (file)).c_str()); \
    return;                                                                             \
  }
#define REQUIRE_AES(state) SMPC_BENCH_REQUIRE(state, ::smpc::bench::aes_circuit(), "aes_128.txt")

// FIPS-197 appendix C.1: party 0 holds the key, party 1 the plaintext, the others nothing.
inline std::vector<PartyInput> aes_inputs(int parties) {
  std::vector<PartyInput> in(static_cast<std::size_t>(parties));
  in[0].values = *encode_value("000102030405060708090a0b0c0d0e0f", 128,
                               ValueEncoding::kBytesReversedLsb0);
  in[1].values = *encode_value("00112233445566778899aabbccddeeff", 128,
                               ValueEncoding::kBytesReversedLsb0);
  return in;
}

// One simulated run per iteration (fork + SimGrid, so wall time includes both); a new seed each
// time. Returns the last run's simulated time, or nullopt after reporting a failed run.
inline std::optional<double> simulate_each_iteration(benchmark::State& state,
                                                     const Protocol& protocol,
                                                     const std::vector<PartyInput>& inputs,
                                                     SimRunOptions options) {
  double simulated_s = 0;
  for (auto _ : state) {
    const auto r = run_simulated(static_cast<int>(inputs.size()), options, [&](PartyContext& ctx) {
      return protocol.run(ctx, inputs[static_cast<std::size_t>(ctx.net.self())]);
    });
    if (!r.ok()) {
      state.SkipWithError(r.status().message().c_str());
      return std::nullopt;
    }
    simulated_s = r->simulated_time_s;
    ++options.seed;
  }
  return simulated_s;
}

// k independent copies of c side by side (wires shifted by k·num_wires, groups suffixed "#k"),
// so one session evaluates k AES-128 with fresh inputs (Yao after one base-OT phase; rep3's
// layers k times as wide).
inline Circuit side_by_side(const Circuit& c, int copies) {
  Circuit out;
  out.domain = c.domain;
  out.num_wires = c.num_wires * static_cast<std::uint32_t>(copies);
  for (int k = 0; k < copies; ++k) {
    const std::uint32_t shift = c.num_wires * static_cast<std::uint32_t>(k);
    const std::string suffix = "#" + std::to_string(k);
    for (Gate g : c.gates) {
      g.in0 += gate_arity(g.type) >= 1 ? shift : 0;
      g.in1 += gate_arity(g.type) >= 2 ? shift : 0;
      g.out += shift;
      out.gates.push_back(g);
    }
    for (InputGroup in : c.inputs) {
      for (auto& w : in.wires) w += shift;
      in.name += suffix;
      out.inputs.push_back(std::move(in));
    }
    for (OutputGroup o : c.outputs) {
      for (auto& w : o.wires) w += shift;
      o.name += suffix;
      out.outputs.push_back(std::move(o));
    }
  }
  return out;
}

}  // namespace smpc::bench
