/// Tests of core/base/parallel: work spread over the cores.
#include "core/base/parallel.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace microstep {

TEST_CASE("parallel: between 1 and 4 workers") {
  CHECK(worker_count() >= 1);
  CHECK(worker_count() <= 4);
}

TEST_CASE("parallel_for: every index once, none outside the range") {
  for (size_t n : {size_t{0}, size_t{1}, size_t{3}, size_t{1000}}) {
    CAPTURE(n);
    std::vector<std::atomic<int>> calls(n + 1);
    parallel_for(n, [&](size_t i) { ++calls.at(i); });
    for (size_t i = 0; i < n; ++i) CHECK(calls[i] == 1);
    CHECK(calls[n] == 0);
  }
}

TEST_CASE("parallel_for: no more than worker_count() calls at once") {
  std::atomic<unsigned> running{0}, most{0};
  parallel_for(200, [&](size_t) {
    unsigned now = ++running;
    unsigned seen = most;
    while (now > seen && !most.compare_exchange_weak(seen, now)) {
    }
    volatile unsigned spin = 0;
    for (int k = 0; k < 2000; ++k) spin = spin + 1;
    --running;
  });
  CHECK(most >= 1);
  CHECK(most <= worker_count());
}

TEST_CASE("parallel_for: a failure is rethrown once the others are done") {
  std::atomic<int> done{0};
  auto run = [&] {
    parallel_for(50, [&](size_t i) {
      if (i == 7 || i == 30) throw std::runtime_error("item " + std::to_string(i));
      ++done;
    });
  };
  try {
    run();
    FAIL("no failure rethrown");
  } catch (const std::runtime_error& e) {
    const std::string what = e.what();
    CHECK((what == "item 7" || what == "item 30"));
  }
  CHECK(done == 48);  // every item that did not fail still ran
}

TEST_CASE("parallel_for: a parallel_for inside an item runs its items too - on that item's thread") {
  std::vector<std::atomic<int>> calls(20 * 30);
  std::atomic<int> elsewhere{0};
  parallel_for(20, [&](size_t i) {
    const auto outer = std::this_thread::get_id();
    parallel_for(30, [&](size_t k) {
      ++calls.at(i * 30 + k);
      if (std::this_thread::get_id() != outer) ++elsewhere;
    });
  });
  for (size_t i = 0; i < calls.size(); ++i) CHECK(calls[i] == 1);
  CHECK(elsewhere == 0);
}

TEST_CASE("parallel_for: passes one after another, and from two threads at once, each do all their items") {
  std::set<std::thread::id> threads;
  std::mutex threads_mutex;
  for (int pass = 0; pass < 100; ++pass) {
    std::atomic<int> items{0};
    parallel_for(8, [&](size_t) {
      ++items;
      std::lock_guard lock(threads_mutex);
      threads.insert(std::this_thread::get_id());
    });
    REQUIRE(items == 8);
  }
  CHECK(threads.size() <= worker_count());  // the same workers serve every pass

  std::atomic<int> first{0}, second{0};
  std::thread other([&] {
    for (int pass = 0; pass < 50; ++pass) parallel_for(10, [&](size_t) { ++second; });
  });
  for (int pass = 0; pass < 50; ++pass) parallel_for(10, [&](size_t) { ++first; });
  other.join();
  CHECK(first == 500);
  CHECK(second == 500);
}

namespace {
/// What the items below compute: item i's own number, slowly or not.
std::vector<std::uint64_t> squares(size_t n, std::chrono::microseconds each, Spread spread) {
  std::vector<std::uint64_t> out(n, 0);
  parallel_for(
      n,
      [&](size_t i) {
        if (each.count() > 0) std::this_thread::sleep_for(each);
        out[i] = std::uint64_t{i} * i + 7;
      },
      spread);
  return out;
}
}  // namespace

