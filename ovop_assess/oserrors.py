"""Operating-system errors (a file that cannot be read or written) in the user's language.

The OS explains an :class:`OSError` in English only (``strerror``). The
common causes are looked up by ``errno`` in the message catalogue instead;
any other error keeps the operating system's own text.
"""

from __future__ import annotations

import errno
from collections.abc import Sequence

from .results import Finding, Message

_BY_ERRNO: dict[int, str] = {
    errno.ENOENT: "os.not_found",
    errno.EACCES: "os.permission_denied",
    errno.EPERM: "os.not_permitted",
    errno.EISDIR: "os.is_directory",
    errno.ENOTDIR: "os.not_directory",
    errno.ENOSPC: "os.no_space",
    errno.EDQUOT: "os.quota_exceeded",
    errno.EROFS: "os.read_only",
    errno.EEXIST: "os.exists",
    errno.ELOOP: "os.symlink_loop",
    errno.ENAMETOOLONG: "os.name_too_long",
    errno.EIO: "os.io_error",
    errno.EMFILE: "os.too_many_open_files",
    errno.EBUSY: "os.busy",
}


def os_reason(error: OSError) -> Message | str:
    """Why ``error`` happened, as a catalogue message (rendered later in the chosen language).

    An errno the catalogue does not know keeps the operating system's text.
    """
    key = _BY_ERRNO.get(error.errno) if error.errno is not None else None
    if key is not None:
        return Message(key, {})
    return error.strerror or str(error)


def with_os_reason(findings: Sequence[Finding], cause: BaseException | None) -> list[Finding]:
    """Findings of a file that could not be read, with an OS error's text from the catalogue.

    The loader puts the OS text (``strerror``) into the ``reason`` of
    ``file.unreadable``; ``cause`` is the :class:`OSError` it was raised from
    (the ``LoadError``'s ``__context__``). Other findings are returned as they are.
    """
    if not isinstance(cause, OSError):
        return list(findings)
    return [_with_reason(finding, cause) for finding in findings]


def _with_reason(finding: Finding, cause: OSError) -> Finding:
    message = finding.message
    if message.id != "file.unreadable" or not isinstance(message.values.get("reason"), str):
        return finding
    values = {**message.values, "reason": os_reason(cause)}
    return finding._replace(message=Message(message.id, values))
