#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests: a new cluster in a temporary folder, reached only
# through a Unix socket in that folder (no TCP port), trust authentication, gone when the shell
# that sourced this script exits.
#
#     source scripts/postgres-test-server.sh && swift test
#
# Exports GAZETTE_TEST_POSTGRES_URL (the server's maintenance database); the PostgreSQL tests make
# a database of their own from it and skip, saying so, when the variable is not set. Needs Debian's
# `postgresql` package; run as root (the server runs as the `postgres` user) or as any other user
# (the server then runs as that user).

gazette_pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [[ -z "$gazette_pg_bin" ]]; then
    echo "postgres-test-server: PostgreSQL is not installed (apt-get install -y postgresql)" >&2
    return 1 2>/dev/null || exit 1
fi
gazette_pg_dir=$(mktemp -d /tmp/gazette-pg.XXXXXX)
if [[ $(id -u) == 0 ]]; then
    gazette_pg_as=(runuser -u postgres --)
    chown postgres: "$gazette_pg_dir"
else
    gazette_pg_as=()
fi
"${gazette_pg_as[@]}" "$gazette_pg_bin/initdb" -D "$gazette_pg_dir/data" -U postgres --auth=trust \
    --encoding=UTF8 --locale=C.UTF-8 >"$gazette_pg_dir/initdb.log" 2>&1 || {
    cat "$gazette_pg_dir/initdb.log" >&2
    return 1 2>/dev/null || exit 1
}
"${gazette_pg_as[@]}" "$gazette_pg_bin/pg_ctl" -D "$gazette_pg_dir/data" -l "$gazette_pg_dir/server.log" -w \
    -o "-c listen_addresses='' -k $gazette_pg_dir -c max_connections=200 -c fsync=off" start >/dev/null || {
    cat "$gazette_pg_dir/server.log" >&2
    return 1 2>/dev/null || exit 1
}
export GAZETTE_TEST_POSTGRES_URL="postgresql://postgres@localhost/postgres?host=$gazette_pg_dir"
gazette_pg_stop() {
    "${gazette_pg_as[@]}" "$gazette_pg_bin/pg_ctl" -D "$gazette_pg_dir/data" -m immediate stop >/dev/null 2>&1
    rm -rf "$gazette_pg_dir"
}
trap gazette_pg_stop EXIT
echo "postgres-test-server: $GAZETTE_TEST_POSTGRES_URL" >&2
