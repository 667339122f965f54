# LLVM/Clang 14 LibTooling, pinned by path: ClangConfig.cmake 14 has no version
# file, so find_package(Clang 14) would fail.
find_package(LLVM REQUIRED CONFIG HINTS /usr/lib/llvm-14/lib/cmake/llvm NO_DEFAULT_PATH)
find_package(Clang REQUIRED CONFIG HINTS /usr/lib/llvm-14/lib/cmake/clang NO_DEFAULT_PATH)

# Clang's builtin headers (stddef.h, ...) are found relative to the binary by
# default, which is wrong for build/twelve; read the real resource dir once here.
find_program(TWELVE_CLANG_EXECUTABLE NAMES clang-${LLVM_VERSION_MAJOR} clang
             HINTS ${LLVM_TOOLS_BINARY_DIR} REQUIRED)
execute_process(COMMAND ${TWELVE_CLANG_EXECUTABLE} -print-resource-dir
                OUTPUT_VARIABLE TWELVE_CLANG_RESOURCE_DIR OUTPUT_STRIP_TRAILING_WHITESPACE
                COMMAND_ERROR_IS_FATAL ANY)
message(STATUS "twelve: Clang ${LLVM_PACKAGE_VERSION}, resource dir ${TWELVE_CLANG_RESOURCE_DIR}")

# Applied only to targets that include Clang headers.
add_library(twelve_clang INTERFACE)
target_include_directories(twelve_clang SYSTEM INTERFACE ${LLVM_INCLUDE_DIRS} ${CLANG_INCLUDE_DIRS})
separate_arguments(_twelve_llvm_defs NATIVE_COMMAND "${LLVM_DEFINITIONS}")
target_compile_definitions(twelve_clang INTERFACE ${_twelve_llvm_defs})
# Static by default: the shared libclang-cpp/libLLVM cost ~60 ms of dynamic
# relocation at every start (measured: `twelve --version` 85 ms shared, 22 ms
# static), which is most of a warm re-scan. Non-PIE for the same reason, and
# the C++ runtime and the other libraries static too: see cli/CMakeLists.txt.
option(TWELVE_STATIC_LINK "Link Clang, LLVM, the C++ runtime and the libraries statically (faster start)" ON)
if(TWELVE_STATIC_LINK)
  set(_twelve_clang_static)
  # In dependency order; the group lets a linker other than lld rescan.
  foreach(_lib clangTooling clangFrontend clangDriver clangSerialization clangParse clangSema
               clangAnalysis clangEdit clangASTMatchers clangAST clangLex clangBasic
               clangToolingCore clangRewrite)
    set(_file "${LLVM_LIBRARY_DIR}/lib${_lib}.a")
    if(NOT EXISTS "${_file}")
      message(FATAL_ERROR "twelve: ${_file} is missing (package libclang-${LLVM_VERSION_MAJOR}-dev);"
                          " or configure with -DTWELVE_STATIC_LINK=OFF")
    endif()
    list(APPEND _twelve_clang_static "${_file}")
  endforeach()
  execute_process(COMMAND ${LLVM_TOOLS_BINARY_DIR}/llvm-config --link-static --libfiles
                          option frontendopenmp support mc mcparser bitreader profiledata core
                          binaryformat remarks bitstreamreader demangle textapi object irreader
                          asmparser target
                  OUTPUT_VARIABLE _twelve_llvm_static OUTPUT_STRIP_TRAILING_WHITESPACE
                  COMMAND_ERROR_IS_FATAL ANY)
  separate_arguments(_twelve_llvm_static NATIVE_COMMAND "${_twelve_llvm_static}")
  list(APPEND _twelve_clang_static ${_twelve_llvm_static})
  # zlib and terminfo (LLVM's support library) as archives too: every shared
  # library costs a mapping and symbol lookups at start.
  find_library(TWELVE_LIBZ_A NAMES libz.a REQUIRED)
  find_library(TWELVE_LIBTINFO_A NAMES libtinfo.a REQUIRED)
  target_link_libraries(twelve_clang INTERFACE "$<LINK_GROUP:RESCAN,${_twelve_clang_static}>"
                        ${TWELVE_LIBZ_A} ${TWELVE_LIBTINFO_A} pthread dl rt)
else()
  target_link_libraries(twelve_clang INTERFACE clang-cpp LLVM)
endif()
