"""What an input is when it is not an ECF: its first bytes (a PDF, UTF-16 text, an ECD, a picture,
another archive…) or, for a ZIP, its entries (an office document), with what to do instead."""

from __future__ import annotations

from ..base._i18n import Message, tr


def _office_kind(names: list[str]) -> tuple[Message, Message] | None:
    """What a ZIP is when it is an office document (they are ZIPs of many XML files)."""
    advice = tr(
        ": export the ECF from the ECF program (a .txt file), not a spreadsheet or document"
    )
    if "[Content_Types].xml" in names:
        for prefix, kind in (
            ("xl/", tr("an Excel spreadsheet (XLSX)")),
            ("word/", tr("a Word document (DOCX)")),
            ("ppt/", tr("a PowerPoint presentation (PPTX)")),
        ):
            if any(name.startswith(prefix) for name in names):
                return kind, advice
        return tr("an Office document (Office Open XML)"), advice
    if "mimetype" in names and "content.xml" in names:
        return tr("an OpenDocument file (ODS, ODT…)"), advice
    return None


_UPLOAD = tr(": use the .txt file the ECF program saved")
_NOT_A_PICTURE = tr(": use the .txt file the ECF program saved, not a picture of it")
_ARCHIVE = tr(": only ZIP and gzip are read; extract the ECF file (or zip it instead)")


def describe(head: bytes) -> tuple[Message, Message] | None:
    """What the first bytes of an input say it is, when that is not an ECF: ``(what, advice)``
    such as ``("a PDF document", ": use the .txt file …")``; ``None`` for an ECF or bytes not recognised."""
    text = head[3:] if head.startswith(b"\xef\xbb\xbf") else head
    if text.startswith(b"|0000|LECF"):
        return None  # an ECF, or one whose 0000 the reader will say what is wrong with
    if head.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return tr("UTF-32 text"), _RESAVE
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or head[:2] in (b"|\x00", b"\x00|"):
        return tr("UTF-16 text"), _RESAVE
    if text.startswith(b"|0000|LECD|"):
        return tr("an ECD (Escrituração Contábil Digital)"), _OTHER_SPED
    if text.startswith(b"|0000|"):
        second = text.split(b"|", 3)[2]
        if len(second) == 3 and second.isdigit():  # COD_VER: the EFDs' 0000 starts with it
            return tr("an EFD (SPED Fiscal or EFD-Contribuições)"), _OTHER_SPED
        if len(second) == 4 and second.isalpha():  # LECD, LCPR…: another book's name
            return tr("another SPED file ({book})", book=second.decode("ascii")), _OTHER_SPED
    if head.startswith(b"BZh") and head[4:10] == b"1AY&SY":
        return tr("a bzip2 stream"), _ARCHIVE
    for magic, what, advice in _MAGIC:
        if head.startswith(magic):
            return what, advice
    if head[257:262] == b"ustar":
        return tr("a tar archive"), _ARCHIVE
    lowered = text.lstrip().lower()
    if lowered.startswith((b"<!doctype html", b"<html", b"<head", b"<body")):
        return (
            tr("a web page (HTML)"),
            tr(": the download probably saved an error or login page instead of the ECF file"),
        )
    if lowered.startswith(b"<?xml"):
        return tr("an XML file"), _UPLOAD
    return None


_OTHER_SPED = tr(
    ": the ECF (Escrituração Contábil Fiscal) is the SPED file whose first line starts |0000|LECF|"
)
_RESAVE = tr(
    ": save it as the ECF program wrote it (Latin-1, also called ISO 8859-1 or ANSI), or "
    "take the file the program saved, unchanged"
)
_MAGIC: tuple[tuple[bytes, Message, Message], ...] = (
    (
        b"%PDF",
        tr("a PDF document"),
        tr(": use the .txt file the ECF program saved, not a printed report or receipt"),
    ),
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        tr("an Office 97-2003 file (such as .xls or .doc)"),
        _UPLOAD,
    ),
    (b"{\\rtf", tr("an RTF document (a word processor's file)"), _UPLOAD),
    (b"\x89PNG", tr("an image (PNG)"), _NOT_A_PICTURE),
    (b"\xff\xd8\xff", tr("an image (JPEG)"), _NOT_A_PICTURE),
    (b"GIF8", tr("an image (GIF)"), _NOT_A_PICTURE),
    (b"Rar!\x1a\x07", tr("a RAR archive"), _ARCHIVE),
    (b"7z\xbc\xaf\x27\x1c", tr("a 7-Zip archive"), _ARCHIVE),
    (b"\xfd7zXZ\x00", tr("an xz stream"), _ARCHIVE),
    (b"\x28\xb5\x2f\xfd", tr("a Zstandard stream"), _ARCHIVE),
)
