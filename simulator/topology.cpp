// The platform plan: links and routes for every topology (see topology.h). Full mesh, star and
// regions have their routes by construction; ring, tree, two_tier and graph by Dijkstra on
// Boost.Graph, shortest total latency first and fewest hops among equals.
#include "simulator/topology.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdio>
#include <functional>
#include <limits>
#include <utility>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>

#include "protocols/core/mutants.h"
#include "simulator/sim_network.h"

namespace smpc {

std::vector<int> PlatformPlan::route(PartyId from, PartyId to) const {
  if (star) {
    std::vector<int> rt = star_up[static_cast<std::size_t>(from)];
    const auto& down = star_down[static_cast<std::size_t>(to)];
    rt.insert(rt.end(), down.begin(), down.end());
    return rt;
  }
  const auto k = static_cast<std::size_t>(from) * static_cast<std::size_t>(parties) +
                 static_cast<std::size_t>(to);
  return {route_links.begin() + static_cast<std::ptrdiff_t>(route_start[k]),
          route_links.begin() + static_cast<std::ptrdiff_t>(route_start[k + 1])};
}

double PlatformPlan::route_latency_s(PartyId from, PartyId to) const {
  double sum = 0;
  for (int l : route(from, to)) sum += links[static_cast<std::size_t>(l)].latency_s;
  return sum;
}

double PlatformPlan::route_latency_at_s(PartyId from, PartyId to, double t) const {
  double sum = 0;
  for (int l : route(from, to)) {
    const PlannedLink& link = links[static_cast<std::size_t>(l)];
    sum += link.traces.latency ? link.traces.latency->value_at(t, link.latency_s) : link.latency_s;
  }
  return sum;
}

RouteVariation PlatformPlan::route_variation(PartyId from, PartyId to,
                                             const Variation& network) const {
  RouteVariation rv;
  // Seeded bug M59: the links' own jitter and loss are ignored (the network-wide ones apply).
  if (link_variation && !mutant_active(Mutant::kM59))
    for (int l : route(from, to)) {
      const LinkVariation& v = links[static_cast<std::size_t>(l)].variation;
      if (v.jitter) rv.jitters.push_back(*v.jitter);
      if (v.loss) rv.losses.push_back(*v.loss);
    }
  // Seeded bug M84: only the first link with its own setting counts.
  if (mutant_active(Mutant::kM84)) {
    if (rv.jitters.size() > 1) rv.jitters.resize(1);
    if (rv.losses.size() > 1) rv.losses.resize(1);
  }
  if (rv.jitters.empty()) rv.jitters.push_back(network.jitter);
  if (rv.losses.empty()) rv.losses.push_back(network.loss);
  return rv;
}

double Trace::value_at(double t, double initial) const {
  if (points.empty()) return initial;
  bool later_cycle = false;
  if (period_s > 0 && t >= period_s) {
    t = std::fmod(t, period_s);
    later_cycle = true;
  }
  // The last point at or before t (seeded bug M60: the next one, so a step applies a whole
  // interval early).
  auto it = std::upper_bound(points.begin(), points.end(), t,
                             [](double x, const std::pair<double, double>& p) { return x < p.first; });
  if (mutant_active(Mutant::kM60) && it != points.end()) ++it;
  if (it == points.begin()) return later_cycle ? points.back().second : initial;
  return std::prev(it)->second;
}

double Trace::min_value(double initial) const {
  double m = initial;
  for (const auto& p : points) m = std::min(m, p.second);
  return m;
}

Status check_trace(const std::string& where, const Trace& t, bool bandwidth) {
  if (t.points.empty()) return Error("network: " + where + "a trace needs at least one point");
  for (std::size_t k = 0; k < t.points.size(); ++k) {
    const auto [at, v] = t.points[k];
    const std::string pt = "network: " + where + "point " + std::to_string(k) + ": ";
    if (!std::isfinite(at) || at < 0)
      return Error(pt + "time must be finite and >= 0, got " + time_text(at));
    if (k > 0 && !(at > t.points[k - 1].first))
      return Error(pt + "times must increase, got " + time_text(at) + " after " +
                   time_text(t.points[k - 1].first));
    if (!std::isfinite(v) || v < 0 || (bandwidth && v == 0))
      return Error(pt + (bandwidth ? "bandwidth must be finite and > 0" : "latency must be finite and >= 0") +
                   ", got " + time_text(v));
  }
  if (t.period_s != 0 && !(std::isfinite(t.period_s) && t.period_s > t.points.back().first))
    return Error("network: " + where + "period must be later than the last point (" +
                 time_text(t.points.back().first) + " s), got " + time_text(t.period_s));
  return OkStatus();
}

double PlatformPlan::route_latency_extra_s(PartyId from, PartyId to, double t) const {
  double extra = 0;
  for (int l : route(from, to)) {
    const PlannedLink& link = links[static_cast<std::size_t>(l)];
    if (link.traces.latency)
      extra += link.traces.latency->value_at(t, link.latency_s) - link.latency_floor_s;
  }
  return extra;
}

std::string time_text(double t) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.9g", t);
  return buf;
}

