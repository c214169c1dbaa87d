#!/usr/bin/env bash
# Run a command with a throwaway PostgreSQL server on loopback, for the repository contract tests.
#
#   scripts/with-postgres.sh .venv/bin/pytest -q
#
# - BACKBONE_TEST_DATABASE_URL already set: use that server, start nothing.
# - otherwise: install Debian's postgresql package if its binaries are missing (root, apt-get),
#   initdb a cluster in a temp dir owned by the `postgres` user (the server refuses to run as root),
#   listen on 127.0.0.1 only on a free port from 54329, trust auth, create database backbone_test,
#   export BACKBONE_TEST_DATABASE_URL and BACKBONE_REQUIRE_POSTGRES=1, run the command, and stop and
#   delete the cluster on exit, whether the command passed or failed. Safe to run again and again.
set -euo pipefail

if [[ $# -eq 0 ]]; then
    echo "usage: $0 COMMAND [ARG...]" >&2
    exit 64
fi

if [[ -n "${BACKBONE_TEST_DATABASE_URL:-}" ]]; then
    export BACKBONE_REQUIRE_POSTGRES=1
    exec "$@"
fi

say() { echo "with-postgres: $*" >&2; }

pg_bin_dir() {
    local dirs
    dirs=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [[ -n "$dirs" && -x "$dirs/initdb" && -x "$dirs/pg_ctl" ]]; then
        echo "$dirs"
    fi
}

started=$SECONDS
BIN_DIR=$(pg_bin_dir)
if [[ -z "$BIN_DIR" ]]; then
    if [[ $EUID -ne 0 ]]; then
        say "PostgreSQL is not installed and installing it needs root:"
        say "  sudo apt-get install -y postgresql   (or set BACKBONE_TEST_DATABASE_URL)"
        exit 1
    fi
    say "installing PostgreSQL (Debian package postgresql)..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq --no-install-recommends postgresql >&2
    BIN_DIR=$(pg_bin_dir)
    if [[ -z "$BIN_DIR" ]]; then
        say "postgresql was installed but no /usr/lib/postgresql/*/bin/initdb was found"
        exit 1
    fi
    say "installed in $((SECONDS - started)) s"
fi

# As root, the server and its tools run as the `postgres` user that the Debian package creates.
as_pg() {
    if [[ $EUID -eq 0 ]]; then
        (cd "$WORK" && runuser -u postgres -- "$@")
    else
        (cd "$WORK" && "$@")
    fi
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

PORT=${BACKBONE_TEST_PG_PORT:-54329}
while port_in_use "$PORT"; do
    PORT=$((PORT + 1))
done

WORK=$(mktemp -d "${TMPDIR:-/tmp}/backbone-pg.XXXXXX")
DATA="$WORK/data"

cleanup() {
    local status=$?
    if [[ -f "$DATA/postmaster.pid" ]]; then
        as_pg "$BIN_DIR/pg_ctl" -D "$DATA" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$WORK"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [[ $EUID -eq 0 ]]; then
    chown postgres:postgres "$WORK"
fi
chmod 700 "$WORK"

as_pg "$BIN_DIR/initdb" -D "$DATA" -U postgres -A trust -E UTF8 --no-locale --no-sync >/dev/null
# loopback only; the socket stays in the temp dir; durability traded for speed (throwaway data)
as_pg "$BIN_DIR/pg_ctl" -D "$DATA" -l "$WORK/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -k $WORK -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null || {
    say "PostgreSQL did not start; its log:"
    cat "$WORK/server.log" >&2 || true
    exit 1
}
as_pg "$BIN_DIR/createdb" -h 127.0.0.1 -p "$PORT" -U postgres backbone_test

say "PostgreSQL $("$BIN_DIR/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT ready in $((SECONDS - started)) s"
export BACKBONE_TEST_DATABASE_URL="postgresql://postgres@127.0.0.1:$PORT/backbone_test"
export BACKBONE_REQUIRE_POSTGRES=1

# not exec: the EXIT trap must stop the server afterwards
set +e
"$@"
status=$?
set -e
exit "$status"
