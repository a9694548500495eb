#!/usr/bin/env bash
# A throw-away Dovecot (IMAP, and LMTP to deliver into it) for trying the email channel by hand and
# for CI's sanity check: 127.0.0.1 only, no TLS, plaintext logins, passwd-file users. The tests use
# test/support/mail-servers.ts instead, which runs the same kind of Dovecot plus the SMTP side,
# OAuth2 and sieve; this script is Dovecot alone.
#
#   test/support/mail.sh [start]                  start a fresh Dovecot in a new temp dir and leave it
#                                                 running; on stdout print MAIL_DIR=<dir>,
#                                                 MAIL_IMAP_PORT=, MAIL_LMTP_PORT= and MAIL_USERS=<dir>
#   test/support/mail.sh stop [DIR]               stop the Dovecot in DIR and delete DIR; without DIR,
#                                                 the last one started
#   test/support/mail.sh adduser DIR EMAIL PASSWORD
#                                                 add a mailbox; it logs in and receives mail at once
#
# MAIL_USERS is a directory with one passwd-file per mailbox (EMAIL:{PLAIN}PASSWORD:uid:gid::home):
# Dovecot looks at a passwd-file at most once a second, so a line added to a shared file can stay
# unseen for a second, while a new file is read at once.
# Every start makes a new Dovecot on free ports (IMAP from 14143 up, LMTP from 14024 up), so
# running it twice gives two independent servers; stop is safe to repeat. As root, Dovecot drops to
# its own users and keeps the mail as nobody; as anyone else, everything runs as that user.
# Environment: DOVECOT (the binary; default /usr/sbin/dovecot), PURSUIT_MAIL_IMAP_PORT and
# PURSUIT_MAIL_LMTP_PORT (first ports to try), PURSUIT_MAIL_TMPDIR (parent of the temp dir;
# default $TMPDIR or /tmp). Progress and errors go to stderr; stdout carries only KEY=value lines.
set -euo pipefail

MARKER=.pursuit-test-mail
LAST="${TMPDIR:-/tmp}/pursuit-test-mail.$(id -u).last"
DOVECOT="${DOVECOT:-/usr/sbin/dovecot}"

log() { echo "mail.sh: $*" >&2; }
die() {
  log "error: $*"
  exit 1
}

# Alive and not a zombie: once start's shell is gone, Dovecot's parent is init, which may reap late.
running() { [[ -e "/proc/$1" ]] && ! grep -q '^[0-9]* (.*) Z' "/proc/$1/stat" 2>/dev/null; }

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Whether a server on the port greets with a line matching the pattern (IMAP "* OK", LMTP "220").
greets() {
  local port="$1" pattern="$2" line=""
  { exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null || return 1
  IFS= read -r -t 2 line <&3 || true
  exec 3<&- 3>&-
  [[ "$line" =~ $pattern ]]
}

if [[ $EUID -eq 0 ]]; then
  MAIL_UID=65534
  MAIL_GID=65534
else
  MAIL_UID="$(id -u)"
  MAIL_GID="$(id -g)"
fi

write_config() {
  local dir="$1" imap="$2" lmtp="$3" users
  if [[ $EUID -eq 0 ]]; then
    users=$'default_login_user = dovenull\ndefault_internal_user = dovecot'
  else
    users="default_login_user = $(id -un)"$'\n'"default_internal_user = $(id -un)"$'\n'"default_internal_group = $(id -gn)"
  fi
  cat >"$dir/dovecot.conf" <<EOF
# Written by test/support/mail.sh; read alone (dovecot -F -c).
protocols = imap lmtp
listen = 127.0.0.1
hostname = mail.pursuit.test
base_dir = $dir/run
state_dir = $dir/state
log_path = $dir/log/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
auth_verbose = yes
$users
first_valid_uid = 1
mail_location = maildir:~/Maildir
mail_fsync = never
mail_uid = $MAIL_UID
mail_gid = $MAIL_GID
# Without this, Dovecot 2.3 holds each failed login for half a second and makes the next logins
# from 127.0.0.1 wait 2, 4, 8... s: see test/support/mail-servers.ts.
passdb {
  driver = static
  args = nopassword=y nodelay=y
  result_success = continue-fail
}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%Lu $dir/users/%Lu
}
userdb {
  driver = passwd-file
  args = username_format=%Lu $dir/users/%Lu
}
# chroot needs root; a throw-away server does not need it.
service anvil {
  chroot =
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = $imap
  }
  inet_listener imaps {
    port = 0
  }
}
service lmtp {
  inet_listener lmtp {
    address = 127.0.0.1
    port = $lmtp
  }
}
protocol lmtp {
  postmaster_address = postmaster@mail.pursuit.test
}
EOF
}

# Resolve a DIR argument to the temp dir holding our marker.
resolve_dir() {
  local dir="$1"
  [[ -f "$dir/$MARKER" ]] && { (cd "$dir" && pwd); return 0; }
  return 1
}

