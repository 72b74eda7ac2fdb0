#!/bin/sh
# Builds the libFuzzer harnesses of tests/fuzz/ (fuzz_*.c) into build-fuzz/: clang with
# -fsanitize=fuzzer,address,undefined -g -O1, linked against every module of generator/ but
# main.c, with the Makefile's pkg-config packages and -std=c11 -D_DEFAULT_SOURCE.
# Usage: sh tests/fuzz/build.sh [HARNESS...]   (default: every fuzz_*.c)
# Environment: CC (default clang), BUILD_FUZZ (default <top>/build-fuzz).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
out=${BUILD_FUZZ:-$top/build-fuzz}
cc=${CC:-clang}
case $cc in cc | gcc | */gcc) cc=clang ;; esac # libFuzzer is clang's
PKGS="libxml-2.0 libxslt libexslt glib-2.0 cairo pango pangocairo pangoft2 fontconfig harfbuzz"

if ! command -v "$cc" > /dev/null 2>&1; then
    echo "build.sh: $cc not found; install clang (apt-get install clang)" >&2
    exit 2
fi
pkg_cflags=$(pkg-config --cflags $PKGS)
pkg_libs=$(pkg-config --libs $PKGS)
# -fsanitize=undefined recovers by default: run.sh sets UBSAN_OPTIONS=halt_on_error=1 so that
# undefined behaviour is a crash, with a suppressions file for the ones already reported.
cflags="-std=c11 -D_DEFAULT_SOURCE -g -O1 -fno-omit-frame-pointer -DRP_VERSION=\"fuzz\""
warn="-Wall -Wextra -Wno-unused-parameter"
sanitize="address,undefined"

mkdir -p "$out/obj"
# The generator's modules, instrumented for coverage (fuzzer-no-link), rebuilt when the
# module or any header is newer than its object.
newest_header=$(ls -t "$top"/generator/*.h | head -n 1)
objs=
for src in "$top"/generator/*.c; do
    name=$(basename "$src" .c)
    # main and pdf_module are the program's own (generator/pdf_module.h); the harnesses
    # link the modules themselves.
    case $name in main | pdf_module) continue ;; esac
    obj="$out/obj/$name.o"
    if [ ! -f "$obj" ] || [ "$src" -nt "$obj" ] || [ "$newest_header" -nt "$obj" ]; then
        echo "  CC      generator/$name.c"
        # shellcheck disable=SC2086
        "$cc" $cflags -fsanitize=fuzzer-no-link,$sanitize $pkg_cflags -c "$src" -o "$obj"
    fi
    objs="$objs $obj"
done

if [ $# -eq 0 ]; then
    set --
    for h in "$here"/fuzz_*.c; do set -- "$@" "$(basename "$h" .c)"; done
fi
for h in "$@"; do
    h=${h%.c}
    echo "  LD      $out/$h"
    # shellcheck disable=SC2086
    "$cc" $cflags $warn -fsanitize=fuzzer,$sanitize -I"$top/generator" $pkg_cflags \
        -o "$out/$h" "$here/$h.c" $objs $pkg_libs -lm
done
