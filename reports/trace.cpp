#include "reports/trace.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <map>
#include <optional>
#include <tuple>
#include <utility>
#include <vector>

namespace smpc {
namespace {

using J = nlohmann::ordered_json;

// Simulated seconds as integer nanoseconds: a child's end computed from the same double as its
// parent's end is the same integer, so nesting survives the conversion exactly.
std::int64_t ns(double s) { return static_cast<std::int64_t>(std::llround(s * 1e9)); }

// Microseconds (the format's unit) with nanosecond digits, from integer nanoseconds.
void append_us(std::string& out, std::int64_t t) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%lld.%03lld", static_cast<long long>(t / 1000),
                static_cast<long long>(t % 1000));
  out += buf;
}

// Labels, phases and the scenario name are untrusted text: JSON-escaped, invalid UTF-8
// replaced, never pasted raw.
std::string json_string(const std::string& s) {
  return J(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Sort ranks for events at the same instant with the same length: parents before children.
enum Rank : int { kPhase = 0, kSpan = 1, kSend = 2, kRecv = 3, kLabel = 4 };

// Where an event goes in the file: by time, longer first, then kind, then order of creation.
struct Key {
  std::int64_t ts = 0;
  std::int64_t dur = 0;
  int rank = 0;
  std::size_t seq = 0;
  bool operator<(const Key& o) const {
    return std::make_tuple(ts, -dur, rank, seq) < std::make_tuple(o.ts, -o.dur, o.rank, o.seq);
  }
};

struct Event {
  Key key;
  std::string text;  // the event's JSON object
};

// Collects the slices in two passes over the same calls: the first only their keys (cheap), to
// find where a cap cuts; the second formats only the slices that are kept, so a capped trace of
// a huge run never holds the text of the events it drops.
class Builder {
 public:
  explicit Builder(std::optional<Key> cutoff = std::nullopt) : cutoff_(cutoff), counting_(!cutoff) {}
  static Builder formatting_all() {
    Builder b;
    b.counting_ = false;
    return b;
  }

  // A complete ("X") slice. `name()` gives its JSON name, `fields()` further members
  // (",\"args\":{...}" etc.); neither is called for a slice that is not written.
  template <class Name, class Fields>
  void slice(std::int64_t ts, std::int64_t dur, int rank, int pid, int tid, const char* cat,
             Name&& name, Fields&& fields) {
    const Key key{ts, std::max<std::int64_t>(dur, 0), rank, seq_++};
    if (counting_) {
      keys_.push_back(key);
      return;
    }
    if (cutoff_ && *cutoff_ < key) return;
    Event e{key, {}};
    std::string& t = e.text;
    t.reserve(160);
    t += "{\"ph\":\"X\",\"pid\":";
    t += std::to_string(pid);
    t += ",\"tid\":";
    t += std::to_string(tid);
    t += ",\"ts\":";
    append_us(t, ts);
    t += ",\"dur\":";
    append_us(t, key.dur);
    t += ",\"cat\":\"";
    t += cat;
    t += "\",\"name\":";
    t += name();
    t += fields();
    t += '}';
    events_.push_back(std::move(e));
  }
  std::vector<Key>& keys() { return keys_; }
  std::vector<Event>& events() { return events_; }

 private:
  std::optional<Key> cutoff_;
  bool counting_ = true;
  std::size_t seq_ = 0;
  std::vector<Key> keys_;
  std::vector<Event> events_;
};

std::string party_name(PartyId p) { return "party " + std::to_string(p); }

// Track names and order ("M" events; not counted against the cap).
void metadata(std::string& out, int pid, int tid, const std::string& process,
              const std::string& thread, int sort, bool first_of_process) {
  if (first_of_process) {
    out += "{\"ph\":\"M\",\"pid\":" + std::to_string(pid) + ",\"tid\":" + std::to_string(tid) +
           ",\"name\":\"process_name\",\"args\":{\"name\":" + json_string(process) + "}},\n";
    out += "{\"ph\":\"M\",\"pid\":" + std::to_string(pid) + ",\"tid\":" + std::to_string(tid) +
           ",\"name\":\"process_sort_index\",\"args\":{\"sort_index\":" +
           std::to_string(pid) + "}},\n";
  }
  out += "{\"ph\":\"M\",\"pid\":" + std::to_string(pid) + ",\"tid\":" + std::to_string(tid) +
         ",\"name\":\"thread_name\",\"args\":{\"name\":" + json_string(thread) + "}},\n";
  out += "{\"ph\":\"M\",\"pid\":" + std::to_string(pid) + ",\"tid\":" + std::to_string(tid) +
         ",\"name\":\"thread_sort_index\",\"args\":{\"sort_index\":" + std::to_string(sort) +
         "}},\n";
}

// The main thread of party p is tid p + 1 in process p + 1 (pid 0 is special in some viewers).
int pid_of(PartyId p) { return p + 1; }

void phase_slices(Builder& b, const RunRecord& r) {
  const auto& phases = r.run.trace.phases;
  for (std::size_t i = 0; i < phases.size(); ++i) {
    const TracePhase& ph = phases[i];
    double end = 0;
    if (i + 1 < phases.size() && phases[i + 1].party == ph.party) {
      end = phases[i + 1].start_s;
    } else {
      for (const auto& party : r.run.parties)
        if (party.party == ph.party) end = party.finish_time_s;
    }
    b.slice(ns(ph.start_s), ns(end) - ns(ph.start_s), kPhase, pid_of(ph.party), pid_of(ph.party),
            "phase", [&] { return json_string(ph.name); },
            [&] { return ",\"args\":{\"phase\":" + json_string(ph.name) + "}"; });
  }
}

std::string span_name(const TraceSpan& s) {
  switch (s.kind) {
    case TraceSpanKind::kCompute: return "compute";
    case TraceSpanKind::kWait: return "wait for p" + std::to_string(s.peer);
    case TraceSpanKind::kSleep: return "sleep";
  }
  return "?";
}

void span_slices(Builder& b, const RunRecord& r) {
  for (const TraceSpan& s : r.run.trace.spans) {
    const auto fields = [&s] {
      std::string call = s.call;
      if (!s.label.empty()) call += " " + s.label;
      if (s.peer >= 0) call += (s.call == "send" ? " to p" : " from p") + std::to_string(s.peer);
      return ",\"args\":{\"call\":" + json_string(call) + "}";
    };
    b.slice(ns(s.start_s), ns(s.end_s) - ns(s.start_s), kSpan, pid_of(s.party), pid_of(s.party),
            trace_span_kind_name(s.kind), [&s] { return json_string(span_name(s)); }, fields);
  }
}

// One zero-length slice at the send and one at the arrival, joined by a flow (v2: bind_id with
// flow_out / flow_in on the slices themselves, so no binding-point rules apply). A message that
// never arrived has its send slice only, with "arrived": null.
void message_slices(Builder& b, const RunRecord& r) {
  std::map<std::string, std::string> names;  // label -> its JSON form (labels repeat)
  const auto name_of = [&names](const std::string& label) -> const std::string& {
    auto [it, fresh] = names.try_emplace(label);
    if (fresh) it->second = json_string(label);
    return it->second;
  };
  const auto& messages = r.run.trace.messages;
  for (std::size_t k = 0; k < messages.size(); ++k) {
    const TraceMessage& m = messages[k];
    const std::string id = std::to_string(k + 1);  // 0 reads as "no id" in some viewers
    const auto args = [&] {
      return ",\"args\":{\"message\":" + id + ",\"from\":" + std::to_string(m.from) +
             ",\"to\":" + std::to_string(m.to) + ",\"label\":" + name_of(m.label) +
             ",\"round\":" + std::to_string(m.round) + ",\"bytes\":" + std::to_string(m.bytes);
    };
    const auto name = [&] { return name_of(m.label); };
    const bool arrived = m.arrived_s >= 0;
    b.slice(ns(m.sent_s), 0, kSend, pid_of(m.from), pid_of(m.from), "message", name, [&] {
      return args() + ",\"phase\":" + json_string(m.phase) +
             (arrived ? "},\"bind_id\":" + id + ",\"flow_out\":true" : ",\"arrived\":null}");
    });
    if (!arrived) continue;
    b.slice(ns(m.arrived_s), 0, kRecv, pid_of(m.to), pid_of(m.to), "message", name, [&] {
      std::string delivered = "null";
      if (m.delivered_s >= 0) {
        delivered.clear();
        append_us(delivered, ns(m.delivered_s));
      }
      return args() + ",\"delivered_us\":" + delivered + "},\"bind_id\":" + id +
             ",\"flow_in\":true";
    });
  }
}

struct LabelSpan {
  std::int64_t start = 0, end = 0;
  std::string label, phase;
  std::uint32_t round = 0;
  std::uint64_t messages = 0, bytes = 0;
};

// Per party, per (label, round) it sent: first send to last arrival. Returns, per party, the
// spans in order of start with the lane (0, 1, ...) each goes to: the first lane free by then.
std::vector<std::vector<std::pair<LabelSpan, int>>> label_lanes(const RunRecord& r) {
  std::vector<std::map<std::pair<std::string, std::uint32_t>, LabelSpan>> by_party(r.run.parties.size());
  for (const TraceMessage& m : r.run.trace.messages) {
    const auto p = static_cast<std::size_t>(m.from);
    if (p >= by_party.size()) continue;
    auto [it, fresh] = by_party[p].try_emplace({m.label, m.round});
    LabelSpan& s = it->second;
    const std::int64_t sent = ns(m.sent_s), done = ns(m.arrived_s >= 0 ? m.arrived_s : m.sent_s);
    if (fresh) s = LabelSpan{sent, done, m.label, m.phase, m.round, 0, 0};
    s.start = std::min(s.start, sent);
    s.end = std::max(s.end, done);
    ++s.messages;
    s.bytes += m.bytes;
  }
  std::vector<std::vector<std::pair<LabelSpan, int>>> out(by_party.size());
  for (std::size_t p = 0; p < by_party.size(); ++p) {
    std::vector<LabelSpan> spans;
    for (auto& [key, s] : by_party[p]) spans.push_back(std::move(s));
    std::stable_sort(spans.begin(), spans.end(), [](const LabelSpan& a, const LabelSpan& b) {
      return std::tie(a.start, a.round) < std::tie(b.start, b.round);
    });
    std::vector<std::int64_t> lane_end;
    for (auto& s : spans) {
      std::size_t lane = 0;
      while (lane < lane_end.size() && lane_end[lane] > s.start) ++lane;
      if (lane == lane_end.size()) lane_end.push_back(0);
      lane_end[lane] = std::max(s.end, s.start);
      out[p].emplace_back(std::move(s), static_cast<int>(lane));
    }
  }
  return out;
}

J other_data(const RunRecord& r, std::size_t events, std::size_t dropped) {
  return J{{"generator", "smpc run --trace (docs/reports.md, Timelines)"},
           {"time", "simulated; ts and dur in microseconds"},
           {"scenario", r.scenario},
           {"seed", r.seed},
           {"protocol", r.protocol},
           {"parties", r.parties},
           {"simulated_time_s", r.run.simulated_time_s},
           {"messages", r.run.trace.messages.size()},
           {"events", events},
           {"events_dropped", dropped},
           {"truncated", dropped > 0}};
}

// The label slices, on lane threads named in `metadata` (tids after every party's main
// thread, unique overall).
struct Lanes {
  std::vector<std::tuple<PartyId, int, LabelSpan>> slices;  // party, tid, span
  std::string metadata;
};

Lanes assign_lanes(const RunRecord& r) {
  Lanes out;
  int next_tid = static_cast<int>(r.run.parties.size()) + 1;
  const auto lanes = label_lanes(r);
  for (std::size_t p = 0; p < lanes.size(); ++p) {
    const auto party = static_cast<PartyId>(p);
    std::vector<int> tid_of_lane;
    for (const auto& [s, lane] : lanes[p]) {
      while (static_cast<int>(tid_of_lane.size()) <= lane) {
        const int l = static_cast<int>(tid_of_lane.size());
        tid_of_lane.push_back(next_tid++);
        metadata(out.metadata, pid_of(party), tid_of_lane.back(), "",
                 l == 0 ? "labels" : "labels " + std::to_string(l + 1), l + 1, false);
      }
      out.slices.emplace_back(party, tid_of_lane[static_cast<std::size_t>(lane)], s);
    }
  }
  return out;
}

void label_slices(Builder& b, const Lanes& lanes) {
  for (const auto& entry : lanes.slices) {
    // Not a structured binding: clang 14 (the fuzz build) refuses to capture one in a lambda.
    const PartyId party = std::get<0>(entry);
    const int tid = std::get<1>(entry);
    const LabelSpan& s = std::get<2>(entry);
    b.slice(s.start, s.end - s.start, kLabel, pid_of(party), tid, "label",
            [&s] { return json_string(s.label + " r" + std::to_string(s.round)); },
            [&s] {
              return ",\"args\":{\"label\":" + json_string(s.label) +
                     ",\"round\":" + std::to_string(s.round) +
                     ",\"messages\":" + std::to_string(s.messages) +
                     ",\"bytes\":" + std::to_string(s.bytes) +
                     ",\"phase\":" + json_string(s.phase) + "}";
            });
  }
}

void all_slices(Builder& b, const RunRecord& r, const Lanes& lanes) {
  phase_slices(b, r);
  span_slices(b, r);
  message_slices(b, r);
  label_slices(b, lanes);
}

}  // namespace

ChromeTrace chrome_trace(const RunRecord& r, std::size_t max_events) {
  const Lanes lanes = assign_lanes(r);
  // First pass: keys only, to find the last event a cap keeps.
  Builder counter;
  all_slices(counter, r, lanes);
  auto& keys = counter.keys();
  ChromeTrace t;
  t.events = max_events == 0 ? keys.size() : std::min(keys.size(), max_events);
  t.dropped = keys.size() - t.events;
  std::optional<Key> first_dropped;
  Builder writer = Builder::formatting_all();
  if (t.dropped > 0) {
    std::nth_element(keys.begin(), keys.begin() + static_cast<std::ptrdiff_t>(t.events), keys.end());
    first_dropped = keys[t.events];
    std::nth_element(keys.begin(), keys.begin() + static_cast<std::ptrdiff_t>(t.events - 1),
                     keys.begin() + static_cast<std::ptrdiff_t>(t.events));
    writer = Builder(keys[t.events - 1]);
  }
  keys = {};
  all_slices(writer, r, lanes);
  auto& events = writer.events();
  std::sort(events.begin(), events.end(),
            [](const Event& a, const Event& c) { return a.key < c.key; });

  std::string out = "{\"traceEvents\":[\n";
  for (PartyId p = 0; p < static_cast<PartyId>(r.run.parties.size()); ++p)
    metadata(out, pid_of(p), pid_of(p), party_name(p), party_name(p), 0, true);
  out += lanes.metadata;
  for (const Event& e : events) {
    out += e.text;
    out += ",\n";
  }
  if (first_dropped) {
    out += "{\"ph\":\"i\",\"s\":\"g\",\"pid\":1,\"tid\":1,\"ts\":";
    append_us(out, first_dropped->ts);
    out += ",\"cat\":\"truncated\",\"name\":" +
           json_string("TRUNCATED: --trace-max-events " + std::to_string(max_events) +
                       " reached, " + std::to_string(t.dropped) + " later events not written") +
           "},\n";
  }
  if (out.ends_with(",\n")) out.resize(out.size() - 2);
  out += "\n],\"displayTimeUnit\":\"ns\",\"otherData\":" +
         other_data(r, t.events, t.dropped)
             .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) +
         "}\n";
  t.json = std::move(out);
  return t;
}

}  // namespace smpc
