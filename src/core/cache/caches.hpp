#pragma once
/// The speed layer, put in place: a journal read through the log cache and the goal cache,
/// kept in the user's cache directory. Only the program's entry point (main.cpp) calls this;
/// nothing else knows the caches are there.
#include <filesystem>
#include <optional>

#include "core/journal/journal.hpp"

namespace microstep {

/// $XDG_CACHE_HOME, else $HOME/.cache (each used only when it is an absolute path); nothing
/// when neither is: then nothing is cached.
std::optional<std::filesystem::path> cache_home(const char* xdg_cache_home, const char* home);

/// Reads `journal` through its caches under `cache_home`: the log cache (log-HASH) and the
/// goal cache (goals-HASH), each named for the journal (Journal::outside_file).
void use_caches(Journal& journal, const std::filesystem::path& cache_home);

}  // namespace microstep
