"""What the operating system said when a file could not be opened or written, for a person."""

from __future__ import annotations

import errno

from ._i18n import Message, tr

_OS_REASONS: dict[int, Message] = {
    errno.ENOENT: tr("no such file or directory"),
    errno.EACCES: tr("permission denied"),
    errno.EPERM: tr("permission denied"),
    errno.EISDIR: tr("is a directory, not a file"),
    errno.ENOTDIR: tr("a part of the path is not a directory"),
    errno.ENOSPC: tr("no space left on the disk"),
    errno.EROFS: tr("the disk is read-only"),
    errno.ENAMETOOLONG: tr("the file name is too long"),
    errno.EIO: tr("input/output error (the disk or the network failed)"),
    errno.EMFILE: tr("too many files open"),
}


def os_error_message(error: OSError) -> Message:
    """What the operating system said, in the person's language: the usual causes by their
    ``errno``, any other one by its number and symbolic name (``errno 28, ENOSPC``)."""
    if error.errno is not None and error.errno in _OS_REASONS:
        return _OS_REASONS[error.errno]
    if error.errno is not None:
        return tr(
            "the operating system refused it (errno {number}, {name})",
            number=error.errno,
            name=errno.errorcode.get(error.errno, "?"),
        )
    return tr(
        "the operating system refused it ({kind}: {detail})",
        kind=type(error).__name__,
        detail=str(error),
    )
