#!/usr/bin/env bash
# docs/ssh.md's OpenSSH recipe, tested as written (issue 15, item 17): a
# shared folder owned by the group `komite` with the setgid bit, the
# wrapper's `umask 007`, and two members with their own Unix accounts. The
# first member creates the database and holds it open (its -wal and -shm
# files exist, created by that member); the second member must then be able
# to write. As a control, the same without the setgid bit must lock the
# second member out (the bug the recipe fixes).
#
# Usage: tests/ssh_recipe.sh PATH-TO-talenta. Needs root (useradd); without
# it, says why and exits 0 (skipped).
set -u
BIN=${1:?usage: ssh_recipe.sh PATH-TO-talenta}
if [ "$(id -u)" != 0 ] || ! command -v useradd >/dev/null || ! command -v runuser >/dev/null; then
    echo "SKIPPED: the ssh recipe test creates two Unix users; it needs root, useradd and runuser"
    exit 0
fi
if ! command -v python3 >/dev/null; then
    echo "SKIPPED: python3 (to hold the database open as the first member) is missing"
    exit 0
fi

TAG=$$
GROUP=komite$TAG
U1=anggota1_$TAG
U2=anggota2_$TAG
ROOT=$(mktemp -d)
cleanup() {
    pkill -u "$U1" 2>/dev/null
    userdel "$U1" 2>/dev/null
    userdel "$U2" 2>/dev/null
    groupdel "$U1" 2>/dev/null
    groupdel "$U2" 2>/dev/null
    groupdel "$GROUP" 2>/dev/null
    rm -rf "$ROOT"
}
trap cleanup EXIT

groupadd "$GROUP" || exit 1
# Each member with a private primary group (the Debian/Ubuntu default), in komite besides.
useradd -M -U -G "$GROUP" -s /bin/sh "$U1" || exit 1
useradd -M -U -G "$GROUP" -s /bin/sh "$U2" || exit 1

chmod 755 "$ROOT"
mkdir -p "$ROOT/bin"
cp "$BIN" "$ROOT/bin/talenta"
chmod 755 "$ROOT/bin/talenta"

# One run of the recipe; $1 = the folder's mode (2770 as docs/ssh.md says, or 0770 without setgid).
run_case() {
    local mode=$1 srv="$ROOT/srv-$1"
    mkdir "$srv"
    # As docs/ssh.md: chgrp komite /srv/talenta && chmod 2770 /srv/talenta
    chgrp "$GROUP" "$srv"
    chmod "$mode" "$srv"
    # The wrapper of docs/ssh.md (paths adapted to the test's folder).
    cat >"$srv.wrapper" <<EOF
#!/bin/sh
umask 007
export LANG="\${LANG:-C.UTF-8}"
export TALENTA_DB=$srv/pool.db
export TALENTA_CONFIG=$srv/none.toml
exec $ROOT/bin/talenta --as "\$USER" --lang en "\$@"
EOF
    chmod 755 "$srv.wrapper"
    as() { local u=$1; shift; runuser -u "$u" -- env USER="$u" HOME="$ROOT" "$@"; }

    as "$U1" "$srv.wrapper" demo --size 100 >/dev/null || { echo "FAIL: $U1 cannot create the pool"; return 2; }
    # As docs/ssh.md: once the database exists, it is the group's (talenta creates it 0600).
    chgrp "$GROUP" "$srv/pool.db" && chmod 660 "$srv/pool.db"
    # The first member's screen keeps the database open: its -wal and -shm stay, created by $U1.
    as "$U1" sh -c "umask 007; exec python3 -c '
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1])
c.execute(\"PRAGMA journal_mode\").fetchall()
c.execute(\"SELECT count(*) FROM employee\").fetchall()
open(sys.argv[1] + \".held\", \"w\").close()
time.sleep(20)
' $srv/pool.db" &
    local holder=$!
    for _ in $(seq 100); do [ -e "$srv/pool.db.held" ] && break; sleep 0.1; done
    ls -l "$srv" | sed 's/^/    /'
    [ -e "$srv/pool.db-shm" ] || { echo "FAIL: no -shm while the first member holds the database"; kill $holder; return 2; }
    local out rc
    out=$(as "$U2" "$srv.wrapper" session new --title "Sidang uji" --member "A:ketua" 2>&1)
    rc=$?
    kill $holder 2>/dev/null
    wait $holder 2>/dev/null
    echo "    $U2 writes (folder $mode): exit $rc ${out:0:160}"
    if [ $rc = 0 ]; then
        as "$U2" "$srv.wrapper" audit verify >/dev/null || { echo "FAIL: audit verify after the second member's write"; return 2; }
    fi
    return $rc
}

run_case 2770
ok=$?
run_case 0770
control=$?
if [ $ok != 0 ]; then
    echo "FAIL: with the recipe (setgid folder, umask 007) the second member cannot write"
    exit 1
fi
if [ $control = 0 ]; then
    echo "NOTE: without the setgid bit the second member could write too (this system's defaults)"
else
    echo "control: without the setgid bit the second member is locked out, as reported in issue 15"
fi
echo "PASS: the second member writes after the first created the -wal and -shm files"
