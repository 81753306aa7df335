// microstep_bench_measure: runs a command several times and prints its median wall time and
// its peak resident memory, for bench/run.
//
//   microstep_bench_measure [--runs N] [--warmup W] [--exit S] [--vs BASELINE] -- COMMAND [ARG...]
//
// Prints one line, "MEDIAN_MS MIN_MS MAX_MS PEAK_RSS_KIB", after W unmeasured runs and N
// measured ones. The wall time is taken around posix_spawn and wait4 with the monotonic
// clock (so process start-up counts, as a person waiting at the prompt sees it); the peak
// RSS is the largest ru_maxrss wait4 reports for the runs. The command's stdout goes to
// /dev/null, its stderr is kept. A run that exits with another status than 0 (or S, for a
// command such as `due` whose status is its answer) prints "FAILED STATUS" and exits 1.
//
// With --vs, the program BASELINE (no arguments) runs in turn with COMMAND, one run of each
// after the other (A B B A A B ...), so that a machine whose speed drifts slows both alike; the
// line then goes on with "BASELINE_MEDIAN_MS RATIO_MEDIAN", the ratio the median of the
// runs' pairwise COMMAND/BASELINE ratios.
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <vector>

extern char** environ;

namespace {

struct Run {
  double ms;
  long rss_kib;
  int status;
};

double now_ms() {
  timespec t{};
  clock_gettime(CLOCK_MONOTONIC, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

Run run_once(char** command) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  double start = now_ms();
  pid_t pid;
  int error = posix_spawnp(&pid, command[0], &actions, nullptr, command, environ);
  posix_spawn_file_actions_destroy(&actions);
  if (error != 0) {
    std::fprintf(stderr, "microstep_bench_measure: cannot run %s: %s\n", command[0], std::strerror(error));
    std::exit(1);
  }
  int status = 0;
  rusage usage{};
  while (wait4(pid, &status, 0, &usage) < 0) {
    if (errno != EINTR) {
      std::perror("microstep_bench_measure: wait4");
      std::exit(1);
    }
  }
  return {now_ms() - start, usage.ru_maxrss, status};
}

int count_arg(const char* text) {
  char* end = nullptr;
  long v = std::strtol(text, &end, 10);
  if (!*text || *end || v < 0 || v > 1000) {
    std::fprintf(stderr, "microstep_bench_measure: '%s' is not a count from 0 to 1000\n", text);
    std::exit(2);
  }
  return static_cast<int>(v);
}

double median_of(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  size_t n = values.size();
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/// Runs `command` once; a status other than 0 and `allowed` ends the program with FAILED.
Run checked_run(char** command, int allowed) {
  Run run = run_once(command);
  if (!WIFEXITED(run.status) || (WEXITSTATUS(run.status) != 0 && WEXITSTATUS(run.status) != allowed)) {
    std::printf("FAILED %d\n", WIFEXITED(run.status) ? WEXITSTATUS(run.status) : 128 + WTERMSIG(run.status));
    std::exit(1);
  }
  return run;
}

}  // namespace

int main(int argc, char** argv) {
  int runs = 5, warmup = 1, allowed = 0, i = 1;
  char* baseline[] = {nullptr, nullptr};
  for (; i < argc && std::strcmp(argv[i], "--") != 0; ++i) {
    if (std::strcmp(argv[i], "--runs") == 0 && i + 1 < argc) runs = std::max(1, count_arg(argv[++i]));
    else if (std::strcmp(argv[i], "--warmup") == 0 && i + 1 < argc) warmup = count_arg(argv[++i]);
    else if (std::strcmp(argv[i], "--exit") == 0 && i + 1 < argc) allowed = count_arg(argv[++i]);
    else if (std::strcmp(argv[i], "--vs") == 0 && i + 1 < argc) baseline[0] = argv[++i];
    else break;
  }
  if (i + 1 >= argc || std::strcmp(argv[i], "--") != 0) {
    std::fprintf(stderr,
                 "usage: microstep_bench_measure [--runs N] [--warmup W] [--exit S] [--vs BASELINE] -- COMMAND [ARG...]\n");
    return 2;
  }
  char** command = argv + i + 1;

  std::vector<double> ms, base_ms, ratios;
  long rss = 0;
  for (int r = 0; r < warmup + runs; ++r) {
    // Each goes first in every other pair: neither always runs on the other's warm caches.
    Run run{}, base{};
    if (baseline[0] && r % 2) base = checked_run(baseline, 0);
    run = checked_run(command, allowed);
    if (baseline[0] && r % 2 == 0) base = checked_run(baseline, 0);
    if (r < warmup) continue;
    ms.push_back(run.ms);
    rss = std::max(rss, run.rss_kib);
    if (baseline[0]) base_ms.push_back(base.ms), ratios.push_back(run.ms / base.ms);
  }
  std::printf("%.2f %.2f %.2f %ld", median_of(ms), *std::min_element(ms.begin(), ms.end()),
              *std::max_element(ms.begin(), ms.end()), rss);
  if (baseline[0]) std::printf(" %.3f %.3f", median_of(base_ms), median_of(ratios));
  std::printf("\n");
  return 0;
}
