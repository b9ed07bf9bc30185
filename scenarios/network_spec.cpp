#include "scenarios/network_spec.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <sstream>
#include <limits>
#include <map>
#include <string>

#include "scenarios/json_input.h"

namespace smpc {
namespace {

using nlohmann::json;

Status error_at(const std::string& pointer, const std::string& problem) {
  return Error(pointer + ": " + problem);
}

Status check_party(const json& v, int parties, const std::string& pointer) {
  // The schema made it an integer >= 0 (unsigned in nlohmann's DOM).
  if (!v.is_number_unsigned() || v.get<std::uint64_t>() >= static_cast<std::uint64_t>(parties))
    return error_at(pointer, "party " + short_json(v) + " does not exist (parties are 0.." +
                                 std::to_string(parties - 1) + ")");
  return OkStatus();
}

double ms(const json& v) { return v.get<double>() / 1e3; }
double mbps(const json& v) { return v.get<double>() * 1e6 / 8; }

Status parse_jitter(const json& j, const std::string& ptr, Jitter& jit);
Loss parse_loss(const json& l);
Status parse_traces(const json& t, const std::string& ptr, const std::string& base_dir,
                    LinkTraces& out);

// A link's own "jitter", "loss" and "trace" in the object `o` at `ptr` (a links entry, a graph
// edge, a region's LAN, a WAN link).
Status parse_own(const json& o, const std::string& ptr, const std::string& base_dir,
                 LinkTraces& traces, LinkVariation& variation) {
  if (o.contains("jitter")) {
    Jitter j;
    SMPC_RETURN_IF_ERROR(parse_jitter(o["jitter"], ptr + "/jitter", j));
    variation.jitter = j;
  }
  if (o.contains("loss")) variation.loss = parse_loss(o["loss"]);
  if (o.contains("trace")) SMPC_RETURN_IF_ERROR(parse_traces(o["trace"], ptr + "/trace", base_dir, traces));
  return OkStatus();
}

// Whether parties a and b are joined by an edge of the ring or tree (as topology.cpp builds it).
bool joined(const NetworkSpec& net, int parties, int a, int b) {
  if (net.topology == Topology::kRing)
    return parties == 2 || (a - b + parties) % parties == 1 || (b - a + parties) % parties == 1;
  const int f = net.shape.fanout;
  return f >= 1 && ((b > 0 && (b - 1) / f == a) || (a > 0 && (a - 1) / f == b));
}

Status parse_overrides(const json& links, int parties, const std::string& base_dir,
                       NetworkSpec& out) {
  for (std::size_t i = 0; i < links.size(); ++i) {
    const auto& l = links[i];
    const std::string ptr = "/network/links/" + std::to_string(i);
    SMPC_RETURN_IF_ERROR(check_party(l["from"], parties, ptr + "/from"));
    LinkOverride o;
    o.from = l["from"].get<int>();
    const Topology t = out.topology;
    if (t == Topology::kFullMesh || t == Topology::kRing || t == Topology::kTree) {
      if (!l.contains("to"))
        return error_at(ptr, std::string("a ") + topology_name(t) +
                                 " link needs \"to\" (the link from -> to)");
      SMPC_RETURN_IF_ERROR(check_party(l["to"], parties, ptr + "/to"));
      o.to = l["to"].get<int>();
      if (o.to == o.from) return error_at(ptr + "/to", "a link needs two different parties");
      if (t != Topology::kFullMesh && !joined(out, parties, o.from, o.to))
        return error_at(ptr + "/to", std::string("parties ") + std::to_string(o.from) + " and " +
                                         std::to_string(o.to) + " are not joined by an edge of the " +
                                         topology_name(t) + ", got " + short_json(l["to"]));
    } else if (out.topology == Topology::kStar) {
      if (l.contains("to"))
        return error_at(ptr + "/to", "star links belong to one party: use only \"from\"");
      if (o.from == out.shape.hub)
        return error_at(ptr + "/from", "the hub party has no links of its own");
      o.to = -1;
    } else {
      return error_at(ptr, std::string("per-link overrides apply to full_mesh, star, ring and tree "
                                       "only (on ") + topology_name(t) +
                               ", give jitter, loss and trace on /network/edges, /network/regions "
                               "or /network/wan_links), got topology " + short_json(topology_name(t)));
    }
    o.latency_s = l.contains("latency_ms") ? ms(l["latency_ms"]) : out.latency_s;
    o.bandwidth_bytes_per_s =
        l.contains("bandwidth_mbps") ? mbps(l["bandwidth_mbps"]) : out.bandwidth_bytes_per_s;
    LinkVariation own;
    SMPC_RETURN_IF_ERROR(parse_own(l, ptr, base_dir, o.traces, own));
    o.jitter = own.jitter;
    o.loss = own.loss;
    out.overrides.push_back(o);
  }
  return OkStatus();
}

// An R x R matrix (array of R rows of R numbers), or one number for every entry.
Status region_matrix(const json& net, const char* key, std::size_t r, double scale,
                     double fallback, std::vector<double>& out) {
  out.assign(r * r, fallback);
  if (!net.contains(key)) return OkStatus();
  const json& m = net[key];
  const std::string ptr = std::string("/network/") + key;
  if (m.is_number()) {
    out.assign(r * r, m.get<double>() * scale);
    return OkStatus();
  }
  if (m.size() != r)
    return error_at(ptr, "the matrix has " + std::to_string(m.size()) + " rows, need " +
                             std::to_string(r) + " (one per region, in the order of regions)");
  for (std::size_t a = 0; a < r; ++a) {
    if (m[a].size() != r)
      return error_at(ptr + "/" + std::to_string(a),
                      "row has " + std::to_string(m[a].size()) + " entries, need " +
                          std::to_string(r) + ": the matrix must be square");
    for (std::size_t b = 0; b < r; ++b) out[a * r + b] = m[a][b].get<double>() * scale;
  }
  return OkStatus();
}

// "regions": [{"name", "lan_latency_ms", "lan_bandwidth_mbps"}], "placement": one region name
// per party, "rtt_ms" (one-way latency = RTT / 2) and "wan_bandwidth_mbps" between regions.
// "wan_links": [{"from", "to" (region names), "jitter", "loss", "trace"}]: one direction of the
// WAN link between two regions, with settings of its own.
Status parse_wan_links(const json& net, const std::map<std::string, int>& index,
                       const std::string& base_dir, NetworkSpec& out) {
  const json links = net.value("wan_links", json::array());
  for (std::size_t k = 0; k < links.size(); ++k) {
    const auto& l = links[k];
    const std::string ptr = "/network/wan_links/" + std::to_string(k);
    WanLink w;
    for (const char* end : {"from", "to"}) {
      const auto it = index.find(l[end].get<std::string>());
      if (it == index.end())
        return error_at(ptr + "/" + end, "unknown region " + short_json(l[end]) +
                                             " (define it in /network/regions)");
      (std::string(end) == "from" ? w.from : w.to) = it->second;
    }
    if (w.from == w.to)
      return error_at(ptr + "/to", "a WAN link joins two different regions (a region's own LAN "
                                   "takes jitter, loss and trace on its /network/regions entry), got " +
                                       short_json(l["to"]));
    SMPC_RETURN_IF_ERROR(parse_own(l, ptr, base_dir, w.traces, w.variation));
    out.shape.wan_links.push_back(std::move(w));
  }
  return OkStatus();
}

Status parse_regions(const json& net, int parties, const std::string& base_dir, NetworkSpec& out) {
  if (!net.contains("regions") || !net.contains("placement") || !net.contains("rtt_ms"))
    return error_at("/network", "topology regions needs \"regions\", \"placement\" and \"rtt_ms\"");
  const json& regions = net["regions"];
  std::map<std::string, int> index;
  for (std::size_t a = 0; a < regions.size(); ++a) {
    const auto& r = regions[a];
    Region region{r["name"].get<std::string>(), {}, out.latency_s, out.bandwidth_bytes_per_s};
    if (r.contains("lan_latency_ms")) region.lan_latency_s = ms(r["lan_latency_ms"]);
    if (r.contains("lan_bandwidth_mbps")) region.lan_bandwidth_bytes_per_s = mbps(r["lan_bandwidth_mbps"]);
    SMPC_RETURN_IF_ERROR(parse_own(r, "/network/regions/" + std::to_string(a), base_dir,
                                   region.lan_traces, region.lan_variation));
    if (!index.emplace(region.name, static_cast<int>(a)).second)
      return error_at("/network/regions/" + std::to_string(a) + "/name",
                      "region " + short_json(r["name"]) + " is defined twice");
    out.shape.regions.push_back(std::move(region));
  }
  const json& placement = net["placement"];
  if (placement.size() != static_cast<std::size_t>(parties))
    return error_at("/network/placement", "has " + std::to_string(placement.size()) +
                                              " entries, need one region per party (" +
                                              std::to_string(parties) + ")");
  for (std::size_t p = 0; p < placement.size(); ++p) {
    const auto it = index.find(placement[p].get<std::string>());
    if (it == index.end())
      return error_at("/network/placement/" + std::to_string(p),
                      "unknown region " + short_json(placement[p]) +
                          " (define it in /network/regions)");
    out.shape.regions[static_cast<std::size_t>(it->second)].parties.push_back(
        static_cast<PartyId>(p));
  }
  const std::size_t r = regions.size();
  SMPC_RETURN_IF_ERROR(region_matrix(net, "rtt_ms", r, 0.5e-3, 0, out.shape.region_latency_s));
  SMPC_RETURN_IF_ERROR(region_matrix(net, "wan_bandwidth_mbps", r, 1e6 / 8, out.bandwidth_bytes_per_s,
                                     out.shape.region_bandwidth_bytes_per_s));
  return parse_wan_links(net, index, base_dir, out);
}

// "nodes": relay node names; "edges": [{"a", "b", "latency_ms", "bandwidth_mbps"}] where a
// node is a party number or a relay name.
Status parse_graph(const json& net, int parties, const std::string& base_dir, NetworkSpec& out) {
  std::map<std::string, int> relay;
  const json nodes = net.value("nodes", json::array());
  for (std::size_t k = 0; k < nodes.size(); ++k)
    if (!relay.emplace(nodes[k].get<std::string>(), parties + static_cast<int>(k)).second)
      return error_at("/network/nodes/" + std::to_string(k),
                      "node " + short_json(nodes[k]) + " is named twice");
  out.shape.relay_nodes = static_cast<int>(nodes.size());
  const json edges = net.value("edges", json::array());
  for (std::size_t k = 0; k < edges.size(); ++k) {
    const auto& e = edges[k];
    const std::string ptr = "/network/edges/" + std::to_string(k);
    GraphEdge g{0, 0, out.latency_s, out.bandwidth_bytes_per_s};
    for (const char* end : {"a", "b"}) {
      int& node = std::string(end) == "a" ? g.a : g.b;
      if (e[end].is_string()) {
        const auto it = relay.find(e[end].get<std::string>());
        if (it == relay.end())
          return error_at(ptr + "/" + end, "unknown node " + short_json(e[end]) +
                                               " (name relay nodes in /network/nodes)");
        node = it->second;
      } else {
        SMPC_RETURN_IF_ERROR(check_party(e[end], parties, ptr + "/" + end));
        node = e[end].get<int>();
      }
    }
    if (g.a == g.b) return error_at(ptr + "/b", "an edge needs two different nodes");
    if (e.contains("latency_ms")) g.latency_s = ms(e["latency_ms"]);
    if (e.contains("bandwidth_mbps")) g.bandwidth_bytes_per_s = mbps(e["bandwidth_mbps"]);
    SMPC_RETURN_IF_ERROR(parse_own(e, ptr, base_dir, g.traces, g.variation));
    out.shape.edges.push_back(g);
  }
  return OkStatus();
}

Status parse_host_links(const json& h, int parties, HostLinks& out) {
  if (h.contains("up_mbps")) out.up_bytes_per_s = mbps(h["up_mbps"]);
  if (h.contains("down_mbps")) out.down_bytes_per_s = mbps(h["down_mbps"]);
  const json list = h.value("parties", json::array());
  for (std::size_t k = 0; k < list.size(); ++k) {
    const auto& o = list[k];
    SMPC_RETURN_IF_ERROR(check_party(o["party"], parties,
                                     "/network/host_links/parties/" + std::to_string(k) + "/party"));
    out.overrides.push_back({o["party"].get<int>(),
                             o.contains("up_mbps") ? mbps(o["up_mbps"]) : out.up_bytes_per_s,
                             o.contains("down_mbps") ? mbps(o["down_mbps"]) : out.down_bytes_per_s});
  }
  return OkStatus();
}

// The fields each jitter distribution takes; any other is an error (a "sd_ms" on a uniform
// jitter is a mistake the user wants to hear about, not a silently ignored field).
Status jitter_fields(const json& j, const std::string& ptr, const std::string& d,
                     std::initializer_list<const char*> need) {
  for (const char* f : need)
    if (!j.contains(f))
      return error_at(ptr, "a " + d + " jitter needs " + f);
  for (const auto& item : j.items()) {
    // (Not a structured binding: clang 14, which builds the fuzzers, cannot capture one.)
    const std::string& key = item.key();
    const bool known = key == "distribution" ||
                       std::any_of(need.begin(), need.end(), [&](const char* f) { return key == f; });
    if (!known) return error_at(ptr + "/" + key, "does not apply to a " + d + " jitter");
  }
  return OkStatus();
}

Status parse_jitter(const json& j, const std::string& ptr, Jitter& jit) {
  const std::string d = j["distribution"].get<std::string>();
  if (d == "uniform") {
    SMPC_RETURN_IF_ERROR(jitter_fields(j, ptr, d, {"min_ms", "max_ms"}));
    jit = {JitterDistribution::kUniform, ms(j["min_ms"]), ms(j["max_ms"]), 0};
    if (jit.a_s > jit.b_s)
      return error_at(ptr + "/min_ms", "is above max_ms (" + short_json(j["max_ms"]) +
                                           "), got " + short_json(j["min_ms"]));
  } else if (d == "normal") {
    SMPC_RETURN_IF_ERROR(jitter_fields(j, ptr, d, {"mean_ms", "sd_ms"}));
    jit = {JitterDistribution::kNormal, ms(j["mean_ms"]), ms(j["sd_ms"]), 0};
  } else {
    SMPC_RETURN_IF_ERROR(jitter_fields(j, ptr, d, {"scale_ms", "shape"}));
    jit = {JitterDistribution::kPareto, ms(j["scale_ms"]), 0, j["shape"].get<double>()};
  }
  return OkStatus();
}

Loss parse_loss(const json& l) {
  Loss loss;
  loss.rate = l["rate"].get<double>();
  if (l.contains("rto_ms")) loss.rto_s = ms(l["rto_ms"]);
  if (l.contains("mss_bytes")) loss.mss_bytes = l["mss_bytes"].get<std::uint32_t>();
  return loss;
}

Status parse_variation(const json& net, Variation& out) {
  if (net.contains("jitter"))
    SMPC_RETURN_IF_ERROR(parse_jitter(net["jitter"], "/network/jitter", out.jitter));
  if (net.contains("loss")) out.loss = parse_loss(net["loss"]);
  return OkStatus();
}

// A trace's points as numbers: inline ("points": [[t_s, value], ...]) or from a text file of
// "t_s value" lines ('#' starts a comment), in the units of the key (ms or Mbit/s). Errors name
// the pointer, and for a file its path and line.
struct RawPoint {
  double t = 0, v = 0;
  std::string where;  // "<ptr>/points/3" or "<file>: line 7"
  bool from_file = false;
};

Status read_trace_file(const std::string& ptr, const std::string& name, const std::string& base_dir,
                       std::vector<RawPoint>& out) {
  std::filesystem::path path(name);
  if (path.is_relative()) path = std::filesystem::path(base_dir) / path;
  std::ifstream in(path);
  if (!in)
    return error_at(ptr + "/file", "cannot read trace file " + path.string() +
                                       " (a path relative to the scenario file), got " +
                                       short_json(json(name)));
  // Untrusted input: as many points as the schema allows inline, lines of sane length.
  constexpr std::size_t kMaxPoints = 1'000'000, kMaxLine = 4096;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.size() > kMaxLine || out.size() >= kMaxPoints)
      return error_at(ptr + "/file", path.string() + ": line " + std::to_string(number) +
                                         (line.size() > kMaxLine ? ": longer than 4096 characters"
                                                                 : ": more than 1000000 points"));
    if (const auto hash = line.find('#'); hash != std::string::npos) line.erase(hash);
    std::istringstream fields(line);
    std::string a, b, extra;
    if (!(fields >> a)) continue;  // blank or comment
    const std::string at = path.string() + ": line " + std::to_string(number);
    if (!(fields >> b) || (fields >> extra))
      return error_at(ptr + "/file", at + ": need two numbers \"t_s value\", got \"" +
                                         line.substr(0, 60) + "\"");
    RawPoint p;
    std::size_t used_a = 0, used_b = 0;
    try {
      p.t = std::stod(a, &used_a);
      p.v = std::stod(b, &used_b);
    } catch (const std::exception&) {
      used_a = 0;
    }
    if (used_a != a.size() || used_b != b.size() || used_a == 0)
      return error_at(ptr + "/file", at + ": not two numbers, got \"" + line.substr(0, 60) + "\"");
    p.where = at;
    p.from_file = true;
    out.push_back(std::move(p));
  }
  if (out.empty()) return error_at(ptr + "/file", path.string() + ": the trace has no points");
  return OkStatus();
}

