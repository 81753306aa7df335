#include "core/base/parallel.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <mutex>
#include <thread>

namespace microstep {

unsigned worker_count() {
  // Read once: the C library reads /sys/devices/system/cpu/online on every call.
  static const unsigned count = std::clamp(std::thread::hardware_concurrency(), 1u, 4u);
  return count;
}

namespace {

/// True on a thread running parallel_for's items: a parallel_for inside one runs its items
/// in turn on that thread, never waiting for workers that are busy with the outer one.
thread_local bool inside_parallel_for = false;

/// The items of one parallel_for, taken in turn by every thread that works on it.
class Job {
 public:
  Job(size_t n, const std::function<void(size_t)>& fn) : n_(n), fn_(fn) {}
  void work() {
    for (size_t i; (i = next_.fetch_add(1)) < n_;) run(i);
  }
  /// Runs items on the calling thread until none is left or the ones left are worth sharing
  /// (worth_sharing); true in the second case.
  bool work_while_short() {
    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    auto last = start;
    ItemPace pace;
    for (size_t i; (i = next_.fetch_add(1)) < n_;) {
      run(i);
      const auto now = Clock::now();
      pace.add(now - last);
      last = now;
      if (worth_sharing(now - start, pace.per_item(), n_ - std::min(next_.load(), n_))) return true;
    }
    return false;
  }
  void rethrow_failure() const {
    if (failure_) std::rethrow_exception(failure_);
  }

 private:
  void run(size_t i) {
    try {
      fn_(i);
    } catch (...) {
      std::lock_guard lock(failure_mutex_);
      if (!failure_) failure_ = std::current_exception();
    }
  }
  const size_t n_;
  const std::function<void(size_t)>& fn_;
  std::atomic<size_t> next_{0};
  std::mutex failure_mutex_;
  std::exception_ptr failure_;
};

/// worker_count() - 1 threads started by the first parallel_for and kept for the rest of
/// the run: a command makes several short parallel passes, and starting a thread takes
/// 30-40 us, at worst milliseconds on a busy machine, which a 2 ms pass cannot afford.
class Workers {
 public:
  /// Never destroyed: its threads wait for work until the process exits.
  static Workers& instance() {
    static Workers* workers = new Workers;
    return *workers;
  }

  /// Runs `job` on every worker and the calling thread; returns when all are done with it.
  void run(Job& job) {
    std::lock_guard turn(turn_mutex_);
    {
      std::lock_guard lock(mutex_);
      for (; threads_ + 1 < worker_count(); ++threads_) std::thread([this] { serve(); }).detach();
      job_ = &job;
      busy_ = threads_;
      ++generation_;
    }
    work_ready_.notify_all();
    inside_parallel_for = true;
    job.work();
    inside_parallel_for = false;
    std::unique_lock lock(mutex_);
    all_done_.wait(lock, [&] { return busy_ == 0; });
    job_ = nullptr;
  }

 private:
  void serve() {
    inside_parallel_for = true;
    std::uint64_t served = 0;
    std::unique_lock lock(mutex_);
    for (;;) {
      work_ready_.wait(lock, [&] { return generation_ != served; });
      served = generation_;
      Job* job = job_;
      lock.unlock();
      job->work();
      lock.lock();
      if (--busy_ == 0) all_done_.notify_one();
    }
  }

  std::mutex turn_mutex_;  ///< one job at a time, should two threads call parallel_for
  std::mutex mutex_;       ///< guards what follows
  std::condition_variable work_ready_, all_done_;
  Job* job_ = nullptr;
  unsigned threads_ = 0;          ///< workers started
  unsigned busy_ = 0;             ///< workers not yet done with job_
  std::uint64_t generation_ = 0;  ///< counts the jobs: a worker serves each one once
};

}  // namespace

void ItemPace::add(std::chrono::nanoseconds item) {
  total_ += item;
  const auto ns = static_cast<double>(item.count());
  recent_ns_ = count_++ == 0 ? ns : 0.75 * recent_ns_ + 0.25 * ns;
}

std::chrono::nanoseconds ItemPace::per_item() const {
  if (count_ == 0) return std::chrono::nanoseconds{0};
  return std::max(total_ / count_, std::chrono::nanoseconds{static_cast<long>(recent_ns_)});
}

bool worth_sharing(std::chrono::nanoseconds spent, std::chrono::nanoseconds pace, size_t left) {
  return spent >= kFirstLook && pace * static_cast<long>(left) >= kWorthAThread;
}

void parallel_for(size_t n, const std::function<void(size_t)>& fn, Spread spread) {
  Job job(n, fn);
  if (n < 2 || worker_count() == 1 || inside_parallel_for)
    job.work();
  else if (spread == Spread::at_once || job.work_while_short())
    Workers::instance().run(job);  // the items left, on every thread
  job.rethrow_failure();
}

}  // namespace microstep
