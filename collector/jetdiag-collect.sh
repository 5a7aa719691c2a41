#!/bin/sh
# jetdiag-collect.sh: makes a jetdiag bundle on an NVIDIA Jetson.
#
# POSIX sh only (runs under dash and busybox sh); needs nothing but the tools every Jetson
# image has (cat, ls, head, wc, tar, gzip, date, sleep, kill). Run it as root: dmesg,
# debugfs (dma_buf, nvmap) and /proc/iomem addresses need it. It never stops halfway: an
# item that is missing, denied or cut is noted in manifest.json and the rest is collected.
# The last line on stdout is the path of the bundle written.

VERSION=1.0.0
OUTPUT=.
DURATION=0
INTERVAL=5
ROOT=
# Any one file is cut at this many bytes (a flooded kernel log must not fill the disk).
MAX_BYTES=${JETDIAG_COLLECT_MAX_BYTES:-67108864}
# A live tool that has not finished after this many seconds is stopped.
TOOL_TIMEOUT=60

usage() {
  cat <<'EOF'
Usage: jetdiag-collect.sh [--output DIR] [--duration SECONDS] [--interval SECONDS] [--root DIR]

Collects what jetdiag reads (kernel log, /proc memory files, identity, thermal zones,
DMA-BUF, IOMMU groups, nvmap clients, tegrastats) into <device>-<UTC time>.tgz.

  --output DIR        where to write the bundle (default: current directory)
  --duration SECONDS  run tegrastats and capture /proc/meminfo, buddyinfo and vmstat
                      periodically for this long (default 0: one snapshot)
  --interval SECONDS  time between periodic captures and tegrastats samples (default 5)
  --root DIR          read /proc, /sys and /etc under DIR instead of / (a mounted image,
                      or a test tree); live tools still come from PATH
  --help              show this help

Run as root (sudo) for dmesg, debugfs and /proc/iomem addresses. The last line printed
is the path of the bundle.
EOF
}

die_usage() {
  printf 'jetdiag-collect.sh: %s\n' "$1" >&2
  usage >&2
  exit 2
}

while [ $# -gt 0 ]; do
  case "$1" in
    --output) [ $# -ge 2 ] || die_usage "--output needs a directory"; OUTPUT=$2; shift 2 ;;
    --output=*) OUTPUT=${1#--output=}; shift ;;
    --duration) [ $# -ge 2 ] || die_usage "--duration needs seconds"; DURATION=$2; shift 2 ;;
    --duration=*) DURATION=${1#--duration=}; shift ;;
    --interval) [ $# -ge 2 ] || die_usage "--interval needs seconds"; INTERVAL=$2; shift 2 ;;
    --interval=*) INTERVAL=${1#--interval=}; shift ;;
    --root) [ $# -ge 2 ] || die_usage "--root needs a directory"; ROOT=$2; shift 2 ;;
    --root=*) ROOT=${1#--root=}; shift ;;
    -h|--help) usage; exit 0 ;;
    *) die_usage "unknown option: $1" ;;
  esac
done

case "$DURATION" in ''|*[!0-9]*) die_usage "--duration must be a whole number of seconds" ;; esac
case "$INTERVAL" in ''|*[!0-9]*|0) die_usage "--interval must be a whole number of seconds, at least 1" ;; esac
ROOT=${ROOT%/}
if [ -n "$ROOT" ] && [ ! -d "$ROOT" ]; then die_usage "--root $ROOT is not a directory"; fi
if [ ! -d "$OUTPUT" ]; then
  mkdir -p "$OUTPUT" 2>/dev/null || die_usage "cannot create the output directory $OUTPUT"
fi

say() { printf 'jetdiag-collect: %s\n' "$*" >&2; }
have() { command -v "$1" >/dev/null 2>&1; }

# ------------------------------------------------------------------ work area

WORK=${TMPDIR:-/tmp}/jetdiag-collect.$$
if ! mkdir "$WORK" 2>/dev/null; then
  printf 'jetdiag-collect.sh: cannot create a work directory %s\n' "$WORK" >&2
  exit 1
