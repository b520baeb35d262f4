#!/usr/bin/env bash
# pg.sh starts a throwaway PostgreSQL cluster for followup's tests, and stops it.
#
#   eval "$(bash scripts/pg.sh start)"    # sets FOLLOWUP_TEST_POSTGRES and FOLLOWUP_PG_DIR
#   bash scripts/pg.sh stop "$FOLLOWUP_PG_DIR"
#
# start installs Debian's postgresql package when no server is found, makes a
# cluster in a new temporary folder (trust auth, fsync off: for tests only),
# listens on 127.0.0.1 at a free port and a socket in the folder, and prints
# the export lines on stdout. Everything else goes to stderr. stop ends the
# server by the pid in its postmaster.pid, never by name, and removes the folder.
set -euo pipefail

say() { echo "pg.sh: $*" >&2; }

# pg_bin prints the bin folder of the newest PostgreSQL installed, if any.
pg_bin() {
	local found
	found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
	if [[ -n "$found" && -x "$found/initdb" ]]; then
		echo "$found"
	fi
}

install_postgres() {
	if [[ $(id -u) -ne 0 ]]; then
		say "no PostgreSQL found under /usr/lib/postgresql and not root: install postgresql"
		exit 1
	fi
	say "installing postgresql with apt-get"
	# Our clusters are made by hand: keep the package from making and starting its own.
	if [[ ! -e /etc/postgresql-common/createcluster.conf ]]; then
		mkdir -p /etc/postgresql-common
		echo "create_main_cluster = false" >/etc/postgresql-common/createcluster.conf
	fi
	apt-get update >&2
	# Keep our createcluster.conf when the package brings its own, without asking.
	DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
		-o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold postgresql >&2
}

# as_postgres runs a command as the postgres user when root (root may not run
# a server), and as the caller otherwise.
as_postgres() {
	if [[ $(id -u) -eq 0 ]]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

# port_in_use reports whether something listens on 127.0.0.1 at the port.
port_in_use() {
	(exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

free_port() {
	local port
	for _ in $(seq 1 50); do
		port=$((20000 + RANDOM % 40000))
		if ! port_in_use "$port"; then
			echo "$port"
			return
		fi
	done
	say "found no free port on 127.0.0.1"
	exit 1
}

start() {
	local bin dir port
	bin=$(pg_bin)
	if [[ -z "$bin" ]]; then
		install_postgres
		bin=$(pg_bin)
		[[ -n "$bin" ]] || { say "postgresql installed, but no initdb under /usr/lib/postgresql"; exit 1; }
	fi
	dir=$(mktemp -d "${TMPDIR:-/tmp}/followup-pg.XXXXXX")
	chmod 755 "$dir"
	mkdir -p "$dir/sock"
	if [[ $(id -u) -eq 0 ]]; then
		chown -R postgres "$dir"
	fi
	say "making a cluster in $dir with $bin"
	as_postgres "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 \
		--locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || {
		cat "$dir/initdb.log" >&2
		exit 1
	}
	for _ in 1 2 3 4 5; do
		port=$(free_port)
		if as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 60 \
			-o "-k $dir/sock -c listen_addresses=127.0.0.1 -p $port -c fsync=off \
				-c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
			start >&2; then
			say "PostgreSQL runs on 127.0.0.1:$port; stop it with: bash scripts/pg.sh stop $dir"
			echo "export FOLLOWUP_TEST_POSTGRES='postgres://postgres@127.0.0.1:$port/postgres?sslmode=disable'"
			echo "export FOLLOWUP_PG_DIR='$dir'"
			return
		fi
		say "port $port did not work, trying another"
		tail -n 5 "$dir/log" >&2 || true
	done
	say "PostgreSQL did not start; its log is $dir/log"
	exit 1
}

stop() {
	local dir=${1:-${FOLLOWUP_PG_DIR:-}}
	if [[ -z "$dir" ]]; then
		say "usage: pg.sh stop DIR (the FOLLOWUP_PG_DIR that start printed)"
		exit 2
	fi
	if [[ ! -d "$dir/data" ]]; then
		say "$dir holds no cluster made by pg.sh (no data folder): not touching it"
		exit 1
	fi
	local pidfile="$dir/data/postmaster.pid" pid
	if [[ -f "$pidfile" ]]; then
		pid=$(head -n 1 "$pidfile")
		if [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null; then
			kill -INT "$pid" # fast shutdown: end sessions, stop cleanly
			for _ in $(seq 1 100); do
				kill -0 "$pid" 2>/dev/null || break
				sleep 0.1
			done
			if kill -0 "$pid" 2>/dev/null; then
				say "server $pid did not stop in 10 s; ending it"
				kill -KILL "$pid" 2>/dev/null || true
			fi
		fi
	fi
	rm -rf "$dir"
	say "stopped and removed $dir"
}

case "${1:-}" in
start) start ;;
stop) stop "${2:-}" ;;
*)
	say "usage: pg.sh start | pg.sh stop DIR"
	exit 2
	;;
esac
