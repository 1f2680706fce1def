"""Writes Sources/ChinaLocale/Pinyin+table.swift from pypinyin (pip install pypinyin==0.53.0).

Each of the 6,763 characters of GB 2312 gets its most common reading, without tone; "ü" is "v".
"""
from collections import defaultdict
from pathlib import Path

from pypinyin import Style, lazy_pinyin

groups = defaultdict(list)
for high in range(0xB0, 0xF8):
    for low in range(0xA1, 0xFF):
        try:
            character = bytes([high, low]).decode("gb2312")
        except UnicodeDecodeError:
            continue
        reading = lazy_pinyin(character, style=Style.NORMAL, errors="ignore")
        if reading and reading[0].replace("ü", "v").isascii() and reading[0].replace("ü", "v").isalpha():
            groups[reading[0].replace("ü", "v")].append(character)

lines = "\n".join(f"        {syllable} {''.join(chars)}" for syllable, chars in sorted(groups.items()))
target = Path(__file__).resolve().parent.parent / "Sources/ChinaLocale/Pinyin+table.swift"
target.write_text(
    "// Generated from pypinyin 0.53.0 (MIT licence): the most common reading, without tone, of each of\n"
    "// the 6,763 characters of GB 2312, grouped by syllable (\"v\" stands for \"ü\"). Regenerate with\n"
    "// `Scripts/pinyin-table.py`.\n\n"
    "extension Pinyin {\n"
    '    static let table = """\n' + lines + '\n        """\n}\n'
)
