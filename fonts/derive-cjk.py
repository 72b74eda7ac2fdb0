#!/usr/bin/python3
"""Extracts the Simplified Chinese face of a Noto Sans CJK collection into a
TrueType font: the same glyphs, metrics and OpenType layout, with the CFF
outlines converted to quadratic curves (within 1 unit of the 1000-unit em).

Why: for a CFF font cairo 1.16 reads the whole CFF table (17 MB for this
face) twice into memory for every PDF that uses it, which made a Chinese
report cost twice a Latin one; for a TrueType font it reads only the glyphs
used. (And with CFF it embedded the font's 1 MB of global subroutines whole
into every PDF.)

Usage: derive-cjk.py COLLECTION.ttc OUTPUT.ttf
"""
import sys
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, newTable

# Font units: the largest distance between a cubic curve and its quadratic
# approximation, invisible at any size a report uses.
MAX_ERROR = 1.0


def to_truetype(font):
    order = font.getGlyphOrder()
    glyphs = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyphs)
        # TrueType contours run the other way round from PostScript's.
        glyphs[name].draw(Cu2QuPen(pen, MAX_ERROR, reverse_direction=True))
        glyf[name] = pen.glyph()
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    font["head"].glyphDataFormat = 0
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for field in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs",
                  "maxInstructionDefs", "maxStackElements", "maxSizeOfInstructions",
                  "maxComponentElements", "maxComponentDepth"):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    # Glyph names would add 65,000 strings; PDFs map glyphs to text by cmap.
    font["post"].formatType = 3.0
    for tag in ("CFF ", "VORG"):
        if tag in font:
            del font[tag]
    font.sfntVersion = "\000\001\000\000"


def main(src, dst):
    collection = TTCollection(src)
    for font in collection.fonts:
        if font["name"].getDebugName(1) == "Noto Sans CJK SC":
            break
    else:
        sys.exit("derive-cjk.py: no Noto Sans CJK SC face in " + src)
    to_truetype(font)
    # The same bytes on every machine: no "modified" time stamped in.
    font.recalcTimestamp = False
    font.save(dst)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
