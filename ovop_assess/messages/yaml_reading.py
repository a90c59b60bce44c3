"""YAML: syntax errors, limits, and the tags and numbers YAML 1.1 reads differently from what was meant."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # --- YAML
    "yaml.syntax": {"en": "YAML syntax error: {detail}", "id": "kesalahan sintaks YAML: {detail}"},
    "yaml.too_deep": {
        "en": "nesting deeper than {limit} levels (raise the limit with --max-depth)",
        "id": "susunan bertingkat lebih dari {limit} tingkat (naikkan batas dengan --max-depth)",
    },
    "yaml.too_many_nodes": {
        "en": "more than {limit} values once aliases are expanded (raise the limit with --max-nodes)",
        "id": "lebih dari {limit} nilai setelah alias diuraikan (naikkan batas dengan --max-nodes)",
    },
    "yaml.tag_not_allowed": {
        "en": "the YAML tag {tag} is not allowed; only plain values, lists and mappings are read",
        "id": "tag YAML {tag} tidak diizinkan; hanya nilai biasa, daftar dan pemetaan yang dibaca",
    },
    "yaml.duplicate_key": {
        "en": "the key '{key}' appears twice (first at line {first_line}); YAML would keep only the last",
        "id": "kunci '{key}' muncul dua kali (pertama di baris {first_line}); YAML hanya menyimpan yang terakhir",
    },
    "yaml.decimal_comma_in_braces": {
        "en": "{raw} inside {{ }} is read as two entries: the comma separates them; write the decimal point: {plain}",
        "id": "{raw} di dalam {{ }} dibaca sebagai dua isian karena koma memisahkan isian; tulis dengan titik desimal: {plain}",
    },
    "yaml.key_not_text": {
        "en": "the key {key} is not text; write it in quotes",
        "id": "kunci {key} bukan teks; tulis dalam tanda kutip",
    },
    "yaml.bad_merge": {
        "en": "a merge key (<<) must refer to a mapping",
        "id": "kunci penggabungan (<<) harus merujuk ke pemetaan",
    },
    "yaml.expanded_too_large": {
        "en": "aliases repeat more than {limit} characters of text, the limit --max-bytes sets for the text a "
        "region file may hold (raise it with that option)",
        "id": "alias mengulang lebih dari {limit} karakter teks, batas yang ditetapkan --max-bytes untuk teks "
        "berkas wilayah (naikkan dengan opsi itu)",
    },
    "yaml.recursive_alias": {
        "en": "this alias refers to the list or mapping that contains it, so it would never end",
        "id": "alias ini merujuk ke daftar atau pemetaan yang memuatnya sendiri, sehingga tidak akan pernah selesai",
    },
    "yaml.octal_number": {
        "en": "YAML 1.1 reads the unquoted {raw} as the octal number {value}; write {plain} "
        "(no leading zero) or, if it is text, put it in quotes",
        "id": "YAML 1.1 membaca {raw} tanpa kutip sebagai bilangan oktal {value}; tulis {plain} "
        "(tanpa angka nol di depan) atau, jika berupa teks, beri tanda kutip",
    },
    "yaml.octal_code": {
        "en": "YAML 1.1 reads the unquoted {raw} as the octal number {value}; a code keeps its leading zero: "
        'put it in quotes, "{raw}"',
        "id": "YAML 1.1 membaca {raw} tanpa kutip sebagai bilangan oktal {value}; sebuah kode tetap memakai angka "
        'nol di depannya: beri tanda kutip, "{raw}"',
    },
    "yaml.base60_number": {
        "en": "YAML 1.1 reads the unquoted {raw} as the base-60 number {value}; write the number "
        "without ':' or, if it is text (a time, a ratio), put it in quotes",
        "id": "YAML 1.1 membaca {raw} tanpa kutip sebagai bilangan basis 60 {value}; tulis angkanya "
        "tanpa ':' atau, jika berupa teks (jam, perbandingan), beri tanda kutip",
    },
    "yaml.based_number": {
        "en": "YAML 1.1 reads the unquoted {raw} as the number {value} (hexadecimal or binary); "
        "write it in decimal or, if it is text, put it in quotes",
        "id": "YAML 1.1 membaca {raw} tanpa kutip sebagai bilangan {value} (heksadesimal atau biner); "
        "tulis dalam desimal atau, jika berupa teks, beri tanda kutip",
    },
    "yaml.bad_scalar_kind": {
        "en": "cannot read {value} as {kind}; if it is meant as text, write it in quotes",
        "id": "{value} tidak dapat dibaca sebagai {kind}; jika maksudnya teks, tulis dalam tanda kutip",
    },
    "yaml.tab_indent": {
        "en": "a tab is used for indentation here; YAML indents with spaces only",
        "id": "di sini tab dipakai untuk indentasi; YAML hanya memakai spasi untuk indentasi",
    },
    "yaml.unclosed_quote": {
        "en": "the quote {quote} opened here is never closed",
        "id": "tanda kutip {quote} yang dibuka di sini tidak pernah ditutup",
    },
    "yaml.multiple_documents": {
        "en": "a second YAML document starts here (a line ---); a region file holds one document only",
        "id": "dokumen YAML kedua dimulai di sini (baris ---); berkas wilayah hanya boleh berisi satu dokumen",
    },
    "yaml.not_a_list_item": {
        "en": "this line sits at the indentation of a list but is not an item (no '- '); indent it under "
        "the item above or start it with '- '",
        "id": "baris ini berada pada indentasi daftar tetapi bukan butir (tanpa '- '); indentasikan di bawah "
        "butir di atasnya atau awali dengan '- '",
    },
    "yaml.bad_escape": {
        "en": "unknown escape (a backslash) in double quotes; write \\\\ for a backslash, or use single quotes",
        "id": "escape tidak dikenal (garis miring terbalik) dalam tanda kutip ganda; tulis \\\\ untuk garis miring "
        "terbalik, atau pakai tanda kutip tunggal",
    },
    "yaml.after_document_end": {
        "en": "this cannot come after the end of the document (a line with '...' ends it)",
        "id": "ini tidak boleh berada setelah akhir dokumen (baris '...' mengakhirinya)",
    },
    "yaml.yaml_version": {
        "en": "this YAML version is not supported; remove the %YAML line",
        "id": "versi YAML ini tidak didukung; hapus baris %YAML",
    },
    "yaml.key_too_long": {
        "en": "a key longer than {limit} characters; YAML cannot read it",
        "id": "kunci lebih panjang dari {limit} karakter; YAML tidak dapat membacanya",
    },
    "yaml.quote_spans_lines": {
        "en": "the {quote} opened here closes only on line {line}; if a closing {quote} is missing, add it here",
        "id": "tanda {quote} yang dibuka di sini baru ditutup di baris {line}; jika tanda {quote} penutup hilang, "
        "tambahkan di sini",
    },
    "yaml.invisible_break": {
        "en": "this line holds an invisible {char} (pasted from a word processor?), which YAML counts as a "
        "line end; delete it",
        "id": "baris ini memuat {char} yang tidak terlihat (tersalin dari pengolah kata?), yang dihitung YAML "
        "sebagai akhir baris; hapus",
    },
    "yaml.undefined_alias": {
        "en": "the alias *{name} refers to no anchor &{name} defined above it",
        "id": "alias *{name} tidak merujuk ke jangkar &{name} mana pun yang didefinisikan di atasnya",
    },
    "yaml.control_char": {
        "en": "the file contains the control character {char}, which YAML does not allow",
        "id": "berkas memuat karakter kontrol {char}, yang tidak diizinkan dalam YAML",
    },
    "yaml.colon_here": {
        "en": "a ':' here does not fit: check that this line is indented like the lines around it, and quote a value that contains ': '",
        "id": "tanda ':' di sini tidak sesuai: periksa apakah indentasi baris ini sama dengan baris di sekitarnya, dan beri tanda kutip pada nilai yang memuat ': '",
    },
    "yaml.bad_indentation": {
        "en": "this line does not fit the structure above it: check its indentation",
        "id": "baris ini tidak sesuai dengan struktur di atasnya: periksa indentasinya",
    },
    "yaml.missing_colon": {
        "en": "this line has no ':' after its key",
        "id": "baris ini tidak memiliki ':' setelah kuncinya",
    },
    "yaml.unclosed_flow": {
        "en": "the {bracket} opened at line {line} is not closed, or a comma is missing before this point",
        "id": "{bracket} yang dibuka di baris {line} tidak ditutup, atau ada koma yang kurang sebelum titik ini",
    },
    # --- libyaml's own words, for syntax errors without a message of their own
    "libyaml.scanning_next_token": {"en": "while scanning for the next token", "id": "saat membaca unsur berikutnya"},
    "libyaml.unknown_directive": {"en": "found unknown directive name", "id": "nama direktif (%) tidak dikenal"},
    "libyaml.no_closing_angle": {
        "en": "did not find the expected '>'",
        "id": "tanda '>' yang diharapkan tidak ditemukan",
    },
    "libyaml.indent_indicator_zero": {
        "en": "found an indentation indicator equal to 0",
        "id": "penanda indentasi bernilai 0",
    },
    "libyaml.no_name_character": {
        "en": "did not find expected alphabetic or numeric character",
        "id": "huruf atau angka yang diharapkan tidak ditemukan",
    },
    "libyaml.parsing_quoted_scalar": {"en": "while parsing a quoted scalar", "id": "saat membaca nilai bertanda kutip"},
    "libyaml.no_hex_digit": {
        "en": "did not find expected hexdecimal number",
        "id": "angka heksadesimal yang diharapkan tidak ditemukan",
    },
    "libyaml.no_comment_or_break": {
        "en": "did not find expected comment or line break",
        "id": "komentar atau akhir baris yang diharapkan tidak ditemukan",
    },
    "libyaml.duplicate_anchor": {
        "en": "found duplicate anchor; first occurrence",
        "id": "jangkar (&) ganda; kemunculan pertama",
    },
    "libyaml.second_occurrence": {"en": "second occurrence", "id": "kemunculan kedua"},
    "libyaml.while_parsing_a_block_mapping": {
        "en": "while parsing a block mapping",
        "id": "saat membaca pemetaan blok",
    },
    "libyaml.while_parsing_a_block_collection": {
        "en": "while parsing a block collection",
        "id": "saat membaca daftar blok",
    },
    "libyaml.while_parsing_a_flow_mapping": {
        "en": "while parsing a flow mapping",
        "id": "saat membaca pemetaan dalam kurung kurawal",
    },
    "libyaml.while_parsing_a_flow_sequence": {
        "en": "while parsing a flow sequence",
        "id": "saat membaca daftar dalam kurung siku",
    },
    "libyaml.while_parsing_a_flow_node": {"en": "while parsing a flow node", "id": "saat membaca nilai dalam kurung"},
    "libyaml.while_parsing_a_block_node": {"en": "while parsing a block node", "id": "saat membaca nilai blok"},
    "libyaml.while_parsing_a_node": {"en": "while parsing a node", "id": "saat membaca nilai"},
    "libyaml.while_scanning_a_simple_key": {"en": "while scanning a simple key", "id": "saat membaca kunci"},
    "libyaml.while_scanning_a_quoted_scalar": {
        "en": "while scanning a quoted scalar",
        "id": "saat membaca nilai bertanda kutip",
    },
    "libyaml.while_scanning_a_plain_scalar": {"en": "while scanning a plain scalar", "id": "saat membaca nilai"},
    "libyaml.while_scanning_a_block_scalar": {
        "en": "while scanning a block scalar",
        "id": "saat membaca teks blok (| atau >)",
    },
    "libyaml.while_scanning_an_anchor": {"en": "while scanning an anchor", "id": "saat membaca jangkar (&)"},
    "libyaml.while_scanning_an_alias": {"en": "while scanning an alias", "id": "saat membaca alias (*)"},
    "libyaml.while_scanning_a_tag": {"en": "while scanning a tag", "id": "saat membaca tag (!)"},
    "libyaml.while_scanning_a_directive": {"en": "while scanning a directive", "id": "saat membaca direktif (%)"},
    "libyaml.did_not_find_expected_key": {
        "en": "did not find expected key",
        "id": "kunci yang diharapkan tidak ditemukan",
    },
    "libyaml.did_not_find_expected_node_content": {
        "en": "did not find expected node content",
        "id": "isi nilai yang diharapkan tidak ditemukan",
    },
    "libyaml.no_dash": {
        "en": "did not find expected '-' indicator",
        "id": "tanda '-' yang diharapkan tidak ditemukan",
    },
    "libyaml.no_comma_or_bracket": {
        "en": "did not find expected ',' or ']'",
        "id": "tanda ',' atau ']' yang diharapkan tidak ditemukan",
    },
    "libyaml.no_comma_or_brace": {
        "en": "did not find expected ',' or '}}'",
        "id": "tanda ',' atau '}}' yang diharapkan tidak ditemukan",
    },
    "libyaml.no_colon": {
        "en": "could not find expected ':'",
        "id": "tanda ':' yang diharapkan tidak ditemukan",
    },
    "libyaml.found_character_that_cannot_start_any_token": {
        "en": "found character that cannot start any token",
        "id": "ada karakter yang tidak dapat mengawali nilai atau kunci",
    },
    "libyaml.found_unexpected_end_of_stream": {
        "en": "found unexpected end of stream",
        "id": "berkas berakhir sebelum waktunya",
    },
    "libyaml.unexpected_colon": {"en": "found unexpected ':'", "id": "ada ':' yang tidak diharapkan"},
    "libyaml.dash_not_here": {
        "en": "block sequence entries are not allowed in this context",
        "id": "butir daftar ('- ') tidak boleh berada di sini",
    },
    "libyaml.found_undefined_tag_handle": {"en": "found undefined tag handle", "id": "penanda tag tidak dikenal"},
}
