"""Checks on an uploaded file before anything parses it: what it is, and that it is safe to open.

A .docx or .xlsx is a zip archive. Before python-docx or openpyxl unpack it we read only its
directory (a few kilobytes) and refuse: a file over the size limit, a file that is not what
its extension says, a password-protected Office file (an OLE container, not a zip), a
document with macros, and a zip bomb (too many members, too much unpacked data, or a member
that unpacks to more than `MAX_RATIO` times its packed size). Parsing then runs under a time
limit (`time_limit`). Every refusal is an `UploadRefused` with a message for the user.

Pure: no app imports.
"""

from __future__ import annotations

import contextlib
import io
import signal
import threading
import zipfile
from dataclasses import dataclass

from django.utils.translation import gettext as _

MAX_UPLOAD_BYTES = 20 * 1024 * 1024  # 20 MB: a 500-pilot appendix is about 1 MB
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_MEMBERS = 5_000
# Text XML compresses well (20-40x); more than this for a large member is a bomb.
MAX_RATIO = 200
RATIO_FROM_BYTES = 1024 * 1024
PARSE_SECONDS = 60

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted OOXML, or an old .doc/.xls
ZIP_MAGIC = b"PK\x03\x04"
MAIN_PARTS = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml"}
MACRO_EXTENSIONS = {".docm", ".dotm", ".xlsm", ".xltm", ".xlam"}


class UploadRefused(Exception):
    """The file cannot be imported; the message says why, for the user."""


class ParseTimeout(UploadRefused):
    pass


@dataclass(frozen=True)
class CheckedUpload:
    kind: str  # "docx", "xlsx" or "csv"
    name: str
    size: int


def extension(name: str) -> str:
    dot = name.rfind(".")
    return name[dot:].lower() if dot >= 0 else ""


def check_upload(data: bytes, name: str, *, allowed: set[str], max_bytes=None) -> CheckedUpload:
    """Refuse what must not be parsed; returns the file's kind otherwise.

    `allowed` holds the kinds the caller can read ({"docx"} or {"xlsx", "csv"}).
    """
    max_bytes = max_bytes or MAX_UPLOAD_BYTES
    if len(data) > max_bytes:
        raise UploadRefused(
            _("The file is %(size)d MB; the limit is %(limit)d MB.")
            % {"size": len(data) // (1024 * 1024), "limit": max_bytes // (1024 * 1024)}
        )
    if not data:
        raise UploadRefused(_("The file is empty."))
    ext = extension(name)
    if ext in MACRO_EXTENSIONS:
        raise UploadRefused(
            _("Files with macros (%(ext)s) are not accepted. Save it as .docx or .xlsx.")
            % {"ext": ext}
        )
    kind = ext.lstrip(".")
    if kind not in allowed:
        raise UploadRefused(
            _("Oogst reads %(kinds)s files here, not “%(name)s”.")
            % {"kinds": ", ".join(f".{k}" for k in sorted(allowed)), "name": name}
        )
    if kind == "csv":
        _check_csv(data)
    else:
        _check_office(data, kind)
    return CheckedUpload(kind=kind, name=name, size=len(data))


def _check_office(data: bytes, kind: str) -> None:
    label = {"docx": _("Word document (.docx)"), "xlsx": _("Excel workbook (.xlsx)")}[kind]
    if data.startswith(OLE_MAGIC):
        raise UploadRefused(
            _(
                "This file is password-protected or in an old format (.doc/.xls). Remove the "
                "password, or save it as a %(label)s, and try again."
            )
            % {"label": label}
        )
    if not data.startswith(ZIP_MAGIC):
        raise UploadRefused(_("This file is not a %(label)s.") % {"label": label})
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise UploadRefused(
            _("The file is damaged: it cannot be opened as a %(label)s.") % {"label": label}
        ) from None
    if len(members) > MAX_MEMBERS:
        raise UploadRefused(_("The file holds too many parts to be a normal document."))
    total = 0
    names = set()
    for member in members:
        names.add(member.filename)
        total += member.file_size
        if member.flag_bits & 0x1:
            raise UploadRefused(_("The file is encrypted; remove the password and try again."))
        if member.file_size > RATIO_FROM_BYTES and (
            member.compress_size == 0 or member.file_size / member.compress_size > MAX_RATIO
        ):
            raise UploadRefused(
                _("The file unpacks to far more than its size (a zip bomb?); it is refused.")
            )
    if total > MAX_UNPACKED_BYTES:
        raise UploadRefused(
            _("The file unpacks to more than %(limit)d MB; it is refused.")
            % {"limit": MAX_UNPACKED_BYTES // (1024 * 1024)}
        )
    if any(n.lower().endswith("vbaproject.bin") for n in names):
        raise UploadRefused(_("The file contains macros; save it without macros and try again."))
    if "[Content_Types].xml" not in names:
        raise UploadRefused(_("This file is not a %(label)s.") % {"label": label})
    if MAIN_PARTS[kind] not in names:
        other = next((k for k, part in MAIN_PARTS.items() if part in names), None)
        if other:
            raise UploadRefused(
                _("This is a .%(other)s file with a .%(kind)s name; choose the right file.")
                % {"other": other, "kind": kind}
            )
        raise UploadRefused(_("This file is not a %(label)s.") % {"label": label})


def _check_csv(data: bytes) -> None:
    if data.startswith((ZIP_MAGIC, OLE_MAGIC)) or b"\x00" in data[:4096]:
        raise UploadRefused(_("This file is not a CSV text file; is it a spreadsheet?"))
    decode_text(data)


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), else Windows-1252 as older Excel saves CSV."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            raise UploadRefused(_("The CSV file is not in a text encoding Oogst reads.")) from None


@contextlib.contextmanager
def time_limit(seconds: float = PARSE_SECONDS):
    """Raise ParseTimeout when the block runs longer than `seconds`.

    Uses SIGALRM, so it works in the main thread of the worker and of a command (where
    imports are parsed); elsewhere the zip checks above are the guard.
    """
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def expired(signum, frame):
        raise ParseTimeout(
            _("Reading the file took longer than %(seconds)d seconds; it is refused.")
            % {"seconds": seconds}
        )

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