namespace {

// An override's traces: its own where it has one, the network's where not.
LinkTraces own_traces(const LinkOverride& o, const LinkTraces& net) {
  return {o.traces.latency ? o.traces.latency : net.latency,
          o.traces.bandwidth ? o.traces.bandwidth : net.bandwidth};
}

LinkVariation own_variation(const LinkOverride& o) { return {o.jitter, o.loss}; }

bool adds_delay(const LinkVariation& v) {
  return (v.jitter && v.jitter->distribution != JitterDistribution::kNone) ||
         (v.loss && v.loss->rate > 0);
}

bool has_cuts(const NetworkSpec& net) {
  return std::any_of(net.faults.begin(), net.faults.end(),
                     [](const Fault& f) { return f.kind == FaultKind::kCut; });
}

// Builds the links and the routes (before host links and gates are added): per party for a
// star without cuts, per ordered pair otherwise.
class Planner {
 public:
  Planner(int parties, const NetworkSpec& net)
      : n_(static_cast<std::size_t>(parties)),
        net_(net),
        star_form_(net.topology == Topology::kStar && !has_cuts(net)),
        routes_(star_form_ ? 0 : n_ * n_),
        star_up_(star_form_ ? n_ : 0),
        star_down_(star_form_ ? n_ : 0) {}

  // Links are named by their index when SimGrid creates them.
  int link(double latency_s, double bandwidth, const LinkTraces& traces = {},
           const LinkVariation& variation = {}) {
    links_.push_back(PlannedLink{latency_s, bandwidth, false, {}, traces, latency_s, variation});
    if (traces.latency) {
      links_.back().latency_floor_s = traces.latency->min_value(latency_s);
      latency_traces_ = true;
    }
    if (adds_delay(variation)) link_variation_ = true;
    return static_cast<int>(links_.size()) - 1;
  }
  std::vector<int>& route(std::size_t i, std::size_t j) { return routes_[i * n_ + j]; }

  Status full_mesh();
  Status star();
  Status regions();
  Status by_shortest_paths();
  void host_links();
  void gates();
  PlatformPlan finish();

 private:
  // A full-duplex edge between graph nodes a and b: two directed links.
  void edge(int a, int b, double latency_s, double bandwidth, const LinkTraces& traces = {},
            const LinkVariation& variation = {});
  const LinkOverride* override_of(int from, int to) const;
  Status graph_arcs();

