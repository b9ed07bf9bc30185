// GCC 12 at -O3 reports a false -Wmaybe-uninitialized inside Boost's adj_list_edge_iterator
// (a boost::optional member) when write_graphviz is instantiated; the diagnostic points into
// the Boost headers, so it is silenced for this file only.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

#include "protocols/core/circuit_analysis.h"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphviz.hpp>
#include <boost/graph/topological_sort.hpp>
#include <iterator>
#include <sstream>

namespace smpc {

namespace {

constexpr std::uint32_t kNone = 0xffffffffu;

void check_gate(const Circuit& c, const Gate& g) {
  const int arity = gate_arity(g.type);
  SMPC_ASSERT(g.out < c.num_wires);
  SMPC_ASSERT(arity < 1 || g.in0 < c.num_wires);
  SMPC_ASSERT(arity < 2 || g.in1 < c.num_wires);
}

}  // namespace

GateGraph gate_graph(const Circuit& c) {
  SMPC_ASSERT(c.gates.size() < kNone);
  std::vector<std::pair<std::size_t, std::size_t>> edges;
  edges.reserve(2 * c.gates.size());
  std::vector<std::uint32_t> producer(c.num_wires, kNone);
  for (std::size_t i = 0; i < c.gates.size(); ++i) {
    const Gate& gt = c.gates[i];
    check_gate(c, gt);
    const int arity = gate_arity(gt.type);
    if (arity >= 1 && producer[gt.in0] != kNone) edges.emplace_back(producer[gt.in0], i);
    if (arity == 2 && producer[gt.in1] != kNone) edges.emplace_back(producer[gt.in1], i);
    producer[gt.out] = static_cast<std::uint32_t>(i);
  }
  return GateGraph(boost::edges_are_unsorted_multi_pass, edges.begin(), edges.end(),
                   c.gates.size());
}

std::vector<std::uint32_t> gate_and_depths(const Circuit& c) {
  const GateGraph g = gate_graph(c);
  std::vector<GateGraph::vertex_descriptor> order;
  order.reserve(c.gates.size());
  boost::topological_sort(g, std::back_inserter(order));  // reverse topological order
  std::vector<std::uint32_t> in_depth(c.gates.size(), 0), depth(c.gates.size(), 0);
  for (auto it = order.rbegin(); it != order.rend(); ++it) {
    const auto v = *it;
    depth[v] = in_depth[v] + (gate_is_nonlinear(c.gates[v].type) ? 1 : 0);
    for (auto [e, end] = boost::out_edges(v, g); e != end; ++e) {
      const auto t = boost::target(*e, g);
      in_depth[t] = std::max(in_depth[t], depth[v]);
    }
  }
  return depth;
}

std::uint32_t and_depth(const Circuit& c) {
  const auto d = gate_and_depths(c);
  return d.empty() ? 0 : *std::max_element(d.begin(), d.end());
}

std::vector<std::vector<std::size_t>> and_layers(const Circuit& c) {
  const auto d = gate_and_depths(c);
  const std::uint32_t depth = d.empty() ? 0 : *std::max_element(d.begin(), d.end());
  std::vector<std::vector<std::size_t>> layers(depth);
  for (std::size_t i = 0; i < c.gates.size(); ++i)
    if (gate_is_nonlinear(c.gates[i].type)) layers[d[i] - 1].push_back(i);
  return layers;
}

CircuitStats analyze(const Circuit& c) {
  CircuitStats s;
  s.gates = c.gates.size();
  s.wires = c.num_wires;
  for (const Gate& g : c.gates) {
    ++s.by_type[static_cast<std::size_t>(g.type)];
    if (gate_is_nonlinear(g.type)) ++s.and_count;
  }
  s.and_depth = and_depth(c);
  for (const auto& g : c.inputs) s.input_widths.push_back(g.wires.size());
  for (const auto& g : c.outputs) s.output_widths.push_back(g.wires.size());
  return s;
}

WireLiveness wire_liveness(const Circuit& c) {
  SMPC_ASSERT(c.gates.size() < WireLiveness::kNeverRead);
  WireLiveness lv;
  lv.last_use.assign(c.num_wires, WireLiveness::kNeverRead);
  for (std::size_t i = 0; i < c.gates.size(); ++i) {
    const Gate& g = c.gates[i];
    check_gate(c, g);
    const int arity = gate_arity(g.type);
    if (arity >= 1) lv.last_use[g.in0] = static_cast<std::uint32_t>(i);
    if (arity == 2) lv.last_use[g.in1] = static_cast<std::uint32_t>(i);
  }
  const auto end = static_cast<std::uint32_t>(c.gates.size());
  for (const auto& grp : c.outputs)
    for (std::uint32_t w : grp.wires) {
      SMPC_ASSERT(w < c.num_wires);
      lv.last_use[w] = end;
    }
  // Peak: inputs are all live at the start; a gate's output joins the live set while its inputs
  // are still live, then every wire whose last use was this gate leaves it.
  std::size_t live = c.input_count();
  lv.max_live = live;
  std::vector<std::uint32_t> dying;
  for (const auto& grp : c.inputs)
    for (std::uint32_t w : grp.wires)
      if (lv.last_use[w] == WireLiveness::kNeverRead) --live;
  for (std::size_t i = 0; i < c.gates.size(); ++i) {
    const Gate& g = c.gates[i];
    ++live;
    lv.max_live = std::max(lv.max_live, live);
    const int arity = gate_arity(g.type);
    if (arity >= 1 && lv.last_use[g.in0] == i) --live;
    if (arity == 2 && g.in1 != g.in0 && lv.last_use[g.in1] == i) --live;
    if (lv.last_use[g.out] == WireLiveness::kNeverRead) --live;
  }
  return lv;
}

WireSlots assign_wire_slots(const Circuit& c) {
  const WireLiveness lv = wire_liveness(c);
  WireSlots s;
  s.slot.assign(c.num_wires, WireSlots::kNoSlot);
  std::vector<std::uint32_t> free_slots;
  const auto alloc = [&]() {
    if (!free_slots.empty()) {
      const std::uint32_t x = free_slots.back();
      free_slots.pop_back();
      return x;
    }
    return s.num_slots++;
  };
  // Inputs are loaded before the first gate, so they need distinct slots.
  for (const auto& grp : c.inputs)
    for (std::uint32_t w : grp.wires) s.slot[w] = alloc();
  for (const auto& grp : c.inputs)
    for (std::uint32_t w : grp.wires)
      if (lv.last_use[w] == WireLiveness::kNeverRead) free_slots.push_back(s.slot[w]);
  for (std::size_t i = 0; i < c.gates.size(); ++i) {
    const Gate& g = c.gates[i];
    const int arity = gate_arity(g.type);
    // Inputs read for the last time free their slot before the output is placed: evaluation
    // reads both inputs before it writes the output, so reusing one of them is safe.
    if (arity >= 1 && lv.last_use[g.in0] == i) free_slots.push_back(s.slot[g.in0]);
    if (arity == 2 && g.in1 != g.in0 && lv.last_use[g.in1] == i)
      free_slots.push_back(s.slot[g.in1]);
    s.slot[g.out] = alloc();
    if (lv.last_use[g.out] == WireLiveness::kNeverRead) free_slots.push_back(s.slot[g.out]);
  }
  return s;
}

namespace {

struct DotVertex {
  std::string label;
  std::string attrs;
};
struct DotEdge {
  std::uint32_t wire = 0;
};
using DotGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, DotVertex, DotEdge>;

std::string dot_escape(const std::string& s) {
  std::string out;
  for (char ch : s) {
    if (ch == '"' || ch == '\\') out.push_back('\\');
    out.push_back(ch);
  }
  return out;
}

struct VertexWriter {
  const DotGraph* g;
  void operator()(std::ostream& out, DotGraph::vertex_descriptor v) const {
    out << "[label=\"" << dot_escape((*g)[v].label) << "\"" << (*g)[v].attrs << "]";
  }
};
struct EdgeWriter {
  const DotGraph* g;
  void operator()(std::ostream& out, DotGraph::edge_descriptor e) const {
    out << "[label=\"" << (*g)[e].wire << "\"]";
  }
};
struct GraphWriter {
  void operator()(std::ostream& out) const {
    out << "rankdir=TB;\nnode [fontname=\"Helvetica\" fontsize=10];\n";
  }
};

}  // namespace

std::string to_dot(const Circuit& c) {
  DotGraph g;
  std::vector<std::uint32_t> source(c.num_wires, kNone);  // vertex that produces each wire
  for (std::size_t gi = 0; gi < c.inputs.size(); ++gi) {
    const auto& grp = c.inputs[gi];
    for (std::size_t k = 0; k < grp.wires.size(); ++k) {
      SMPC_ASSERT(grp.wires[k] < c.num_wires);
      const auto v = boost::add_vertex(
          DotVertex{grp.name + "[" + std::to_string(k) + "]",
                    " shape=ellipse tooltip=\"party " + std::to_string(grp.owner) + "\""},
          g);
      source[grp.wires[k]] = static_cast<std::uint32_t>(v);
    }
  }
  for (const Gate& gt : c.gates) {
    check_gate(c, gt);
    std::string label = gate_name(gt.type);
    if (gt.type == GateType::kEq || gt.type == GateType::kMulConst)
      label += " " + std::to_string(gt.constant);
    const auto v = boost::add_vertex(
        DotVertex{label, gate_is_nonlinear(gt.type) ? " shape=box color=red" : " shape=box"}, g);
    const int arity = gate_arity(gt.type);
    if (arity >= 1 && source[gt.in0] != kNone)
      boost::add_edge(source[gt.in0], v, DotEdge{gt.in0}, g);
    if (arity == 2 && source[gt.in1] != kNone)
      boost::add_edge(source[gt.in1], v, DotEdge{gt.in1}, g);
    source[gt.out] = static_cast<std::uint32_t>(v);
  }
  for (const auto& grp : c.outputs)
    for (std::size_t k = 0; k < grp.wires.size(); ++k) {
      SMPC_ASSERT(grp.wires[k] < c.num_wires);
      const auto v = boost::add_vertex(
          DotVertex{grp.name + "[" + std::to_string(k) + "]", " shape=doublecircle"}, g);
      if (source[grp.wires[k]] != kNone)
        boost::add_edge(source[grp.wires[k]], v, DotEdge{grp.wires[k]}, g);
    }
  std::ostringstream out;
  boost::write_graphviz(out, g, VertexWriter{&g}, EdgeWriter{&g}, GraphWriter{});
  return out.str();
}

}  // namespace smpc
