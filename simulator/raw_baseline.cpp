#include "simulator/raw_baseline.h"

#include <algorithm>
#include <chrono>
#include <memory>
#include <optional>
#include <simgrid/s4u.hpp>
#include <string>
#include <vector>

namespace smpc {

namespace sg4 = simgrid::s4u;

namespace {

// SimNetwork's engine options (sim_network.cpp), so that both run the same model. The argument
// vector outlives the engine (SimGrid may keep pointers into it); one engine per process.
std::unique_ptr<sg4::Engine> make_engine() {
  static std::vector<std::string> args{"bench", "--log=root.thres:critical",
                                       "--cfg=network/model:CM02", "--cfg=network/crosstraffic:0",
                                       "--cfg=network/TCP-gamma:0", "--cfg=surf/precision:1e-12"};
  static std::vector<char*> argv = [] {
    std::vector<char*> v;
    for (auto& a : args) v.push_back(a.data());
    return v;
  }();
  static int argc = static_cast<int>(argv.size());
  return std::make_unique<sg4::Engine>(&argc, argv.data());
}

// Appending, not "p" + std::to_string(i): that trips GCC 12's -Wrestrict false positive (bug
// 105329) at -O3.
std::string named(const char* prefix, int i) {
  std::string s(prefix);
  s += std::to_string(i);
  return s;
}

std::string pair_name(int from, int to) {
  std::string s = named("", from);
  s += "->";
  s += std::to_string(to);
  return s;
}

}  // namespace

double raw_simgrid_all_to_all_seconds(int parties) {
  const auto engine = make_engine();
  auto* zone = sg4::create_full_zone("bench");
  std::vector<sg4::Host*> hosts;
  for (int i = 0; i < parties; ++i)
    hosts.push_back(zone->create_host(named("p", i), 1e9)->seal());
  for (int i = 0; i < parties; ++i)
    for (int j = 0; j < parties; ++j) {
      if (i == j) continue;
      const sg4::Link* l = zone->create_link(named("l", i) + "-" + std::to_string(j), 125e6)->set_latency(1e-3)->seal();
      zone->add_route(hosts[static_cast<std::size_t>(i)]->get_netpoint(),
                      hosts[static_cast<std::size_t>(j)]->get_netpoint(), nullptr, nullptr,
                      {sg4::LinkInRoute(l)}, false);
    }
  zone->seal();
  using WallClock = std::chrono::steady_clock;
  std::optional<WallClock::time_point> first;
  WallClock::time_point last{};
  static int payload = 0;  // only its address travels; the simulated size is 14 bytes
  for (int i = 0; i < parties; ++i)
    sg4::Actor::create(named("a", i), hosts[static_cast<std::size_t>(i)], [&, i] {
      if (!first) first = WallClock::now();
      std::vector<void*> slot(static_cast<std::size_t>(parties));
      std::vector<sg4::CommPtr> gets, puts;
      for (int j = 0; j < parties; ++j)
        if (j != i)
          gets.push_back(sg4::Mailbox::by_name(pair_name(j, i))
                             ->get_async<void>(&slot[static_cast<std::size_t>(j)]));
      for (int j = 0; j < parties; ++j)
        if (j != i) puts.push_back(sg4::Mailbox::by_name(pair_name(i, j))->put_async(&payload, 14));
      sg4::Comm::wait_all(puts);
      sg4::Comm::wait_all(gets);
      last = std::max(last, WallClock::now());
    });
  engine->run();
  return first ? std::chrono::duration<double>(last - *first).count() : -1;
}

double raw_simgrid_ping_pong_seconds(int round_trips) {
  const auto engine = make_engine();
  auto* zone = sg4::create_full_zone("bench");
  sg4::Host* h0 = zone->create_host("p0", 1e9)->seal();
  sg4::Host* h1 = zone->create_host("p1", 1e9)->seal();
  const sg4::Link* l01 = zone->create_link("l0-1", 125e6)->set_latency(1e-3)->seal();
  const sg4::Link* l10 = zone->create_link("l1-0", 125e6)->set_latency(1e-3)->seal();
  zone->add_route(h0->get_netpoint(), h1->get_netpoint(), nullptr, nullptr,
                  {sg4::LinkInRoute(l01)}, false);
  zone->add_route(h1->get_netpoint(), h0->get_netpoint(), nullptr, nullptr,
                  {sg4::LinkInRoute(l10)}, false);
  zone->seal();
  sg4::Mailbox* to1 = sg4::Mailbox::by_name("0->1");
  sg4::Mailbox* to0 = sg4::Mailbox::by_name("1->0");
  double seconds = 0;
  static int payload = 0;  // only its address travels; the simulated size is 14 bytes
  sg4::Actor::create("a", h0, [&] {
    const auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < round_trips; ++i) {
      to1->put(&payload, 14);
      to0->get<int>();
    }
    seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  });
  sg4::Actor::create("b", h1, [&] {
    for (int i = 0; i < round_trips; ++i) to0->put(to1->get<int>(), 14);
  });
  engine->run();
  return seconds;
}

}  // namespace smpc
