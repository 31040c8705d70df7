"""The PDF's fonts: DejaVu Sans when Debian's fonts-dejavu-core is installed, else Helvetica.

DejaVu Sans draws every character the report uses ("é", "—", the minus sign, "✓", "✗").
Helvetica, one of the PDF's built-in fonts, only has Windows-1252, so with it the marks become
ASCII and any other character outside that set becomes "?".
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

DEJAVU = Path("/usr/share/fonts/truetype/dejavu")  # Debian's fonts-dejavu-core
_FACES = {
    "regular": "DejaVuSans",
    "bold": "DejaVuSans-Bold",
    "italic": "DejaVuSans-Oblique",
    "bold_italic": "DejaVuSans-BoldOblique",
}
_ASCII = str.maketrans({"✓": "[x]", "✗": "[ ]", "\u2212": "-", "\u2009": " ", "\u202f": " "})


@dataclass(frozen=True)
class Fonts:
    regular: str
    bold: str
    italic: str
    unicode: bool  # False: a built-in font that only has Windows-1252

    def plain(self, text: str) -> str:
        """``text`` as this font can draw it."""
        if self.unicode:
            return text
        return text.translate(_ASCII).encode("cp1252", "replace").decode("cp1252")


HELVETICA = Fonts("Helvetica", "Helvetica-Bold", "Helvetica-Oblique", unicode=False)


def load_fonts(folder: Path) -> Fonts:
    """DejaVu Sans from ``folder``, registered with ReportLab; Helvetica if a face is missing."""
    paths = {face: folder / f"{name}.ttf" for face, name in _FACES.items()}
    if not all(path.is_file() for path in paths.values()):
        return HELVETICA
    for face, name in _FACES.items():
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(paths[face])))
    pdfmetrics.registerFontFamily(
        _FACES["regular"],
        normal=_FACES["regular"],
        bold=_FACES["bold"],
        italic=_FACES["italic"],
        boldItalic=_FACES["bold_italic"],
    )
    return Fonts(_FACES["regular"], _FACES["bold"], _FACES["italic"], unicode=True)


@cache
def fonts() -> Fonts:
    """The fonts the report uses on this machine (registered once per process)."""
    return load_fonts(DEJAVU)
