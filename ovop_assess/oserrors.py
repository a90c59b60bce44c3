"""Operating-system errors (a file that cannot be read or written) in the user's language.

The OS explains an :class:`OSError` in English only (``strerror``). The
common causes are looked up by ``errno`` in the message catalogue instead;
any other error keeps the operating system's own text.
"""

from __future__ import annotations

import errno

from .results import Message

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
    errno.EBADF: "os.bad_descriptor",
}


def os_reason(error: OSError) -> Message | str:
    """Why ``error`` happened, as a catalogue message (rendered later in the chosen language).

    An errno the catalogue does not know keeps the operating system's text.
    """
    key = _BY_ERRNO.get(error.errno) if error.errno is not None else None
    if key is not None:
        return Message(key, {})
    return error.strerror or str(error)
