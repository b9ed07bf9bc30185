#include "protocols/core/run_result.h"

#include "protocols/core/abort.h"
#include "protocols/core/cost_profile.h"
#include "protocols/core/enum_names.h"
#include "protocols/core/mutants.h"
#include "protocols/core/ops.h"

namespace smpc {

constexpr const char* kPartyStatusNames[] = {"output", "abort", "no_output"};
const char* party_status_name(PartyStatus s) { return enum_name(kPartyStatusNames, s); }

constexpr const char* kTraceSpanKindNames[] = {"compute", "wait", "sleep"};
const char* trace_span_kind_name(TraceSpanKind k) { return enum_name(kTraceSpanKindNames, k); }

PartyResult run_party(const PartyBody& body, PartyContext& ctx) {
  PartyResult r;
  r.party = ctx.net.self();
  ctx.annotations = &r.annotations;
  try {
    r.outputs = body(ctx).values;
    r.status = PartyStatus::kOutput;
  } catch (const Abort& a) {
    r.status = a.kind() == AbortKind::kTimeout ? PartyStatus::kNoOutput : PartyStatus::kAbort;
    r.abort_reason = a.what();
    r.blamed = a.blamed();
  }
  r.finish_time_s = ctx.clock.now();
  r.meter = ctx.meter.snapshot();
  ctx.annotations = nullptr;
  return r;
}

Message open_envelope(const Envelope& env, PartyId from, Meter& meter) {
  if (!mutant_active(Mutant::kM86)) {  // the transport's work for this message (ops.h)
    count_op(Op::kMessage);
    count_op(Op::kMessageByte, env.wire.size());
  }
  meter.record_receive(from, env.wire, env.round);
  auto decoded = Message::decode(env.wire);
  if (!decoded.ok())
    throw Abort("malformed message from party " + std::to_string(from) + " (label '" +
                    env.label + "'): " + decoded.status().message(),
                {from}, AbortKind::kMalformed);
  Message m = std::move(decoded).value();
  m.set_sender(from);
  m.set_metadata(env.label, env.round);
  return m;
}

Message open_message(Message message, std::string label, std::uint32_t round, PartyId from,
                     Meter& meter) {
  if (!message.round_trips())
    return open_envelope(Envelope{message.encode(), std::move(label), round}, from, meter);
  if (!mutant_active(Mutant::kM86)) {
    count_op(Op::kMessage);
    count_op(Op::kMessageByte, message.encoded_size());
  }
  meter.record_receive(from, message, round);
  message.set_sender(from);
  message.set_metadata(std::move(label), round);
  return message;
}

namespace {

nlohmann::json counter_json(const TrafficCounter& c) {
  return {{"bytes", c.bytes}, {"messages", c.messages}};
}
TrafficCounter counter_from(const nlohmann::json& j) {
  return {j.at("bytes").get<std::uint64_t>(), j.at("messages").get<std::uint64_t>()};
}
nlohmann::json stats_json(const std::map<std::string, LabelStats>& m) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [k, s] : m)
    out[k] = {{"phase", s.phase},
              {"traffic", counter_json(s.traffic)},
              {"first_round", s.first_round},
              {"last_round", s.last_round},
              {"ops", ops_json(s.ops)},
              {"compute_s", s.compute_s}};
  return out;
}
OpCounts ops_from(const nlohmann::json& j) {
  auto r = ops_from_json(j);
  SMPC_ASSERT(r.ok());  // written by to_json in our own child process
  return *r;
}
std::map<std::string, LabelStats> stats_from(const nlohmann::json& j) {
  std::map<std::string, LabelStats> out;
  for (const auto& [k, v] : j.items())
    out[k] = LabelStats{v.at("phase").get<std::string>(), counter_from(v.at("traffic")),
                        v.at("first_round").get<std::uint32_t>(),
                        v.at("last_round").get<std::uint32_t>(), ops_from(v.at("ops")),
                        v.at("compute_s").get<double>()};
  return out;
}

// The trace crosses the pipe from the simulation child with the rest of the result: one array
// per record (a message is nine values), which keeps a long run's trace compact.
nlohmann::json trace_json(const RunTrace& t) {
  nlohmann::json messages = nlohmann::json::array(), spans = nlohmann::json::array(),
                 phases = nlohmann::json::array();
  for (const auto& m : t.messages)
    messages.push_back({m.from, m.to, m.label, m.phase, m.round, m.bytes, m.sent_s, m.arrived_s,
                        m.delivered_s});
  for (const auto& s : t.spans)
    spans.push_back({s.party, static_cast<int>(s.kind), s.start_s, s.end_s, s.call, s.peer,
                     s.label});
  for (const auto& p : t.phases) phases.push_back({p.party, p.name, p.start_s});
  return {{"messages", messages}, {"spans", spans}, {"phases", phases}};
}

RunTrace trace_from(const nlohmann::json& j) {
  RunTrace t;
  for (const auto& m : j.at("messages"))
    t.messages.push_back({m.at(0).get<PartyId>(), m.at(1).get<PartyId>(),
                          m.at(2).get<std::string>(), m.at(3).get<std::string>(),
                          m.at(4).get<std::uint32_t>(), m.at(5).get<std::uint64_t>(),
                          m.at(6).get<double>(), m.at(7).get<double>(), m.at(8).get<double>()});
  for (const auto& s : j.at("spans"))
    t.spans.push_back({s.at(0).get<PartyId>(), static_cast<TraceSpanKind>(s.at(1).get<int>()),
                       s.at(2).get<double>(), s.at(3).get<double>(), s.at(4).get<std::string>(),
                       s.at(5).get<PartyId>(), s.at(6).get<std::string>()});
  for (const auto& p : j.at("phases"))
    t.phases.push_back({p.at(0).get<PartyId>(), p.at(1).get<std::string>(), p.at(2).get<double>()});
  return t;
}

}  // namespace

