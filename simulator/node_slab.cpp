// SimGrid 3.32 keeps each actor's attached activities in a std::list and finishes an activity
// with std::list::remove, which walks the whole list. A party with n sends in flight (one
// all-to-all round) thus walks n nodes per finished send. Allocated by plain operator new
// between SimGrid's other per-message objects (comm, action, LMM variable: about 2 KB per
// message), every node sits on its own cache line far from its neighbours, and the walk costs a
// cache miss per node: 31% of the run at n = 300, growing with n (profile in docs/simulator.md).
// The nodes are 24 bytes (two links and an intrusive pointer); serving every 17..24-byte
// allocation from one slab puts the nodes of a burst of sends next to each other, and the walk
// becomes a sequential scan (the same profile: 2%).
//
// The replacement operator new/delete are global (C++ allows exactly one), so they are as
// cheap as possible when the slab is off: one predictable branch on new, one range check on
// delete. The slab is switched on only in the simulation child, which is single-threaded (after
// fork) and ends with _exit, so it never needs locking or returning memory; freed slots go on
// a free list. Sanitizer builds keep the standard operators (ASan must see every allocation).
#include "simulator/node_slab.h"

#include <sys/mman.h>

#include <cstddef>
#include <cstdlib>
#include <new>

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#ifndef SMPC_SLAB_OFF
#define SMPC_SLAB_OFF 1
#endif
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || \
    __has_feature(memory_sanitizer)
#ifndef SMPC_SLAB_OFF
#define SMPC_SLAB_OFF 1
#endif
#endif
#endif

namespace smpc::sim_detail {

#ifdef SMPC_SLAB_OFF
void use_node_slab() {}
}  // namespace smpc::sim_detail
#else
namespace {

constexpr std::size_t kSlot = 32;                        // 24 bytes rounded to alignment
constexpr std::size_t kReserve = std::size_t{1} << 36;   // address space only (MAP_NORESERVE)

char* g_base = nullptr;  // the slab: [g_base, g_end), handed out up to g_top
char* g_top = nullptr;
char* g_end = nullptr;
void* g_free = nullptr;  // freed slots, linked through their first word
bool g_on = false;

inline bool in_slab(const void* p) { return p >= g_base && p < g_end; }

}  // namespace

void use_node_slab() {
  if (g_on) return;
  void* m = ::mmap(nullptr, kReserve, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (m == MAP_FAILED) return;  // no slab: plain malloc, only slower
  g_base = g_top = static_cast<char*>(m);
  g_end = g_base + kReserve;
  g_on = true;
}

}  // namespace smpc::sim_detail

namespace sd = smpc::sim_detail;

void* operator new(std::size_t n) {
  if (sd::g_on && n > 16 && n <= 24) {
    if (sd::g_free != nullptr) {
      void* p = sd::g_free;
      sd::g_free = *static_cast<void**>(p);
      return p;
    }
    if (sd::g_top != sd::g_end) {
      void* p = sd::g_top;
      sd::g_top += sd::kSlot;
      return p;
    }
  }
  for (;;) {
    if (void* p = std::malloc(n == 0 ? 1 : n)) return p;
    std::new_handler h = std::get_new_handler();
    if (h == nullptr) throw std::bad_alloc();
    h();
  }
}

void operator delete(void* p) noexcept {
  if (sd::in_slab(p)) {
    *static_cast<void**>(p) = sd::g_free;
    sd::g_free = p;
    return;
  }
  std::free(p);
}

void operator delete(void* p, std::size_t) noexcept { operator delete(p); }
#endif
