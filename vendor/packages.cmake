# Imported targets for the Debian packages Atelier uses. Nothing here is third-party source: each target points
# at what the package installed. Versions are those of Debian 12 (bookworm).
#
# | target          | Debian package       | version | licence        |
# |-----------------|----------------------|---------|----------------|
# | atelier::imgui  | libimgui-dev         | 1.86    | MIT            | (libimgui.a holds the GLFW + OpenGL3 backends and imgui_stdlib)
# | atelier::stb    | libstb-dev           | 2022    | MIT / public domain | (stb_image_write for screenshots, stb_image_resize for photos; required by imgui.pc)
# | atelier::glfw   | libglfw3-dev         | 3.3.8   | zlib           |
# | atelier::gl     | libgl-dev            | —       | MIT (Mesa)     |
# | atelier::sqlite | libsqlite3-dev       | 3.40    | public domain  |
# | atelier::cereal | libcereal-dev        | 1.3.2   | BSD-3-Clause   |
# | atelier::json   | nlohmann-json3-dev   | 3.11.2  | MIT            | (reading our seed data and writing CLI JSON)
# | atelier::microhttpd | libmicrohttpd-dev | 0.9.75 | LGPL-2.1+     | (the participation server, src/net/http_server.cpp: one polling thread, suspended connections; linked dynamically)
# | atelier::httplib | libcpp-httplib-dev  | 0.11.4  | MIT            | (tests only: the HTTP client of the net, ui and cli suites; Debian builds it as a shared library with OpenSSL, zlib and Brotli support)
# | atelier::qrencode | libqrencode-dev  | 4.1.1   | LGPL-2.1+      | (the QR code of the join URL, src/net/qr.cpp; linked dynamically)
# | atelier::hpdf   | libhpdf-dev          | 2.3.0   | zlib/libpng    | (libharu: the documents as PDF, src/export/pdf.cpp; needs zlib and libpng; linked dynamically)
# | doctest         | doctest-dev          | 2.4.9   | MIT            |
# | benchmark       | libbenchmark-dev     | 1.7.1   | Apache-2.0     | (tests/bench → build/atelier_bench)
# | fonts           | fonts-dejavu-core    | 2.37    | Bitstream Vera / public domain |

find_package(PkgConfig REQUIRED)
pkg_check_modules(IMGUI REQUIRED IMPORTED_TARGET imgui>=1.86)
pkg_check_modules(STB REQUIRED IMPORTED_TARGET stb)
pkg_check_modules(GLFW REQUIRED IMPORTED_TARGET glfw3>=3.3)
find_package(OpenGL REQUIRED)
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib>=0.11)
pkg_check_modules(MICROHTTPD REQUIRED IMPORTED_TARGET libmicrohttpd>=0.9.75)
pkg_check_modules(QRENCODE REQUIRED IMPORTED_TARGET libqrencode>=4)
find_package(SQLite3 REQUIRED)
find_package(cereal REQUIRED)
find_package(nlohmann_json 3 REQUIRED)
find_package(Threads REQUIRED)

add_library(atelier::imgui INTERFACE IMPORTED)
target_link_libraries(atelier::imgui INTERFACE PkgConfig::IMGUI PkgConfig::STB ${CMAKE_DL_LIBS})
add_library(atelier::stb INTERFACE IMPORTED)
target_link_libraries(atelier::stb INTERFACE PkgConfig::STB)
add_library(atelier::glfw INTERFACE IMPORTED)
target_link_libraries(atelier::glfw INTERFACE PkgConfig::GLFW)
add_library(atelier::gl INTERFACE IMPORTED)
target_link_libraries(atelier::gl INTERFACE OpenGL::GL)
add_library(atelier::sqlite INTERFACE IMPORTED)
target_link_libraries(atelier::sqlite INTERFACE SQLite::SQLite3)
add_library(atelier::cereal INTERFACE IMPORTED)
target_link_libraries(atelier::cereal INTERFACE cereal::cereal)
add_library(atelier::json INTERFACE IMPORTED)
target_link_libraries(atelier::json INTERFACE nlohmann_json::nlohmann_json)
# Its Cflags carry the CPPHTTPLIB_*_SUPPORT definitions the library was built with: they must match its ABI.
add_library(atelier::httplib INTERFACE IMPORTED)
target_link_libraries(atelier::httplib INTERFACE PkgConfig::HTTPLIB Threads::Threads)
add_library(atelier::microhttpd INTERFACE IMPORTED)
target_link_libraries(atelier::microhttpd INTERFACE PkgConfig::MICROHTTPD Threads::Threads)
add_library(atelier::qrencode INTERFACE IMPORTED)
target_link_libraries(atelier::qrencode INTERFACE PkgConfig::QRENCODE)

# libharu ships no pkg-config file nor CMake package in Debian 12: its header and library, found by name.
find_path(HPDF_INCLUDE_DIR hpdf.h REQUIRED)
find_library(HPDF_LIBRARY NAMES hpdf REQUIRED)
add_library(atelier::hpdf INTERFACE IMPORTED)
target_include_directories(atelier::hpdf INTERFACE ${HPDF_INCLUDE_DIR})
target_link_libraries(atelier::hpdf INTERFACE ${HPDF_LIBRARY})

set(ATELIER_FONT_DIR "/usr/share/fonts/truetype/dejavu" CACHE PATH "Where fonts-dejavu-core installs DejaVu Sans")