// One trace ("latency_ms" or "bandwidth_mbps" of a "trace" object at `ptr`).
Status parse_trace(const json& t, const std::string& ptr, bool bandwidth,
                   const std::string& base_dir, std::shared_ptr<const Trace>& out) {
  std::vector<RawPoint> raw;
  if (t.contains("file")) {
    if (t.contains("points")) return error_at(ptr, "give \"points\" or \"file\", not both");
    SMPC_RETURN_IF_ERROR(read_trace_file(ptr, t["file"].get<std::string>(), base_dir, raw));
  } else {
    if (!t.contains("points")) return error_at(ptr, "a trace needs \"points\" or \"file\"");
    const json& pts = t["points"];
    for (std::size_t k = 0; k < pts.size(); ++k)
      raw.push_back({pts[k][0].get<double>(), pts[k][1].get<double>(),
                     ptr + "/points/" + std::to_string(k), false});
  }
  auto trace = std::make_shared<Trace>();
  const double scale = bandwidth ? 1e6 / 8 : 1e-3;
  for (std::size_t k = 0; k < raw.size(); ++k) {
    const RawPoint& p = raw[k];
    // Inline points: the pointer locates them; file points: the file's line does.
    const std::string at = p.from_file ? ptr + "/file" : p.where;
    const std::string line = p.from_file ? p.where + ": " : "";
    if (!std::isfinite(p.t) || p.t < 0)
      return error_at(at, line + "a trace time must be >= 0 (seconds), got " + time_text(p.t));
    if (k > 0 && !(p.t > raw[k - 1].t))
      return error_at(at, line + "trace times must increase, got " + time_text(p.t) + " after " +
                              time_text(raw[k - 1].t));
    if (!std::isfinite(p.v) || p.v < 0 || (bandwidth && p.v == 0))
      return error_at(at, line + (bandwidth ? "a bandwidth must be > 0 Mbit/s" : "a latency must be >= 0 ms") +
                              ", got " + time_text(p.v));
    trace->points.emplace_back(p.t, p.v * scale);
  }
  if (t.contains("period_s")) {
    trace->period_s = t["period_s"].get<double>();
    if (!(trace->period_s > trace->points.back().first))
      return error_at(ptr + "/period_s", "must be later than the last point (" +
                                             time_text(trace->points.back().first) + " s), got " +
                                             short_json(t["period_s"]));
  }
  out = std::move(trace);
  return OkStatus();
}

