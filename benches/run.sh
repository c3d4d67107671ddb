#!/usr/bin/env bash
# talenta's benchmark suite (see docs/performance.md).
#
#   benches/run.sh [--smoke] [--keep DIR] SIZE...     e.g. benches/run.sh 30000 300000
#
# For each SIZE: builds a demo pool with `talenta demo` (and its import CSV set
# with --csv), runs the in-process suite (`cargo bench --bench suite`: first
# frame, load to filterable, filter keystroke p95, cursor move, bytes per
# cursor move, peak memory), `talenta serve` with 30 member screens over SSH
# (`cargo bench --bench serve`: memory, key press to frame), then times whole processes: `talenta show NIP`,
# `talenta query FILTER --count` and `talenta import CSVDIR` against the sqlite3
# shell doing the same (equivalent SQL on talenta's own database; `.import` of
# the same CSV files into bare tables), with medians, ratios and peak memory
# (/usr/bin/time -v). Needs bash, coreutils and cargo; sqlite3 and
# /usr/bin/time are used when present (their columns say "-" otherwise).
# --smoke: 1,000 employees, one repetition, on the dev profile (CI: it reuses what
# `cargo test` built instead of building every dependency again in release; its
# figures are not measurements).
set -euo pipefail
cd "$(dirname "$0")/.."

REPS=5
PROFILE=release
SCREENS=30
SIZES=()
WORK=""
while [ $# -gt 0 ]; do
    case "$1" in
        --smoke) SIZES=(1000); REPS=1; PROFILE=dev; SCREENS=3 ;;
        --keep) WORK="$2"; shift ;;
        -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
        *) SIZES+=("$1") ;;
    esac
    shift