  std::size_t n_;
  const NetworkSpec& net_;
  bool star_form_;
  std::vector<PlannedLink> links_;
  std::vector<std::vector<int>> routes_;  // by pair, unless star_form_
  std::vector<std::vector<int>> star_up_, star_down_;  // by party, if star_form_
  bool latency_traces_ = false;
  bool link_variation_ = false;
  int nodes_ = 0;                                  // graph nodes (parties first)
  std::vector<std::tuple<int, int, int>> arcs_;    // graph: (from node, to node, link)
};

Status Planner::full_mesh() {
  std::vector<double> lat(n_ * n_, net_.latency_s), bw(n_ * n_, net_.bandwidth_bytes_per_s);
  std::vector<LinkTraces> traces(n_ * n_, net_.traces);
  std::vector<LinkVariation> variation(n_ * n_);
  for (const auto& o : net_.overrides) {
    const std::size_t k = static_cast<std::size_t>(o.from) * n_ + static_cast<std::size_t>(o.to);
    lat[k] = o.latency_s;
    bw[k] = o.bandwidth_bytes_per_s;
    traces[k] = own_traces(o, net_.traces);
    variation[k] = own_variation(o);
  }
  for (std::size_t i = 0; i < n_; ++i)
    for (std::size_t j = 0; j < n_; ++j)
      if (i != j) {
        const std::size_t k = i * n_ + j;
        route(i, j).push_back(link(lat[k], bw[k], traces[k], variation[k]));
      }
  return OkStatus();
}

// Every party but a party hub has an up- and a down-link to the hub; i -> j is [up_i, down_j]
// (a party hub's own messages start or end at the hub: one hop).
Status Planner::star() {
  const int hub = net_.shape.hub;
  std::vector<double> lat(n_, net_.latency_s), bw(n_, net_.bandwidth_bytes_per_s);
  std::vector<LinkTraces> traces(n_, net_.traces);
  std::vector<LinkVariation> variation(n_);
  for (const auto& o : net_.overrides) {
    lat[static_cast<std::size_t>(o.from)] = o.latency_s;
    bw[static_cast<std::size_t>(o.from)] = o.bandwidth_bytes_per_s;
    traces[static_cast<std::size_t>(o.from)] = own_traces(o, net_.traces);
    variation[static_cast<std::size_t>(o.from)] = own_variation(o);
  }
  std::vector<int> up(n_, -1), down(n_, -1);
  for (std::size_t i = 0; i < n_; ++i) {
    if (static_cast<int>(i) == hub) continue;
    up[i] = link(lat[i], bw[i], traces[i], variation[i]);
    down[i] = link(lat[i], bw[i], traces[i], variation[i]);
    if (star_form_) {
      star_up_[i].push_back(up[i]);
      star_down_[i].push_back(down[i]);
    }
  }
  if (star_form_) return OkStatus();
  for (std::size_t i = 0; i < n_; ++i)
    for (std::size_t j = 0; j < n_; ++j) {
      if (i == j) continue;
      if (up[i] >= 0) route(i, j).push_back(up[i]);
      if (down[j] >= 0) route(i, j).push_back(down[j]);
    }
  return OkStatus();
}

// Region a's party i to region b's party j: [lan_up_i, wan_a_b, lan_down_j]; inside a region
// [lan_up_i, lan_down_j]. The matrix entry is the route between the two regions, whether or not
// a third region would be faster (as an RTT measurement between two regions is).
Status Planner::regions() {
  const auto& regions = net_.shape.regions;
  const std::size_t r = regions.size();
  std::vector<int> region_of(n_, -1), up(n_), down(n_);
  for (std::size_t a = 0; a < r; ++a)
    for (PartyId p : regions[a].parties) {
      const auto i = static_cast<std::size_t>(p);
      region_of[i] = static_cast<int>(a);
      const Region& g = regions[a];
      up[i] = link(g.lan_latency_s, g.lan_bandwidth_bytes_per_s, g.lan_traces, g.lan_variation);
      down[i] = link(g.lan_latency_s, g.lan_bandwidth_bytes_per_s, g.lan_traces, g.lan_variation);
    }
  std::vector<const WanLink*> own(r * r, nullptr);  // a later entry for the same pair wins
  for (const WanLink& w : net_.shape.wan_links)
    own[static_cast<std::size_t>(w.from) * r + static_cast<std::size_t>(w.to)] = &w;
  std::vector<int> wan(r * r, -1);
  for (std::size_t a = 0; a < r; ++a)
    for (std::size_t b = 0; b < r; ++b)
      if (a != b) {
        const WanLink* w = own[a * r + b];
        wan[a * r + b] = link(net_.shape.region_latency_s[a * r + b],
                              net_.shape.region_bandwidth_bytes_per_s[a * r + b],
                              w ? w->traces : LinkTraces{}, w ? w->variation : LinkVariation{});
      }
  for (std::size_t i = 0; i < n_; ++i)
    for (std::size_t j = 0; j < n_; ++j) {
      if (i == j) continue;
      const auto a = static_cast<std::size_t>(region_of[i]);
      const auto b = static_cast<std::size_t>(region_of[j]);
      auto& rt = route(i, j);
      rt.push_back(up[i]);
      if (a != b) rt.push_back(wan[a * r + b]);
      rt.push_back(down[j]);
    }
  return OkStatus();
}

// The `links` entry for the directed edge from -> to (ring and tree; the last one wins, as on
// a full mesh), or null.
const LinkOverride* Planner::override_of(int from, int to) const {
  const LinkOverride* found = nullptr;
  for (const auto& o : net_.overrides)
    if (o.from == from && o.to == to) found = &o;
  return found;
}

// Each direction takes its override where it has one (ring, tree), else the edge's settings.
// (Network-wide traces reach only ring and tree here: check_topology refuses them elsewhere.)
void Planner::edge(int a, int b, double latency_s, double bandwidth, const LinkTraces& traces,
                   const LinkVariation& variation) {
  for (const auto& [x, y] : {std::pair{a, b}, std::pair{b, a}}) {
    const LinkOverride* o = override_of(x, y);
    arcs_.emplace_back(x, y,
                       o ? link(o->latency_s, o->bandwidth_bytes_per_s, own_traces(*o, traces),
                                own_variation(*o))
                         : link(latency_s, bandwidth, traces, variation));
  }
}

// The nodes and edges of ring, tree, two_tier and graph (parties are nodes 0..n-1).
Status Planner::graph_arcs() {
  const int n = static_cast<int>(n_);
  const double lat = net_.latency_s, bw = net_.bandwidth_bytes_per_s;
  const TopologySpec& s = net_.shape;
  nodes_ = n;
  switch (net_.topology) {
    case Topology::kRing:
      if (n == 2) edge(0, 1, lat, bw, net_.traces);
      if (n > 2)
        for (int i = 0; i < n; ++i) edge(i, (i + 1) % n, lat, bw, net_.traces);
      break;
    case Topology::kTree:
      for (int i = 1; i < n; ++i) edge((i - 1) / s.fanout, i, lat, bw, net_.traces);
      break;
    case Topology::kTwoTier: {
      const int racks = (n + s.rack_size - 1) / s.rack_size;
      nodes_ = n + racks + 1;  // rack switches n.., the spine last
      for (int i = 0; i < n; ++i) edge(i, n + i / s.rack_size, lat, bw, net_.traces);
      for (int k = 0; k < racks; ++k)
        edge(n + k, n + racks, s.spine_latency_s, s.spine_bandwidth_bytes_per_s, net_.traces);
      break;
    }
    case Topology::kGraph:
      nodes_ = n + s.relay_nodes;
      for (const auto& e : s.edges)
        edge(e.a, e.b, e.latency_s, e.bandwidth_bytes_per_s, e.traces, e.variation);
      break;
    default:
      return Error("network: no graph for topology " + std::string(topology_name(net_.topology)));
  }
  return OkStatus();
}

// Dijkstra from every party; distance = (total latency, hops), compared lexicographically.
Status Planner::by_shortest_paths() {
  SMPC_RETURN_IF_ERROR(graph_arcs());
  struct Arc {
    int link;
    double latency;
  };
  using Graph =
      boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, boost::no_property, Arc>;
  using Edge = boost::graph_traits<Graph>::edge_descriptor;
  using Dist = std::pair<double, int>;
  Graph g(static_cast<std::size_t>(nodes_));
  // Seeded bug M41: routes by fewest hops, ignoring latency.
  const bool hops_only = mutant_active(Mutant::kM41);
  for (const auto& [a, b, l] : arcs_)
    boost::add_edge(static_cast<std::size_t>(a), static_cast<std::size_t>(b),
                    Arc{l, hops_only ? 0.0 : links_[static_cast<std::size_t>(l)].latency_s}, g);
  const auto v = static_cast<std::size_t>(nodes_);
  std::vector<Dist> dist(v);
  std::vector<Edge> pred(v);
  const Dist inf{std::numeric_limits<double>::infinity(), INT_MAX / 2};
  for (std::size_t i = 0; i < n_; ++i) {
    auto pred_map = boost::make_iterator_property_map(pred.begin(), get(boost::vertex_index, g));
    boost::dijkstra_shortest_paths(
        g, i,
        boost::weight_map(get(&Arc::latency, g))
            .distance_map(boost::make_iterator_property_map(dist.begin(),
                                                            get(boost::vertex_index, g)))
            .distance_compare(std::less<Dist>())
            .distance_combine([](Dist d, double w) { return Dist{d.first + w, d.second + 1}; })
            .distance_inf(inf)
            .distance_zero(Dist{0.0, 0})
            .visitor(boost::make_dijkstra_visitor(
                boost::record_edge_predecessors(pred_map, boost::on_edge_relaxed()))));
    for (std::size_t j = 0; j < n_; ++j) {
      if (i == j) continue;
      if (dist[j] == inf)
        return Error("network: no route from party " + std::to_string(i) + " to party " +
                     std::to_string(j) + " (the graph is not connected)");
      auto& rt = route(i, j);
      for (std::size_t x = j; x != i; x = boost::source(pred[x], g)) rt.push_back(g[pred[x]].link);
      std::reverse(rt.begin(), rt.end());
    }
  }
  return OkStatus();
}

// Each party's NIC: its up-link starts every route from it, its down-link ends every route to it.
void Planner::host_links() {
  const HostLinks& h = net_.host_links;
  if (!h.enabled()) return;
  std::vector<double> up(n_, h.up_bytes_per_s), down(n_, h.down_bytes_per_s);
  for (const auto& o : h.overrides) {
    if (o.up_bytes_per_s > 0) up[static_cast<std::size_t>(o.party)] = o.up_bytes_per_s;
    if (o.down_bytes_per_s > 0) down[static_cast<std::size_t>(o.party)] = o.down_bytes_per_s;
  }
  std::vector<int> nic_up(n_, -1), nic_down(n_, -1);
  for (std::size_t i = 0; i < n_; ++i) {
    if (up[i] > 0) nic_up[i] = link(0, up[i]);
    if (down[i] > 0) nic_down[i] = link(0, down[i]);
  }
  if (star_form_) {
    for (std::size_t i = 0; i < n_; ++i) {
      if (nic_up[i] >= 0) star_up_[i].insert(star_up_[i].begin(), nic_up[i]);
      if (nic_down[i] >= 0) star_down_[i].push_back(nic_down[i]);
    }
    return;
  }
  for (std::size_t i = 0; i < n_; ++i)
    for (std::size_t j = 0; j < n_; ++j) {
      if (i == j) continue;
      auto& rt = route(i, j);
      if (nic_up[i] >= 0) rt.insert(rt.begin(), nic_up[i]);
      if (nic_down[j] >= 0) rt.push_back(nic_down[j]);
    }
}

// One gate per ordered pair that some cut separates, down over the union of its cuts.
void Planner::gates() {
  if (!has_cuts(net_)) return;
  std::vector<std::vector<std::pair<double, double>>> down(n_ * n_);
  for (const auto& f : net_.faults) {
    if (f.kind != FaultKind::kCut) continue;
    std::vector<int> group(n_, static_cast<int>(f.groups.size()));  // unnamed: one more group
    for (std::size_t g = 0; g < f.groups.size(); ++g)
      for (PartyId p : f.groups[g]) group[static_cast<std::size_t>(p)] = static_cast<int>(g);
    for (std::size_t i = 0; i < n_; ++i)
      for (std::size_t j = 0; j < n_; ++j)
        if (group[i] != group[j]) down[i * n_ + j].emplace_back(f.from_s, f.until_s);
  }
  for (std::size_t k = 0; k < n_ * n_; ++k) {
    if (down[k].empty()) continue;
    auto& spans = down[k];
    std::sort(spans.begin(), spans.end());
    PlannedLink gate{0, 0, true, {}, {}, 0};
    for (std::size_t s = 0; s < spans.size();) {  // merge overlapping spans
      double from = spans[s].first, until = spans[s].second;
      for (++s; s < spans.size() && spans[s].first <= until; ++s)
        until = std::max(until, spans[s].second);
      gate.state_changes.emplace_back(from, false);
      if (std::isfinite(until)) gate.state_changes.emplace_back(until, true);
    }
    links_.push_back(std::move(gate));
    routes_[k].insert(routes_[k].begin(), static_cast<int>(links_.size()) - 1);
  }
}

PlatformPlan Planner::finish() {
  PlatformPlan plan;
  plan.parties = static_cast<int>(n_);
  plan.latency_traces = latency_traces_;
  plan.link_variation = link_variation_;
  plan.links = std::move(links_);
  if (star_form_) {
    plan.star = true;
    plan.star_up = std::move(star_up_);
    plan.star_down = std::move(star_down_);
    return plan;
  }
  plan.route_start.reserve(n_ * n_ + 1);
  plan.route_start.push_back(0);
  for (auto& rt : routes_) {
    plan.route_links.insert(plan.route_links.end(), rt.begin(), rt.end());
    plan.route_start.push_back(plan.route_links.size());
    std::vector<int>().swap(rt);
  }
  return plan;
}

}  // namespace