TEST_CASE("worth_sharing: workers join only a job whose items left would take kWorthAThread or more") {
  using std::chrono::microseconds;
  // Before kFirstLook nothing is decided, however many items are left.
  CHECK_FALSE(worth_sharing(kFirstLook - microseconds{1}, microseconds{50}, 1'000'000));
  // A person's 15 goals at about 20 us each: 6 done at the first look, 9 left (180 us).
  CHECK_FALSE(worth_sharing(microseconds{120}, microseconds{20}, 9));
  // 48 goals of ten years at 130 us each: 47 left (6 ms).
  CHECK(worth_sharing(microseconds{130}, microseconds{130}, 47));
  // The boundary: 5 items of 100 us are 500 us.
  CHECK(worth_sharing(microseconds{300}, microseconds{100}, 5));
  CHECK_FALSE(worth_sharing(microseconds{300}, microseconds{99}, 5));
  CHECK_FALSE(worth_sharing(microseconds{10'000}, microseconds{100}, 0));
}

TEST_CASE("ItemPace: the mean of the items, or more when the last ones grow") {
  using std::chrono::microseconds;
  ItemPace none;
  CHECK(none.per_item() == microseconds{0});
  ItemPace even;
  for (int i = 0; i < 10; ++i) even.add(microseconds{17});
  CHECK(even.per_item() == microseconds{17});
  // One slow item among even ones moves the pace a little, not to its own length.
  ItemPace blip = even;
  blip.add(microseconds{80});
  CHECK(blip.per_item() > microseconds{17});
  CHECK(blip.per_item() < microseconds{40});
  // Small goals first, then large ones (a log cache's goals): the pace follows the large ones,
  // where the mean of all would still be about 10 us.
  ItemPace growing;
  for (int i = 0; i < 19; ++i) growing.add(microseconds{5});
  for (int us : {26, 92, 39}) growing.add(microseconds{us});
  CHECK(growing.per_item() >= microseconds{30});
  // Items that shrink leave the mean.
  ItemPace shrinking;
  for (int us : {100, 100, 5, 5, 5, 5, 5, 5}) shrinking.add(microseconds{us});
  CHECK(shrinking.per_item() == std::chrono::nanoseconds{230'000 / 8});
}

TEST_CASE("parallel_for: the same results below kWorthAThread, above it, and spread at once") {
  std::vector<std::uint64_t> expected(40);
  for (size_t i = 0; i < expected.size(); ++i) expected[i] = std::uint64_t{i} * i + 7;
  // Far below: 40 items of nothing. Far above: 40 items of a quarter of the threshold each,
  // so that the workers join a job already under way, for the items left.
  const auto slow = kWorthAThread / 4;
  CHECK(squares(40, std::chrono::microseconds{0}, Spread::when_worth_it) == expected);
  CHECK(squares(40, slow, Spread::when_worth_it) == expected);
  CHECK(squares(40, std::chrono::microseconds{0}, Spread::at_once) == expected);
  CHECK(squares(40, slow, Spread::at_once) == expected);
}

TEST_CASE("parallel_for: a job starts on the calling thread, and workers join one that runs on") {
  if (worker_count() < 2) return;  // nothing to join
  const auto caller = std::this_thread::get_id();
  std::thread::id first;
  std::atomic<bool> third_started{false};
  std::atomic<int> elsewhere{0};
  bool joined = false;
  parallel_for(3, [&](size_t i) {
    if (i == 0) {  // past the threshold: the items left are handed to the workers too
      first = std::this_thread::get_id();
      std::this_thread::sleep_for(kWorthAThread * 2);
    } else if (i == 1) {  // waits for item 2 to start elsewhere, as it can only with a worker
      for (int wait = 0; wait < 10000 && !third_started; ++wait) std::this_thread::sleep_for(std::chrono::milliseconds{1});
      joined = third_started;
    } else {
      third_started = true;
    }
    if (std::this_thread::get_id() != caller) ++elsewhere;
  });
  CHECK(first == caller);
  CHECK(joined);
  CHECK(elsewhere >= 1);
}

TEST_CASE("parallel_for: a failure before the workers join is rethrown once every item ran") {
  std::atomic<int> done{0};
  try {
    parallel_for(20, [&](size_t i) {
      if (i == 0) {
        std::this_thread::sleep_for(kWorthAThread * 2);
        throw std::runtime_error("item 0");
      }
      ++done;
    });
    FAIL("no failure rethrown");
  } catch (const std::runtime_error& e) {
    CHECK(std::string(e.what()) == "item 0");
  }
  CHECK(done == 19);
}

}  // namespace microstep
