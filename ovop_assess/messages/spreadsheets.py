"""Firm lists kept in spreadsheets: what the reader says about a file, its header row and its cells,
and where a problem lies in the sheet (file, sheet, cell)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # --- the file as a whole ---------------------------------------------------
    "sheet.unsupported_type": {
        "en": "a firm list is read from .xlsx, .xls, .ods or .csv files, not {suffix}",
        "id": "daftar usaha dibaca dari berkas .xlsx, .xls, .ods, atau .csv, bukan {suffix}",
    },
    "sheet.import_template_name": {
        "en": "{value} is the region template's example name: pasted into a region file, this list would have it taken for a leftover of the template and left out; give the firm its real name, or have the region file name the sheet (firms: {{file: …}}), which counts it as it is",
        "id": "{value} adalah nama contoh dari templat berkas wilayah: bila daftar ini ditempel ke berkas wilayah, nama itu dianggap sisa templat dan diabaikan; beri usaha itu namanya yang sebenarnya, atau rujuk lembar kerjanya dari berkas wilayah (firms: {{file: …}}), yang menghitungnya apa adanya",
    },
    "sheet.other_workbook": {
        "en": "a firm list is read from .xlsx, .xls, .ods or .csv files, not {suffix}: open it in Excel or LibreOffice and save it as an Excel workbook (.xlsx)",
        "id": "daftar usaha dibaca dari berkas .xlsx, .xls, .ods, atau .csv, bukan {suffix}: buka berkas itu di Excel atau LibreOffice, lalu simpan sebagai Buku Kerja Excel (.xlsx)",
    },
    "sheet.not_found_backslash": {
        "en": "file not found; between folders, write / (as {slashed}), which every system reads: \\ is read as a folder separator on Windows only",
        "id": "berkas tidak ditemukan; di antara nama folder tulis / (seperti {slashed}), yang dibaca semua sistem: \\ hanya dibaca sebagai pemisah folder di Windows",
    },
    "sheet.no_suffix": {
        "en": "a firm list is read from .xlsx, .xls, .ods or .csv files, and this file's name has no extension: give its full name",
        "id": "daftar usaha dibaca dari berkas .xlsx, .xls, .ods, atau .csv, dan nama berkas ini tidak berakhiran: tulis nama lengkapnya",
    },
    "sheet.is_directory": {
        "en": "this is a folder, not a spreadsheet file",
        "id": "ini folder, bukan berkas lembar kerja",
    },
    "sheet.not_regular": {
        "en": "not a regular file (a pipe, device or socket); a spreadsheet is read only from a file",
        "id": "bukan berkas biasa (pipa, perangkat, atau soket); lembar kerja hanya dibaca dari berkas",
    },
    "sheet.too_large": {
        "en": "the spreadsheet is {size}, over the limit of {limit} (--max-sheet-bytes): if the file is right, raise the limit with --max-sheet-bytes",
        "id": "berkas lembar kerja berukuran {size}, melebihi batas {limit} (--max-sheet-bytes): jika berkasnya benar, naikkan batasnya dengan --max-sheet-bytes",
    },
    "sheet.too_large_workbook": {
        "en": "the spreadsheet is {size}, over the limit of {limit} (--max-sheet-bytes): a firm list takes far less; pictures or other sheets make a workbook this large, so save the list alone in a workbook of its own, or raise the limit with --max-sheet-bytes",
        "id": "berkas lembar kerja berukuran {size}, melebihi batas {limit} (--max-sheet-bytes): daftar usaha jauh lebih kecil; gambar atau lembar lain yang membuat buku kerja sebesar ini, jadi simpan daftarnya saja dalam buku kerja tersendiri, atau naikkan batasnya dengan --max-sheet-bytes",
    },
    "sheet.unpacked_too_large": {
        "en": "the workbook unpacks to {size}, over the limit of {limit} for its unpacked contents (--max-unpacked-bytes); it was not opened",
        "id": "isi buku kerja setelah diekstrak berukuran {size}, melebihi batas {limit} untuk isi yang diekstrak (--max-unpacked-bytes); berkas tidak dibuka",
    },
    "sheet.too_many_rows": {
        "en": "the sheet has {rows} rows, over the limit of {limit} rows (--max-rows); {counted}: if the list is shorter, delete the rows below it",
        "id": "lembar memiliki {rows} baris, melebihi batas {limit} baris (--max-rows); {counted}: jika daftarnya lebih pendek, hapus baris di bawahnya",
    },
    "sheet.too_many_cells": {
        "en": "the sheet spans {cells} cells, over the limit of {limit} cells (--max-cells); {counted}: if the list is smaller, delete the rows below it and the columns beside it",
        "id": "lembar mencakup {cells} sel, melebihi batas {limit} sel (--max-cells); {counted}: jika daftarnya lebih kecil, hapus baris di bawahnya dan kolom di sampingnya",
    },
    # How the row and cell limits count, per format (sheets.limits.counted): an .xlsx or .ods keeps no cell
    # holding only a format, an .xls does, and a CSV file has lines.
    "sheet.counted.xlsx": {
        "en": "rows and columns are counted from A1 to the last cell holding anything, a space too; a cell holding only a format (a border, a fill colour) is not counted",
        "id": "baris dan kolom dihitung dari A1 sampai sel terakhir yang berisi apa pun, juga spasi; sel yang hanya berisi format (garis tepi, warna isian) tidak dihitung",
    },
    "sheet.counted.ods": {
        "en": "rows and columns are counted from A1 to the last cell holding anything, a space too; a cell holding only a format (a border, a fill colour) is not counted",
        "id": "baris dan kolom dihitung dari A1 sampai sel terakhir yang berisi apa pun, juga spasi; sel yang hanya berisi format (garis tepi, warna isian) tidak dihitung",
    },
    "sheet.counted.xls": {
        "en": "rows and columns are counted from A1 to the last cell holding anything, a space too, and in an .xls file a cell holding only a format (a border, a fill colour) too, on every sheet (an .xls file is read whole)",
        "id": "baris dan kolom dihitung dari A1 sampai sel terakhir yang berisi apa pun, juga spasi, dan pada berkas .xls juga sel yang hanya berisi format (garis tepi, warna isian), di setiap lembar (berkas .xls dibaca utuh)",
    },
    "sheet.counted.csv": {
        "en": "every line of the file is a row, an empty line or a line of separators only (;;;) too, and every field of a line a cell",
        "id": "setiap baris dalam berkas dihitung sebagai baris, juga baris kosong atau baris yang hanya berisi pemisah (;;;), dan setiap isian dalam baris sebagai sel",
    },
    "sheet.book_too_many_cells": {
        "en": "the sheets of the .xls workbook span {cells} cells together, over the limit of {limit} cells (an .xls file is read whole, every sheet); it was not opened",
        "id": "seluruh lembar buku kerja .xls mencakup {cells} sel, melebihi batas {limit} sel (berkas .xls dibaca utuh, semua lembarnya); berkas tidak dibuka",
    },
    "sheet.ods_book_too_many_cells": {
        "en": "the sheets of the .ods workbook span at least {cells} cells together, over {limit} cells ({factor} times the limit of {max_cells} cells of one sheet, --max-cells): an .ods file is read whole, every sheet, when it is opened; the file is refused",
        "id": "seluruh lembar buku kerja .ods mencakup sedikitnya {cells} sel, melebihi {limit} sel ({factor} kali batas {max_cells} sel untuk satu lembar, --max-cells): berkas .ods dibaca utuh, semua lembarnya, saat dibuka; berkas ditolak",
    },
    "sheet.too_many_merged": {
        "en": "the sheet holds {count} merged ranges, more than the {limit} a firm list is read with; unmerge its cells (in Excel: select all, then Merge & Center > Unmerge Cells) and save it again",
        "id": "lembar ini berisi {count} rentang sel gabungan, melebihi {limit} yang dibaca untuk daftar usaha; pisahkan sel-selnya (di Excel: pilih semua, lalu Merge & Center > Unmerge Cells) lalu simpan lagi",
    },
    "sheet.shared_text_too_large": {
        "en": "the sheet's cells come to {size} of text once each text stored once in the workbook is copied into every cell that shows it, over the limit of {limit} for a workbook's unpacked contents (--max-unpacked-bytes); the sheet was not read",
        "id": "sel-sel lembar ini menjadi teks sebesar {size} setelah setiap teks yang disimpan sekali dalam buku kerja disalin ke setiap sel yang menampilkannya, melebihi batas {limit} untuk isi buku kerja yang diekstrak (--max-unpacked-bytes); lembar tidak dibaca",
    },
    "sheet.xls_shared_text_too_large": {
        "en": "the workbook's text cells may come to {size} of text once each text stored once in it is copied into every cell that shows it (as the file is opened, in every sheet), over the limit of {limit} for a workbook's unpacked contents (--max-unpacked-bytes); the file is refused",
        "id": "sel-sel teks buku kerja ini dapat mencapai {size} teks setelah setiap teks yang disimpan sekali di dalamnya disalin ke setiap sel yang menampilkannya (saat berkas dibuka, di setiap lembar), melebihi batas {limit} untuk isi buku kerja yang diekstrak (--max-unpacked-bytes); berkas ditolak",
    },
    "sheet.xls_formula_spaces": {
        "en": "the workbook's formulas hold so many spaces that the reader would take minutes to open it (each formula's space tokens counted and squared, then added up: {count}, over the tool's limit of {limit}); the file is refused: remove the spaces from the formulas, or paste them as values",
        "id": "rumus-rumus buku kerja ini memuat begitu banyak spasi sehingga pembacanya akan memerlukan bermenit-menit untuk membukanya (token spasi setiap rumus dihitung dan dikuadratkan, lalu dijumlahkan: {count}, melebihi batas alat ini {limit}); berkas ditolak: hapus spasi dari rumus-rumusnya, atau tempel sebagai nilai",
    },
    "sheet.ods_repeated_text": {
        "en": "the sheets of the .ods workbook come to {size} once their repeated rows and cells holding a value, and their runs of spaces, are written out, over the limit of {limit} for a workbook's unpacked contents (--max-unpacked-bytes): an .ods file is read whole, repeats expanded, when it is opened; the file is refused",
        "id": "seluruh lembar buku kerja .ods menjadi {size} setelah baris dan sel berulang yang berisi nilai, serta deretan spasinya, dituliskan satu per satu, melebihi batas {limit} untuk isi buku kerja yang diekstrak (--max-unpacked-bytes): berkas .ods dibaca utuh, termasuk pengulangannya, saat dibuka; berkas ditolak",
    },
    "sheet.reader_stopped": {
        "en": "the workbook could not be opened within the memory allowed for reading a spreadsheet: it is damaged, or its sheets hold far more cells than a firm list (--max-cells sets the allowance). Open it in Excel or LibreOffice, delete what is not the list, and save it again",
        "id": "buku kerja tidak dapat dibuka dalam batas memori untuk membaca lembar kerja: berkas rusak, atau lembarnya memuat jauh lebih banyak sel daripada sebuah daftar usaha (--max-cells menentukan batas ini). Buka di Excel atau LibreOffice, hapus yang bukan daftar, lalu simpan ulang",
    },
    "sheet.reader_out_of_time": {
        "en": "the workbook could not be read within the time allowed for reading a spreadsheet ({seconds} seconds of processor time): it is damaged, or holds far more than a firm list. Open it in Excel or LibreOffice, delete what is not the list, and save it again",
        "id": "buku kerja tidak dapat dibaca dalam batas waktu untuk membaca lembar kerja ({seconds} detik waktu prosesor): berkas rusak, atau memuat jauh lebih banyak daripada sebuah daftar usaha. Buka di Excel atau LibreOffice, hapus yang bukan daftar, lalu simpan ulang",
    },
    "sheet.corrupt": {
        "en": "the {kind} workbook cannot be read; it is damaged or not a spreadsheet ({reason}). Open it in Excel or LibreOffice and save it again",
        "id": "buku kerja {kind} tidak dapat dibaca; berkas rusak atau bukan lembar kerja ({reason}). Buka di Excel atau LibreOffice lalu simpan ulang",
    },
    "sheet.reason.not_zip": {
        "en": "it is not a zip archive, as every .xlsx and .ods file is",
        "id": "berkas ini bukan arsip zip, padahal setiap berkas .xlsx dan .ods berupa arsip zip",
    },
    "sheet.reason.ole": {
        "en": "it is an older Office file (OLE), not a zip archive: perhaps an .xls file renamed",
        "id": "berkas ini berkas Office lama (OLE), bukan arsip zip: mungkin berkas .xls yang diganti namanya",
    },
    "sheet.csv_is_workbook": {
        "en": 'the file is a workbook (Excel or LibreOffice) or another archive, not a CSV file: give it its own ending (.xlsx, .xls or .ods), or save it from the spreadsheet as "CSV UTF-8"',
        "id": 'berkas ini buku kerja (Excel atau LibreOffice) atau arsip lain, bukan berkas CSV: ganti akhiran nama berkasnya sesuai jenisnya (.xlsx, .xls atau .ods), atau simpan dari Excel atau LibreOffice sebagai "CSV UTF-8"',
    },
    "sheet.reason.no_xls_header": {
        "en": "it does not begin as an Excel 97-2003 file does",
        "id": "awal berkas tidak seperti berkas Excel 97-2003",
    },
    "sheet.ods_named_xlsx": {
        "en": "the file is an OpenDocument spreadsheet (.ods) with a name ending in .xlsx: rename it to .ods",
        "id": "berkas ini lembar kerja OpenDocument (.ods) dengan nama berakhiran .xlsx: ganti namanya menjadi .ods",
    },
    "sheet.xlsb_named_xlsx": {
        "en": "the file is an Excel binary workbook (.xlsb), which is not read: save it in Excel as .xlsx",
        "id": "berkas ini buku kerja biner Excel (.xlsb), yang tidak dibaca: simpan di Excel sebagai .xlsx",
    },
    "sheet.reason.sheet_named_twice": {
        "en": "two of its sheets have the same name, which Excel and LibreOffice never save",
        "id": "dua lembarnya bernama sama, yang tidak pernah disimpan oleh Excel maupun LibreOffice",
    },
    "sheet.reason.no_workbook_xml": {
        "en": "the archive holds no xl/workbook.xml",
        "id": "arsip tidak memuat xl/workbook.xml",
    },
    "sheet.xlsx_named_xls": {
        "en": "the file is an Excel workbook (.xlsx) with a name ending in .xls: rename it to .xlsx",
        "id": "berkas ini buku kerja Excel (.xlsx) dengan nama berakhiran .xls: ganti namanya menjadi .xlsx",
    },
    "sheet.xls_named_other": {
        "en": "the file is an older Excel workbook (.xls) with a name ending in {suffix}: rename it to .xls",
        "id": "berkas ini buku kerja Excel lama (.xls) dengan nama berakhiran {suffix}: ganti namanya menjadi .xls",
    },
    "sheet.ods_named_xls": {
        "en": "the file is an OpenDocument spreadsheet (.ods) with a name ending in .xls: rename it to .ods",
        "id": "berkas ini lembar kerja OpenDocument (.ods) dengan nama berakhiran .xls: ganti namanya menjadi .ods",
    },
    "sheet.xlsx_named_ods": {
        "en": "the file is an Excel workbook (.xlsx) with a name ending in .ods: rename it to .xlsx, or open it in LibreOffice and save it as .ods",
        "id": "berkas ini buku kerja Excel (.xlsx) dengan nama berakhiran .ods: ganti namanya menjadi .xlsx, atau buka di LibreOffice lalu simpan sebagai .ods",
    },
    "sheet.reason.no_content_xml": {
        "en": "the archive holds no content.xml",
        "id": "arsip tidak memuat content.xml",
    },
    "sheet.reason.csv_field_too_long": {
        "en": "a cell holds more than {limit} characters",
        "id": "ada sel yang memuat lebih dari {limit} karakter",
    },
    "sheet.reason.doctype": {
        "en": "its content.xml holds a document type declaration, which an OpenDocument file never has",
        "id": "content.xml di dalamnya memuat deklarasi tipe dokumen, yang tidak pernah ada dalam berkas OpenDocument",
    },
    "sheet.reason.no_workbook_stream": {
        "en": "the file holds no Excel workbook",
        "id": "berkas tidak memuat buku kerja Excel",
    },
    "sheet.reason.stream_too_long": {
        "en": "its workbook part claims more bytes than the file holds",
        "id": "bagian buku kerjanya mengaku lebih besar daripada berkas itu sendiri",
    },
    "sheet.reason.too_deep": {
        "en": "its content.xml nests elements more than 256 deep, which no spreadsheet does",
        "id": "content.xml di dalamnya bersarang lebih dari 256 tingkat, yang tidak pernah ada dalam lembar kerja",
    },
    "sheet.reason.damaged": {
        "en": "a part of its contents cannot be read",
        "id": "sebagian isinya tidak dapat dibaca",
    },
    "sheet.encrypted": {
        "en": "the workbook is protected with a password to open; save a copy without the password and point to that copy",
        "id": "buku kerja dilindungi kata sandi untuk dibuka; simpan salinannya tanpa kata sandi dan rujuk salinan tersebut",
    },
    "sheet.not_found": {
        "en": "the workbook has no sheet named {sheet}; its sheets are: {sheets}",
        "id": "buku kerja tidak memiliki lembar bernama {sheet}; lembar yang ada: {sheets}",
    },
    "sheet.no_visible_sheet": {
        "en": "the workbook has no visible worksheet; its sheets are: {sheets}",
        "id": "buku kerja tidak memiliki lembar kerja yang tampak; lembar yang ada: {sheets}",
    },
    "sheet.hidden": {
        "en": "the sheet {sheet} is hidden in the workbook, so whoever opens the file does not see the firms assessed; unhide it",
        "id": "lembar {sheet} disembunyikan dalam buku kerja sehingga pembuka berkas tidak melihat usaha yang dinilai; tampilkan lembar tersebut",
    },
    "sheet.hidden_skipped": {
        "en": "hidden sheets skipped: {sheets}; the firms are read from {sheet}, the first visible sheet",
        "id": "lembar tersembunyi dilewati: {sheets}; usaha dibaca dari {sheet}, lembar pertama yang tampak",
    },
    "sheet.other_sheets_unread": {
        "en": "only the first visible sheet, {sheet}, is read; the workbook has other sheets too ({sheets}): if firms are listed there as well, put them all on one sheet; to read another sheet, name it (sheet: in the region file, --sheet with import)",
        "id": "hanya lembar pertama yang tampak, {sheet}, yang dibaca; buku kerja ini juga memiliki lembar lain ({sheets}): jika ada usaha yang terdaftar di sana, satukan semuanya dalam satu lembar; untuk membaca lembar lain, sebutkan namanya (sheet: di berkas wilayah, --sheet pada import)",
    },
    "sheet.listed_hidden": {"en": "{sheet} (hidden)", "id": "{sheet} (tersembunyi)"},
    # --- CSV ----------------------------------------------------------------------
    "sheet.csv_not_utf8_at": {
        "en": 'the CSV file is not UTF-8 text (first at line {line}: {text}); in Excel save it again as "CSV UTF-8 (Comma delimited)", in LibreOffice choose the character set Unicode (UTF-8)',
        "id": 'berkas CSV bukan teks UTF-8 (pertama kali di baris {line}: {text}); di Excel simpan ulang sebagai "CSV UTF-8 (Comma delimited)", di LibreOffice pilih set karakter Unicode (UTF-8)',
    },
    "sheet.csv_not_utf8": {
        "en": 'the CSV file is not UTF-8 text; in Excel save it again as "CSV UTF-8 (Comma delimited)", in LibreOffice choose the character set Unicode (UTF-8)',
        "id": 'berkas CSV bukan teks UTF-8; di Excel simpan ulang sebagai "CSV UTF-8 (Comma delimited)", di LibreOffice pilih set karakter Unicode (UTF-8)',
    },
    "sheet.no_firm_rows": {
        "en": "the sheet has its header row but no firm rows yet, so the firms count as not listed and the criteria that need them stay unknown; fill in the firms, or, if the sentra truly has none, write firms: [] in the region file",
        "id": "lembar sudah memiliki baris nama kolom tetapi belum ada baris usaha, sehingga daftar usaha dianggap belum diisi dan kriteria yang memerlukannya tetap belum diketahui; isi daftar usahanya, atau jika sentra memang tidak memiliki usaha, tulis firms: [] di berkas wilayah",
    },
    "sheet.csv_nul": {
        "en": 'the file holds a NUL byte (a zero byte) at line {line}: it is probably not a CSV text file; save the firm list from Excel or LibreOffice again as "CSV UTF-8"',
        "id": 'berkas memuat bita NUL (bita bernilai nol) pada baris {line}: kemungkinan berkas ini bukan berkas teks CSV; simpan ulang daftar usaha dari Excel atau LibreOffice sebagai "CSV UTF-8"',
    },
    "sheet.csv_open_quote": {
        "en": 'this cell opens a quote (") that is never closed, so the rest of the file would be read as this one cell; close the quote or remove it',
        "id": 'sel ini dibuka dengan tanda kutip (") yang tidak pernah ditutup, sehingga seluruh sisa berkas akan terbaca sebagai satu sel ini; tutup tanda kutip itu atau hapus',
    },
    "sheet.csv_no_sheets": {
        "en": "a CSV file has no sheets, so the sheet named ({sheet}) is ignored: the file's one table is read",
        "id": "berkas CSV tidak memiliki lembar, sehingga nama lembar yang disebut ({sheet}) diabaikan: satu-satunya tabel dalam berkas itu yang dibaca",
    },
    "sheet.csv_unreadable": {
        "en": "the CSV file cannot be read: {reason}",
        "id": "berkas CSV tidak dapat dibaca: {reason}",
    },
    # --- the header row -----------------------------------------------------------------
    "sheet.empty": {
        "en": "the sheet is empty; its first row must hold the column names ({columns})",
        "id": "lembar kosong; baris pertamanya harus berisi nama kolom ({columns})",
    },
    "sheet.first_row_empty": {
        "en": "row 1 is empty; the column names ({columns}) must be on row 1, with the firms in the rows below",
        "id": "baris 1 kosong; nama kolom ({columns}) harus berada di baris 1, dengan daftar usaha di baris-baris di bawahnya",
    },
    "sheet.no_header": {
        "en": "row 1 holds none of the column names of the firm list ({columns}); {text}. The column names must be on row 1; if this sheet is not the firm list, name the sheet that is (sheet: in the region file, --sheet for import)",
        "id": "baris 1 tidak memuat satu pun nama kolom daftar usaha ({columns}); {text}. Nama kolom harus berada di baris 1; jika lembar ini bukan daftar usaha, sebutkan lembar daftar usahanya (sheet: di berkas wilayah, --sheet untuk import)",
    },
    "sheet.no_header_sheets": {
        "en": "row 1 holds none of the column names of the firm list ({columns}); {text}. The column names must be on row 1; if this sheet is not the firm list, name the sheet that is (sheet: in the region file, --sheet for import); the workbook's sheets are: {sheets}",
        "id": "baris 1 tidak memuat satu pun nama kolom daftar usaha ({columns}); {text}. Nama kolom harus berada di baris 1; jika lembar ini bukan daftar usaha, sebutkan lembar daftar usahanya (sheet: di berkas wilayah, --sheet untuk import); lembar yang ada dalam buku kerja: {sheets}",
    },
    "sheet.header_below": {
        "en": "row 1 holds none of the column names ({text}); they are on row {row}: delete {rows} above them, so that the column names are on row 1 (a title can go in the file name or on another sheet)",
        "id": "baris 1 tidak memuat nama kolom ({text}); nama kolom ada di baris {row}: hapus {rows} di atasnya agar nama kolom berada di baris 1 (judul dapat ditulis di nama berkas atau di lembar lain)",
    },
    "sheet.header_joined": {
        "en": "cell {cell} holds several column names at once, separated by {separator}: {text}. Split the text into columns, one name per cell: select column {column} and use Data > Text to Columns with {separator} as the separator (for a CSV file: open it again and choose {separator} as the separator)",
        "id": "sel {cell} memuat beberapa nama kolom sekaligus, dipisahkan {separator}: {text}. Pecah teks itu menjadi kolom, satu nama per sel: pilih kolom {column} lalu gunakan Data > Teks ke Kolom (Text to Columns) dengan pemisah {separator} (untuk berkas CSV: buka ulang berkasnya dan pilih pemisah {separator})",
    },
    "sheet.row_holds": {"en": "it holds {cells}", "id": "isinya {cells}"},
    "sheet.row_empty": {"en": "it is empty", "id": "baris itu kosong"},
    "sheet.rows_one": {"en": "row 1", "id": "baris 1"},
    "sheet.rows_first": {"en": "rows 1 to {last}", "id": "baris 1 sampai {last}"},
    "sheet.separator.semicolon": {"en": "semicolons (;)", "id": "titik koma (;)"},
    "sheet.separator.comma": {"en": "commas (,)", "id": "koma (,)"},
    "sheet.separator.tab": {"en": "tabs", "id": "tab"},
    # A firm's field named in a text about a firm of a spreadsheet (its YAML key for a firm of the region file)
    "sheet.column_named": {"en": "column {column}", "id": "kolom {column}"},
    "sheet.missing_column": {
        "en": "the first row has no column {column} (or {yaml_key}), which every firm list needs: name the column that holds it exactly {column}, or add it (the column names are in the first row)",
        "id": "baris pertama tidak memiliki kolom {column} (atau {yaml_key}), yang wajib ada di setiap daftar usaha: beri kolom yang memuatnya nama tepat {column}, atau tambahkan kolom itu (nama kolom berada di baris pertama)",
    },
    "sheet.duplicate_column": {
        "en": "the column {column} appears twice; the first is in column {first}",
        "id": "kolom {column} muncul dua kali; yang pertama di kolom {first}",
    },
    "sheet.unknown_columns": {
        "en": "columns not part of the firm list, ignored: {columns}",
        "id": "kolom yang bukan bagian daftar usaha, diabaikan: {columns}",
    },
    "sheet.nib_apostrophe": {
        "en": "the NIB reads {value}: the apostrophe that keeps a number as text in a spreadsheet is written into the file; remove it ({nib})",
        "id": "NIB terbaca {value}: tanda petik yang membuat angka tetap teks di lembar kerja ikut tertulis di berkas; hapus tanda petiknya ({nib})",
    },
    "sheet.dash_for_none": {
        "en": "the cell holds only '{value}': if there is none, leave the cell empty (an empty cell is read as not given)",
        "id": "sel hanya berisi '{value}': jika memang tidak ada, kosongkan selnya (sel kosong dibaca sebagai belum diisi)",
    },
    "sheet.near_header": {
        "en": 'the column "{column}" is not read: it is not a column of the firm list, but looks like {header}; if it holds the firms\' {header}, name the column exactly {header}',
        "id": 'kolom "{column}" tidak dibaca: bukan kolom daftar usaha, tetapi mirip {header}; jika kolom ini berisi {header}, beri nama kolom tepat {header}',
    },
    "sheet.cell_required": {
        "en": "the {column} ({field}) cell is empty; every firm needs one",
        "id": "sel {column} ({field}) kosong; setiap usaha wajib mengisinya",
    },
    "sheet.hidden_rows": {
        "en": "{count} firm row(s) are hidden in the sheet (rows {rows}) and are read as firms like the others: if a firm has left the sentra, delete its row; if a filter or a collapsed group hides them, nothing needs doing",
        "id": "{count} baris usaha disembunyikan di lembar kerja (baris {rows}) dan tetap dibaca sebagai usaha seperti baris lain: jika suatu usaha sudah keluar dari sentra, hapus barisnya; jika baris itu tersembunyi karena filter atau grup yang diciutkan, tidak perlu tindakan apa pun",
    },
    "sheet.rows_only_ignored": {
        "en": "{rows} row(s) have values only in ignored columns and are skipped as empty, the first row {row} ({cell}: {value}); if a firm is meant there, fill in its name and role",
        "id": "{rows} baris hanya berisi nilai pada kolom yang diabaikan sehingga dilewati sebagai baris kosong, yang pertama baris {row} ({cell}: {value}); jika baris itu dimaksudkan sebagai usaha, isi nama dan perannya",
    },
    "sheet.not_a_firm": {
        "en": "row {row} is not a firm (no Nama Usaha and no Peran): a note, a signature or a total below the list? Delete the row, or move it to another sheet; if it is a firm, fill in its Nama Usaha and Peran",
        "id": "baris {row} bukan data usaha (Nama Usaha dan Peran tidak diisi): apakah ini catatan, tanda tangan, atau baris jumlah di bawah daftar? Hapus baris tersebut atau pindahkan ke lembar lain; jika baris itu memang usaha, isi Nama Usaha dan Perannya",
    },
    "sheet.total_row": {
        "en": "row {row} is a total row ({value} as its Nama Usaha, no Peran), not a firm: delete the row, or move it to another sheet; if it is a firm, write its own name and its Peran",
        "id": "baris {row} adalah baris jumlah ({value} sebagai Nama Usaha, Peran tidak diisi), bukan data usaha: hapus baris tersebut atau pindahkan ke lembar lain; jika baris itu memang usaha, tulis nama usahanya sendiri dan Perannya",
    },
    "sheet.not_a_firm_csv": {
        "en": "row {row} is not a firm (no Nama Usaha and no Peran): a note, a signature or a total below the list? Delete the line; if it is a firm, fill in its Nama Usaha and Peran",
        "id": "baris {row} bukan data usaha (Nama Usaha dan Peran tidak diisi): apakah ini catatan, tanda tangan, atau baris jumlah di bawah daftar? Hapus baris tersebut; jika baris itu memang usaha, isi Nama Usaha dan Perannya",
    },
    "sheet.total_row_csv": {
        "en": "row {row} is a total row ({value} as its Nama Usaha, no Peran), not a firm: delete the line; if it is a firm, write its own name and its Peran",
        "id": "baris {row} adalah baris jumlah ({value} sebagai Nama Usaha, Peran tidak diisi), bukan data usaha: hapus baris tersebut; jika baris itu memang usaha, tulis nama usahanya sendiri dan Perannya",
    },
    "sheet.unnamed_columns": {
        "en": "column(s) {columns} hold values but no name in row {row}: they are ignored; if any is meant for the firm list, write its name in row {row}",
        "id": "kolom {columns} berisi nilai tetapi tidak bernama di baris {row}: kolom itu diabaikan; jika ada yang dimaksudkan untuk daftar usaha, tulis namanya di baris {row}",
    },
    "sheet.cells_beyond_header": {
        "en": "row {row} has cells beyond the header's last column (from {cell}): they are ignored",
        "id": "baris {row} memiliki sel di luar kolom terakhir baris nama kolom (mulai {cell}): sel tersebut diabaikan",
    },
    # --- cells --------------------------------------------------------------------------
    "sheet.nib_number": {
        "en": "the NIB is stored as a number ({value}), not as text: a spreadsheet keeps no leading zero of a number and may display a long one rounded (as 8.12E+12, say); format the NIB column as Text and retype the NIB",
        "id": "NIB tersimpan sebagai angka ({value}), bukan teks: angka tidak menyimpan angka nol di depannya, dan angka panjang dapat ditampilkan dibulatkan (misalnya 8,12E+12); ubah format kolom NIB menjadi Teks lalu ketik ulang NIB",
    },
    "sheet.nib_number_lost_zero": {
        "en": "the NIB is stored as a number ({value}): 12 digits, one short of a NIB's 13, so it has most likely lost its leading zero (a number keeps none; a number format such as 0000000000000 may still show the 0, but the file holds the number without it); format the NIB column as Text and retype the NIB as its NIB document writes it (most likely with a 0 in front)",
        "id": "NIB tersimpan sebagai angka ({value}): 12 angka, kurang satu dari 13 angka NIB, sehingga kemungkinan besar angka nol di depannya hilang (sel berformat angka tidak menyimpan nol di depan; format angka seperti 0000000000000 dapat tetap menampilkan 0 itu, tetapi berkas menyimpan angkanya tanpa 0); ubah format kolom NIB menjadi Teks lalu ketik ulang NIB persis seperti tertulis di dokumen NIB-nya (kemungkinan besar diawali 0)",
    },
    "sheet.date_for_text": {
        "en": "the cell holds a date or a time ({value}), not text: a spreadsheet turns some typed text into a date (1-3, Mar 24, 3.15); format the column as Text and retype what the cell should say",
        "id": "sel berisi tanggal atau waktu ({value}), bukan teks: lembar kerja mengubah sebagian teks yang diketik menjadi tanggal (1-3, Mar 24, 3.15); ubah format kolom menjadi Teks lalu ketik ulang isi sel yang semestinya",
    },
    "sheet.csv_error_text": {
        "en": "the cell reads {error}: the error a spreadsheet shows when a formula fails, saved into the CSV file as text; correct the formula in the workbook and save the CSV file again, or type the value",
        "id": "sel berisi {error}: kesalahan yang ditampilkan lembar kerja ketika rumus gagal, tersimpan ke berkas CSV sebagai teks; perbaiki rumusnya di buku kerja lalu simpan ulang berkas CSV, atau ketik nilainya",
    },
    "sheet.nib_in_csv": {
        "en": "{problem}. In a CSV file this comes back: Excel reads a long number in a CSV file as a number each time it opens one, and saves it so; keep the list as an .xlsx workbook, or open the CSV file through Data > From Text/CSV with the NIB column set to Text before saving it again",
        "id": "{problem}. Dalam berkas CSV hal ini terulang: Excel membaca angka panjang dalam berkas CSV sebagai angka setiap kali membukanya, lalu menyimpannya demikian; simpan daftarnya sebagai buku kerja .xlsx, atau buka berkas CSV melalui Data > From Text/CSV (Dari Teks/CSV) dengan kolom NIB diatur sebagai Teks sebelum menyimpannya lagi",
    },
    "sheet.nib_scientific": {
        "en": "the NIB reads {value} as text: the rounded form a spreadsheet shows for a long number, so its digits are lost; format the NIB column as Text and retype the NIB",
        "id": "NIB terbaca {value} sebagai teks: bentuk angka panjang yang dibulatkan saat ditampilkan, sehingga sebagian angkanya hilang; ubah format kolom NIB menjadi Teks lalu ketik ulang NIB",
    },
    "sheet.nib_lost_zero": {
        "en": "the NIB reads {value}: 12 digits, one short of a NIB's 13, so it has most likely lost its leading zero (a cell formatted as a number drops it); format the NIB column as Text and retype the NIB as its NIB document writes it (most likely with a 0 in front)",
        "id": "NIB terbaca {value}: 12 angka, kurang satu dari 13 angka NIB, sehingga kemungkinan besar angka nol di depannya hilang (sel berformat angka membuangnya); ubah format kolom NIB menjadi Teks lalu ketik ulang NIB persis seperti tertulis di dokumen NIB-nya (kemungkinan besar diawali 0)",
    },
    "sheet.nib_length": {
        "en": "the NIB reads {value}: {count} digits, but a NIB is exactly 13 digits; retype it as the 13 digits on the firm's NIB document",
        "id": "NIB terbaca {value}: {count} angka, padahal NIB terdiri atas tepat 13 angka; ketik ulang 13 angka NIB sesuai dokumen NIB usaha tersebut",
    },
    "sheet.nib_format": {
        "en": "the NIB reads {value}, but a NIB is exactly 13 digits 0-9 and nothing else (no spaces, dots or dashes): retype it as the 13 digits on the firm's NIB document",
        "id": "NIB terbaca {value}, padahal NIB hanya terdiri atas tepat 13 angka 0-9 (tanpa spasi, titik, atau tanda hubung): ketik ulang 13 angka NIB sesuai dokumen NIB usaha tersebut",
    },
    "sheet.nib_separated": {
        "en": "the NIB reads {value}: a NIB is written as its 13 digits alone, with no spaces, dots or dashes between them: write {nib}",
        "id": "NIB terbaca {value}: NIB ditulis 13 angkanya saja, tanpa spasi, titik, atau tanda hubung di antaranya: tulis {nib}",
    },
    "sheet.thousands_separator": {
        "en": "{value} is written with a thousands separator, which may also read as a decimal point; type the number without separators: {plain}",
        "id": "{value} ditulis dengan pemisah ribuan, yang dapat juga terbaca sebagai tanda desimal; ketik angka tanpa pemisah ribuan: {plain}",
    },
    "sheet.not_a_number": {
        "en": "expected a number, found {value}",
        "id": "harus berupa angka, tertulis {value}",
    },
    "sheet.number_with_unit": {
        "en": "expected a number alone, found {value}: type {plain}, without '{unit}'",
        "id": "harus berupa angka saja, tertulis {value}: ketik {plain}, tanpa '{unit}'",
    },
    "sheet.number_rupiah": {
        "en": "expected a number alone, found {value}: no column of the firm list is an amount of rupiah; if {plain} is meant, type it without Rp",
        "id": "harus berupa angka saja, tertulis {value}: tidak ada kolom daftar usaha yang berisi jumlah rupiah; jika yang dimaksud {plain}, ketik tanpa Rp",
    },
    "sheet.number_words": {
        "en": "expected a number in digits alone, without words, found {value}: type {plain}",
        "id": "harus berupa angka saja, tanpa kata, tertulis {value}: ketik {plain}",
    },
    "sheet.not_whole_number": {
        "en": "expected a whole number, found {value}",
        "id": "harus berupa bilangan bulat, tertulis {value}",
    },
    "sheet.not_a_role": {
        "en": "expected one of the roles the template's Peran list offers: penggerak, binaan or anggota "
        "(or in English: champion, mentee or member), found {value}",
        "id": "harus salah satu peran pada daftar pilihan kolom Peran: penggerak, binaan atau anggota "
        "(atau dalam bahasa Inggris: champion, mentee atau member), tertulis {value}",
    },
    "sheet.not_yes_no": {
        "en": "expected Ya or Tidak (also Y/T, yes/no, TRUE/FALSE), found {value}",
        "id": "harus Ya atau Tidak (juga Y/T, yes/no, TRUE/FALSE), tertulis {value}",
    },
    "sheet.formula_no_value": {
        "en": "the cell holds a formula whose result was not saved in the file (formulas are never computed here); open the file in Excel, or in LibreOffice and recalculate (Data > Calculate > Recalculate Hard), save it, or type the value",
        "id": "sel berisi rumus yang hasilnya tidak tersimpan dalam berkas (rumus tidak pernah dihitung di sini); buka berkas di Excel, atau di LibreOffice lalu hitung ulang (Data > Calculate > Recalculate Hard), simpan, atau ketik nilainya",
    },
    "sheet.formula_zero_text": {
        "en": "the cell's formula gives the number 0 where text is expected (a lookup of an empty cell gives 0, and a file saved without computing its formulas keeps a 0 for each); correct the formula, or open the file in Excel, or in LibreOffice and recalculate (Data > Calculate > Recalculate Hard), save it, or type the value",
        "id": "rumus sel menghasilkan angka 0 padahal seharusnya teks (pencarian atas sel kosong menghasilkan 0, dan berkas yang disimpan tanpa menghitung rumusnya menyimpan 0 untuk setiap rumus); perbaiki rumusnya, atau buka berkas di Excel, atau di LibreOffice lalu hitung ulang (Data > Calculate > Recalculate Hard), simpan, atau ketik nilainya",
    },
    "sheet.xls_formula_text_lost": {
        "en": "the .xls file saved the result of this cell's formula as 0, as LibreOffice does for a formula whose result is text, so the text is not in the file (formulas are never computed here); save the workbook as .xlsx or .ods instead, or paste the column back as values only; if the cell really shows 0, type 0 over the formula",
        "id": "berkas .xls menyimpan hasil rumus di sel ini sebagai 0, seperti yang dilakukan LibreOffice untuk rumus yang hasilnya teks, sehingga teksnya tidak ada di dalam berkas (rumus tidak pernah dihitung di sini); simpan buku kerja sebagai .xlsx atau .ods, atau tempel kembali kolomnya sebagai nilai saja; jika sel memang menampilkan 0, ketik 0 menggantikan rumusnya",
    },
    "sheet.xls_text_unreadable": {
        "en": "the text result of the cell's formula cannot be read: the .xls file ends it short; save the workbook again as .xlsx or .ods, or type the value",
        "id": "hasil rumus berupa teks di sel ini tidak dapat dibaca karena terpotong dalam berkas .xls; simpan ulang buku kerja sebagai .xlsx atau .ods, atau ketik nilainya",
    },
    "sheet.formula_error": {
        "en": "the {column} ({field}) cell's formula gives the error {error}, so the cell has no value; correct the formula or type the value",
        "id": "rumus di sel {column} ({field}) menghasilkan kesalahan {error} sehingga sel tidak bernilai; perbaiki rumusnya atau ketik nilainya",
    },
    "sheet.cell_error": {
        "en": "the {column} ({field}) cell holds the error {error} instead of a value; type the value",
        "id": "sel {column} ({field}) berisi kesalahan {error}, bukan nilai; ketik nilainya",
    },
    "sheet.header_formula_error": {
        "en": "the column name in this cell is a formula that gives the error {error}; correct the formula or type the column name",
        "id": "nama kolom di sel ini berupa rumus yang menghasilkan kesalahan {error}; perbaiki rumusnya atau ketik nama kolomnya",
    },
    "sheet.header_cell_error": {
        "en": "the column name in this cell is the error {error}, not a name; type the column name",
        "id": "nama kolom di sel ini berisi kesalahan {error}, bukan nama; ketik nama kolomnya",
    },
    "sheet.two_row_header": {
        "en": "the column names take {rows}{merged}: a firm list names its columns in row {row} only, and its firms start in row {next}; {unmerge}write each column's name in row {row}{moves}{split}, then delete {deleted}",
        "id": "nama kolom memakai {rows}{merged}: daftar usaha menuliskan nama kolom di baris {row} saja, dan usahanya mulai baris {next}; {unmerge}tulis nama setiap kolom di baris {row}{moves}{split}, lalu hapus {deleted}",
    },
    "sheet.two_row_header.merged": {
        "en": " (merged down: {cells})",
        "id": " (sel digabung ke bawah: {cells})",
    },
    "sheet.two_row_header.unmerge": {
        "en": "unmerge the column-name cells, ",
        "id": "pisahkan sel nama kolom yang digabung, ",
    },
    "sheet.two_row_header.moves": {
        "en": " (move {names} up to {cells})",
        "id": " (pindahkan {names} ke {cells})",
    },
    "sheet.two_row_header.split": {
        "en": "; {header} spans {cells} over {names}: give only one of them the name {header}, the one holding each firm's total (the others are not read)",
        "id": "; {header} mencakup {cells} di atas {names}: beri nama {header} hanya pada satu kolom di antaranya, yang berisi jumlah setiap usaha (kolom lainnya tidak dibaca)",
    },
    "sheet.two_row_header.split_total": {
        "en": "; {header} spans {cells} over {names}, none of them a total: add a column holding each firm's total and give only it the name {header} (the others are not read)",
        "id": "; {header} mencakup {cells} di atas {names}, tanpa kolom jumlah: tambahkan kolom berisi jumlah setiap usaha dan beri nama {header} hanya pada kolom itu (kolom lainnya tidak dibaca)",
    },
    "sheet.rows_span": {"en": "rows {first} to {last}", "id": "baris {first} sampai {last}"},
    "sheet.rows_pair": {"en": "rows {first} and {last}", "id": "baris {first} dan {last}"},
    "sheet.row_one": {"en": "row {row}", "id": "baris {row}"},
    "sheet.merged": {
        "en": "the cells {cells} are merged, so only the first holds a value; unmerge them and fill in every cell",
        "id": "sel {cells} digabung sehingga hanya sel pertama yang berisi nilai; pisahkan gabungan sel lalu isi setiap sel",
    },
    # --- a region file's `firms: {file: ..., sheet: ...}` ---------------------------------
    "sheet.outside_folder_link": {
        "en": "the firm spreadsheet {file} is in the region file's folder only as a symbolic link (a shortcut) to a file outside it; copy the spreadsheet itself into that folder or below it",
        "id": "lembar kerja daftar usaha {file} ada di folder berkas wilayah hanya sebagai tautan simbolis (pintasan) ke berkas di luar folder itu; salin lembar kerjanya sendiri ke folder itu atau di bawahnya",
    },
    "sheet.outside_folder": {
        "en": "the firm spreadsheet {file} is outside the region file's folder; keep it in that folder or below it and give its path relative to the region file",
        "id": "lembar kerja daftar usaha {file} berada di luar folder berkas wilayah; simpan di folder itu atau di bawahnya dan tulis jalurnya relatif terhadap berkas wilayah",
    },
    "sheet.mentor_not_champion": {
        "en": "mentor '{mentor}' is the firm whose Peran is {role} (cell {cell}), not penggerak: a mentee's mentor must be a champion (penggerak); set the Peran of '{mentor}' to penggerak, or name one of the champions ({champions})",
        "id": "pembina '{mentor}' adalah usaha yang Peran-nya {role} (sel {cell}), bukan penggerak: pembina UMKM binaan harus champion (penggerak); ubah Peran '{mentor}' menjadi penggerak, atau sebutkan salah satu champion ({champions})",
    },
    "sheet.duplicate_firm": {
        "en": "the firm name '{name}' is already used in cell {cell}; firm names must be unique",
        "id": "nama usaha '{name}' sudah dipakai di sel {cell}; nama usaha harus unik",
    },
    "sheet.at_cell": {"en": "{file}, sheet {sheet}, cell {cell}", "id": "{file}, lembar {sheet}, sel {cell}"},
    "sheet.at_sheet": {"en": "{file}, sheet {sheet}", "id": "{file}, lembar {sheet}"},
    "sheet.at_csv_cell": {"en": "{file}, cell {cell}", "id": "{file}, sel {cell}"},
    "sheet.imported": {
        "en": "{count} firm(s) from {file} written to {output}",
        "id": "{count} usaha dari {file} ditulis ke {output}",
    },
    "sheet.import_no_firms": {
        "en": "The sheet lists no firm yet, so no firms: list is written here: firms: [] would say the sentra has no firms at all. Fill in the sheet and import it again.",
        "id": "Lembar belum memuat satu pun usaha, sehingga daftar firms: tidak ditulis di sini: firms: [] berarti sentra sama sekali tidak memiliki usaha. Isi lembarnya lalu impor ulang.",
    },
    "sheet.imported_none": {
        "en": "{file} lists no firm yet: {output} holds a comment saying so, and no firms: list",
        "id": "{file} belum memuat satu pun usaha: {output} hanya berisi komentar tentang hal itu, tanpa daftar firms:",
    },
    "sheet.template_written": {
        "en": "empty firm workbook written to {file}: fill in the sheet {sheet}, then point the region file at it with firms: {{file: {name}}}",
        "id": "buku kerja daftar usaha kosong ditulis ke {file}: isi lembar {sheet}, lalu rujuk dari berkas wilayah dengan firms: {{file: {name}}}",
    },
}