// "trace": {"latency_ms": {...}, "bandwidth_mbps": {...}} at `ptr`.
Status parse_traces(const json& t, const std::string& ptr, const std::string& base_dir,
                    LinkTraces& out) {
  if (t.contains("latency_ms"))
    SMPC_RETURN_IF_ERROR(parse_trace(t["latency_ms"], ptr + "/latency_ms", false, base_dir, out.latency));
  if (t.contains("bandwidth_mbps"))
    SMPC_RETURN_IF_ERROR(
        parse_trace(t["bandwidth_mbps"], ptr + "/bandwidth_mbps", true, base_dir, out.bandwidth));
  return OkStatus();
}

Status parse_cut(const json& f, const std::string& ptr, int parties, Fault& fault) {
  fault.kind = FaultKind::kCut;
  fault.is_link = f.contains("link");
  const json groups = fault.is_link ? json::array({f["link"]}) : f["cut"];
  std::vector<int> seen(static_cast<std::size_t>(parties), 0);
  for (std::size_t g = 0; g < groups.size(); ++g) {
    std::vector<PartyId> group;
    for (std::size_t k = 0; k < groups[g].size(); ++k) {
      const std::string at = fault.is_link ? ptr + "/link/" + std::to_string(k)
                                           : ptr + "/cut/" + std::to_string(g) + "/" +
                                                 std::to_string(k);
      SMPC_RETURN_IF_ERROR(check_party(groups[g][k], parties, at));
      const int p = groups[g][k].get<int>();
      if (seen[static_cast<std::size_t>(p)]++)
        return error_at(at, "party " + std::to_string(p) + " is named twice");
      group.push_back(p);
    }
    fault.groups.push_back(std::move(group));
  }
  if (fault.is_link) {  // the two ends of a link are two groups of one party each
    fault.groups = {{fault.groups[0][0]}, {fault.groups[0][1]}};
  }
  fault.from_s = f.value("from_s", 0.0);
  fault.until_s = f.contains("until_s") ? f["until_s"].get<double>()
                                        : std::numeric_limits<double>::infinity();
  if (!(fault.until_s > fault.from_s))
    return error_at(ptr + "/until_s", "must be later than from_s (" +
                                          short_json(json(fault.from_s)) + "), got " +
                                          short_json(f["until_s"]));
  return OkStatus();
}

