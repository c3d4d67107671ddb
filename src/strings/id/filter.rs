//! Filter-language error messages (Bahasa Indonesia). The caller adds the column.

use crate::domain::filter::{ErrorKind, Expected, FilterError, FilterWarning, Op};
use crate::strings::{ops, predikat_codes, predikat_names_quoted};

fn expected(e: &Expected) -> String {
    match e {
        Expected::OneOf(list) => format!("pilihannya: {}", list.join(", ")),
        Expected::Predikat => format!(
            "pilihannya: {} (atau nama lengkapnya dalam tanda kutip: {})",
            predikat_codes(),
            predikat_names_quoted()
        ),
        Expected::Golongan => {
            "tulis golongan PNS I/a .. IV/e (mis. III/c) atau golongan PPPK I .. XVII".into()
        }
        Expected::WholeNumber => "tulis bilangan bulat, mis. 45".into(),
        Expected::Range { min, max } => format!("tulis angka {min} sampai {max}"),
        Expected::Date => "tulis tanggal (31-12-2027 atau 2027-12-31), bulan (12-2027), tahun (2027) atau rentang dari tanggal acuan (12bln, 2th, 30hr)".into(),
    }
}

/// The first half of a bad-value message: what `value` is not.
fn not_a(value: &str, field: &str, e: &Expected) -> String {
    match e {
        Expected::OneOf(_) => format!("`{value}` bukan nilai {field} yang dikenal"),
        Expected::Predikat => format!("`{value}` bukan predikat"),
        Expected::Golongan => format!("`{value}` bukan golongan yang ada"),
        Expected::WholeNumber => format!("`{value}` bukan bilangan bulat"),
        Expected::Range { .. } => format!("`{value}` bukan nilai {field} yang sah"),
        Expected::Date => format!("`{value}` bukan tanggal"),
    }
}

