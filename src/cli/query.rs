//! `talenta query FILTER [--format table|json|csv|xlsx] [-o FILE [--force]] [--sort FIELD] [--desc] [--limit N] [--count | --by FIELD]`

use super::output::{self, EmployeeOut, OutputFile};
use super::{CliError, CliResult, Ctx, TableFormat};
use crate::domain::filter::{self, Field};
use crate::domain::Candidate;
use crate::present::{Cell, Sheet};
use crate::store::load::{count_from_snapshot, load_pool_for, Need};
use crate::tr;

pub struct Args {
    pub filter: String,
    pub format: TableFormat,
    pub sort: Option<String>,
    pub desc: bool,
    pub limit: Option<usize>,
    pub count: bool,
    /// Count the matches per value of this field instead of listing them.
    pub by: Option<String>,
    pub out: OutputFile,
}

/// A filter error as the user sees it: the sentence, then the filter with a caret under the column.
pub fn filter_error(ctx: &Ctx, text: &str, e: &filter::FilterError) -> CliError {
    let caret = format!("{}^", " ".repeat(e.column.saturating_sub(1)));
    CliError::input(tr!(
        ctx.lang,
        cli::filter_invalid(e.column, &tr!(ctx.lang, filter::error(e)))
    ))
    .with_details(vec![
        crate::domain::text::one_line(text).into_owned(),
        caret,
    ])
}

/// The door for a filter (domain::text): a control or bidi character is an
/// error that shows the filter with the character escaped.
pub fn filter_text(ctx: &Ctx, text: &str) -> CliResult<()> {
    use crate::domain::text;
    text::check(text, text::Lines::Many).map_err(|e| {
        let what = tr!(ctx.lang, cli::WHAT_FILTER);
        CliError::input(tr!(ctx.lang, cli::control_in(what, &e)))
            .with_details(vec![text::one_line(text).into_owned()])
    })
}

/// A filter's warnings on stderr, each with the filter and a caret under
/// its column, as errors are shown (the query still runs).
pub fn filter_warnings(ctx: &Ctx, text: &str, f: &filter::Filter) {
    for w in f.warnings() {
        let message = tr!(ctx.lang, filter::warning(w));
        eprintln!(
            "talenta: {}",
            crate::domain::text::guard(&tr!(ctx.lang, filter::warning_at(w.column, &message)))
        );
        eprintln!("  {}", crate::domain::text::one_line(text));
        eprintln!("  {}^", " ".repeat(w.column.saturating_sub(1)));
    }
}