done
[ ${#SIZES[@]} -gt 0 ] || SIZES=(30000 300000)
if [ -z "$WORK" ]; then
    WORK=$(mktemp -d)
    trap 'rm -rf "$WORK"' EXIT
fi
mkdir -p "$WORK"

if [ "$PROFILE" = dev ]; then
    cargo build --quiet
    BIN=$PWD/target/debug/talenta
else
    cargo build --release --quiet
    BIN=$PWD/target/release/talenta
fi
SQLITE=$(command -v sqlite3 || true)
GNUTIME=""
[ -x /usr/bin/time ] && /usr/bin/time -v true >/dev/null 2>&1 && GNUTIME=/usr/bin/time
AS_OF=2026-06-01
FILTER='kotak>=7 unit~pendidikan integritas>=4'
# The same question in SQL over talenta's record tables (LIKE ignores ASCII case as ~ does);
# the 9-box needs the rules, so the SQL peer's query uses the latest predikat instead.
PEER_FILTER='unit~pendidikan integritas>=4 kinerja=SB'
PEER_SQL="SELECT count(*) FROM employee e JOIN unit u ON u.id = e.unit_id
 WHERE u.nama LIKE '%pendidikan%'
 AND (SELECT level FROM competency_assessment c WHERE c.employee_id = e.id AND c.kompetensi = 'integritas' ORDER BY tanggal DESC LIMIT 1) >= 4
 AND (SELECT predikat FROM skp s WHERE s.employee_id = e.id ORDER BY tahun DESC LIMIT 1) = 'SB';"

# Issue 18's peer: the same conditions counted on a denormalised table (one row per
# employee with the unit's name, the latest integritas level and the latest predikat), built
# once per size beside the database (not timed).
FLAT_SQL="SELECT count(*) FROM flat WHERE unit LIKE '%pendidikan%' AND integritas >= 4 AND predikat = 'SB';"
flat_db() {
    "$SQLITE" "$2" "ATTACH '$1' AS t;
CREATE TABLE flat AS SELECT e.id, e.nip, e.nama, u.nama AS unit,
  (SELECT level FROM t.competency_assessment c WHERE c.employee_id = e.id AND c.kompetensi = 'integritas' ORDER BY tanggal DESC LIMIT 1) AS integritas,
  (SELECT predikat FROM t.skp s WHERE s.employee_id = e.id ORDER BY tahun DESC LIMIT 1) AS predikat
FROM t.employee e JOIN t.unit u ON u.id = e.unit_id;"
}

now() { date +%s%N; }
# median wall-clock milliseconds of REPS runs of a command (output discarded)
median_ms() {
    local times=() t0 t1
    for _ in $(seq "$REPS"); do
        t0=$(now); "$@" >/dev/null 2>&1; t1=$(now)
        times+=($(( (t1 - t0) / 1000000 )))
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}
# peak resident memory (MB) of one run
peak_mb() {
    if [ -z "$GNUTIME" ]; then echo "-"; return; fi
    "$GNUTIME" -v "$@" 2>&1 >/dev/null | awk '/Maximum resident set size/ {printf "%.0f", $NF/1024}'
}
ratio() { if [ "$2" = "-" ] || [ "$2" = 0 ]; then echo "-"; else awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1f", a/b}'; fi; }

echo "# talenta benchmarks $(date -u +%Y-%m-%dT%H:%MZ)"
echo "# machine: $(nproc) cores, $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1), $(free -g 2>/dev/null | awk '/^Mem:/ {print $2 " GB"}')"
echo "# sqlite3: ${SQLITE:-missing} $([ -n "$SQLITE" ] && "$SQLITE" --version | cut -d' ' -f1)"

for N in "${SIZES[@]}"; do
    DB=$WORK/pool-$N.db
    CSV=$WORK/csv-$N
    echo
    echo "## $N employees"
    if [ ! -f "$DB" ]; then
        t0=$(now)
        "$BIN" demo --size "$N" --seed 1 --as-of $AS_OF --db "$DB" --force >/dev/null
        echo "generate_db_ms $(( ($(now) - t0) / 1000000 ))"
    fi
    if [ ! -d "$CSV" ]; then
        "$BIN" demo --size "$N" --seed 1 --as-of $AS_OF --csv "$CSV" --force >/dev/null
    fi

    echo "### in process (cargo bench --bench suite)"
    TALENTA_BENCH_DB=$DB cargo bench --quiet --profile "$PROFILE" --bench suite 2>/dev/null
    echo "### talenta serve: member screens over SSH (cargo bench --bench serve)"
    TALENTA_BENCH_DB=$DB TALENTA_BIN=$BIN TALENTA_BENCH_SCREENS=$SCREENS \
        cargo bench --quiet --profile "$PROFILE" --bench serve 2>/dev/null

    echo "### whole processes (median of $REPS, ms) | sqlite3 peer | ratio"
    NIP=$("$BIN" query 'kotak>=1' --db "$DB" --as-of $AS_OF --format csv --limit 1 | awk -F, 'NR==2 {gsub(/"/, "", $1); print $1}')
    t_show=$(median_ms "$BIN" show "$NIP" --db "$DB" --as-of $AS_OF)
    t_count=$(median_ms "$BIN" query "$FILTER" --count --db "$DB" --as-of $AS_OF)
    t_count_peer_filter=$(median_ms "$BIN" query "$PEER_FILTER" --count --db "$DB" --as-of $AS_OF)
    s_show="-"; s_count="-"
    s_flat="-"
    if [ -n "$SQLITE" ]; then
        SHOW_SQL="SELECT e.*, u.nama, u.instansi FROM employee e JOIN unit u ON u.id = e.unit_id WHERE e.nip = '$NIP';
SELECT tahun, predikat FROM skp WHERE employee_id = (SELECT id FROM employee WHERE nip = '$NIP') ORDER BY tahun;
SELECT kompetensi, level, max(tanggal) FROM competency_assessment WHERE employee_id = (SELECT id FROM employee WHERE nip = '$NIP') GROUP BY kompetensi;
SELECT * FROM potential_assessment WHERE employee_id = (SELECT id FROM employee WHERE nip = '$NIP') ORDER BY tanggal DESC;
SELECT tahun, nama_pelatihan, jp FROM training WHERE employee_id = (SELECT id FROM employee WHERE nip = '$NIP') ORDER BY tahun DESC;"
        s_show=$(median_ms "$SQLITE" "$DB" "$SHOW_SQL")
        s_count=$(median_ms "$SQLITE" "$DB" "$PEER_SQL")
        [ -f "$WORK/flat-$N.db" ] || flat_db "$DB" "$WORK/flat-$N.db"
        s_flat=$(median_ms "$SQLITE" "$WORK/flat-$N.db" "$FLAT_SQL")
        c=$("$SQLITE" "$WORK/flat-$N.db" "$FLAT_SQL")
        a=$("$BIN" query "$PEER_FILTER" --count --db "$DB" --as-of $AS_OF)
        b=$("$SQLITE" "$DB" "$PEER_SQL")
        [ "$a" = "$b" ] || echo "WARNING: query peer disagrees: talenta $a, sqlite3 $b"
        [ "$a" = "$c" ] || echo "WARNING: the denormalised peer disagrees: talenta $a, sqlite3 $c"
    fi
    echo "show_ms $t_show | $s_show | $(ratio "$t_show" "$s_show")"
    echo "query_count_ms $t_count (filter: $FILTER)"
    echo "query_count_peer_filter_ms $t_count_peer_filter | $s_count | $(ratio "$t_count_peer_filter" "$s_count") (filter: $PEER_FILTER; sqlite3 on the record tables)"
    echo "query_count_flat_peer_ms $t_count_peer_filter | ${s_flat:--} | $(ratio "$t_count_peer_filter" "${s_flat:--}") (the same; sqlite3 on a denormalised table: issue 18's peer, target ratio 0.25)"
    echo "query_count_peak_mb $(peak_mb "$BIN" query "$FILTER" --count --db "$DB" --as-of $AS_OF)"
    if [ -n "$SQLITE" ]; then
        # A write by another program makes the snapshot stale: the next call loads the
        # tables and writes a new one; the one after reads it.
        "$SQLITE" "$DB" "UPDATE employee SET nama = nama WHERE id = (SELECT min(id) FROM employee);"
        t0=$(now); "$BIN" query "$FILTER" --count --db "$DB" --as-of $AS_OF >/dev/null
        echo "query_count_after_a_write_ms $(( ($(now) - t0) / 1000000 )) (rebuilds the snapshot)"
    fi
    echo "snapshot_bytes_per_employee $(( $(stat -c %s "$DB-snapshot" 2>/dev/null || echo 0) / N ))"

    # Import of the whole CSV set into a fresh database, against sqlite3 .import into bare tables.
    rm -f "$WORK"/imp-$N.db* "$WORK"/bare-$N.db
    t0=$(now)
    if [ -n "$GNUTIME" ]; then
        imp_mb=$("$GNUTIME" -v "$BIN" import "$CSV" --db "$WORK/imp-$N.db" --as-of $AS_OF 2>&1 >/dev/null | awk '/Maximum resident set size/ {printf "%.0f", $NF/1024}')
    else
        "$BIN" import "$CSV" --db "$WORK/imp-$N.db" --as-of $AS_OF >/dev/null; imp_mb="-"
    fi
    t_imp=$(( ($(now) - t0) / 1000000 ))
    s_imp="-"
    if [ -n "$SQLITE" ]; then
        CMDS=".mode csv"
        for f in "$CSV"/*.csv; do CMDS="$CMDS
.import '$f' $(basename "$f" .csv)"; done
        t0=$(now)
        printf '%s\n' "$CMDS" | "$SQLITE" "$WORK/bare-$N.db"
        s_imp=$(( ($(now) - t0) / 1000000 ))
    fi
    echo "import_ms $t_imp | $s_imp | $(ratio "$t_imp" "$s_imp")"
    echo "import_peak_mb $imp_mb"
    rm -f "$WORK"/imp-$N.db* "$WORK"/bare-$N.db
done