pub fn error(e: &FilterError) -> String {
    match &e.kind {
        ErrorKind::UnterminatedQuote => "tanda kutip \" tidak ditutup".into(),
        ErrorKind::UnknownOperator { op } => format!(
            "operator `{op}` tidak dikenal; operator yang ada: {} (perbandingan), && || ! (dan, atau, bukan)",
            ops(&Op::ALL)
        ),
        ErrorKind::UnexpectedOperator { op } => format!(
            "operator `{}` tidak pada tempatnya: tulis nama kolom, operator, lalu nilai (mis. kinerja>=B); nama kolom tidak diberi tanda kutip",
            op.symbol()
        ),
        ErrorKind::UnknownField {
            name,
            fields,
            aliases,
        } => format!(
            "`{name}` bukan nama kolom; kolom yang ada: {} (alias bahasa Inggris: {})",
            fields.join(", "),
            aliases.join(", ")
        ),
        ErrorKind::BadYear { text } => format!(
            "`{text}` bukan tahun; tulis kinerja.TTTT dengan tahun empat angka (mis. kinerja.2024), atau kinerja.Nth untuk tiap N tahun terakhir (mis. kinerja.2th, 1 sampai 10)"
        ),
        ErrorKind::BadTier { text } => format!(
            "`{text}` bukan tingkat jabatan; tulis pengalaman.TINGKAT dengan jpt_utama, jpt_madya, jpt_pratama, administrator, pengawas atau pelaksana, mis. pengalaman.pengawas"
        ),
        ErrorKind::OperatorNotAllowed { field, op, allowed } => format!(
            "kolom {} tidak dapat memakai `{}`; gunakan {}",
            field.name(),
            op.symbol(),
            ops(allowed)
        ),
        ErrorKind::MissingValue { field, op } => format!(
            "nilai untuk {}{} belum ditulis",
            field.name(),
            op.symbol()
        ),
        ErrorKind::BadValue {
            field,
            value,
            expected: exp,
        } => format!("{}; {}", not_a(value, &field.name(), exp), expected(exp)),
        ErrorKind::NoneNeedsEquality { field, op } => format!(
            "none/kosong hanya dapat dipakai dengan = atau != (mis. {f}=none), bukan dengan `{}`",
            op.symbol(),
            f = field.name()
        ),
        ErrorKind::ExpectedCondition { after, found } => {
            let mut s = String::from("di sini seharusnya ada syarat (mis. usia<45) atau kata yang dicari");
            if let Some(a) = after {
                s.push_str(&format!(" setelah `{a}`"));
            }
            match found {
                Some(f) => s.push_str(&format!(", tetapi yang ada `{f}`")),
                None => s.push_str(", tetapi teks sudah berakhir"),
            }
            s.push_str("; untuk mencari kata kunci seperti dan/atau/bukan, beri tanda kutip");
            s
        }
        ErrorKind::MissingCloseParen { open_column } => {
            format!("kurung `(` pada karakter ke-{open_column} belum ditutup dengan `)`")
        }
        ErrorKind::StrayCloseParen => "`)` tanpa `(` pasangannya".into(),
        ErrorKind::EmptyParens => "kurung kosong: tulis syarat di dalam `( )`".into(),
        ErrorKind::MissingOperator {
            field,
            value,
            suggest,
        } => format!(
            "operator tidak ada di antara {f} dan `{value}`: maksudnya {f}{}{value}? (untuk mencari kata-kata itu sebagai teks, beri tanda kutip pada nama kolom: \"{f}\" {value})",
            suggest.symbol(),
            f = field.name()
        ),
        ErrorKind::ListNeedsEquality { field, op } => format!(
            "daftar nilai hanya dapat dipakai dengan = atau != (mis. {f}=7,8,9 atau {f} in (7,8,9)), bukan dengan `{}`",
            op.symbol(),
            f = field.name()
        ),
        ErrorKind::EmptyListItem { field } => format!(
            "nilai kosong dalam daftar {f}: ada nilai yang hilang di antara dua koma (mis. {f}=a,b,c)",
            f = field.name()
        ),
        ErrorKind::BadList { field } => format!(
            "tulis nilai-nilainya dalam kurung setelah `in`, dipisah koma: {f} in (a, b, c)",
            f = field.name()
        ),
        ErrorKind::TooDeep { limit } => format!(
            "terlalu banyak kurung atau bukan/not bertingkat (paling banyak {limit} tingkat)"
        ),
    }
}

/// A filter's warning: a field name searched as text.
pub fn warning(w: &FilterWarning) -> String {
    if let Some(split) = &w.split {
        let (op, value, word) = &**split;
        let f = w.field.name();
        let op = op.symbol();
        if !w.field.is_text() && crate::domain::filter::is_unit_word(word) {
            return format!(
                "`{word}` dicari sebagai teks tersendiri (di nama, NIP, jabatan dan unit), sehingga hampir tidak ada yang cocok; {f} sudah memiliki satuannya sendiri: tulis {f}{op}{value}"
            );
        }
        if !w.field.is_text() {
            return format!(
                "`{word}` dicari sebagai teks tersendiri (di nama, NIP, jabatan dan unit), bukan sebagai nilai lain dari {f}; untuk salah satu nilai tulis {f}{op}{value},{word}"
            );
        }
        return format!(
            "`{word}` dicari tersendiri (di nama, NIP, jabatan dan unit), bukan bagian dari {f}{op}{value}; untuk nilai beberapa kata beri tanda kutip: {f}{op}\"{value} {word}\""
        );
    }
    format!(
        "`{f}` adalah nama kolom, di sini dicari sebagai teks di nama, NIP, jabatan dan unit; untuk syarat tulis mis. {}; untuk mencari kata itu tanpa peringatan ini, beri tanda kutip: \"{f}\"",
        w.field.example(),
        f = w.field.name()
    )
}

/// How a warning reads on a line of its own (stderr of the CLI, the filter bar).
pub fn warning_at(column: usize, message: &str) -> String {
    format!("peringatan pada karakter ke-{column}: {message}")
}
