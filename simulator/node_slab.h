// A slab for the small nodes of SimGrid's activity lists, switched on only in a forked
// simulation child. See node_slab.cpp for why.
#pragma once

namespace smpc::sim_detail {

// From now on, this process serves allocations of 17..24 bytes through operator new from one
// contiguous slab. Call only in a single-threaded process that ends with _exit (the simulation
// child). Does nothing in sanitizer builds.
void use_node_slab();

}  // namespace smpc::sim_detail
