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
target_link_libraries(twelve_clang INTERFACE clang-cpp LLVM)
