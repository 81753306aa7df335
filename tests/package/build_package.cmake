# The fixture of the package tests: the Debian package, built by CPack from the build tree
# (installed into a staging folder, nothing compiled again) into OUT, replacing any earlier one.
# Without Debian's tools it prints why and is skipped, as are the checks that need it.
# Usage: cmake -DCPACK=cpack -DCONFIG=build/CPackConfig.cmake -DOUT=DIR -P build_package.cmake
foreach(tool dpkg-deb dpkg-shlibdeps file)
  find_program(found_${tool} ${tool})
  if(NOT found_${tool})
    message(STATUS "SKIPPED: ${tool} is not installed, so the Debian package is not built")
    return()
  endif()
endforeach()
file(REMOVE_RECURSE "${OUT}")
execute_process(COMMAND "${CPACK}" -G DEB --config "${CONFIG}" -B "${OUT}" RESULT_VARIABLE failed)
if(failed)
  message(FATAL_ERROR "cpack failed (${failed})")
endif()