Status parse_faults(const json& faults, int parties, std::vector<Fault>& out) {
  for (std::size_t k = 0; k < faults.size(); ++k) {
    const auto& f = faults[k];
    const std::string ptr = "/faults/" + std::to_string(k);
    Fault fault;
    if (f.contains("crash")) {
      SMPC_RETURN_IF_ERROR(check_party(f["crash"], parties, ptr + "/crash"));
      fault.kind = FaultKind::kCrash;
      fault.crash = f["crash"].get<int>();
      fault.at_s = f["at_s"].get<double>();
    } else {
      SMPC_RETURN_IF_ERROR(parse_cut(f, ptr, parties, fault));
    }
    out.push_back(std::move(fault));
  }
  return OkStatus();
}

constexpr std::pair<const char*, Topology> kTopologies[] = {
    {"full_mesh", Topology::kFullMesh}, {"star", Topology::kStar},
    {"ring", Topology::kRing},          {"tree", Topology::kTree},
    {"two_tier", Topology::kTwoTier},   {"regions", Topology::kRegions},
    {"graph", Topology::kGraph}};

Status parse_shape(const json& net, int parties, const std::string& base_dir, NetworkSpec& out) {
  TopologySpec& s = out.shape;
  if (net.contains("hub") && net["hub"].is_number()) {
    SMPC_RETURN_IF_ERROR(check_party(net["hub"], parties, "/network/hub"));
    s.hub = net["hub"].get<int>();
  }
  s.fanout = net.value("fanout", 2);
  s.rack_size = net.value("rack_size", 4);
  s.spine_latency_s = net.contains("spine_latency_ms") ? ms(net["spine_latency_ms"]) : out.latency_s;
  s.spine_bandwidth_bytes_per_s =
      net.contains("spine_bandwidth_mbps") ? mbps(net["spine_bandwidth_mbps"])
                                           : out.bandwidth_bytes_per_s;
  if (net.contains("wan_links") && out.topology != Topology::kRegions)
    return error_at("/network/wan_links", "applies to the regions topology only, got topology " +
                                              short_json(topology_name(out.topology)));
  if (out.topology == Topology::kRegions)
    SMPC_RETURN_IF_ERROR(parse_regions(net, parties, base_dir, out));
  if (out.topology == Topology::kGraph) SMPC_RETURN_IF_ERROR(parse_graph(net, parties, base_dir, out));
  return OkStatus();
}

}  // namespace