namespace {

bool bad_latency(double l) { return !(l >= 0) || !std::isfinite(l); }
bool bad_bandwidth(double b) { return !(b > 0) || !std::isfinite(b); }

Status check_link(const std::string& where, double latency_s, double bandwidth) {
  if (bad_latency(latency_s))
    return Error(where + "latency must be finite and >= 0, got " + time_text(latency_s));
  if (bad_bandwidth(bandwidth))
    return Error(where + "bandwidth must be finite and > 0, got " + time_text(bandwidth));
  return OkStatus();
}

Status check_party(const std::string& where, PartyId p, int parties) {
  if (p < 0 || p >= parties)
    return Error(where + "party " + std::to_string(p) + " does not exist (parties are 0.." +
                 std::to_string(parties - 1) + ")");
  return OkStatus();
}

Status check_regions(int parties, const TopologySpec& s) {
  const std::size_t r = s.regions.size();
  if (r == 0) return Error("network: regions: at least one region is needed");
  if (s.region_latency_s.size() != r * r || s.region_bandwidth_bytes_per_s.size() != r * r)
    return Error("network: the region matrices must be " + std::to_string(r) + " x " +
                 std::to_string(r) + " (one row and column per region)");
  std::vector<int> seen(static_cast<std::size_t>(parties), 0);
  for (std::size_t a = 0; a < r; ++a) {
    const std::string where = "network: regions[" + std::to_string(a) + "]: ";
    SMPC_RETURN_IF_ERROR(check_link(where + "lan ", s.regions[a].lan_latency_s,
                                    s.regions[a].lan_bandwidth_bytes_per_s));
    for (PartyId p : s.regions[a].parties) {
      SMPC_RETURN_IF_ERROR(check_party(where, p, parties));
      if (seen[static_cast<std::size_t>(p)]++)
        return Error(where + "party " + std::to_string(p) + " is in two regions");
    }
    for (std::size_t b = 0; b < r; ++b)
      if (a != b)
        SMPC_RETURN_IF_ERROR(check_link(where + "to regions[" + std::to_string(b) + "]: ",
                                        s.region_latency_s[a * r + b],
                                        s.region_bandwidth_bytes_per_s[a * r + b]));
  }
  for (PartyId p = 0; p < parties; ++p)
    if (!seen[static_cast<std::size_t>(p)])
      return Error("network: party " + std::to_string(p) + " is in no region");
  return OkStatus();
}

Status check_shape(int parties, const NetworkSpec& net) {
  const TopologySpec& s = net.shape;
  switch (net.topology) {
    case Topology::kStar:
      if (s.hub != -1) SMPC_RETURN_IF_ERROR(check_party("network: hub: ", s.hub, parties));
      for (const auto& o : net.overrides)
        if (o.from == s.hub)
          return Error("network: the hub party " + std::to_string(s.hub) + " has no links");
      return OkStatus();
    case Topology::kTree:
      if (s.fanout < 1) return Error("network: fanout must be >= 1, got " + std::to_string(s.fanout));
      return OkStatus();
    case Topology::kTwoTier:
      if (s.rack_size < 1)
        return Error("network: rack_size must be >= 1, got " + std::to_string(s.rack_size));
      return check_link("network: spine ", s.spine_latency_s, s.spine_bandwidth_bytes_per_s);
    case Topology::kRegions: return check_regions(parties, s);
    case Topology::kGraph:
      if (s.relay_nodes < 0) return Error("network: relay nodes must be >= 0");
      for (std::size_t k = 0; k < s.edges.size(); ++k) {
        const auto& e = s.edges[k];
        const std::string where = "network: edges[" + std::to_string(k) + "]: ";
        const int nodes = parties + s.relay_nodes;
        if (e.a < 0 || e.b < 0 || e.a >= nodes || e.b >= nodes || e.a == e.b)
          return Error(where + "needs two different nodes of the graph");
        SMPC_RETURN_IF_ERROR(check_link(where, e.latency_s, e.bandwidth_bytes_per_s));
      }
      return OkStatus();
    default: return OkStatus();
  }
}

Status check_fault(const std::string& where, const Fault& f, int parties) {
  if (f.kind == FaultKind::kCrash) {
    SMPC_RETURN_IF_ERROR(check_party(where, f.crash, parties));
    if (bad_latency(f.at_s)) return Error(where + "at_s must be finite and >= 0");
    return OkStatus();
  }
  if (bad_latency(f.from_s) || !(f.until_s > f.from_s))
    return Error(where + "needs 0 <= from_s < until_s, got " + time_text(f.from_s) + " and " +
                 time_text(f.until_s));
  std::vector<int> seen(static_cast<std::size_t>(parties), 0);
  for (const auto& g : f.groups) {
    if (g.empty()) return Error(where + "a group of a cut is empty");
    for (PartyId p : g) {
      SMPC_RETURN_IF_ERROR(check_party(where, p, parties));
      if (seen[static_cast<std::size_t>(p)]++)
        return Error(where + "party " + std::to_string(p) + " is named twice");
    }
  }
  return OkStatus();
}

Status check_link_traces(const std::string& where, const LinkTraces& t) {
  if (t.latency) SMPC_RETURN_IF_ERROR(check_trace(where + "latency trace: ", *t.latency, false));
  if (t.bandwidth)
    SMPC_RETURN_IF_ERROR(check_trace(where + "bandwidth trace: ", *t.bandwidth, true));
  return OkStatus();
}

// A link's own traces and jitter and loss; the error names the link ("network: edges[2]: ...").
Status check_own(const std::string& where, const LinkTraces& t, const LinkVariation& v) {
  SMPC_RETURN_IF_ERROR(check_link_traces(where, t));
  Variation own;
  if (v.jitter) own.jitter = *v.jitter;
  if (v.loss) own.loss = *v.loss;
  const Status s = check_variation(own);
  // check_variation's message starts "network: "; the link goes after it.
  return s.ok() ? s : Error("network: " + where + s.message().substr(9));
}

// The settings of graph edges, region LANs and WAN links of their own.
Status check_shape_links(int parties, const NetworkSpec& net) {
  const TopologySpec& s = net.shape;
  if (!s.wan_links.empty() && net.topology != Topology::kRegions)
    return Error("network: wan_links apply to the regions topology only");
  for (std::size_t k = 0; k < s.edges.size(); ++k)
    SMPC_RETURN_IF_ERROR(check_own("edges[" + std::to_string(k) + "]: ", s.edges[k].traces,
                                   s.edges[k].variation));
  for (std::size_t a = 0; a < s.regions.size(); ++a)
    SMPC_RETURN_IF_ERROR(check_own("regions[" + std::to_string(a) + "]: lan ",
                                   s.regions[a].lan_traces, s.regions[a].lan_variation));
  const int r = static_cast<int>(s.regions.size());
  for (std::size_t k = 0; k < s.wan_links.size(); ++k) {
    const WanLink& w = s.wan_links[k];
    const std::string where = "wan_links[" + std::to_string(k) + "]: ";
    if (w.from < 0 || w.to < 0 || w.from >= r || w.to >= r || w.from == w.to)
      return Error("network: " + where + "needs two different regions (0.." +
                   std::to_string(r - 1) + "), got " + std::to_string(w.from) + " and " +
                   std::to_string(w.to));
    SMPC_RETURN_IF_ERROR(check_own(where, w.traces, w.variation));
  }
  (void)parties;
  return OkStatus();
}

// Ring and tree overrides name one direction of an edge of the topology.
Status check_edge_overrides(int parties, const NetworkSpec& net) {
  if (net.topology != Topology::kRing && net.topology != Topology::kTree) return OkStatus();
  for (std::size_t k = 0; k < net.overrides.size(); ++k) {
    const int a = net.overrides[k].from, b = net.overrides[k].to;
    const bool edge =
        net.topology == Topology::kRing
            ? (parties == 2 || (a - b + parties) % parties == 1 || (b - a + parties) % parties == 1)
            : (b > 0 && (b - 1) / net.shape.fanout == a) || (a > 0 && (a - 1) / net.shape.fanout == b);
    if (!edge)
      return Error("network: overrides[" + std::to_string(k) + "]: parties " + std::to_string(a) +
                   " and " + std::to_string(b) + " are not joined by an edge of the " +
                   topology_name(net.topology));
  }
  return OkStatus();
}

// Network-wide traces replace the network-wide latency and bandwidth, which only full_mesh,
// star, ring and tree use for every link (two_tier, regions and graph give links their own).
Status check_traces(const NetworkSpec& net) {
  if (net.traces.any() && net.topology != Topology::kFullMesh &&
      net.topology != Topology::kStar && net.topology != Topology::kRing &&
      net.topology != Topology::kTree)
    return Error(std::string("network: a network-wide trace applies to full_mesh, star, ring and "
                             "tree only (their links all have the network-wide values), not ") +
                 topology_name(net.topology));
  SMPC_RETURN_IF_ERROR(check_link_traces("", net.traces));
  for (std::size_t k = 0; k < net.overrides.size(); ++k)
    SMPC_RETURN_IF_ERROR(
        check_link_traces("overrides[" + std::to_string(k) + "]: ", net.overrides[k].traces));
  return OkStatus();
}

}  // namespace