void to_json(nlohmann::json& j, const MeterSnapshot& m) {
  // Sparse: the party count and [to, bytes, messages] per destination sent to (one object per
  // party, zeros included, was 10-25 GB of JSON at 10,001 parties). from_json also reads the
  // dense array of before.
  nlohmann::json to = nlohmann::json::array();
  for (const auto& [p, c] : m.sent_to.nonzero()) to.push_back({p, c.bytes, c.messages});
  to = {{"parties", m.sent_to.size()}, {"to", std::move(to)}};
  j = {{"party", m.party},         {"sent", counter_json(m.sent)},
       {"received", counter_json(m.received)}, {"sent_to", to},
       {"by_label", stats_json(m.by_label)},   {"by_phase", stats_json(m.by_phase)},
       {"max_round", m.max_round},      {"view_digest", m.view_digest},
       {"ops", ops_json(m.ops)},        {"compute_s", m.compute_s},
       {"unsent_ops", ops_json(m.unsent_ops)}, {"unsent_compute_s", m.unsent_compute_s},
       {"max_compute_burst_s", m.max_compute_burst_s}, {"timed_out_from", m.timed_out_from},
       {"timed_out_at_s", m.timed_out_at_s}};
}

void from_json(const nlohmann::json& j, MeterSnapshot& m) {
  m.party = j.at("party").get<PartyId>();
  m.sent = counter_from(j.at("sent"));
  m.received = counter_from(j.at("received"));
  const auto& to = j.at("sent_to");
  if (to.is_array()) {  // dense, as written before the sparse form
    m.sent_to = PeerTraffic(to.size());
    for (std::size_t p = 0; p < to.size(); ++p)
      m.sent_to.set(static_cast<PartyId>(p), counter_from(to[p]));
  } else {
    m.sent_to = PeerTraffic(to.at("parties").get<std::size_t>());
    for (const auto& e : to.at("to"))
      m.sent_to.set(e.at(0).get<PartyId>(),
                    {e.at(1).get<std::uint64_t>(), e.at(2).get<std::uint64_t>()});
  }
  m.by_label = stats_from(j.at("by_label"));
  m.by_phase = stats_from(j.at("by_phase"));
  m.max_round = j.at("max_round").get<std::uint32_t>();
  m.view_digest = j.at("view_digest").get<std::string>();
  m.ops = ops_from(j.at("ops"));
  m.compute_s = j.at("compute_s").get<double>();
  m.unsent_ops = ops_from(j.at("unsent_ops"));
  m.unsent_compute_s = j.at("unsent_compute_s").get<double>();
  m.max_compute_burst_s = j.at("max_compute_burst_s").get<double>();
  m.timed_out_from = j.at("timed_out_from").get<std::vector<PartyId>>();
  // Absent in results written before the times were kept: time 0, the earliest, which a
  // protocol's timing check reads as evidence (never as an expected silence).
  m.timed_out_at_s = j.value("timed_out_at_s", std::vector<double>{});
  if (m.timed_out_at_s.size() != m.timed_out_from.size())
    m.timed_out_at_s.assign(m.timed_out_from.size(), 0.0);
}

void to_json(nlohmann::json& j, const RunResult& r) {
  nlohmann::json parties = nlohmann::json::array();
  for (const auto& p : r.parties) {
    nlohmann::json mj;
    to_json(mj, p.meter);
    parties.push_back({{"party", p.party},
                       {"status", static_cast<int>(p.status)},
                       {"outputs", p.outputs},
                       {"abort_reason", p.abort_reason},
                       {"blamed", p.blamed},
                       {"meter", mj},
                       {"finish_time_s", p.finish_time_s},
                       {"annotations", p.annotations}});
  }
  j = {{"parties", parties}, {"simulated_time_s", r.simulated_time_s},
       {"max_added_delay_s", r.max_added_delay_s}};
  if (r.max_message_latency_s > 0) j["max_message_latency_s"] = r.max_message_latency_s;
  if (!r.trace.empty()) j["trace"] = trace_json(r.trace);
}

void from_json(const nlohmann::json& j, RunResult& r) {
  r.parties.clear();
  for (const auto& pj : j.at("parties")) {
    PartyResult p;
    p.party = pj.at("party").get<PartyId>();
    p.status = static_cast<PartyStatus>(pj.at("status").get<int>());
    p.outputs = pj.at("outputs").get<std::vector<std::uint64_t>>();
    p.abort_reason = pj.at("abort_reason").get<std::string>();
    p.blamed = pj.at("blamed").get<std::vector<PartyId>>();
    from_json(pj.at("meter"), p.meter);
    p.finish_time_s = pj.at("finish_time_s").get<double>();
    if (pj.contains("annotations")) p.annotations = pj.at("annotations");
    r.parties.push_back(std::move(p));
  }
  r.simulated_time_s = j.at("simulated_time_s").get<double>();
  r.max_added_delay_s = j.value("max_added_delay_s", 0.0);
  r.max_message_latency_s = j.value("max_message_latency_s", 0.0);
  r.trace = j.contains("trace") ? trace_from(j.at("trace")) : RunTrace{};
}

}  // namespace smpc
