#include "simulator/raw_baseline.h"

#include <chrono>
#include <simgrid/s4u.hpp>
#include <string>
#include <vector>

namespace smpc {

namespace sg4 = simgrid::s4u;

double raw_simgrid_ping_pong_seconds(int round_trips) {
  std::vector<std::string> args{"bench", "--log=root.thres:critical", "--cfg=network/model:CM02",
                                "--cfg=network/crosstraffic:0", "--cfg=network/TCP-gamma:0",
                                "--cfg=surf/precision:1e-12"};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  int argc = static_cast<int>(argv.size());
  sg4::Engine engine(&argc, argv.data());
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
  engine.run();
  return seconds;
}

}  // namespace smpc