// What the ns-3 model cannot take (sim_network.cpp's check_ns3 says why), at its pointer.
Status check_ns3_scenario(const json& doc, const NetworkSpec& out) {
  if (out.model != NetworkModel::kNS3) return OkStatus();
  const json& net = doc["network"];
  if (out.topology != Topology::kFullMesh)
    return error_at("/network/topology", "the ns3 model supports only full_mesh (SimGrid's ns-3 "
                                         "binding builds links from one-link routes only), got " +
                                             short_json(net["topology"]));
  for (const char* key : {"links", "host_links", "trace"})
    if (net.contains(key))
      return error_at(std::string("/network/") + key,
                      "the ns3 model does not take it (docs/simulator.md, \"The ns-3 model\")");
  if (doc.contains("faults") && !doc["faults"].empty())
    return error_at("/faults", "the ns3 model does not take faults (SimGrid's ns-3 links have no "
                               "state changes)");
  return OkStatus();
}

Status parse_network(const json& doc, int parties, NetworkSpec& out, const std::string& base_dir) {
  if (doc.contains("network")) {
    const json& net = doc["network"];
    for (const auto& [name, t] : kTopologies)
      if (net.value("topology", "full_mesh") == name) out.topology = t;
    if (net.contains("model"))
      out.model = net["model"] == "lv08"  ? NetworkModel::kLV08
                  : net["model"] == "ns3" ? NetworkModel::kNS3
                                          : NetworkModel::kCM02;
    if (net.contains("latency_ms")) out.latency_s = ms(net["latency_ms"]);
    if (net.contains("bandwidth_mbps")) out.bandwidth_bytes_per_s = mbps(net["bandwidth_mbps"]);
    SMPC_RETURN_IF_ERROR(parse_shape(net, parties, base_dir, out));
    if (net.contains("links"))
      SMPC_RETURN_IF_ERROR(parse_overrides(net["links"], parties, base_dir, out));
    if (net.contains("host_links"))
      SMPC_RETURN_IF_ERROR(parse_host_links(net["host_links"], parties, out.host_links));
    SMPC_RETURN_IF_ERROR(parse_variation(net, out.variation));
    if (net.contains("trace")) {
      const auto t = out.topology;
      if (t != Topology::kFullMesh && t != Topology::kStar && t != Topology::kRing &&
          t != Topology::kTree)
        return error_at("/network/trace", "a network-wide trace applies to full_mesh, star, ring "
                                          "and tree only (their links all have the network-wide "
                                          "values), got topology " +
                                              short_json(net["topology"]));
      SMPC_RETURN_IF_ERROR(parse_traces(net["trace"], "/network/trace", base_dir, out.traces));
    }
  }
  if (doc.contains("faults")) SMPC_RETURN_IF_ERROR(parse_faults(doc["faults"], parties, out.faults));
  if (doc.contains("network")) SMPC_RETURN_IF_ERROR(check_ns3_scenario(doc, out));
  return OkStatus();
}

