#!/bin/sh
# collect-bundle.sh: collect a diagnostics bundle from this laptop for a
# support ticket, and print where it is. The bundle has no message text and
# no keys (see docs/cli.md, "export"); it is readable by you only.
#
# usage: collect-bundle.sh [-o FILE] [-b BUS]
#   -o FILE  where to write it (default: satchel's, ./satchel-diagnostics-HOST-UTCDATE.json)
#   -b BUS   satchel's --bus: system, session, auto or a D-Bus address
#
# Needs satchel (and so node, which also reads satchel's JSON here); no jq.
# Set SATCHEL to run another satchel, e.g. SATCHEL="node dist/daemon/bin/satchel.js".
# Exit: 0 written; 1 written but partial (satcheld did not answer, so the
# store was read without it); 2 bad usage; otherwise satchel's exit code.
set -u

usage() {
  echo "usage: collect-bundle.sh [-o FILE] [-b BUS]"
}

SATCHEL=${SATCHEL:-satchel}
out=
bus=
while getopts o:b:h opt; do
  case $opt in
    o) out=$OPTARG ;;
    b) bus=$OPTARG ;;
    h) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
if [ $# -ne 0 ]; then usage >&2; exit 2; fi
if [ -n "$bus" ]; then set -- --bus "$bus"; fi
set -- "$@" --json export
if [ -n "$out" ]; then set -- "$@" "$out"; fi
# $SATCHEL is split on purpose: it may be "node /path/to/satchel.js".
result=$($SATCHEL "$@")
rc=$?
case $rc in
  0 | 1) ;;
  *)
    echo "collect-bundle: satchel export failed (exit $rc): no bundle written" >&2
    exit "$rc"
    ;;
esac

# Prints the path; notes on stderr what the bundle lacks.
printf '%s' "$result" | node -e '
let s = "";
process.stdin.on("data", (d) => (s += d)).on("end", () => {
  const r = JSON.parse(s);
  console.log(r.path);
  const by = new Map();
  for (const m of r.missing) by.set(m.reason, [...(by.get(m.reason) || []), m.section]);
  for (const [why, sections] of by) console.error(`collect-bundle: without ${sections.join(", ")}: ${why}`);
});
' || exit 1
exit "$rc"
