#!/usr/bin/python3
"""Extracts the Simplified Chinese face of a Noto Sans CJK collection into an
OpenType font without CFF subroutines: cairo 1.16 embeds a CFF font's global
subroutines whole (about 1 MB for Noto CJK) into every PDF, but subsets plain
charstrings to the glyphs used. Same glyphs, same outlines, same metrics.

Usage: derive-cjk.py COLLECTION.ttc OUTPUT.otf
"""
import sys
from fontTools import subset
from fontTools.ttLib import TTCollection

def main(src, dst):
    collection = TTCollection(src)
    for font in collection.fonts:
        if font["name"].getDebugName(1) == "Noto Sans CJK SC":
            break
    else:
        sys.exit("derive-cjk.py: no Noto Sans CJK SC face in " + src)
    opts = subset.Options()
    opts.desubroutinize = True
    opts.glyph_names = False
    opts.name_IDs = ["*"]
    opts.name_languages = ["*"]
    opts.layout_features = ["*"]
    opts.notdef_outline = True
    opts.hinting = True
    opts.drop_tables = []
    opts.ignore_missing_glyphs = True
    subsetter = subset.Subsetter(opts)
    subsetter.populate(glyphs=font.getGlyphOrder())
    subsetter.subset(font)
    # The same bytes on every machine: no "modified" time stamped in.
    font.recalcTimestamp = False
    font.save(dst)

if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