namespace {

using ojson = nlohmann::ordered_json;

double to_ms(double s) { return s * 1e3; }
double to_mbps(double b) { return b * 8 / 1e6; }

ojson matrix_json(const std::vector<double>& m, std::size_t r, double scale) {
  ojson rows = ojson::array();
  for (std::size_t a = 0; a < r; ++a) {
    ojson row = ojson::array();
    for (std::size_t b = 0; b < r; ++b) row.push_back(m[a * r + b] * scale);
    rows.push_back(row);
  }
  return rows;
}

std::string relay_name(int k) { return "relay" + std::to_string(k); }

void jitter_json(const Jitter& jit, ojson& j);
ojson loss_json(const Loss& l);
void traces_json(const LinkTraces& t, ojson& j);

// A link's own settings, as parse_own reads them.
void own_json(const LinkTraces& t, const LinkVariation& v, ojson& j) {
  if (v.jitter) jitter_json(*v.jitter, j);
  if (v.loss) j["loss"] = loss_json(*v.loss);
  traces_json(t, j);
}

// The topology-specific fields (none for full_mesh).
void shape_json(const NetworkSpec& spec, int parties, ojson& j) {
  const TopologySpec& s = spec.shape;
  switch (spec.topology) {
    case Topology::kStar:
      if (s.hub >= 0) j["hub"] = s.hub;  // a relay hub (the default) is not written
      break;
    case Topology::kTree: j["fanout"] = s.fanout; break;
    case Topology::kTwoTier:
      j["rack_size"] = s.rack_size;
      j["spine_latency_ms"] = to_ms(s.spine_latency_s);
      j["spine_bandwidth_mbps"] = to_mbps(s.spine_bandwidth_bytes_per_s);
      break;
    case Topology::kRegions: {
      ojson regions = ojson::array();
      std::vector<std::string> placement(static_cast<std::size_t>(parties));
      for (const auto& r : s.regions) {
        ojson region{{"name", r.name},
                     {"lan_latency_ms", to_ms(r.lan_latency_s)},
                     {"lan_bandwidth_mbps", to_mbps(r.lan_bandwidth_bytes_per_s)}};
        own_json(r.lan_traces, r.lan_variation, region);
        regions.push_back(region);
        for (PartyId p : r.parties) placement[static_cast<std::size_t>(p)] = r.name;
      }
      j["regions"] = regions;
      j["placement"] = placement;
      j["rtt_ms"] = matrix_json(s.region_latency_s, s.regions.size(), 2e3);
      j["wan_bandwidth_mbps"] = matrix_json(s.region_bandwidth_bytes_per_s, s.regions.size(), 8e-6);
      if (!s.wan_links.empty()) {
        ojson wan = ojson::array();
        for (const auto& w : s.wan_links) {
          ojson l{{"from", s.regions[static_cast<std::size_t>(w.from)].name},
                  {"to", s.regions[static_cast<std::size_t>(w.to)].name}};
          own_json(w.traces, w.variation, l);
          wan.push_back(l);
        }
        j["wan_links"] = wan;
      }
      break;
    }
    case Topology::kGraph: {
      // Relay nodes by name ("relay0", ...) so that the JSON loads back as the same graph.
      const auto node = [&](int k) { return k < parties ? ojson(k) : ojson(relay_name(k - parties)); };
      ojson nodes = ojson::array(), edges = ojson::array();
      for (int k = 0; k < s.relay_nodes; ++k) nodes.push_back(relay_name(k));
      for (const auto& e : s.edges) {
        ojson edge{{"a", node(e.a)}, {"b", node(e.b)}, {"latency_ms", to_ms(e.latency_s)},
                   {"bandwidth_mbps", to_mbps(e.bandwidth_bytes_per_s)}};
        own_json(e.traces, e.variation, edge);
        edges.push_back(edge);
      }
      j["nodes"] = nodes;
      j["edges"] = edges;
      break;
    }
    default: break;
  }
}

}  // namespace

