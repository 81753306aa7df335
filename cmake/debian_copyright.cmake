# usr/share/doc/microstep/copyright in Debian's machine-readable form, made from LICENSE so that
# the license text is written once. Usage:
#   cmake -DLICENSE=LICENSE -DOUTPUT=build/doc/copyright -P debian_copyright.cmake
file(READ "${LICENSE}" license)
if(NOT license MATCHES "^MIT License\n\nCopyright \\(c\\) ([^\n]+)\n\n(.+)$")
  message(FATAL_ERROR "${LICENSE}: expected 'MIT License', a blank line, 'Copyright (c) YEAR HOLDER'")
endif()
set(holder "${CMAKE_MATCH_1}")
string(STRIP "${CMAKE_MATCH_2}" body)
# Debian's form: the license text indented by one space, an empty line written as " .".
string(REPLACE "\n\n" "\n.\n" body "${body}")
string(REPLACE "\n" "\n " body "${body}")
file(WRITE "${OUTPUT}"
     "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
     "Upstream-Name: microstep\n\n"
     "Files: *\n"
     "Copyright: ${holder}\n"
     "License: Expat\n"
     " ${body}\n")
