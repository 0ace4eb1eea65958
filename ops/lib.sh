# Shared helpers for the ops/ scripts. Source it; do not run it.
# shellcheck disable=SC2034  # variables are used by the scripts that source this file
# shellcheck shell=bash

# Physical path of the repository root (the folder that holds ops/).
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
OPS_DIR="$REPO_ROOT/ops"

export DOTNET_NOLOGO=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# LOG_TAG is set by each script, e.g. "services".
log()  { printf '[%s] %s\n' "${LOG_TAG:-ops}" "$*"; }
warn() { printf '[%s] WARNING: %s\n' "${LOG_TAG:-ops}" "$*" >&2; }
die()  { printf '[%s] ERROR: %s\n' "${LOG_TAG:-ops}" "$*" >&2; exit 1; }

is_root() { [ "$(id -u)" -eq 0 ]; }

# Run a command with root rights: directly as root, through sudo otherwise.
as_root() {
    if is_root; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        die "need root rights for: $* (not root and sudo is missing)"
    fi
}

pkg_installed() {
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

# ensure_packages PKG...: install the Debian packages that are missing.
# Runs `apt-get update` once, and only when something has to be installed.
ensure_packages() {
    local missing=() p
    for p in "$@"; do
        pkg_installed "$p" || missing+=("$p")
    done
    [ "${#missing[@]}" -eq 0 ] && return 0
    command -v apt-get >/dev/null 2>&1 || die "missing packages (${missing[*]}) and no apt-get to install them"
    log "installing Debian packages: ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get -q -o DPkg::Lock::Timeout=300 update \
        || die "apt-get update failed"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get -q -o DPkg::Lock::Timeout=300 -o Dpkg::Use-Pty=0 install -y \
        --no-install-recommends "${missing[@]}" \
        || die "apt-get install failed for: ${missing[*]}"
}

# Database name from REGISTRY_DB_NAME (default: registry); only plain identifiers.
db_name() {
    local name="${REGISTRY_DB_NAME:-registry}"
    [[ "$name" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || die "REGISTRY_DB_NAME must be a plain identifier, got '$name'"
    printf '%s' "$name"
}

PG_PORT="${REGISTRY_PG_PORT:-55432}"
REDIS_PORT="${REGISTRY_REDIS_PORT:-56379}"
check_ports() {
    [[ "$PG_PORT" =~ ^[0-9]+$ ]] || die "REGISTRY_PG_PORT must be a number, got '$PG_PORT'"
    [[ "$REDIS_PORT" =~ ^[0-9]+$ ]] || die "REGISTRY_REDIS_PORT must be a number, got '$REDIS_PORT'"
}

DATA_DIR="$REPO_ROOT/.data"
REDIS_DIR="$DATA_DIR/redis"

# Per-checkout fallback folder for PostgreSQL when the postgres user cannot
# reach <repo>/.data (e.g. the checkout lives under /root, which is mode 700).
pg_fallback_dir() {
    local h
    h="$(printf '%s' "$REPO_ROOT" | sha256sum | cut -c1-10)"
    printf '/var/tmp/star-registry-%s/pg' "$h"
}

# Sets PG_DIR (folder with data/, server.log and the unix socket) without
# creating anything: <repo>/.data/pg, or the /var/tmp fallback when that one
# is already in use (it has a data folder and the repo one does not).
pg_locate() {
    PG_DIR="$DATA_DIR/pg"
    local fb
    fb="$(pg_fallback_dir)"
    if [ ! -e "$PG_DIR/data/PG_VERSION" ] && [ -e "$fb/data/PG_VERSION" ]; then
        PG_DIR="$fb"
    fi
    PGDATA_DIR="$PG_DIR/data"
}

# Like pg_locate, but creates the folder and, as root, makes sure the postgres
# user owns it and can reach it; otherwise switches to the /var/tmp fallback.
pg_prepare_dir() {
    pg_locate
    if ! is_root; then
        mkdir -p "$PG_DIR"
        return 0
    fi
    id postgres >/dev/null 2>&1 || die "the 'postgres' user does not exist (is the postgresql package installed?)"
    if [ "$PG_DIR" = "$DATA_DIR/pg" ]; then
        mkdir -p "$PG_DIR"
        chmod 755 "$DATA_DIR"
        chown postgres:postgres "$PG_DIR"
        if ! runuser -u postgres -- test -x "$PG_DIR" -a -w "$PG_DIR"; then
            PG_DIR="$(pg_fallback_dir)"
            PGDATA_DIR="$PG_DIR/data"
            log "the postgres user cannot reach $DATA_DIR/pg (a parent folder is not traversable);"
            log "using $PG_DIR for PostgreSQL instead"
            rmdir "$DATA_DIR/pg" 2>/dev/null || true
        fi
    fi
    if [ "$PG_DIR" != "$DATA_DIR/pg" ]; then
        mkdir -p "$PG_DIR"
        chmod 755 "$(dirname "$PG_DIR")"
        chown postgres:postgres "$PG_DIR"
        runuser -u postgres -- test -x "$PG_DIR" -a -w "$PG_DIR" \
            || die "the postgres user cannot use $PG_DIR either"
    fi
}

# Unix socket folder: the PostgreSQL folder itself, unless its path is too
# long for a socket name (about 107 bytes), then a short folder under /tmp.
pg_socket_dir() {
    local s="$PG_DIR/.s.PGSQL.$PG_PORT"
    if [ "${#s}" -le 100 ]; then
        printf '%s' "$PG_DIR"
    else
        printf '/tmp/star-registry-%s' "$(printf '%s' "$REPO_ROOT" | sha256sum | cut -c1-10)"
    fi
}

# Sets PGBIN: the binaries matching an existing cluster, else the newest installed.
pg_find_bin() {
    PGBIN=""
    if [ -n "${PGDATA_DIR:-}" ] && [ -r "$PGDATA_DIR/PG_VERSION" ]; then
        local v
        v="$(cat "$PGDATA_DIR/PG_VERSION")"
        if [ -x "/usr/lib/postgresql/$v/bin/pg_ctl" ]; then
            PGBIN="/usr/lib/postgresql/$v/bin"
            return 0
        fi
        if compgen -G '/usr/lib/postgresql/*/bin/pg_ctl' >/dev/null; then
            die "the cluster in $PGDATA_DIR is PostgreSQL $v, which is not installed; reset it (ops/services reset)"
        fi
    fi
    if compgen -G '/usr/lib/postgresql/*/bin/pg_ctl' >/dev/null; then
        PGBIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
    fi
}

# Run a PostgreSQL server binary as the cluster owner (from / so that an
# unreadable current folder does not produce warnings).
as_pg() {
    if is_root; then
        (cd / && runuser -u postgres -- "$@")
    else
        "$@"
    fi
}

# pg_ctl status: 0 running, 3 not running, 4 no usable data folder.
pg_running() {
    [ -n "${PGBIN:-}" ] && [ -e "$PGDATA_DIR/PG_VERSION" ] || return 1
    as_pg "$PGBIN/pg_ctl" -D "$PGDATA_DIR" status >/dev/null 2>&1
}

pg_ready() {
    "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -t 2 >/dev/null 2>&1
}

redis_ready() {
    command -v redis-cli >/dev/null 2>&1 || return 1
    [ "$(timeout 5 redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null)" = "PONG" ]
}

# The key-encryption key (KEK) that encrypts the certification bodies' private signing keys in the database
# (setting Signing:KeyEncryptionKey): base64 of 32 random bytes, made once per checkout in .data/signing-kek
# (mode 600, git-ignored). It is never printed: `ops/services env` prints a line that reads the file.
# Keep the file: keys stored under it cannot be used without it. An operator who sets
# Signing__KeyEncryptionKey in the environment uses that instead.
SIGNING_KEK_FILE="$DATA_DIR/signing-kek"
ensure_signing_kek() {
    [ -s "$SIGNING_KEK_FILE" ] && return 0
    mkdir -p "$DATA_DIR"
    local tmp="$SIGNING_KEK_FILE.$$"
    (umask 077 && head -c 32 /dev/urandom | base64 -w0 >"$tmp") || die "could not write $tmp"
    # No clobbering: when two scripts race, the first file wins and both use it.
    mv -n "$tmp" "$SIGNING_KEK_FILE"
    rm -f "$tmp"
    chmod 600 "$SIGNING_KEK_FILE"
    log "generated the signing-key encryption key in ${SIGNING_KEK_FILE#"$REPO_ROOT"/} (git-ignored; keep it)" >&2
}

# The benchmark database, shared by ops/bench, ops/bench-http and ops/bench-verify: one database per size
# (REGISTRY_BENCH_COUNT, default a million), so that a smaller trial run never touches the million. Starts
# the services, exports their environment, migrates, seeds (seed REGISTRY_BENCH_SEED) when empty, and gives
# every body a signing key. Needs the site built in Release; sets BENCH_COUNT, BENCH_DB and BENCH_APP_DIR.
bench_prepare_database() {
    BENCH_COUNT="${REGISTRY_BENCH_COUNT:-1000000}"
    local seed="${REGISTRY_BENCH_SEED:-42}"
    [[ "$BENCH_COUNT" =~ ^[0-9]+$ ]] && [ "$BENCH_COUNT" -ge 100 ] || die "REGISTRY_BENCH_COUNT must be a number of certificates (at least 100), got '$BENCH_COUNT'"
    [[ "$seed" =~ ^[0-9]+$ ]] || die "REGISTRY_BENCH_SEED must be a number, got '$seed'"
    if [ -z "${REGISTRY_DB_NAME:-}" ]; then
        if [ "$BENCH_COUNT" -eq 1000000 ]; then
            REGISTRY_DB_NAME=registry_million
        else
            REGISTRY_DB_NAME="registry_bench_$BENCH_COUNT"
        fi
    fi
    export REGISTRY_DB_NAME
    BENCH_DB="$(db_name)"
    bash "$OPS_DIR/services" up
    eval "$(bash "$OPS_DIR/services" env)"
    BENCH_APP_DIR="$REPO_ROOT/src/Registry.Web/bin/Release/net10.0"
    [ -f "$BENCH_APP_DIR/Registry.Web.dll" ] || die "build output $BENCH_APP_DIR/Registry.Web.dll not found (build Release first)"
    (
        # The operator commands run from the site's build output (its content root).
        cd "$BENCH_APP_DIR"
        log "applying migrations to $BENCH_DB"
        dotnet Registry.Web.dll migrate >/dev/null
        log "seeding $BENCH_COUNT demo certificates with seed $seed if $BENCH_DB is empty (a million takes a few minutes, once)"
        dotnet Registry.Web.dll seed --if-empty --count "$BENCH_COUNT" --seed "$seed"
        dotnet Registry.Web.dll keys ensure --all-bodies --receipts >/dev/null
    )
}