Status check_topology(int parties, const NetworkSpec& net) {
  if (!net.overrides.empty() && net.topology != Topology::kFullMesh &&
      net.topology != Topology::kStar && net.topology != Topology::kRing &&
      net.topology != Topology::kTree)
    return Error("network: per-link overrides apply to full_mesh, star, ring and tree only "
                 "(graph edges and regions carry their own settings)");
  SMPC_RETURN_IF_ERROR(check_shape(parties, net));
  SMPC_RETURN_IF_ERROR(check_edge_overrides(parties, net));
  SMPC_RETURN_IF_ERROR(check_shape_links(parties, net));
  const HostLinks& h = net.host_links;
  if (!(h.up_bytes_per_s >= 0) || !(h.down_bytes_per_s >= 0) || !std::isfinite(h.up_bytes_per_s) ||
      !std::isfinite(h.down_bytes_per_s))
    return Error("network: host link capacities must be finite and >= 0");
  for (const auto& o : h.overrides) {
    SMPC_RETURN_IF_ERROR(check_party("network: host_links: ", o.party, parties));
    if (!(o.up_bytes_per_s >= 0) || !(o.down_bytes_per_s >= 0) ||
        !std::isfinite(o.up_bytes_per_s) || !std::isfinite(o.down_bytes_per_s))
      return Error("network: host link capacities must be finite and >= 0");
  }
  for (std::size_t k = 0; k < net.faults.size(); ++k)
    SMPC_RETURN_IF_ERROR(
        check_fault("faults[" + std::to_string(k) + "]: ", net.faults[k], parties));
  return check_traces(net);
}

