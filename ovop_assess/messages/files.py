"""Reading a file: what stops a region file from being read, and the operating system's own errors."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # --- reading the file
    "file.not_found": {"en": "file not found", "id": "berkas tidak ditemukan"},
    "file.not_found_similar": {
        "en": "file not found; its folder has {names}: write the name exactly as it is, with the case of its letters and its extension",
        "id": "berkas tidak ditemukan; di foldernya ada {names}: tulis namanya persis seperti itu, termasuk huruf besar-kecil dan ekstensinya",
    },
    "file.not_found_backslash": {
        "en": "file not found; between folders, write / (as {slashed}), which every system reads: \\ is read as a folder separator on Windows only",
        "id": "berkas tidak ditemukan; di antara nama folder tulis / (seperti {slashed}), yang dibaca semua sistem: \\ hanya dibaca sebagai pemisah folder di Windows",
    },
    "file.not_regular": {
        "en": "not a regular file (a pipe, device or socket); only region files are read",
        "id": "bukan berkas biasa (pipa, perangkat, atau soket); hanya berkas wilayah yang dibaca",
    },
    "file.is_directory": {
        "en": "this is a folder with no region files (*.yaml, *.yml) below it",
        "id": "ini folder tanpa berkas wilayah (*.yaml, *.yml) di dalamnya",
    },
    "file.is_a_folder": {"en": "this is a folder, not a file", "id": "ini folder, bukan berkas"},
    "file.not_regular_any": {
        "en": "not a regular file (a pipe, device or socket); only regular files are read",
        "id": "bukan berkas biasa (pipa, perangkat, atau soket); hanya berkas biasa yang dibaca",
    },
    "file.folder_unreadable": {
        "en": "cannot read this folder: permission denied",
        "id": "folder ini tidak dapat dibaca: izin ditolak",
    },
    "file.unreadable": {"en": "cannot read the file: {reason}", "id": "berkas tidak dapat dibaca: {reason}"},
    "file.too_large": {
        "en": "the file is {size}, over the limit of {limit} (raise it with --max-bytes)",
        "id": "berkas berukuran {size}, melebihi batas {limit} (naikkan dengan --max-bytes)",
    },
    "file.too_large_fixed": {
        "en": "the file is {size}, over the limit of {limit} for a criteria set or an office profile",
        "id": "berkas berukuran {size}, melebihi batas {limit} untuk kumpulan kriteria atau profil kantor",
    },
    "file.not_utf8": {
        "en": "the file is not UTF-8 text (save it as UTF-8)",
        "id": "berkas bukan teks UTF-8 (simpan sebagai UTF-8)",
    },
    "file.empty": {"en": "the file is empty", "id": "berkas kosong"},
    "file.no_permission": {
        "en": "no permission to read the file",
        "id": "tidak ada izin untuk membaca berkas ini",
    },
    "file.internal_error": {
        "en": "a bug in ovop-assess stopped the assessment of this file ({error}); the file itself may be fine. Run again with --debug to see the traceback, and report the bug",
        "id": "kesalahan program (bug) di ovop-assess menghentikan penilaian berkas ini ({error}); berkasnya sendiri mungkin tidak bermasalah. Jalankan lagi dengan --debug untuk melihat traceback, lalu laporkan bug ini",
    },
    "file.worker_died": {
        "en": "the process assessing this file ended abruptly: a plugin rule that ends its own process, a crash in a library, or the system stopping it for memory; the file itself may be fine. Assess it alone with --jobs 1 --debug to see more",
        "id": "proses yang menilai berkas ini berhenti mendadak: aturan plugin yang mengakhiri prosesnya sendiri, kerusakan di pustaka, atau sistem yang menghentikannya karena memori; berkasnya sendiri mungkin tidak bermasalah. Nilai berkas ini sendiri dengan --jobs 1 --debug untuk melihat lebih jauh",
    },
    "file.more_errors_from_cell": {
        "en": "{count} more problems are not shown (from this cell on, row by row); fix the ones above and run again",
        "id": "{count} masalah lain tidak ditampilkan (mulai sel ini, baris demi baris); perbaiki yang di atas lalu jalankan lagi",
    },
    "file.more_errors": {
        "en": "{count} more problems are not shown (from this line on); fix the ones above and run again",
        "id": "{count} masalah lain tidak ditampilkan (mulai baris ini); perbaiki yang di atas lalu jalankan lagi",
    },
    # --- operating-system errors (English as the OS says it; others keep the OS text)
    "os.not_found": {"en": "No such file or directory", "id": "berkas atau folder tidak ada"},
    "os.permission_denied": {"en": "Permission denied", "id": "izin ditolak"},
    "os.not_permitted": {"en": "Operation not permitted", "id": "operasi tidak diizinkan"},
    "os.is_directory": {"en": "Is a directory", "id": "ini sebuah folder"},
    "os.not_directory": {"en": "Not a directory", "id": "salah satu bagian jalurnya bukan folder"},
    "os.no_space": {"en": "No space left on device", "id": "ruang penyimpanan perangkat sudah penuh"},
    "os.quota_exceeded": {"en": "Disk quota exceeded", "id": "kuota disk terlampaui"},
    "os.read_only": {"en": "Read-only file system", "id": "sistem berkas hanya dapat dibaca"},
    "os.exists": {"en": "File exists", "id": "berkas sudah ada"},
    "os.symlink_loop": {"en": "Too many levels of symbolic links", "id": "terlalu banyak tingkat tautan simbolik"},
    "os.name_too_long": {"en": "File name too long", "id": "nama berkas terlalu panjang"},
    "os.io_error": {"en": "Input/output error", "id": "kesalahan masukan/keluaran"},
    "os.too_many_open_files": {"en": "Too many open files", "id": "terlalu banyak berkas yang terbuka"},
    "os.busy": {"en": "Device or resource busy", "id": "perangkat atau sumber daya sedang sibuk"},
    "os.bad_descriptor": {"en": "Bad file descriptor", "id": "deskriptor berkas tidak valid"},
    # --- sizes (sizes.fmt_bytes): the unit a file manager shows, and the exact count a limit is given in
    "size.binary": {"en": "{size} {unit} ({count} bytes)", "id": "{size} {unit} ({count} bita)"},
    "size.bytes": {"en": "{count} bytes", "id": "{count} bita"},
    "size.one_byte": {"en": "1 byte", "id": "1 bita"},
    "size.option_default": {"en": "{count} bytes = {size} {unit}", "id": "{count} bita = {size} {unit}"},
}