fi
TG_PID=
cleanup() {
  if [ -n "$TG_PID" ]; then kill "$TG_PID" 2>/dev/null; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

ITEMS=$WORK/items
: > "$ITEMS"
ERR=$WORK/err

# One manifest entry: name, status (collected|missing|denied|cut), file in the bundle, note.
# Empty fields are written as "-": read splits on tabs and would merge empty ones.
record() {
  printf '%s\t%s\t%s\t%s\n' "$1" "$2" "${3:--}" "${4:--}" >> "$ITEMS"
}

# Replaces the entry of an item already recorded.
rerecord() {
  awk -F '\t' -v n="$1" '$1 != n' "$ITEMS" > "$ITEMS.new" && mv "$ITEMS.new" "$ITEMS"
  record "$@"
}

# Why a read failed, from its error text: denied (permissions) or missing.
failure_status() {
  if grep -qiE 'permission denied|not permitted' "$ERR" 2>/dev/null; then
    echo denied
  else
    echo missing
  fi
}

first_error_line() {
  head -n 1 "$ERR" 2>/dev/null | tr -d '\t\r' | cut -c 1-200 | sed 's/^$/-/'
}

# Copies at most MAX_BYTES of SRC to DEST (relative to the bundle); notes what happened.
# cat, not cp: /proc and /sys files report a size of 0.
grab() {
  name=$1; src=$2; dest=$3
  if [ ! -e "$src" ]; then
    record "$name" missing "" "not present on this system"
    return 1
  fi
  mkdir -p "$B/$(dirname "$dest")"
  : > "$ERR"
  cat "$src" 2> "$ERR" | head -c $((MAX_BYTES + 1)) > "$WORK/part"
  size=$(wc -c < "$WORK/part")
  if [ -s "$ERR" ] && [ "$size" -eq 0 ]; then
    record "$name" "$(failure_status)" "" "$(first_error_line)"
    rm -f "$WORK/part"
    return 1
  fi
  if [ "$size" -gt "$MAX_BYTES" ]; then
    head -c "$MAX_BYTES" "$WORK/part" > "$B/$dest"
    record "$name" cut "$dest" "cut at $MAX_BYTES bytes"
  elif [ -s "$ERR" ]; then
    mv "$WORK/part" "$B/$dest"
    record "$name" cut "$dest" "read stopped early: $(first_error_line)"
  else
    mv "$WORK/part" "$B/$dest"
    record "$name" collected "$dest" ""
  fi
  rm -f "$WORK/part"
  return 0
}

# Runs a live tool from PATH into DEST with a time limit; notes what happened.
run_tool() {
  name=$1; dest=$2; shift 2
  if ! have "$1"; then
    record "$name" missing "" "$1 is not on PATH"
    return 1
  fi
  mkdir -p "$B/$(dirname "$dest")"
  : > "$ERR"
  if have timeout; then
    timeout "$TOOL_TIMEOUT" "$@" 2> "$ERR" | head -c $((MAX_BYTES + 1)) > "$WORK/part"
  else
    "$@" 2> "$ERR" | head -c $((MAX_BYTES + 1)) > "$WORK/part"
  fi
  size=$(wc -c < "$WORK/part")
  if [ "$size" -eq 0 ]; then
    rmdir "$B/$(dirname "$dest")" 2>/dev/null
    if [ -s "$ERR" ]; then
      record "$name" "$(failure_status)" "" "$(first_error_line)"
    else
      record "$name" missing "" "$1 printed nothing"
    fi
    rm -f "$WORK/part"
    return 1
  fi
  if [ "$size" -gt "$MAX_BYTES" ]; then
    head -c "$MAX_BYTES" "$WORK/part" > "$B/$dest"
    record "$name" cut "$dest" "cut at $MAX_BYTES bytes"
  else
    mv "$WORK/part" "$B/$dest"
    record "$name" collected "$dest" ""
  fi
  rm -f "$WORK/part"
  return 0
}

# Device-tree strings end in NUL; the name must not.
dt_string() {
  if [ -r "$1" ]; then tr -d '\000' < "$1" 2>/dev/null | head -c 200; fi
}

json_string() {
  # Escapes backslash and double quote; drops other control characters.
  printf '%s' "$1" | tr -d '\000-\010\013-\037' | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' | tr '\n\t' '  '
}

# ------------------------------------------------------------------ identity

SERIAL=$(dt_string "$ROOT/proc/device-tree/serial-number")
HOST=$(head -n 1 "$ROOT/etc/hostname" 2>/dev/null)
DEVICE=${SERIAL:-${HOST:-jetson}}
DEVICE=$(printf '%s' "$DEVICE" | tr -c 'A-Za-z0-9._-' '_' | cut -c 1-64)
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
CAPTURE_TIME=$(date -u +%Y-%m-%dT%H:%M:%SZ)
# The device's offset from UTC: tegrastats and syslog print local time, the manifest UTC.
UTC_OFFSET=$(date +%z 2>/dev/null)
case "$UTC_OFFSET" in [+-][0-9][0-9][0-9][0-9]) ;; *) UTC_OFFSET= ;; esac
NAME=$DEVICE-$STAMP
B=$WORK/$NAME
mkdir -p "$B"
UID_NOW=$(id -u 2>/dev/null || echo unknown)
say "collecting $NAME (root: ${ROOT:-/}, user id $UID_NOW)"

