#!/usr/bin/env bash
# Runs COMMAND as root in a minimal Debian 12 (bookworm) root made for the occasion, holding a clone
# of this repository's committed tree (HEAD) and nothing else: what a new user's machine has.
# Proves that the project's own scripts install everything it needs.
#
# Usage: scripts/fresh-root.sh 'COMMAND'          e.g. scripts/fresh-root.sh 'bash scripts/test.sh'
#
# - The root is made with `debootstrap --variant=minbase` from the Debian mirror that this machine's
#   apt sources name (never a hard-coded host); its apt sources get the same bookworm, -updates and
#   -security entries as this machine's.
# - COMMAND runs with `bash -c` in the clone (/work/actorscope inside the root), with a clean
#   environment (HOME, PATH, LANG, TERM, CI), in a private mount namespace that holds the root's
#   /proc, /sys and /dev mounts: they vanish when COMMAND ends, whatever happens.
# - It prints the stages, then the last lines of COMMAND's output and its exit status, and exits
#   with that status (or 3 when the root could not be made). The folder is removed at the end.
#
# Environment:
#   FRESH_ROOT_PARENT   where the root's folder is made (default /var/tmp)
#   FRESH_ROOT_TAIL     how many of COMMAND's last lines to print (default 60)
#   FRESH_ROOT_STREAM=1 print COMMAND's whole output as it runs (instead of its last lines at the end)
#   FRESH_ROOT_KEEP=1   keep the folder (its path is printed) instead of removing it
#   FRESH_ROOT_MIRROR   the Debian mirror to use instead of the one apt's sources name
set -euo pipefail

say() { echo "fresh-root: $*"; }
die() {
  echo "fresh-root: error: $*" >&2
  exit 3
}

