#pragma once
/// Work spread over the machine's cores: large logs are scanned, and goals resolved, in parallel.
#include <chrono>
#include <cstddef>
#include <functional>

namespace microstep {

/// How many threads are worth using here (the cores, at most 4).
unsigned worker_count();

/// When parallel_for's workers join a job.
enum class Spread {
  /// Once the items left look long enough to be worth a thread (worth_sharing), judged from
  /// the items the calling thread has run so far: a short job (a few goals, a small log) never
  /// starts a thread nor wakes one. For many small items.
  when_worth_it,
  /// From the start: for a few large items the caller knows to be worth a thread each (the
  /// parts of a large log), which a start on one thread would leave on it.
  at_once,
};

/// How long a job runs on the calling thread before it estimates what is left
/// (Spread::when_worth_it): long enough that one slow first item does not decide alone.
inline constexpr std::chrono::microseconds kFirstLook{100};

/// The work left, at the pace of the items done (ItemPace), for which workers join a job.
/// Starting a worker, giving it items and waiting for its last one costs about 150 us here,
/// and the items left are then shared by two cores: they must take twice that and more, with
/// a margin for the thread's own memory and its wakes (bench/README.md, the tenth round).
inline constexpr std::chrono::microseconds kWorthAThread{500};

/// How long one item of a job takes now, from the items run so far: the larger of their mean
/// and a mean that weighs the last ones most, since items can grow along a job (the log
/// cache's goals of the large bench journal, from 4 to 70 us each).
class ItemPace {
 public:
  void add(std::chrono::nanoseconds item);
  std::chrono::nanoseconds per_item() const;

 private:
  std::chrono::nanoseconds total_{0};
  long count_ = 0;
  double recent_ns_ = 0;  ///< each item weighs a quarter, the ones before it the rest
};

/// Should workers join a job (Spread::when_worth_it) that has run for `spent` on the calling
/// thread, with `left` items to go at `pace` each? Only from kFirstLook on, and when the items
/// left would take kWorthAThread or more.
bool worth_sharing(std::chrono::nanoseconds spent, std::chrono::nanoseconds pace, size_t left);

/// Calls fn(i) for i in [0, n) on up to worker_count() threads: the caller and workers kept
/// from the first call on. Every item runs; the first failure is rethrown once all are done.
/// Inside an item, a parallel_for runs its items on that item's thread.
void parallel_for(size_t n, const std::function<void(size_t)>& fn, Spread spread = Spread::when_worth_it);

}  // namespace microstep