grab "nv_tegra_release" "$ROOT/etc/nv_tegra_release" etc/nv_tegra_release
grab "hostname" "$ROOT/etc/hostname" etc/hostname
grab "machine-id" "$ROOT/etc/machine-id" etc/machine-id
for f in model compatible serial-number nvidia,dtsfilename; do
  grab "device-tree $f" "$ROOT/proc/device-tree/$f" "proc/device-tree/$f"
done
grab "cmdline" "$ROOT/proc/cmdline" proc/cmdline
grab "uptime" "$ROOT/proc/uptime" proc/uptime
# uname describes the running kernel: meaningless for a mounted image.
if [ -z "$ROOT" ]; then run_tool "uname -a" uname-a.txt uname -a; fi

# Boot time, so the kernel log's seconds-since-boot map to clock time.
BOOT_TIME=
UPTIME_S=$(cut -d. -f1 "$ROOT/proc/uptime" 2>/dev/null)
NOW_S=$(date -u +%s 2>/dev/null)
case "$UPTIME_S$NOW_S" in
  ''|*[!0-9]*) ;;
  *) BOOT_S=$((NOW_S - UPTIME_S))
     BOOT_TIME=$(date -u -d "@$BOOT_S" +%Y-%m-%dT%H:%M:%SZ 2>/dev/null || echo "") ;;
esac

# ------------------------------------------------------------------ kernel logs

# Default dmesg output: monotonic [seconds.micro] stamps.
if ! run_tool "dmesg" dmesg.txt dmesg; then
  # JetPack 5+ restricts dmesg to root; the journal may still hold the kernel log.
  run_tool "journalctl -k (this boot)" journalctl-k.txt journalctl -k -b 0 --no-pager -o short-monotonic
fi
# The previous boot's kernel log, when the journal is persistent.
if run_tool "journalctl -k -b -1 (previous boot)" previous-boot/journalctl-k-b-1.txt journalctl -k -b -1 --no-pager -o short-monotonic; then
  if grep -q '^-- No entries --' "$B/previous-boot/journalctl-k-b-1.txt" 2>/dev/null; then
    rm -f "$B/previous-boot/journalctl-k-b-1.txt"
    rerecord "journalctl -k -b -1 (previous boot)" missing "" "the journal keeps no previous boot"
  fi
