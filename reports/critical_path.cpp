#include "reports/critical_path.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <tuple>

namespace smpc {
namespace {

using Kind = CriticalStep::Kind;

const char* kind_name(Kind k) {
  switch (k) {
    case Kind::kCompute: return "compute";
    case Kind::kMessage: return "message";
    case Kind::kSleep: return "sleep";
    case Kind::kWait: return "wait";
  }
  return "?";
}

// A compute span names the call it preceded: the send's label, else "recv from pN", "finish".
std::string compute_what(const TraceSpan& s) {
  if (!s.label.empty()) return s.label;
  if (s.call == "recv") return "before recv from p" + std::to_string(s.peer);
  return s.call;
}

// Each party's spans, by end time.
std::vector<std::vector<const TraceSpan*>> spans_by_party(const RunResult& run) {
  std::vector<std::vector<const TraceSpan*>> by(run.parties.size());
  for (const auto& s : run.trace.spans)
    if (static_cast<std::size_t>(s.party) < by.size()) by[static_cast<std::size_t>(s.party)].push_back(&s);
  for (auto& v : by)
    std::stable_sort(v.begin(), v.end(),
                     [](const TraceSpan* a, const TraceSpan* b) { return a->end_s < b->end_s; });
  return by;
}

// The message from `from` to `to` whose delivery ended a wait at `end`.
const TraceMessage* delivered_at(const RunResult& run, PartyId from, PartyId to, double end) {
  for (const auto& m : run.trace.messages)
    if (m.from == from && m.to == to && m.delivered_s == end) return &m;
  return nullptr;
}

}  // namespace

std::optional<CriticalPath> critical_path(const RunResult& run) {
  if (run.trace.empty() || run.parties.empty()) return std::nullopt;
  CriticalPath path;
  for (const auto& p : run.parties)
    if (path.party < 0 || p.finish_time_s > path.finish_s) path.party = p.party, path.finish_s = p.finish_time_s;
  const auto by = spans_by_party(run);
  std::vector<std::size_t> next(by.size());  // spans not yet passed, per party: [0, next)
  for (std::size_t i = 0; i < by.size(); ++i) next[i] = by[i].size();
  PartyId party = path.party;
  double t = path.finish_s;
  for (;;) {
    auto& k = next[static_cast<std::size_t>(party)];
    const auto& spans = by[static_cast<std::size_t>(party)];
    while (k > 0 && spans[k - 1]->end_s > t) --k;
    if (k == 0) break;
    const TraceSpan& s = *spans[--k];
    CriticalStep step{Kind::kCompute, party, s.peer, compute_what(s), s.start_s, s.end_s};
    if (s.kind == TraceSpanKind::kSleep) step.kind = Kind::kSleep, step.what = "sleep";
    if (s.kind == TraceSpanKind::kWait) {
      const TraceMessage* m = delivered_at(run, s.peer, party, s.end_s);
      if (m == nullptr) {  // the receive gave up (timeout): the wait itself is the step
        step.kind = Kind::kWait;
        step.what = "recv from p" + std::to_string(s.peer);
      } else {
        step = {Kind::kMessage, party, m->from, m->label, m->sent_s, m->delivered_s};
        path.steps.push_back(step);
        path.message_s += step.seconds();
        party = m->from;
        t = m->sent_s;
        continue;
      }
    }
    path.steps.push_back(step);
    (step.kind == Kind::kCompute ? path.compute_s
                                 : step.kind == Kind::kSleep ? path.sleep_s : path.wait_s) += step.seconds();
    t = s.start_s;
  }
  std::reverse(path.steps.begin(), path.steps.end());
  return path;
}

namespace {

struct Merged {
  Kind kind;
  PartyId party, peer;
  std::string what;
  double seconds = 0;
  std::size_t count = 0;
};

std::vector<Merged> merged(const CriticalPath& path) {
  std::map<std::tuple<int, PartyId, PartyId, std::string>, Merged> by;
  for (const auto& s : path.steps) {
    // A compute span's peer only names its call; merge by party and label.
    const PartyId peer = s.kind == Kind::kCompute ? -1 : s.peer;
    auto [it, fresh] = by.try_emplace({static_cast<int>(s.kind), s.party, peer, s.what},
                                      Merged{s.kind, s.party, peer, s.what});
    it->second.seconds += s.seconds();
    ++it->second.count;
  }
  std::vector<Merged> out;
  for (auto& [key, m] : by) out.push_back(m);
  std::stable_sort(out.begin(), out.end(),
                   [](const Merged& a, const Merged& b) { return a.seconds > b.seconds; });
  return out;
}

std::string merged_text(const Merged& m) {
  char buf[200];
  if (m.kind == Kind::kMessage)
    std::snprintf(buf, sizeof buf, "'%s' p%d -> p%d %.6f s", m.what.c_str(), m.peer, m.party, m.seconds);
  else
    std::snprintf(buf, sizeof buf, "%s p%d '%s' %.6f s", kind_name(m.kind), m.party, m.what.c_str(),
                  m.seconds);
  return buf;
}

}  // namespace

nlohmann::ordered_json critical_path_json(const CriticalPath& path, std::size_t top) {
  nlohmann::ordered_json largest = nlohmann::ordered_json::array();
  for (const Merged& m : merged(path)) {
    if (largest.size() >= top) break;
    nlohmann::ordered_json e{{"kind", kind_name(m.kind)}, {"party", m.party}};
    if (m.kind == Kind::kMessage) e["from"] = m.peer;
    e["label"] = m.what;
    e["seconds"] = m.seconds;
    e["steps"] = m.count;
    largest.push_back(e);
  }
  return {{"party", path.party},         {"finish_time_s", path.finish_s},
          {"compute_s", path.compute_s}, {"message_s", path.message_s},
          {"sleep_s", path.sleep_s},     {"wait_s", path.wait_s},
          {"uncovered_s", path.uncovered_s()}, {"steps", path.steps.size()},
          {"largest", largest}};
}

std::string critical_path_line(const CriticalPath& path) {
  const double t = path.finish_s > 0 ? path.finish_s : 1;
  char buf[256];
  std::snprintf(buf, sizeof buf,
                "  critical path: party %d at %.6f s = compute %.6f s (%.0f%%) + messages %.6f s "
                "(%.0f%%) over %zu steps; largest:",
                path.party, path.finish_s, path.compute_s, 100 * path.compute_s / t, path.message_s,
                100 * path.message_s / t, path.steps.size());
  std::string out = buf;
  const auto m = merged(path);
  for (std::size_t i = 0; i < m.size() && i < 3; ++i) out += (i ? ", " : " ") + merged_text(m[i]);
  return out + "\n";
}

}  // namespace smpc