[[ $# -eq 1 && -n "$1" ]] || {
  echo "usage: scripts/fresh-root.sh 'COMMAND'" >&2
  exit 2
}
command_text=$1
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

[[ $(id -u) -eq 0 ]] || die "must run as root (debootstrap, mount and chroot need it); try: sudo $0 '$command_text'"
command -v debootstrap >/dev/null 2>&1 || [[ -x /usr/sbin/debootstrap ]] ||
  die "debootstrap is not installed; install it with: apt-get install debootstrap"
export PATH="$PATH:/usr/sbin:/sbin"
for tool in unshare chroot mount git; do
  command -v "$tool" >/dev/null 2>&1 || die "'$tool' is not available on this machine"
done
unshare --mount --propagation private -- mount -t tmpfs none /mnt >/dev/null 2>&1 ||
  die "cannot mount in a private mount namespace here (unshare --mount and mount need CAP_SYS_ADMIN; a container may forbid them)"
git -C "$repo" rev-parse --verify -q HEAD >/dev/null || die "$repo is not a git repository with a commit"
if [[ -n $(git -C "$repo" status --porcelain --untracked-files=no 2>/dev/null) ]]; then
  say "note: uncommitted changes in $repo are not part of the root (it gets the committed tree)"
fi

# ---- The Debian sources this machine uses: (uri, suite) pairs for bookworm, -updates, -security.
sources=()
add_source() { # uri suite
  local entry="$1 $2"
  for s in "${sources[@]:-}"; do [[ "$s" == "$entry" ]] && return; done
  sources+=("$entry")
}
read_deb822() { # file
  local uris="" suites="" types=""
  flush() {
    if [[ " $types " == *" deb "* ]]; then
      for u in $uris; do for s in $suites; do
        [[ "$s" =~ ^bookworm(-updates|-security)?$ ]] && add_source "$u" "$s"
      done; done
    fi
    uris="" suites="" types=""
  }
  while IFS= read -r line || [[ -n "$line" ]]; do
    case "$line" in
      "" ) flush ;;
      \#*) ;;
      Types:*) types=${line#Types:} ;;
      URIs:*) uris=${line#URIs:} ;;
      Suites:*) suites=${line#Suites:} ;;
    esac
  done <"$1"
  flush
}
read_list() { # file
  local line words
  while IFS= read -r line || [[ -n "$line" ]]; do
    line=${line%%#*}
    read -r -a words <<<"$line" || true
    [[ ${#words[@]} -ge 3 && ${words[0]} == deb ]] || continue
    local i=1
    [[ ${words[1]} == \[* ]] && while [[ $i -lt ${#words[@]} && ${words[$i]} != *\] ]]; do i=$((i + 1)); done && i=$((i + 1))
    local u=${words[$i]:-} s=${words[$((i + 1))]:-}
    [[ "$s" =~ ^bookworm(-updates|-security)?$ ]] && add_source "$u" "$s"
  done <"$1"
}
shopt -s nullglob
[[ -f /etc/apt/sources.list ]] && read_list /etc/apt/sources.list
for f in /etc/apt/sources.list.d/*.list; do read_list "$f"; done
for f in /etc/apt/sources.list.d/*.sources; do read_deb822 "$f"; done
shopt -u nullglob

mirror=${FRESH_ROOT_MIRROR:-}
if [[ -z "$mirror" ]]; then
  for s in "${sources[@]:-}"; do
    [[ "$s" == *" bookworm" ]] && { mirror=${s% *}; break; }
  done
fi
[[ -n "$mirror" ]] || die "no Debian bookworm source found in /etc/apt/sources.list{,.d/*} (set FRESH_ROOT_MIRROR)"

# ---- The folder, and its removal whatever happens.
parent=${FRESH_ROOT_PARENT:-/var/tmp}
mkdir -p "$parent"
dir=$(mktemp -d "$parent/actorscope-fresh.XXXXXX")
root="$dir/root"
cleanup() {
  local rc=$?
  # The mounts live in a private namespace that ended with COMMAND; unmount anything left anyway,
  # and never remove a folder that still has a mount under it.
  if grep -q " $dir/" /proc/self/mounts 2>/dev/null; then
    grep " $dir/" /proc/self/mounts | awk '{print $2}' | sort -r | while read -r m; do umount -l "$m" 2>/dev/null || true; done
  fi
  if [[ "${FRESH_ROOT_KEEP:-0}" == 1 ]]; then
    say "kept $dir"
  elif grep -q " $dir/" /proc/self/mounts 2>/dev/null; then
    echo "fresh-root: error: mounts remain under $dir; not removing it" >&2
  else
    rm -rf --one-file-system "$dir"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- debootstrap.
say "making a minimal Debian 12 root in $root from $mirror"
t0=$SECONDS
if ! debootstrap --variant=minbase bookworm "$root" "$mirror" >"$dir/debootstrap.log" 2>&1; then
  tail -n 30 "$dir/debootstrap.log" >&2
  die "debootstrap failed (log above; is $mirror reachable?)"
fi
say "root made in $((SECONDS - t0)) s"

{
  for s in "${sources[@]:-}"; do
    [[ -n "$s" ]] && echo "deb ${s% *} ${s#* } main"
  done
  [[ ${#sources[@]} -eq 0 || -z "${sources[0]:-}" ]] && echo "deb $mirror bookworm main"
} >"$root/etc/apt/sources.list"
cp -L /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
[[ -f /etc/hosts ]] && cp -L /etc/hosts "$root/etc/hosts"

# ---- The committed tree.
mkdir -p "$root/work"
git clone --quiet --no-hardlinks "$repo" "$root/work/actorscope" || die "git clone of $repo failed"
say "cloned $(git -C "$root/work/actorscope" rev-parse --short HEAD) into /work/actorscope"

# ---- COMMAND, in a private mount namespace.
say "running: $command_text"
t0=$SECONDS
status=0
inner='set -e
mount --make-rprivate /
mount -t proc proc "$R/proc"
mount -t sysfs sys "$R/sys"
mount --rbind /dev "$R/dev"
mount -t tmpfs -o mode=1777 tmpfs "$R/tmp"
exec chroot "$R" /usr/bin/env -i HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
  LANG=C.UTF-8 TERM=dumb CI="${CI:-}" DEBIAN_FRONTEND=noninteractive \
  /bin/bash -c "cd /work/actorscope && $1"'
run_inner() { R="$root" CI="${CI:-}" unshare --mount --propagation private -- bash -c "$inner" fresh-root "$command_text" </dev/null; }
if [[ "${FRESH_ROOT_STREAM:-0}" == 1 ]]; then
  run_inner 2>&1 | tee "$dir/command.log" || status=${PIPESTATUS[0]}
else
  run_inner >"$dir/command.log" 2>&1 || status=$?
fi
elapsed=$((SECONDS - t0))
if [[ "${FRESH_ROOT_STREAM:-0}" != 1 ]]; then
  echo "---- last ${FRESH_ROOT_TAIL:-60} lines of the command's output ----"
  tail -n "${FRESH_ROOT_TAIL:-60}" "$dir/command.log"
  echo "----"
fi
say "'$command_text' exited with status $status after ${elapsed} s"
exit "$status"