fi
# Kernel records saved across a crash or watchdog reset (ramoops).
PSTORE=$ROOT/sys/fs/pstore
if [ -d "$PSTORE" ]; then
  n=0
  for f in "$PSTORE"/*; do
    [ -e "$f" ] || continue
    grab "pstore $(basename "$f")" "$f" "sys/fs/pstore/$(basename "$f")" && n=$((n + 1))
  done
  if [ "$n" -eq 0 ] && ! ls "$PSTORE"/* >/dev/null 2>&1; then
    if [ -r "$PSTORE" ]; then record "pstore" missing "" "no records (no crash saved since they were last cleared)"
    else record "pstore" denied "" "cannot list $PSTORE"; fi
  fi
else
  record "pstore" missing "" "pstore is not mounted"
fi

# ------------------------------------------------------------------ memory and hardware state

# meminfo, buddyinfo and vmstat are captured below (periodically when --duration is given).
for f in zoneinfo pagetypeinfo; do
  grab "$f" "$ROOT/proc/$f" "proc/$f"
done
if grab "iomem" "$ROOT/proc/iomem" proc/iomem; then
  if [ "$UID_NOW" != 0 ]; then
    rerecord "iomem" collected proc/iomem "read without root: every address reads 0"
  fi
fi

# Thermal zones: type and temp as files (one per zone), and every zone attribute with its
# trip points in `grep . <files>` form.
TRIPS=sys/class/thermal/trip_points.txt
zones=0
for z in "$ROOT"/sys/class/thermal/thermal_zone*; do
  [ -d "$z" ] || continue
  zn=$(basename "$z")
  zones=$((zones + 1))
  mkdir -p "$B/sys/class/thermal/$zn"
  cat "$z/type" > "$B/sys/class/thermal/$zn/type" 2>/dev/null || rm -f "$B/sys/class/thermal/$zn/type"
  # A sensor that is off (the GPU's on Orin when idle) fails to read: leave it out.
  cat "$z/temp" > "$B/sys/class/thermal/$zn/temp" 2>/dev/null || rm -f "$B/sys/class/thermal/$zn/temp"
  for a in "$z"/type "$z"/temp "$z"/trip_point_*; do
    [ -f "$a" ] || continue
    v=$(head -n 1 "$a" 2>/dev/null) || continue
    [ -n "$v" ] && printf '/sys/class/thermal/%s/%s:%s\n' "$zn" "$(basename "$a")" "$v"
  done >> "$B/$TRIPS"
done
if [ "$zones" -gt 0 ]; then record "thermal zones" collected "$TRIPS" "$zones zone(s)"
else record "thermal zones" missing "" "no /sys/class/thermal/thermal_zone*"; fi

run_tool "nvpmodel -q" nvpmodel-q.txt nvpmodel -q

# The seed's SMMU debugging: who holds DMA-BUFs, which devices share an IOMMU group.
# dma_buf bufinfo and nvmap clients are captured with /proc below: their growth is the leak.
GROUPS_DIR=$ROOT/sys/kernel/iommu_groups
if [ -d "$GROUPS_DIR" ]; then
  mkdir -p "$B/sys/kernel"
  for g in "$GROUPS_DIR"/*; do
    [ -d "$g/devices" ] || continue
    printf '/sys/kernel/iommu_groups/%s/devices:\n' "$(basename "$g")"
    ls "$g/devices" 2>/dev/null
    echo
  done > "$B/sys/kernel/iommu_groups.txt"
  if [ -s "$B/sys/kernel/iommu_groups.txt" ]; then record "iommu_groups" collected sys/kernel/iommu_groups.txt ""
  else rm -f "$B/sys/kernel/iommu_groups.txt"; record "iommu_groups" missing "" "no IOMMU groups"; fi
else
  record "iommu_groups" missing "" "no /sys/kernel/iommu_groups"
fi

# ------------------------------------------------------------------ over time

# tegrastats in the background while /proc is captured periodically (or once).
TG=tegrastats.log
if have tegrastats; then
  tegrastats --interval $((INTERVAL * 1000)) > "$B/$TG" 2> "$WORK/tg.err" &
  TG_PID=$!
fi
# Captured once, or every --interval for --duration: counters and holders whose change over
# time is the evidence (vmstat counters, buddy free lists, DMA-BUF and nvmap growth).
PERIODIC="proc/meminfo proc/buddyinfo proc/vmstat sys/kernel/debug/dma_buf/bufinfo sys/kernel/debug/nvmap/iovmm/clients"
periodic_name() {
  case "$1" in
    */dma_buf/bufinfo) echo "dma_buf bufinfo" ;;
    */nvmap/iovmm/clients) echo "nvmap iovmm clients" ;;
    *) basename "$1" ;;
  esac
}
if [ "$DURATION" -gt 0 ]; then
  # Each capture follows a UTC stamp line in the same file: the parsers read a series.
  say "capturing for $DURATION s every $INTERVAL s"
  captures=0
  elapsed=0
  while :; do
    for f in $PERIODIC; do
      [ -r "$ROOT/$f" ] || continue
      mkdir -p "$B/$(dirname "$f")"
      # A series stops growing at the size cap (and is noted as cut below).
      if [ "$(wc -c < "$B/$f" 2>/dev/null || echo 0)" -ge "$MAX_BYTES" ]; then : > "$WORK/cut.$(basename "$f")"; continue; fi
      { date -u +%Y-%m-%dT%H:%M:%SZ; head -c 1048576 "$ROOT/$f" 2>/dev/null; } >> "$B/$f"
    done
    captures=$((captures + 1))
    [ "$elapsed" -lt "$DURATION" ] || break
    sleep "$INTERVAL"
    elapsed=$((elapsed + INTERVAL))
  done
  for f in $PERIODIC; do
    n=$(periodic_name "$f")
    if [ -e "$WORK/cut.$(basename "$f")" ]; then record "$n" cut "$f" "captures stopped at $MAX_BYTES bytes"
    elif [ -s "$B/$f" ]; then record "$n" collected "$f" "$captures captures every $INTERVAL s"
    elif [ -e "$ROOT/$f" ]; then rm -f "$B/$f"; record "$n" denied "" "not readable"
    else record "$n" missing "" "not present on this system"; fi
  done
