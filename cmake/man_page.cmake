# A man page as installed: the version from project() written into its .TH line (the sources
# say only "microstep", so that the version lives in one place), compressed with gzip -9n as
# Debian expects (-n: no name or time stamp, so that the same page gives the same bytes).
# Usage: cmake -DINPUT=man/x.1 -DOUTPUT=build/doc/x.1.gz -DVERSION=0.1.0 -DGZIP=gzip -P man_page.cmake
file(READ "${INPUT}" text)
string(REGEX REPLACE "^(\\.TH [^\n]*) \"microstep\" " "\\1 \"microstep ${VERSION}\" " page "${text}")
if(page STREQUAL text)
  message(FATAL_ERROR "${INPUT}: the first line must be .TH NAME SECTION DATE \"microstep\" TITLE")
endif()
string(REGEX REPLACE "\\.gz$" "" plain "${OUTPUT}")
file(WRITE "${plain}" "${page}")
execute_process(COMMAND "${GZIP}" -9nf "${plain}" RESULT_VARIABLE failed)
if(failed)
  message(FATAL_ERROR "${GZIP} -9nf ${plain} failed")
endif()