Result<PlatformPlan> plan_platform(int parties, const NetworkSpec& net) {
  Planner p(parties, net);
  switch (net.topology) {
    case Topology::kFullMesh: SMPC_RETURN_IF_ERROR(p.full_mesh()); break;
    case Topology::kStar: SMPC_RETURN_IF_ERROR(p.star()); break;
    case Topology::kRegions: SMPC_RETURN_IF_ERROR(p.regions()); break;
    default: SMPC_RETURN_IF_ERROR(p.by_shortest_paths()); break;
  }
  p.host_links();
  p.gates();
  return p.finish();
}

std::vector<PartyId> parties_hit(const Fault& fault, int parties) {
  std::vector<PartyId> hit;
  if (fault.kind == FaultKind::kCrash) return {fault.crash};
  if (fault.is_link) {  // groups {a}, {b}
    for (const auto& g : fault.groups) hit.insert(hit.end(), g.begin(), g.end());
    std::sort(hit.begin(), hit.end());
    return hit;
  }
  // The groups with the parties no group names as one more group; all but the largest are hit.
  std::vector<std::vector<PartyId>> groups = fault.groups;
  std::vector<bool> named_party(static_cast<std::size_t>(parties), false);
  for (const auto& g : groups)
    for (PartyId p : g) named_party[static_cast<std::size_t>(p)] = true;
  std::vector<PartyId> rest;
  for (PartyId p = 0; p < parties; ++p)
    if (!named_party[static_cast<std::size_t>(p)]) rest.push_back(p);
  if (!rest.empty()) groups.push_back(rest);
  std::size_t largest = 0;
  for (std::size_t g = 1; g < groups.size(); ++g)
    if (groups[g].size() > groups[largest].size()) largest = g;
  for (std::size_t g = 0; g < groups.size(); ++g)
    if (g != largest) hit.insert(hit.end(), groups[g].begin(), groups[g].end());
  std::sort(hit.begin(), hit.end());
  hit.erase(std::unique(hit.begin(), hit.end()), hit.end());
  return hit;
}

bool fault_fired(const Fault& fault, double end_s) {
  return fault.kind == FaultKind::kCrash ? fault.at_s <= end_s : fault.from_s < end_s;
}

std::string fault_text(const Fault& f) {
  if (f.kind == FaultKind::kCrash)
    return "party " + std::to_string(f.crash) + " crashed at t=" + time_text(f.at_s) + " s";
  std::string groups;
  for (const auto& g : f.groups) {
    std::string one;
    for (PartyId p : g) one += (one.empty() ? "" : ",") + std::to_string(p);
    groups += (groups.empty() ? "" : " | ") + one;
  }
  const std::string until = std::isfinite(f.until_s) ? time_text(f.until_s) + " s" : "the end";
  return std::string(f.is_link ? "link " : "cut ") + groups + " from t=" + time_text(f.from_s) +
         " s until " + until;
}

}  // namespace smpc