else
  for f in $PERIODIC; do
    grab "$(periodic_name "$f")" "$ROOT/$f" "$f"
  done
  # One snapshot: give tegrastats time for a sample or two.
  if [ -n "$TG_PID" ]; then sleep 2; fi
fi
if [ -n "$TG_PID" ]; then
  kill "$TG_PID" 2>/dev/null
  wait "$TG_PID" 2>/dev/null
  TG_PID=
  if [ -s "$B/$TG" ]; then record "tegrastats" collected "$TG" "interval $INTERVAL s"
  else
    rm -f "$B/$TG"
    cp "$WORK/tg.err" "$ERR" 2>/dev/null
    record "tegrastats" "$(failure_status)" "" "no sample: $(first_error_line)"
  fi
else
  record "tegrastats" missing "" "tegrastats is not on PATH"
fi

# ------------------------------------------------------------------ manifest and archive

{
  printf '{\n'
  printf '  "device_id": "%s",\n' "$(json_string "$DEVICE")"
  printf '  "capture_time": "%s",\n' "$CAPTURE_TIME"
  [ -n "$BOOT_TIME" ] && printf '  "boot_time": "%s",\n' "$BOOT_TIME"
  [ -n "$UTC_OFFSET" ] && printf '  "utc_offset": "%s",\n' "$UTC_OFFSET"
  printf '  "collector": "jetdiag-collect.sh %s",\n' "$VERSION"
  printf '  "script_version": "%s",\n' "$VERSION"
  printf '  "root": "%s",\n' "$(json_string "${ROOT:-/}")"
  printf '  "user_id": "%s",\n' "$(json_string "$UID_NOW")"
  printf '  "duration_s": %s,\n  "interval_s": %s,\n' "$DURATION" "$INTERVAL"
  printf '  "items": [\n'
  sep=
  while IFS='	' read -r name status file note; do
    printf '%s    {"name": "%s", "status": "%s"' "$sep" "$(json_string "$name")" "$status"
    [ "$file" != - ] && printf ', "file": "%s"' "$(json_string "$file")"
    [ "$note" != - ] && printf ', "note": "%s"' "$(json_string "$note")"
    printf '}'
    sep=',
'
  done < "$ITEMS"
  printf '\n  ]\n}\n'
} > "$B/manifest.json"

OUT_FILE=${OUTPUT%/}/$NAME.tgz
if ! tar -czf "$OUT_FILE" -C "$WORK" "$NAME" 2> "$ERR"; then
  printf 'jetdiag-collect.sh: cannot write %s: %s\n' "$OUT_FILE" "$(first_error_line)" >&2
  exit 1
fi
counts=$(cut -f2 "$ITEMS" | sort | uniq -c | tr -s ' \n' '  ')
say "done:$counts"
printf '%s\n' "$OUT_FILE"
