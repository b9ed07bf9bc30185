// An overall time limit for every Z3 call on one context. Z3's per-check "timeout" parameter is
// not enough: the qfbv tactic bit-blasts a cone before it looks at the clock, so 256 checks of
// SHA-256 with a 0.02 s share each took 10.7 s of a 5 s budget. A watcher thread interrupts the
// context once the deadline passes; the call in progress (and every later one) then returns
// unknown ("canceled"), which callers already treat as undecided.
#pragma once

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include <z3++.h>

namespace smpc::z3enc {

class Z3Deadline {
 public:
  using Clock = std::chrono::steady_clock;
  Z3Deadline(z3::context& ctx, Clock::time_point deadline)
      : watcher_([this, &ctx, deadline] {
          std::unique_lock lock(mutex_);
          if (!done_cv_.wait_until(lock, deadline, [this] { return done_; })) ctx.interrupt();
        }) {}
  // `seconds` from now (at most a day: a longer limit is no limit).
  Z3Deadline(z3::context& ctx, double seconds)
      : Z3Deadline(ctx, Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                            std::chrono::duration<double>(
                                                std::min(std::max(seconds, 0.0), 86400.0)))) {}
  ~Z3Deadline() {
    {
      const std::lock_guard lock(mutex_);
      done_ = true;
    }
    done_cv_.notify_all();
    watcher_.join();
  }
  Z3Deadline(const Z3Deadline&) = delete;
  Z3Deadline& operator=(const Z3Deadline&) = delete;

 private:
  std::mutex mutex_;
  std::condition_variable done_cv_;
  bool done_ = false;
  std::thread watcher_;  // last: starts after the members it uses
};

}  // namespace smpc::z3enc
