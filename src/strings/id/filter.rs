//! Filter-language error messages (Bahasa Indonesia). The caller adds the column.

use crate::domain::filter::{ErrorKind, Expected, FilterError, Op};
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
            "`{text}` bukan tahun; tulis kinerja.TTTT dengan tahun empat angka, mis. kinerja.2024"
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
        ErrorKind::TooDeep { limit } => format!(
            "terlalu banyak kurung atau bukan/not bertingkat (paling banyak {limit} tingkat)"
        ),
    }
}
