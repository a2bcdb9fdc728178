#!/bin/sh
# check-classroom.sh: from a teacher's laptop, how many laptops are near,
# whether messages are piling up in the outbox, and what satcheld warns
# about, in a few lines.
#
# usage: check-classroom.sh [-b BUS]
#   -b BUS   satchel's --bus: system, session, auto or a D-Bus address
#
# Needs satchel (and so node, which also reads satchel's JSON here); no jq.
# Set SATCHEL to run another satchel, e.g. SATCHEL="node dist/daemon/bin/satchel.js".
# Exit: 0 healthy; 1 satcheld runs but is degraded (see the warnings);
# 2 bad usage; 3 satcheld not running or not reachable; otherwise satchel's code.
set -u

usage() {
  echo "usage: check-classroom.sh [-b BUS]"
}

SATCHEL=${SATCHEL:-satchel}
bus=
while getopts b:h opt; do
  case $opt in
    b) bus=$OPTARG ;;
    h) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
if [ $# -ne 0 ]; then usage >&2; exit 2; fi
if [ -n "$bus" ]; then set -- --bus "$bus"; fi

# status exits 1 when degraded: that is a finding, not a failure to ask.
status=$($SATCHEL "$@" --json status 2>/dev/null)
rc=$?
case $rc in
  0 | 1) ;;
  *)
    printf '%s' "$status" | node -e '
let s = "";
process.stdin.on("data", (d) => (s += d)).on("end", () => {
  let why = "satchel gave no answer";
  try { why = JSON.parse(s).error.message; } catch {}
  console.log(`satcheld: NOT OK: ${why}`);
});
'
    exit "$rc"
    ;;
esac
neighbours=$($SATCHEL "$@" --json neighbours 2>/dev/null) || exit $?

node -e '
const [status, near] = process.argv.slice(1).map((s) => JSON.parse(s));
const mib = (b) => (b / 1048576).toFixed(1) + " MiB";
const names = near.neighbours.map((n) => n.display_name || n.id);
console.log(`laptops near: ${near.count}${names.length ? " (" + names.join(", ") + ")" : ""}`);
const waiting = status.store.outbox_envelopes;
console.log(`outbox: ${waiting ? waiting + " waiting, backlog" : "empty"} (${mib(status.store.outbox_bytes)} of ${mib(status.store.outbox_quota_bytes)})`);
console.log(`satcheld: ${status.health === "ok" ? "ok" : "DEGRADED"} (version ${status.version}, discovery ${Object.entries(status.sources).map(([k, v]) => k + " " + (v === "down" && k !== "beacon" ? "not running" : v)).join(", ") || "none"})`);
for (const w of status.warnings) console.log(`warning: ${w}`);
' "$status" "$neighbours" || exit 1
exit "$rc"
