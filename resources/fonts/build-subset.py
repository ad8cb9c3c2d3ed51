#!/usr/bin/env python3
"""Builds dossier-sans-sc.ttf, the font the mock portal's dossier generator embeds.

A subset of Noto Sans CJK SC Regular (SIL OFL 1.1, see OFL.txt): ASCII, every character of
GB 2312 (6763 hanzi and its symbols), the Kangxi radicals and CJK radicals supplement (which
real Chinese PDFs carry in their text layers), and a few common name characters outside GB 2312.
Outlines are converted from CFF to TrueType, because the PDF library subsets TrueType fonts
reliably, and the family is renamed as the OFL asks of modified versions.

Needs fontTools (Debian: python3-fonttools) and the Noto CJK collection (Debian: fonts-noto-cjk):
    python3 resources/fonts/build-subset.py [/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc]
"""
import collections
import copy
import os
import sys

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, newTable

SOURCE = sys.argv[1] if len(sys.argv) > 1 else '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'dossier-sans-sc.ttf')
FAMILY = 'Dossier Sans SC'

# Common given-name characters that GB 2312 lacks.
EXTRA = '喆堃赟珺玥祎昀琤婧旻昊晞翀骞淼焱垚犇鑫喆懿萱瑾璟琮珩瑄玮玏珈钰铖'


def gb2312_characters():
    chars = set()
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                chars.add(bytes([high, low]).decode('gb2312'))
            except UnicodeDecodeError:
                pass
    return chars


def wanted_unicodes():
    codes = set(range(0x20, 0x7F))
    codes |= {ord(c) for c in gb2312_characters()}
    codes |= set(range(0x2F00, 0x2FD6)) | set(range(0x2E80, 0x2EF4))
    codes |= {ord(c) for c in EXTRA}
    codes |= {0x3007, 0x25A1, 0x2116, 0x00D7, 0x2014, 0x2026, 0x201C, 0x201D, 0x2018, 0x2019}
    return codes


def pick_sc(collection):
    for font in collection.fonts:
        if font['name'].getDebugName(4) == 'Noto Sans CJK SC':
            return font
    raise SystemExit('Noto Sans CJK SC not found in ' + SOURCE)


def to_truetype(font):
    """CFF outlines to quadratic TrueType glyphs (as fontTools' otf2ttf snippet does)."""
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        glyphs[name] = pen.glyph()
    font['loca'] = newTable('loca')
    glyf = font['glyf'] = newTable('glyf')
    glyf.glyphOrder = order
    glyf.glyphs = glyphs
    # Even-length glyph records: fontkit's subsetter writes short loca offsets (offset / 2)
    # for small subsets, which misplaces every glyph that follows an odd-length one.
    glyf.padding = 2
    del font['CFF ']
    if 'VORG' in font:
        del font['VORG']
    glyf.compile(font)
    font['maxp'] = maxp = newTable('maxp')
    maxp.tableVersion = 0x00010000
    maxp.maxZones = 1
    maxp.maxTwilightPoints = maxp.maxStorage = maxp.maxFunctionDefs = 0
    maxp.maxInstructionDefs = maxp.maxStackElements = maxp.maxSizeOfInstructions = 0
    maxp.maxComponentElements = max(len(g.components if hasattr(g, 'components') else []) for g in glyphs.values())
    maxp.compile(font)
    post = font['post']
    post.formatType = 2.0
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = order
    font['head'].indexToLocFormat = 0
    font['head'].glyphDataFormat = 0
    font.sfntVersion = '\x00\x01\x00\x00'


def split_radicals(font):
    """Gives each radical its own glyph where it shares one with an ideograph (⼈ and 人 do):
    the PDF's ToUnicode map goes by glyph, so a shared glyph would make the two indistinguishable
    in the text layer, and the generator wants real radical code points there in places."""
    best = font.getBestCmap()
    users = collections.defaultdict(list)
    for code, name in best.items():
        users[name].append(code)
    order = list(font.getGlyphOrder())
    glyf = font['glyf']
    hmtx = font['hmtx']
    unicode_tables = [t for t in font['cmap'].tables if t.isUnicode()]
    for code, name in sorted(best.items()):
        if 0x2E80 <= code <= 0x2FDF and len(users[name]) > 1:
            twin = 'uni%04X' % code
            glyf.glyphs[twin] = copy.deepcopy(glyf[name])
            hmtx.metrics[twin] = hmtx.metrics[name]
            order.append(twin)
            for table in unicode_tables:
                if code in table.cmap:
                    table.cmap[code] = twin
    font.setGlyphOrder(order)
    glyf.glyphOrder = order
    font['post'].glyphOrder = order


def rename(font):
    names = font['name']
    for record in list(names.names):
        if record.nameID in (1, 16):
            record.string = FAMILY
        elif record.nameID == 4:
            record.string = FAMILY + ' Regular'
        elif record.nameID in (3, 6):
            record.string = FAMILY.replace(' ', '') + '-Regular'
        elif record.nameID == 17:
            record.string = 'Regular'


def main():
    font = pick_sc(TTCollection(SOURCE))
    options = subset.Options()
    options.layout_features = []
    options.hinting = False
    options.notdef_outline = True
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14, 16, 17]
    options.name_languages = [0x409]
    options.drop_tables += ['GSUB', 'GPOS', 'GDEF', 'BASE', 'VORG', 'vhea', 'vmtx', 'DSIG']
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=wanted_unicodes())
    subsetter.subset(font)
    to_truetype(font)
    split_radicals(font)
    rename(font)
    font.save(OUT)
    print(OUT, os.path.getsize(OUT), 'bytes,', len(font.getGlyphOrder()), 'glyphs')


if __name__ == '__main__':
    main()
