/* font-patterns: writes fonts/fonts.patterns, what fontconfig makes of the
 * files fonts.list names, so that each PDF process parses it rather than
 * scanning the fonts (generator/fonts.h). Run by `make fonts`.
 * Usage: font-patterns FONTS_DIR */
#include <stdio.h>

#include "diag.h"
#include "fonts.h"

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: font-patterns FONTS_DIR\n");
        return 2;
    }
    diag *d = diag_new();
    bool ok = fonts_write_patterns(argv[1], d);
    diag_print(d, stderr);
    diag_free(d);
    return ok ? 0 : 1;
}