// The report states the variation as the scenario gave it (times in ms), so that it reads
// back as a scenario.
namespace {

void jitter_json(const Jitter& jit, ojson& j) {
  switch (jit.distribution) {
    case JitterDistribution::kNone: break;
    case JitterDistribution::kUniform:
      j["jitter"] = {{"distribution", "uniform"}, {"min_ms", to_ms(jit.a_s)}, {"max_ms", to_ms(jit.b_s)}};
      break;
    case JitterDistribution::kNormal:
      j["jitter"] = {{"distribution", "normal"}, {"mean_ms", to_ms(jit.a_s)}, {"sd_ms", to_ms(jit.b_s)}};
      break;
    case JitterDistribution::kPareto:
      j["jitter"] = {{"distribution", "pareto"}, {"scale_ms", to_ms(jit.a_s)}, {"shape", jit.shape}};
      break;
  }
}

ojson loss_json(const Loss& l) {
  return {{"rate", l.rate}, {"rto_ms", to_ms(l.rto_s)}, {"mss_bytes", l.mss_bytes}};
}

}  // namespace

void variation_json(const Variation& v, ojson& j) {
  jitter_json(v.jitter, j);
  if (v.loss.rate > 0) j["loss"] = loss_json(v.loss);
}

namespace {

// Traces are written inline (a file's points too), so that a report reads back as a scenario
// without the file.
ojson link_trace_json(const Trace& t, double scale) {
  ojson points = ojson::array();
  for (const auto& [at, v] : t.points) points.push_back({at, v * scale});
  ojson j{{"points", points}};
  if (t.period_s > 0) j["period_s"] = t.period_s;
  return j;
}

void traces_json(const LinkTraces& t, ojson& j) {
  if (!t.any()) return;
  ojson out;
  if (t.latency) out["latency_ms"] = link_trace_json(*t.latency, 1e3);
  if (t.bandwidth) out["bandwidth_mbps"] = link_trace_json(*t.bandwidth, 8 / 1e6);
  j["trace"] = out;
}

}  // namespace