stop_server() {
  local dir="${1:-}"
  if [[ -z "$dir" ]]; then
    [[ -f "$LAST" ]] || { log "nothing to stop (no $LAST)"; return 0; }
    dir="$(cat "$LAST")"
  fi
  if [[ ! -e "$dir" ]]; then
    log "already gone: $dir"
    [[ -f "$LAST" && "$(cat "$LAST")" == "$dir" ]] && rm -f "$LAST"
    return 0
  fi
  local given="$dir"
  dir="$(resolve_dir "$given")" || die "$given is not a directory made by this script"
  local pid="" i
  [[ -f "$dir/run/master.pid" ]] && pid="$(head -n1 "$dir/run/master.pid")"
  # Only a Dovecot started with this dir's config: a stale pid file must not kill anything else.
  if [[ "$pid" =~ ^[0-9]+$ ]] && grep -qF "$dir/dovecot.conf" "/proc/$pid/cmdline" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    # The master closes its listeners and stops its services at once, then sleeps a hard-coded
    # second for its log process (IMAP sessions and stats linger until it exits). Once only those
    # are left, end them as the shutdown would have: see stopDovecot in mail-servers.ts.
    for i in $(seq 1 500); do
      running "$pid" || break
      local children child lingering=1
      children="$(cat "/proc/$pid/task/$pid/children" 2>/dev/null || true)"
      for child in $children; do
        case "$(cat "/proc/$child/comm" 2>/dev/null)" in
          log | stats | imap) ;;
          *) lingering="" ;;
        esac
      done
      if [[ -n "$lingering" ]]; then
        kill -KILL "$pid" $children 2>/dev/null || true
        break
      fi
      sleep 0.01
    done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -rf "$dir"
  [[ -f "$LAST" && "$(cat "$LAST")" == "$dir" ]] && rm -f "$LAST"
  log "stopped and removed $dir"
}

add_user() {
  local dir email="${2:-}" password="${3:-}"
  dir="$(resolve_dir "${1:-}")" || die "usage: $0 adduser DIR EMAIL PASSWORD (DIR as printed by start)"
  [[ "$email" =~ ^[^[:space:]:/@]+@[^[:space:]:/@]+$ ]] || die "not a plain email address: $email"
  [[ -n "$password" && "$password" != *:* ]] || die "the password must be non-empty, without ':'"
  email="${email,,}"
  local home="$dir/mail/$email"
  mkdir -p "$home"
  [[ $EUID -eq 0 ]] && chown "$MAIL_UID:$MAIL_GID" "$home"
  # Written whole and renamed, so Dovecot never reads half a line.
  printf '%s:{PLAIN}%s:%s:%s::%s\n' "$email" "$password" "$MAIL_UID" "$MAIL_GID" "$home" >"$dir/users/$email.tmp"
  mv -f "$dir/users/$email.tmp" "$dir/users/$email"
  log "added $email"
}

start_server() {
  [[ -x "$DOVECOT" ]] || die "Dovecot not found ($DOVECOT); apt-get install --no-install-recommends dovecot-core dovecot-imapd dovecot-lmtpd"
  local parent imap lmtp tries=0 i
  parent="${PURSUIT_MAIL_TMPDIR:-${TMPDIR:-/tmp}}"
  # Global, not local: the EXIT trap below needs it.
  dir="$(mktemp -d "$parent/pursuit-mail.XXXXXX")"
  touch "$dir/$MARKER"
  # Dovecot's unprivileged processes walk into the dir.
  chmod 755 "$dir"
  mkdir "$dir/run" "$dir/state" "$dir/log" "$dir/users" "$dir/mail"
  trap 'rc=$?; if [[ $rc -ne 0 ]]; then [[ -f "$dir/log/dovecot.log" ]] && tail -n 20 "$dir/log/dovecot.log" >&2; stop_server "$dir" >/dev/null 2>&1 || true; fi' EXIT

  imap="${PURSUIT_MAIL_IMAP_PORT:-14143}"
  lmtp="${PURSUIT_MAIL_LMTP_PORT:-14024}"
  while :; do
    tries=$((tries + 1))
    [[ $tries -le 50 ]] || die "no free ports found from $imap/$lmtp upwards"
    while port_busy "$imap"; do imap=$((imap + 1)); done
    while port_busy "$lmtp" || [[ $lmtp -eq $imap ]]; do lmtp=$((lmtp + 1)); done
    write_config "$dir" "$imap" "$lmtp"
    rm -f "$dir/log/dovecot.log" "$dir/run/master.pid"
    # -F keeps it in the foreground of a detached session: stop finds it by run/master.pid.
    setsid "$DOVECOT" -F -c "$dir/dovecot.conf" </dev/null >>"$dir/log/stderr" 2>&1 &
    local pid=$!
    local ready=""
    for i in $(seq 1 100); do
      kill -0 "$pid" 2>/dev/null || break
      if greets "$imap" '^\* OK' && greets "$lmtp" '^220 '; then
        ready=1
        break
      fi
      sleep 0.05
    done
    [[ -n "$ready" ]] && break
    # Lost a race for a port? Try the next ones; anything else is fatal.
    if grep -qs "Address already in use" "$dir/log/dovecot.log" "$dir/log/stderr"; then
      kill -KILL "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
      imap=$((imap + 1))
      lmtp=$((lmtp + 1))
      continue
    fi
    cat "$dir/log/stderr" >&2 || true
    die "Dovecot did not start"
  done

  echo "$dir" >"$LAST"
  trap - EXIT
  log "ready: IMAP 127.0.0.1:$imap, LMTP 127.0.0.1:$lmtp (add a mailbox: $0 adduser $dir EMAIL PASSWORD; stop: $0 stop $dir)"
  echo "MAIL_DIR=$dir"
  echo "MAIL_IMAP_PORT=$imap"
  echo "MAIL_LMTP_PORT=$lmtp"
  echo "MAIL_USERS=$dir/users"
}

case "${1:-start}" in
  start) start_server ;;
  stop) stop_server "${2:-}" ;;
  adduser) add_user "${2:-}" "${3:-}" "${4:-}" ;;
  *) die "usage: $0 [start] | stop [DIR] | adduser DIR EMAIL PASSWORD" ;;
esac
