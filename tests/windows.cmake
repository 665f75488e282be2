# The test suites of the Windows build, run by ctest under wine64 (CMAKE_CROSSCOMPILING_EMULATOR), one test per
# suite. Included by tests/CMakeLists.txt when WIN32.
# The tests start atelier.exe through cmd.exe: under Wine the build folder is on drive Z:.
set(ATELIER_WINDOWS_BINARY_PREFIX "Z:" CACHE STRING "Prefix that makes the build folder's path a Windows path")

add_library(atelier_test_main STATIC doctest_main.cpp support/fixtures.cpp support/cli.cpp support/invariants.cpp)
target_link_libraries(atelier_test_main PUBLIC doctest::doctest atelier_core)
target_include_directories(atelier_test_main PUBLIC ${CMAKE_CURRENT_SOURCE_DIR})
target_compile_definitions(atelier_test_main PUBLIC
  ATELIER_SOURCE_DIR="${CMAKE_SOURCE_DIR}"
  ATELIER_BINARY="${ATELIER_WINDOWS_BINARY_PREFIX}$<TARGET_FILE:atelier>")

# ATELIER_WINDOWS_SUITES: which layers (default: all but the real-window X tests, the browser and the benchmarks).
set(ATELIER_WINDOWS_SUITES "core;store;export;cli;net;ui" CACHE STRING "The suites built and run under Wine")
# The UI suite loads DejaVu from the fonts folder next to its exe, as atelier.exe does in the zip; so does
# atelier.exe itself, which the CLI suite runs from the build folder (the documents' PDF embeds the fonts).
foreach(dir ${CMAKE_CURRENT_BINARY_DIR} ${CMAKE_BINARY_DIR})
  file(COPY /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
       DESTINATION ${dir}/fonts)
endforeach()
set(ATELIER_LIBS_core atelier_core)
set(ATELIER_LIBS_store atelier_store atelier::stb)
set(ATELIER_LIBS_export atelier_export)
set(ATELIER_LIBS_cli atelier_cli atelier::httplib)
set(ATELIER_LIBS_net atelier_net atelier::httplib)
set(ATELIER_LIBS_ui atelier_ui atelier::httplib)
# Linux-only test files, left out here: what they test does not exist on Windows or needs Linux to simulate it.
set(ATELIER_LINUX_ONLY_TESTS
  cli/serve_test.cpp     # `atelier serve` stopped by SIGTERM from a forked child (fork, kill, waitpid)
  cli/rgpd_test.cpp      # erasure with a phone through a forked `serve` and a writer killed mid-run (fork, kill)
  cli/makefile_test.cpp  # runs `make deps` (the Makefile is the Linux build's)
  export/pdf_test.cpp    # reads the PDFs with Debian's poppler-utils (pdfinfo, pdffonts, pdftotext)
)
foreach(name ${ATELIER_WINDOWS_SUITES})
  file(GLOB sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/${name}/*.cpp)
  foreach(excluded ${ATELIER_LINUX_ONLY_TESTS})
    list(REMOVE_ITEM sources ${CMAKE_CURRENT_SOURCE_DIR}/${excluded})
  endforeach()
  add_executable(test_${name} ${sources})
  target_link_libraries(test_${name} PRIVATE atelier_test_main atelier::json ${ATELIER_LIBS_${name}})
  target_compile_options(test_${name} PRIVATE -O1)  # the test files: much faster to compile than -O3
  add_dependencies(test_${name} atelier)
  add_test(NAME "${name} (wine)" COMMAND test_${name} WORKING_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR})
endforeach()