ojson network_json(const NetworkSpec& spec, int parties) {
  ojson links = ojson::array();
  for (const auto& o : spec.overrides) {
    ojson l{{"from", o.from}};
    if (o.to >= 0) l["to"] = o.to;
    l["latency_ms"] = to_ms(o.latency_s);
    l["bandwidth_mbps"] = to_mbps(o.bandwidth_bytes_per_s);
    if (o.jitter) jitter_json(*o.jitter, l);
    if (o.loss) l["loss"] = loss_json(*o.loss);
    traces_json(o.traces, l);
    links.push_back(l);
  }
  ojson j{{"topology", topology_name(spec.topology)},
          {"model", spec.model == NetworkModel::kLV08  ? "lv08"
                    : spec.model == NetworkModel::kNS3 ? "ns3"
                                                       : "cm02"},
          {"latency_ms", to_ms(spec.latency_s)},
          {"bandwidth_mbps", to_mbps(spec.bandwidth_bytes_per_s)},
          {"links", links}};
  shape_json(spec, parties, j);
  if (spec.host_links.enabled()) {
    ojson h{{"up_mbps", to_mbps(spec.host_links.up_bytes_per_s)},
            {"down_mbps", to_mbps(spec.host_links.down_bytes_per_s)}};
    for (const auto& o : spec.host_links.overrides)
      h["parties"].push_back({{"party", o.party}, {"up_mbps", to_mbps(o.up_bytes_per_s)},
                              {"down_mbps", to_mbps(o.down_bytes_per_s)}});
    j["host_links"] = h;
  }
  variation_json(spec.variation, j);
  traces_json(spec.traces, j);
  return j;
}

ojson faults_json(const std::vector<Fault>& faults) {
  ojson out = ojson::array();
  for (const auto& f : faults) {
    ojson j;
    if (f.kind == FaultKind::kCrash) {
      j = {{"crash", f.crash}, {"at_s", f.at_s}};
    } else {
      if (f.is_link) j["link"] = {f.groups[0][0], f.groups[1][0]};
      else j["cut"] = f.groups;
      j["from_s"] = f.from_s;
      if (std::isfinite(f.until_s)) j["until_s"] = f.until_s;
    }
    out.push_back(j);
  }
  return out;
}

ojson faults_report_json(const std::vector<Fault>& faults, int parties, double end_s) {
  ojson out = faults_json(faults);
  for (std::size_t k = 0; k < faults.size(); ++k) {
    const bool fired = fault_fired(faults[k], end_s);
    out[k]["fired"] = fired;
    out[k]["fault"] = fault_text(faults[k]);
    out[k]["hit"] = fired ? parties_hit(faults[k], parties) : std::vector<PartyId>{};
  }
  return out;
}

}  // namespace smpc
