#!/usr/bin/env bash
# `make test`: the whole suite in the time CI allows (2 cores, 15 minutes).
#
# The e2e stage (tests/e2e: two pytest workers, each with a local stack of its own) mostly waits on the
# stack (Zalo's pace, queues, quiet periods: about half a core), so it starts first, in the background,
# and runs beside lint, the template checks, `sam build` and the unit stage (unit, integration, contract,
# security). Its output is kept in a log and printed once it ends. When a foreground stage fails the e2e
# stage is stopped (its whole process group: workers and stacks) and the first failure is the exit status.
#
# Called by the Makefile with VENV, MAKE and PYTEST_WORKERS set.
set -uo pipefail
cd "$(dirname "$0")/.."
: "${VENV:?}" "${MAKE:?}" "${PYTEST_WORKERS:?}"

e2e_log="$(mktemp -t anninh-e2e.XXXXXX)"
setsid "$VENV/bin/pytest" -q -n "$PYTEST_WORKERS" --dist loadfile tests/e2e >"$e2e_log" 2>&1 &
e2e_pid=$!
stop_e2e() {
  # The group exists once setsid has run in the background child: retry briefly if it is not there yet.
  for _ in $(seq 50); do
    kill -TERM -- "-$e2e_pid" 2>/dev/null && break
    kill -0 "$e2e_pid" 2>/dev/null || break
    sleep 0.1
  done
  wait "$e2e_pid" 2>/dev/null
}
trap 'stop_e2e; exit 130' INT TERM
echo "==> e2e stage started in the background (log: $e2e_log)"

status=0
"$MAKE" --no-print-directory lint &&
  "$MAKE" --no-print-directory build &&
  "$VENV/bin/anninh" faq check &&
  "$VENV/bin/pytest" -q -n "$PYTEST_WORKERS" tests/unit tests/integration tests/contract tests/security ||
  status=$?

if [ "$status" -ne 0 ]; then
  stop_e2e
  echo "==> a stage failed (exit $status): the e2e stage was stopped; its log so far: $e2e_log"
  exit "$status"
fi

echo "==> waiting for the e2e stage"
wait "$e2e_pid"
e2e_status=$?
echo "==> e2e stage (pytest -q -n $PYTEST_WORKERS --dist loadfile tests/e2e):"
cat "$e2e_log"
exit "$e2e_status"
