// Circuit analysis with Boost.Graph: gate counts by type, AND count, AND depth, the layering of
// AND gates into rounds (one round per layer in GMW-style protocols), wire liveness and slot
// assignment (memory-bounded evaluation), Graphviz DOT export.
//
// "AND" means the nonlinear gates: AND in Boolean circuits, MUL in arithmetic ones. AND depth =
// the largest number of AND gates on any path from an input to a gate.
//
// Every function here requires a structurally valid circuit (Circuit::validate passed, or one
// produced by the Bristol importer or the builder); it SMPC_ASSERTs otherwise.
#pragma once

#include <array>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "protocols/core/circuit.h"

namespace smpc {

inline constexpr std::size_t kGateTypeCount = static_cast<std::size_t>(GateType::kMulConst) + 1;

// Vertex i = gate i; an edge u -> v for every read by gate v of the wire gate u writes.
// A compressed-sparse-row graph: built in one pass, ~8 bytes per edge (sha256: 270k edges).
using GateGraph = boost::compressed_sparse_row_graph<boost::directedS>;
GateGraph gate_graph(const Circuit& c);

struct CircuitStats {
  std::size_t gates = 0;
  std::size_t wires = 0;
  std::array<std::size_t, kGateTypeCount> by_type{};  // indexed by GateType
  std::size_t and_count = 0;                          // AND + MUL gates
  std::uint32_t and_depth = 0;
  std::vector<std::size_t> input_widths;   // per input group
  std::vector<std::size_t> output_widths;  // per output group
  std::size_t count(GateType t) const { return by_type[static_cast<std::size_t>(t)]; }
};
CircuitStats analyze(const Circuit& c);

// Per gate: the number of AND gates on the longest path ending at (and including) that gate,
// computed over a Boost topological order of gate_graph().
std::vector<std::uint32_t> gate_and_depths(const Circuit& c);
std::uint32_t and_depth(const Circuit& c);

// AND gates grouped into rounds: layers[d-1] holds the indices of the AND gates of AND depth d,
// in gate order. Gates of one layer never depend on each other; layers.size() == and_depth.
std::vector<std::vector<std::size_t>> and_layers(const Circuit& c);

struct WireLiveness {
  static constexpr std::uint32_t kNeverRead = 0xffffffffu;
  // Per wire: index of the last gate that reads it; gates.size() for output wires (live to the
  // end); kNeverRead for wires no gate reads and no output uses (and undefined wires).
  std::vector<std::uint32_t> last_use;
  // Peak number of wires live at once when gates run in order (a wire is live from its
  // definition through its last use).
  std::size_t max_live = 0;
};
WireLiveness wire_liveness(const Circuit& c);

// Storage slots for memory-bounded evaluation: wires whose lifetimes do not overlap share a
// slot (a gate's output may reuse the slot of an input read for the last time by that gate).
struct WireSlots {
  static constexpr std::uint32_t kNoSlot = 0xffffffffu;
  std::vector<std::uint32_t> slot;  // per wire
  std::uint32_t num_slots = 0;
};
WireSlots assign_wire_slots(const Circuit& c);

// Graphviz DOT (boost::write_graphviz): input wires (ellipses), gates (boxes, AND in red),
// output wires (double circles); edges labelled with the wire index.
std::string to_dot(const Circuit& c);

}  // namespace smpc
