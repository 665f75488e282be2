# The PDF library of the Windows build (included by vendor/windows.cmake; alone, it cross-builds these three for a
# check): libharu 2.3.0 and what it needs, zlib 1.2.13 and libpng 1.6.39, each from its Debian 12 source package
# (`make windows` fetched them into ${W}), as static libraries. Debian's Linux build links libhpdf-dev instead.
#
# | target          | source package (bookworm) | built as                                                       |
# |-----------------|---------------------------|----------------------------------------------------------------|
# | atelier_zlib    | zlib 1.2.13               | its library sources                                             |
# | atelier_png     | libpng1.6 1.6.39          | its library sources, with the pnglibconf.h it ships prebuilt   |
# | atelier::hpdf   | libharu 2.3.0             | its library sources, hpdf_config.h written here (zlib, libpng) |

file(GLOB ATELIER_ZLIB_DIR LIST_DIRECTORIES true ${W}/zlib-1.2.13*)
file(GLOB ATELIER_PNG_DIR LIST_DIRECTORIES true ${W}/libpng-1.6.39)
file(GLOB ATELIER_HARU_DIR LIST_DIRECTORIES true ${W}/libharu-RELEASE_2_3_0)
foreach(dir ATELIER_ZLIB_DIR ATELIER_PNG_DIR ATELIER_HARU_DIR)
  if(NOT IS_DIRECTORY "${${dir}}")
    message(FATAL_ERROR "${dir}: the source package is not unpacked in ${W} (packaging/windows/build.sh fetches it)")
  endif()
endforeach()

set(ATELIER_ZLIB_SOURCES)
foreach(f adler32 compress crc32 deflate gzclose gzlib gzread gzwrite infback inffast inflate inftrees trees uncompr zutil)
  list(APPEND ATELIER_ZLIB_SOURCES ${ATELIER_ZLIB_DIR}/${f}.c)
endforeach()
add_library(atelier_zlib STATIC ${ATELIER_ZLIB_SOURCES})
target_include_directories(atelier_zlib PUBLIC ${ATELIER_ZLIB_DIR})
target_compile_options(atelier_zlib PRIVATE ${ATELIER_THIRD_PARTY_FLAGS})

set(ATELIER_PNG_GENERATED ${CMAKE_BINARY_DIR}/generated/png)
configure_file(${ATELIER_PNG_DIR}/scripts/pnglibconf.h.prebuilt ${ATELIER_PNG_GENERATED}/pnglibconf.h COPYONLY)
set(ATELIER_PNG_SOURCES)
foreach(f png pngerror pngget pngmem pngpread pngread pngrio pngrtran pngrutil pngset pngtrans pngwio pngwrite pngwtran
          pngwutil)
  list(APPEND ATELIER_PNG_SOURCES ${ATELIER_PNG_DIR}/${f}.c)
endforeach()
add_library(atelier_png STATIC ${ATELIER_PNG_SOURCES})
target_include_directories(atelier_png PUBLIC ${ATELIER_PNG_DIR} ${ATELIER_PNG_GENERATED})
target_link_libraries(atelier_png PUBLIC atelier_zlib)
target_compile_options(atelier_png PRIVATE ${ATELIER_THIRD_PARTY_FLAGS})

set(ATELIER_HARU_GENERATED ${CMAKE_BINARY_DIR}/generated/hpdf)
file(WRITE ${ATELIER_HARU_GENERATED}/hpdf_config.h.in
     "/* libharu's configuration for the Windows build (vendor/windows_pdf.cmake) */\n"
     "#define LIBHPDF_HAVE_LIBPNG 1\n#define LIBHPDF_HAVE_LIBZ 1\n#define LIBHPDF_HAVE_STDLIB_H 1\n"
     "#define LIBHPDF_HAVE_STRING_H 1\n#define LIBHPDF_HAVE_STDINT_H 1\n#define LIBHPDF_HAVE_SYS_TYPES_H 1\n"
     "#define LIBHPDF_STDC_HEADERS 1\n")
configure_file(${ATELIER_HARU_GENERATED}/hpdf_config.h.in ${ATELIER_HARU_GENERATED}/hpdf_config.h COPYONLY)
file(GLOB ATELIER_HARU_SOURCES ${ATELIER_HARU_DIR}/src/hpdf_*.c)
add_library(atelier_hpdf STATIC ${ATELIER_HARU_SOURCES})
target_include_directories(atelier_hpdf PUBLIC ${ATELIER_HARU_DIR}/include ${ATELIER_HARU_GENERATED})
target_link_libraries(atelier_hpdf PUBLIC atelier_png atelier_zlib)
target_compile_options(atelier_hpdf PRIVATE ${ATELIER_THIRD_PARTY_FLAGS})

add_library(atelier::hpdf INTERFACE IMPORTED)
target_link_libraries(atelier::hpdf INTERFACE atelier_hpdf)
