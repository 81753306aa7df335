# The layering check: cmake -DROOT=<a source tree> -P check_layers.cmake
#
# src/core's folders are layers, and an #include may only point down or across:
#   base < model < journal < judge < render < interop
# (files -> model -> judgement -> render; import and export sit on top). The cache wraps the
# journal's readers: it may include base, model and journal, and nothing but the cache itself
# and src/main.cpp (which hands the cached readers to the journal) may include it. The CLI
# (src/cli) may include any layer but the cache. Unit tests mirror the layers:
# tests/unit/LAYER/NAME_test.cpp tests src/core/LAYER/NAME.
#
# Prints every break of these rules, one per line, and fails when there is any.

cmake_minimum_required(VERSION 3.25)

if(NOT ROOT)
  message(FATAL_ERROR "usage: cmake -DROOT=<source tree> -P check_layers.cmake")
endif()
get_filename_component(ROOT "${ROOT}" ABSOLUTE)

set(layers base model journal judge render interop cache)
set(rank_base 0)
set(rank_model 1)
set(rank_journal 2)
set(rank_judge 3)
set(rank_render 4)
set(rank_interop 5)
set(rank_cache 3)
set(problems "")

# The includes of `file` (relative to ROOT), made of layer `from` ("cli", "main" or a layer).
function(check_file file from)
  file(STRINGS "${ROOT}/${file}" includes REGEX "^[ \t]*#[ \t]*include[ \t]*\"core/")
  foreach(line IN LISTS includes)
    string(REGEX REPLACE "^[^\"]*\"core/([^/\"]+)/.*$" "\\1" to "${line}")
    string(REGEX REPLACE "\"[^\"]*$" "\"" shown "${line}")
    string(STRIP "${shown}" shown)
    set(why "")
    if(NOT to IN_LIST layers)
      set(why "core/${to} is no layer")
    elseif(to STREQUAL "cache" AND NOT from MATCHES "^(cache|main)$")
      set(why "${from} may not include the cache: only src/main.cpp chooses the cached readers")
    elseif(from STREQUAL "cache" AND NOT to MATCHES "^(base|model|journal|cache)$")
      set(why "the cache may include base, model and journal only, not ${to}")
    elseif(NOT from MATCHES "^(cli|main)$" AND rank_${to} GREATER rank_${from})
      set(why "${from} may not include ${to}, a higher layer")
    endif()
    if(why)
      set(problems "${problems}${file}: ${shown}: ${why}\n" PARENT_SCOPE)
    endif()
  endforeach()
endfunction()

file(GLOB folders RELATIVE "${ROOT}/src/core" "${ROOT}/src/core/*")
foreach(folder IN LISTS folders)
  if(NOT folder IN_LIST layers)
    set(problems "${problems}src/core/${folder}: not a layer (${layers}); add it here with its rank\n")
  endif()
endforeach()

file(GLOB_RECURSE sources RELATIVE "${ROOT}" "${ROOT}/src/*.cpp" "${ROOT}/src/*.hpp")
foreach(file IN LISTS sources)
  if(file MATCHES "^src/core/([^/]+)/")
    set(from "${CMAKE_MATCH_1}")
    if(NOT from IN_LIST layers)
      continue()  # reported above
    endif()
  elseif(file MATCHES "^src/cli/")
    set(from cli)
  elseif(file STREQUAL "src/main.cpp")
    set(from main)
  elseif(file MATCHES "^src/core/[^/]+$")
    set(problems "${problems}${file}: outside the layers: move it into the folder of its layer\n")
    continue()
  else()
    set(from cli)
  endif()
  check_file("${file}" "${from}")
endforeach()

# A test of one library file is named for it, perhaps with a suffix (judge/shrink_table_test.cpp
# tests judge/shrink); tests across files (regressions, round trips) stand in tests/unit itself.
file(GLOB_RECURSE tests RELATIVE "${ROOT}/tests/unit" "${ROOT}/tests/unit/*/*_test.cpp")
foreach(test IN LISTS tests)
  string(REGEX REPLACE "_test\\.cpp$" "" tested "${test}")
  set(found FALSE)
  while(NOT found)
    if(EXISTS "${ROOT}/src/core/${tested}.hpp" OR EXISTS "${ROOT}/src/core/${tested}.cpp")
      set(found TRUE)
    elseif(tested MATCHES "^(.*/[^/]+)_[^_/]+$")
      set(tested "${CMAKE_MATCH_1}")
    else()
      break()
    endif()
  endwhile()
  if(NOT found)
    get_filename_component(folder "${test}" DIRECTORY)
    set(problems "${problems}tests/unit/${test}: names no file of src/core/${folder}: unit tests mirror the library\n")
  endif()
endforeach()

if(problems)
  message(NOTICE "${problems}")
  message(FATAL_ERROR "the layering is broken: see the lines above")
endif()
list(LENGTH sources source_count)
message(STATUS "layers hold: ${source_count} source files, each including only its own layer and those below")