pub fn run(ctx: &Ctx, a: &Args) -> CliResult {
    filter_text(ctx, &a.filter)?;
    output::check(ctx, a.format, &a.out)?;
    let f = filter::parse(&a.filter).map_err(|e| filter_error(ctx, &a.filter, &e))?;
    let sort = match &a.sort {
        Some(s) => Some(
            Field::parse(s)
                .ok_or_else(|| CliError::input(tr!(ctx.lang, cli::unknown_sort_field(s))))?,
        ),
        None => None,
    };
    let by = match &a.by {
        Some(s) => Some(
            Field::parse(s)
                .ok_or_else(|| CliError::input(tr!(ctx.lang, cli::unknown_by_field(s))))?,
        ),
        None => None,
    };
    filter_warnings(ctx, &a.filter, &f);
    let store = ctx.open()?;
    // A count of a filter that reads no names needs no names loaded.
    let counts_only = a.count || by.is_some_and(|b| !matches!(b, Field::Nama | Field::Nip));
    let need = if counts_only && !f.reads_names() {
        Need::NoNames
    } else {
        Need::All
    };
    if a.count {
        // From a current snapshot, without building the pool.
        let (as_of, rules) = (ctx.as_of, ctx.rules());
        let counted = count_from_snapshot(&store.conn, as_of, rules, need, &f)
            .map_err(|e| ctx.store_error(e))?;
        if let Some(n) = counted {
            return output::deliver(ctx, &a.out, &format!("{n}\n"));
        }
    }
    let pool =
        load_pool_for(&store.conn, ctx.as_of, ctx.rules(), need).map_err(|e| ctx.store_error(e))?;
    let as_of = pool.as_of;
    let m = f.prepare(&pool);
    let mut hits: Vec<&Candidate> = pool
        .rows
        .iter()
        .enumerate()
        .filter(|(i, c)| m.matches(*i, c))
        .map(|(_, c)| c)
        .collect();
    if a.count {
        let n = hits.len();
        // The process ends right after: leave the pool's millions of small
        // allocations to the OS instead of freeing them one by one.
        std::mem::forget(pool);
        return output::deliver(ctx, &a.out, &format!("{n}\n"));
    }
    if let Some(field) = by {
        let groups = filter::count_by(field, hits.iter().copied(), as_of, &pool.rules);
        return by_output(ctx, a, field, groups);
    }
    match &sort {
        // Descending reverses the values; employees without one stay last.
        Some(field) => hits.sort_by(|x, y| {
            filter::compare_in(field, x, y, as_of, &pool.rules, a.desc)
                .then_with(|| x.nip.cmp(&y.nip))
        }),
        None => hits.sort_by(|x, y| {
            if a.desc {
                y.nip.cmp(&x.nip)
            } else {
                x.nip.cmp(&y.nip)
            }
        }),
    }
    let matched = hits.len();
    if let Some(n) = a.limit {
        hits.truncate(n);
    }
    match a.format {
        TableFormat::Json => {
            let out: Vec<EmployeeOut> = hits.iter().map(|c| EmployeeOut::new(c, as_of)).collect();
            let text = output::json_text(&out).map_err(|e| CliError::runtime(e.to_string()))?;
            output::deliver(ctx, &a.out, &format!("{text}\n"))
        }
        TableFormat::Csv | TableFormat::Xlsx => {
            let rows = hits.iter().map(|c| output::employee_cells(c, as_of));
            let sheet = Sheet::new("query", output::employee_header(), rows);
            output::sheet_out(ctx, a.format, &a.out, sheet)
        }
        TableFormat::Table => {
            let header: &[&str] = tr!(ctx.lang, cli::QUERY_HEADER);
            let rows: Vec<Vec<String>> = hits.iter().map(|c| output::table_row(c, &pool)).collect();
            let mut text = output::table(header, &rows, &[18, 36, 36, 30, 6, 7, 8, 5]);
            text.push_str(&tr!(
                ctx.lang,
                cli::matches_line(rows.len(), matched, pool.len())
            ));
            text.push('\n');
            output::deliver(ctx, &a.out, &text)
        }
    }
}

/// `query --by FIELD`: one row per value (in the field's order; `--desc`
/// reverses it, the employees without a value staying last), with its count.
fn by_output(ctx: &Ctx, a: &Args, field: Field, mut groups: Vec<filter::Group>) -> CliResult {
    if a.desc {
        let split = groups
            .iter()
            .position(|g| g.label.is_none())
            .unwrap_or(groups.len());
        groups[..split].reverse();
    }
    if let Some(n) = a.limit {
        groups.truncate(n);
    }
    let none = tr!(ctx.lang, cli::BY_NONE);
    let header = tr!(ctx.lang, cli::by_header(&field.name()));
    match a.format {
        TableFormat::Json => {
            #[derive(serde::Serialize)]
            struct Row<'a> {
                nilai: Option<&'a str>,
                jumlah: usize,
            }
            let rows: Vec<Row<'_>> = groups
                .iter()
                .map(|g| Row {
                    nilai: g.label.as_deref(),
                    jumlah: g.count,
                })
                .collect();
            let text = output::json_text(&rows).map_err(|e| CliError::runtime(e.to_string()))?;
            output::deliver(ctx, &a.out, &format!("{text}\n"))
        }
        TableFormat::Csv | TableFormat::Xlsx => {
            // A value of none is an empty cell (as in the employee CSV); the
            // count is a number cell in a workbook.
            let rows = groups.iter().map(|g| {
                vec![
                    g.label.as_deref().map_or(Cell::Empty, Cell::text),
                    Cell::int(g.count as i64),
                ]
            });
            output::sheet_out(ctx, a.format, &a.out, Sheet::new("query", header, rows))
        }
        TableFormat::Table => {
            let rows: Vec<Vec<String>> = groups
                .iter()
                .map(|g| {
                    let label = g.label.as_deref().unwrap_or(none);
                    vec![label.to_string(), g.count.to_string()]
                })
                .collect();
            let head: Vec<&str> = header.iter().map(String::as_str).collect();
            let mut text = output::table(&head, &rows, &[60, 10]);
            let total: usize = groups.iter().map(|g| g.count).sum();
            text.push_str(&tr!(ctx.lang, cli::by_total(groups.len(), total)));
            text.push('\n');
            output::deliver(ctx, &a.out, &text)
        }
    }
}
