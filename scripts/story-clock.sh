# Source this from the clone's root (`. scripts/story-clock.sh 2026-12-01`) to run `casegate` in
# this shell on an example's clock: a clock set to that day, 09:00 UTC, and running forward from
# the moment it was set (scripts/story_clock.py, the clock `make demo` runs on).
#
# The bundled examples are set on fixed dates: their evidence was gathered in November 2026 and
# expires in spring 2027, and their decisions lapse then. casegate judges every date against the
# clock (and records the clock's time in signatures and in the registry's log), so on the real
# calendar the examples turn NO-GO once their evidence expires. On their own clock they tell the
# same story on any date. Your own cases run on the real clock: `unset -f casegate`, or open a
# new shell.
_casegate_day=${1:?say which day, e.g. . scripts/story-clock.sh 2026-12-01}
CASEGATE_STORY_CLOCK="${_casegate_day}T09:00:00Z@$(date -u +%s)"
export CASEGATE_STORY_CLOCK
_casegate_clone=$(cd "$(dirname "${BASH_SOURCE[0]:-$0}")/.." && pwd)
casegate() { "$_casegate_clone/.venv/bin/python" "$_casegate_clone/scripts/story_clock.py" "$@"; }
echo "casegate in this shell now runs on the examples' clock: ${_casegate_day} 09:00 UTC, running forward"
unset _casegate_day
