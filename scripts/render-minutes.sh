#!/usr/bin/env bash
# Builds a small committee session (recommendations, a conflict of interest, a talent review, an
# outcome recorded after the close) on a demo pool, writes its Word minutes and renders the pages
# to PNG with LibreOffice + pdftoppm (both optional tools). Usage: scripts/render-minutes.sh [OUTDIR] [id|en]
set -e
T=$(realpath "${T:-target/debug/talenta}")
OUT=$(realpath -m "${1:-/tmp/talenta-minutes}")
LANGSEL=${2:-id}
rm -rf "$OUT"; mkdir -p "$OUT"; cd "$OUT"
# The agency as docs/configuration.md's example sets it (letterhead, number, PPK, zone).
cat > config.toml <<'TOML'
[agency]
name = "Badan Kepegawaian Daerah Kabupaten Contoh"
letterhead = ["PEMERINTAH KABUPATEN CONTOH", "BADAN KEPEGAWAIAN DAERAH", "Jl. Merdeka No. 1, Contoh 12345, Telepon (0274) 123456"]
city = "Contoh"
number = "800/{nomor}/BKD/{tahun}"
zone = "WIB"
ppk_name = "Drs. H. Ahmad Fauzan, M.Si."
ppk_nip = "196805121994031004"
ppk_title = "Bupati Contoh"
TOML
export TALENTA_CONFIG="$OUT/config.toml"
$T --db d.db demo --size 300 --seed 1 --force >/dev/null
NIPS=$($T --db d.db query 'kotak>=7' --format csv --limit 3 | tail -n +2 | cut -d, -f1)
set -- $NIPS
A=$1; B=$2; C=$3
ID=$($T --db d.db --as Sekretaris session new --title "Sidang Komite Talenta Desember" --date 2026-12-03 --tempat "Aula Badan Kepegawaian Daerah" --mulai 09:00 \
   --member "Dr. Hadi Santoso:ketua:197503122000031002" --member "Rina Wulandari:sekretaris" --member "Budi Prasetyo::198001012005011004" --member "Sari Lestari")
$T --db d.db session attend $ID "Dr. Hadi Santoso" "Rina Wulandari" "Budi Prasetyo" "Sari Lestari"
$T --db d.db session recuse $ID "Budi Prasetyo" $B --reason "Atasan langsung kandidat"
D1=$($T --db d.db --lang $LANGSEL session decide $ID $A --kind promosi --reason "Kinerja dan potensi tinggi tiga tahun berturut-turut" --votes 4/0/0)
D2=$($T --db d.db session decide $ID $B --kind pengembangan --reason "Perlu pelatihan kepemimpinan" --votes 3/0/0)
$T --db d.db session calibrate $ID $C --kotak 6 --reason "Hasil asesmen belum mencerminkan kinerja terbaru" --votes 3/1/0
$T --db d.db session close $ID
$T --db d.db session outcome $D1 --status ditetapkan --sk "800/123/BKPSDM/2026" --date 2026-12-10
$T --db d.db --lang $LANGSEL session minutes $ID --format docx -o minutes.docx --force
soffice --headless --convert-to pdf minutes.docx >/dev/null 2>&1
pdftoppm -r 70 -png minutes.pdf page
ls "$OUT"
