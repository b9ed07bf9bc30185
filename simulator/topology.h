// Topologies and faults of a simulated network, and the platform plan built from them: every
// directed link SimGrid will create and the route (a list of those links) of every ordered pair
// of parties. Pure C++ with Boost.Graph for the shortest routes; sim_network.cpp turns the plan
// into SimGrid links and routes. Models and exact timing: docs/simulator.md, "Topologies".
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "protocols/core/channel.h"
#include "protocols/core/status.h"
#include "simulator/variation.h"

namespace smpc {

enum class Topology {
  kFullMesh,  // a private full-duplex link for every ordered pair of parties
  kStar,      // every party has an up- and a down-link to a hub: two hops per message
  kRing,      // party i linked to i+1 (mod n) in both directions; shortest way round
  kTree,      // party i's parent is party (i-1)/fanout; routes through the common ancestor
  kTwoTier,   // racks of rack_size parties on a rack switch, rack switches on one spine
  kRegions,   // parties in named regions: a LAN link to the region's switch, WAN between them
  kGraph,     // explicit nodes and edges; routes by shortest latency (then fewest hops)
};

// The traces of one link (null: constant). Shared: a network-wide trace is on every link.
struct Trace;
struct LinkTraces {
  std::shared_ptr<const Trace> latency;
  std::shared_ptr<const Trace> bandwidth;
  bool any() const { return latency || bandwidth; }
};

// A link's own jitter and loss, each replacing the network-wide one for the messages whose
// route crosses the link; the own settings of several links of one route add up, one draw per
// link (docs/simulator.md, "Per-link jitter and loss").
struct LinkVariation {
  std::optional<Jitter> jitter = std::nullopt;
  std::optional<Loss> loss = std::nullopt;
  bool any() const { return jitter || loss; }
};

// One named region: its parties reach the region's switch over their own LAN link (each
// party's up- and down-link carry the region's LAN traces and variation).
struct Region {
  std::string name;
  std::vector<PartyId> parties;
  double lan_latency_s = 0;
  double lan_bandwidth_bytes_per_s = 0;
  LinkTraces lan_traces = {};
  LinkVariation lan_variation = {};
};

// A full-duplex edge of a `graph` topology between nodes a and b: parties are nodes
// 0..parties-1, relay nodes (not parties: routers, a relay server) parties.. on. Its traces
// and variation are on both directions.
struct GraphEdge {
  int a = 0;
  int b = 0;
  double latency_s = 0;
  double bandwidth_bytes_per_s = 0;
  LinkTraces traces = {};
  LinkVariation variation = {};
};

// regions: the WAN link from region `from`'s switch to region `to`'s, with its own traces and
// variation (one direction, as the RTT matrix's entries are).
struct WanLink {
  int from = 0;
  int to = 0;
  LinkTraces traces = {};
  LinkVariation variation = {};
};

// What the non-mesh topologies need beyond NetworkSpec's latency and bandwidth (which are
// every link's values unless said otherwise here).
struct TopologySpec {
  int hub = -1;            // star: -1 = a relay node that is not a party, else that party
  int fanout = 2;          // tree: children per party
  int rack_size = 4;       // two_tier: parties per rack
  double spine_latency_s = 0;            // two_tier: each rack switch <-> spine link
  double spine_bandwidth_bytes_per_s = 0;
  std::vector<Region> regions;
  // regions: one-way latency and bandwidth from region a's switch to region b's, at a*R+b
  // (R = regions.size(); the diagonal is unused: a LAN route is up-link, down-link).
  std::vector<double> region_latency_s;
  std::vector<double> region_bandwidth_bytes_per_s;
  std::vector<WanLink> wan_links;  // regions: WAN links with traces or variation of their own
  int relay_nodes = 0;     // graph: nodes beyond the parties
  std::vector<GraphEdge> edges;
};

// Per-party NIC: an up-link every message the party sends crosses first and a down-link
// every message it receives crosses last, shared by all its flows. Off when up and down are 0.
struct HostLinkOverride {
  PartyId party = 0;
  double up_bytes_per_s = 0;
  double down_bytes_per_s = 0;
};
struct HostLinks {
  double up_bytes_per_s = 0;    // 0: no host links
  double down_bytes_per_s = 0;
  std::vector<HostLinkOverride> overrides;
  bool enabled() const { return up_bytes_per_s > 0 || !overrides.empty(); }
};

// A fault at simulated times. Crash: party `crash` stops at at_s (its host is turned off: its
// actor is killed, its transfers in flight fail). Cut: the parties of different groups (the
// parties no group names form one more group) cannot reach each other in [from_s, until_s):
// messages in flight across the cut when it starts, and those sent across it while it lasts,
// are lost. A link fault is a cut between two parties only.
enum class FaultKind { kCrash, kCut };
struct Fault {
  FaultKind kind = FaultKind::kCut;
  PartyId crash = 0;
  double at_s = 0;
  std::vector<std::vector<PartyId>> groups;  // kCut
  double from_s = 0;
  double until_s = 0;  // +inf: never heals
  bool is_link = false;  // a cut given as "link": [a, b] (for reports)
};

// A link's latency or bandwidth over time (docs/simulator.md, "Traces"): a step function that
// takes `points[k].second` from `points[k].first` on (seconds; seconds or bytes/s), times
// strictly increasing. Before the first point the link has its configured value. With a period
// P > 0 (every point's time < P) the steps repeat every P seconds: at t >= P the value is the
// one at t mod P, and before the first point of a later cycle the last point's value goes on.
struct Trace {
  std::vector<std::pair<double, double>> points;
  double period_s = 0;  // 0: not periodic
  double value_at(double t, double initial) const;
  double min_value(double initial) const;  // over all time, `initial` included
};
// "network: <where>: ..." when a trace is not a valid step function for its kind.
Status check_trace(const std::string& where, const Trace& t, bool bandwidth);

// A link SimGrid creates. A gate is the zero-latency link a faulted pair's route starts with:
// shared by nothing, never the bottleneck (fat pipe), off while a cut separates the pair.
struct PlannedLink {
  double latency_s = 0;
  double bandwidth_bytes_per_s = 0;
  bool gate = false;
  std::vector<std::pair<double, bool>> state_changes;  // gate: (time, up?) sorted by time
  LinkTraces traces = {};  // time-varying latency and bandwidth (none on gates, host links)
  double latency_floor_s = 0;  // the latency trace's least value (SimGrid's latency then)
  LinkVariation variation = {};  // this link's own jitter and loss (none on gates, host links)
};

// The jitter and loss draws of one message over a route: one per link of the route with its
// own, in route order (jitters first, then losses); the network-wide one when no link has its
// own (docs/simulator.md, "Per-link jitter and loss").
struct RouteVariation {
  std::vector<Jitter> jitters;
  std::vector<Loss> losses;
};

struct PlatformPlan {
  int parties = 0;
  std::vector<PlannedLink> links;
  // A star without cuts: the route i -> j is star_up[i] then star_down[j] (party i's NIC
  // up-link and up-link to the hub, party j's down-link and NIC down-link; a party hub's own
  // lists are its NIC links only). O(n), what SimGrid's star zone stores; no per-pair table.
  bool star = false;
  std::vector<std::vector<int>> star_up;
  std::vector<std::vector<int>> star_down;
  // Every other plan (a star with cuts too: a cut puts a gate on each separated pair's route):
  // route i -> j is route_links[route_start[i*n+j] .. route_start[i*n+j+1]) (empty for i == j).
  std::vector<std::size_t> route_start;
  std::vector<int> route_links;
  std::vector<int> route(PartyId from, PartyId to) const;
  double route_latency_s(PartyId from, PartyId to) const;
  bool latency_traces = false;  // some link has a latency trace (messages are then held)
  bool link_variation = false;  // some link has jitter or loss of its own (held, too)
  RouteVariation route_variation(PartyId from, PartyId to, const Variation& network) const;
  // The route's latency at the send time `t` (each link's latency trace read at t).
  double route_latency_at_s(PartyId from, PartyId to, double t) const;
  // How much longer than SimGrid's latency a message sent at `t` takes over the route: with
  // latency traces SimGrid's links carry each trace's least value and the receiver holds the
  // message for the rest, taken at the send time (docs/simulator.md, "Traces").
  double route_latency_extra_s(PartyId from, PartyId to, double t) const;
};

struct NetworkSpec;
// Checks the shape, host links and faults of `net` (latency, bandwidth and overrides are
// sim_network's check_spec); the error names the field: "network: regions[1]: ...".
Status check_topology(int parties, const NetworkSpec& net);
// The plan for `parties` parties; an error names the field (the spec is checked first).
Result<PlatformPlan> plan_platform(int parties, const NetworkSpec& net);

// The parties a fault that fired puts outside the honest set (docs/simulator.md, "Faults"):
// a crashed party; for a cut, every group but the largest (the first largest if tied); for a
// link, both of its parties. Sorted, without repeats.
std::vector<PartyId> parties_hit(const Fault& fault, int parties);
// Whether the fault happened before `end_s` (the run's end): a crash at or before, a cut
// starting before.
bool fault_fired(const Fault& fault, double end_s);
std::string fault_text(const Fault& fault);

// A time or rate in an error message or a report line: "%.9g".
std::string time_text(double t);

}  // namespace smpc
