# usr/share/doc/microstep/changelog.Debian.gz: the one entry of a package built by CPack from
# the upstream release, dated as CHANGELOG.md dates that release (so that the same sources give
# the same bytes), compressed with gzip -9n. Usage:
#   cmake -DCHANGELOG=CHANGELOG.md -DOUTPUT=build/doc/changelog.Debian.gz -DVERSION=0.1.0
#         -DREVISION=1 -DMAINTAINER="Name <address>" -DGZIP=gzip -P debian_changelog.cmake
file(READ "${CHANGELOG}" text)
string(REPLACE "." "\\." version_pattern "${VERSION}")
if(NOT text MATCHES "\n## \\[${version_pattern}\\] - ([0-9][0-9][0-9][0-9])-([0-9][0-9])-([0-9][0-9])\n")
  message(FATAL_ERROR "${CHANGELOG}: no section '## [${VERSION}] - YYYY-MM-DD' for the version "
                      "in project(): a release needs its changelog entry")
endif()
# The date as seconds since 1970 (days_from_civil, proleptic Gregorian), for string(TIMESTAMP).
math(EXPR y "${CMAKE_MATCH_1}")
math(EXPR m "${CMAKE_MATCH_2}")
math(EXPR d "${CMAKE_MATCH_3}")
if(m LESS_EQUAL 2)
  math(EXPR y "${y} - 1")
  math(EXPR m "${m} + 9")
else()
  math(EXPR m "${m} - 3")
endif()
math(EXPR era "${y} / 400")
math(EXPR yoe "${y} - ${era} * 400")
math(EXPR doy "(153 * ${m} + 2) / 5 + ${d} - 1")
math(EXPR doe "${yoe} * 365 + ${yoe} / 4 - ${yoe} / 100 + ${doy}")
math(EXPR seconds "(${era} * 146097 + ${doe} - 719468) * 86400")
set(ENV{SOURCE_DATE_EPOCH} ${seconds})
string(TIMESTAMP date "%a, %d %b %Y %H:%M:%S +0000" UTC)

string(REGEX REPLACE "\\.gz$" "" plain "${OUTPUT}")
file(WRITE "${plain}"
     "microstep (${VERSION}-${REVISION}) unstable; urgency=medium\n\n"
     "  * Upstream release ${VERSION}, packaged by CPack from the upstream sources;\n"
     "    the upstream changes are in changelog.gz.\n\n"
     " -- ${MAINTAINER}  ${date}\n")
execute_process(COMMAND "${GZIP}" -9nf "${plain}" RESULT_VARIABLE failed)
if(failed)
  message(FATAL_ERROR "${GZIP} -9nf ${plain} failed")
endif()
