// The yardstick for SimNetwork's own overhead: the fastest SimGrid exchange we know, with none
// of SimNetwork's encoding, accounting or eager delivery. Benchmarks only (bench/ may not
// include SimGrid, so the raw loop lives here, beside the code it is compared with).
#pragma once

namespace smpc {

// Two actors on two 1 ms, 125 MB/s links (CM02, the engine options of SimNetwork) do
// `round_trips` blocking mailbox put/get round trips of a 14-byte payload. Returns the wall
// seconds of party 0's loop (engine and platform setup excluded). Creates a SimGrid Engine:
// call it in a process that runs no other simulation (e.g. a forked child).
double raw_simgrid_ping_pong_seconds(int round_trips);

}  // namespace smpc
