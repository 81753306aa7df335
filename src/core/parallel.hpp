#pragma once
/// Work spread over the machine's cores: large logs are scanned, and goals resolved, in parallel.
#include <cstddef>
#include <functional>

namespace microstep {

/// How many threads are worth using here (the cores, at most 4).
unsigned worker_count();

/// Calls fn(i) for i in [0, n) on up to worker_count() threads: the caller and workers kept
/// from the first call on. Every item runs; the first failure is rethrown once all are done.
/// Inside an item, a parallel_for runs its items on that item's thread.
void parallel_for(size_t n, const std::function<void(size_t)>& fn);

}  // namespace microstep
