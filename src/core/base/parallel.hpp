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
  /// Once the job has run for kWorthAThread on the calling thread alone: a short job (a few
  /// goals, a small log) never starts a thread nor wakes one. For many small items.
  when_worth_it,
  /// From the start: for a few large items the caller knows to be worth a thread each (the
  /// parts of a large log), which a start on one thread would leave on it.
  at_once,
};

/// How long a job runs on the calling thread before workers join it (Spread::when_worth_it):
/// starting a worker and handing it items costs about 60-70 us here, so a job shorter than a
/// few times that ends sooner on one thread (bench/README.md, the eighth round).
inline constexpr std::chrono::microseconds kWorthAThread{300};

/// Calls fn(i) for i in [0, n) on up to worker_count() threads: the caller and workers kept
/// from the first call on. Every item runs; the first failure is rethrown once all are done.
/// Inside an item, a parallel_for runs its items on that item's thread.
void parallel_for(size_t n, const std::function<void(size_t)>& fn, Spread spread = Spread::when_worth_it);

}  // namespace microstep
