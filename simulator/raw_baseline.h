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

// The fastest all-to-all we know in raw SimGrid 3.32 (measured against detached sends,
// Comm::sendto_async and permanent receivers): `parties` hosts on a full mesh of 1 ms,
// 125 MB/s links (CM02, SimNetwork's engine options), one mailbox per ordered pair; every actor
// posts a get on each of its n-1 incoming mailboxes, then puts a 14-byte payload to every
// other actor keeping the handles, waits for its sends, then for its receives. Returns the
// wall seconds from the first actor's start to the last actor's end (engine and platform setup
// excluded; mailbox creation included, as in SimNetwork). Creates a SimGrid Engine: call it in
// a process that runs no other simulation (e.g. a forked child).
double raw_simgrid_all_to_all_seconds(int parties);

}  // namespace smpc
