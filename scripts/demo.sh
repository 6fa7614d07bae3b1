#!/usr/bin/env bash
# The casegate demo: the bundled Atlas-2 API case, end to end, on the embedded SQLite registry.
# Everything it writes goes under out/demo/, or $CASEGATE_DEMO_OUT (the example in examples/ is never modified).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT="${CASEGATE_DEMO_OUT:-$ROOT/out/demo}"
MODEL=sha256:9dc9c848b28402c37719c78ea3f6fcf32c421c5e4d097286abd7470357e8b903
# The demo runs as of fixed dates, so it tells the same story whenever it is run: the checks as
# of DAY (inside the evidence's lifetime), the deploy check on AT, the incident the day after.
DAY=2026-11-27
AT=2026-12-01
LATER=2026-12-04

# The story's clock: casegate reads the clock wherever it records or judges a time (the log's
# entries, checkpoints, signatures, `verify`), and the demo's decision would lapse on the real one.
# Every casegate the demo runs reads a clock set to the story's day, 09:00 UTC, and running forward
# from the moment it was set (scripts/story_clock.py; the demo alone does this).
story_day() { export CASEGATE_STORY_CLOCK="$1T09:00:00Z@$(date -u +%s)"; }
story_day "$AT"
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
run() { local a said='$ casegate'; for a in "$@"; do if [[ $a == *' '* ]]; then said+=" '$a'"; else said+=" $a"; fi; done
        printf '%s\n' "$said"; "$CG" "$@"; }
# verify on the example's keys: never "verified" (they are published, anyone can sign as them),
# exit 5 when nothing else stands against the deploy: a demonstration, everything else verified.
# Any other answer stops the demo. `refused` expects exit 1: something else stands against it.
demo_verify() { local rc=0; run verify "$@" || rc=$?
                if [[ $rc -ne 5 ]]; then echo "verify exited $rc, not 5 (a demonstration, everything else verified)" >&2; exit 1; fi; }
refused() { local rc=0; "$CG" verify "$@" || rc=$?
            if [[ $rc -ne 1 ]]; then echo "verify exited $rc, not 1 (not verified): that is a bug" >&2; exit 1; fi; }
# What a deploy of the example declares beyond the kind that its boundary's scope limits: the rate
# limits it enforces (the case's `rate_limit: 600 requests/min per key, 5M tokens/day per organisation`).
LIMITS=(--rate-limit "600/min per key" --rate-limit "5M tokens/day per organisation")

rm -rf "$OUT"
mkdir -p "$OUT/evals"
mkdir -p "$OUT/.bin"
printf '#!/bin/sh\nexec "%s" "%s" "$@"\n' "$ROOT/.venv/bin/python" "$ROOT/scripts/story_clock.py" > "$OUT/.bin/casegate"
chmod +x "$OUT/.bin/casegate"
CG="$OUT/.bin/casegate"
cp -r "$ROOT/examples/atlas-api" "$OUT/case"
chmod 600 "$OUT"/case/keys/*.key          # git does not keep file modes; casegate refuses readable keys
cp "$ROOT"/tests/fixtures/evidence/logs/inspect/{arith-clean,rnd-agent}.eval "$OUT/evals/"
cp -r "$ROOT/tests/fixtures/evidence/logs/lm-eval" "$OUT/evals/"
cd "$OUT"
export CASEGATE_ROOT="$OUT"              # the case and the logs it cites (evals/) sit under one root
export CASEGATE_DATABASE_URL="sqlite:///$OUT/.casegate/registry.db"
export CASEGATE_KEYRING=case/keys/keyring.yaml
# The example's keys are published with casegate, so anyone can sign as them: casegate refuses them
# outside a demonstration, and says of everything made or checked with them that it is not a release.
export CASEGATE_DEMO_KEYS=1

step "1. Check the case (every rule, findings with file:line)"
run check case/case.yaml --at "$DAY"

step "2. Import real evaluation logs (Inspect AI and lm-evaluation-harness) as pinned evidence"
run evidence add case/case.yaml evals/ --producer acme-frontier-evals --domain ai-rnd
printf 'x' >> evals/arith-clean.eval
echo "(one byte appended to evals/arith-clean.eval)"
if "$CG" check case/case.yaml --at "$DAY" > tamper.txt; then echo "tampering went unnoticed" >&2; exit 1; fi
grep -m1 "CG33" tamper.txt || true
truncate -s -1 evals/arith-clean.eval
echo "(byte removed again)"
run check case/case.yaml --at "$DAY" | tail -1

step "3. The gate: GO / GO WITH CONDITIONS / NO-GO, with the eight answers"
echo "Nobody has signed yet: the sign-off lines in the case are declared, not signed, so the gate says NO-GO."
if "$CG" gate case/case.yaml --at "$DAY" | tail -6; then echo "unsigned lines counted as signatures: that is a bug" >&2; exit 1; fi
echo "What it would decide once the declared sign-offs are signed:"
run gate case/case.yaml --at "$DAY" --preview

step "4. Separated authority: the author signs who wrote the case; three others sign in their roles; the RSO signs the decision"
run authors sign case/case.yaml --role author --key case/keys/mira-chen.key
run sign case/case.yaml --role safety-lead --key case/keys/dana-ortiz.key
run sign case/case.yaml --role rso --key case/keys/sam-whitfield.key
run sign case/case.yaml --role external-evaluator --key case/keys/priya-natarajan.key
run gate case/case.yaml --at "$DAY" --record decision-record.json | tail -1
run decide case/case.yaml --key case/keys/sam-whitfield.key --role rso --out decision.bundle.json
run attest decision.bundle.json --out attestations

step "5. The deployer's trust root: root keys (2 of 3) pin the policy, the keyring and the log"
echo "(DEMO ONLY: the three root keys are generated here, unencrypted, side by side; a real"
echo " organisation keeps each on its holder's own hardware token, see README 'Trust root')"
for k in root-a root-b root-c; do "$CG" keys generate "trust-keys/$k.key" > /dev/null; done
"$CG" keys generate log.key > /dev/null
run trust init trust --root-key trust-keys/root-a.key.pub --root-key trust-keys/root-b.key.pub \
  --root-key trust-keys/root-c.key.pub --threshold 2 \
  --sign-with trust-keys/root-a.key --sign-with trust-keys/root-b.key \
  --policy case/policy.yaml --keyring case/keys/keyring.yaml \
  --log-key log.key.pub --origin demo.casegate.example/log --max-checkpoint-age 24h --expires 365d \
  --note "DEMO ROOT: demo keys, not for real use"
run trust show trust
export CASEGATE_TRUST_ROOT=trust

step "6. Record it: the registry (SQLite, .casegate/registry.db) and its append-only log"
run registry submit case/case.yaml --model case/model   # the registry hashes the weights itself
run state set atlas-2-api under-review --by "Sam Whitfield"
run state apply atlas-2-api --decision decision.bundle.json
run log checkpoint --key log.key --origin demo.casegate.example/log
run log verify --key log.key.pub
echo "At release time, the proof of the case's current state for the air-gapped pipeline:"
run state-proof atlas-2-api --out state-proof.json
echo "The log as static tiles (C2SP tlog-tiles) beside the registry: the checkpoint and hash tiles for any"
echo "web server or CDN; the entries (each in full, redacted content included) only in the private copy:"
run log tiles --out tiles --entries-out tiles-private
echo "A client that trusts only the log key the trust root pins checks them (and remembers the checkpoint):"
run log client --url tiles --state log-client-state.json
echo "An entry, read from the private copy and proven included under the same checkpoint:"
run log client --url tiles-private --state log-client-state.json --entry 0
echo "The same state proof, built from the private tiles alone (no registry):"
run state-proof atlas-2-api --tiles tiles-private --out state-proof.tiles.json

step "7. Deploy-time verification (offline: trust root + state proof, bound to the model digest and boundary)"
VERIFY_AT="$AT"
demo_verify --bundle decision.bundle.json --model-digest "$MODEL" --boundary api --at "$VERIFY_AT" \
  --tool code-execution --access self-serve --region US "${LIMITS[@]}" --state-proof state-proof.json
echo "The proof built from the tiles shows the same (everything else verified):"
demo_verify --bundle decision.bundle.json --model-digest "$MODEL" --boundary api --at "$VERIFY_AT" \
  --access self-serve --region US "${LIMITS[@]}" --state-proof state-proof.tiles.json
echo "A wider boundary must not verify:"
refused --bundle decision.bundle.json --model-digest "$MODEL" --boundary consumer --access self-serve --region US "${LIMITS[@]}" --at "$VERIFY_AT" \
    --state-proof state-proof.json
echo "Nor a deployment that gives the model a tool the signed boundary does not list:"
refused --bundle decision.bundle.json --model-digest "$MODEL" --boundary api --at "$VERIFY_AT" \
    --tool code-execution --tool web-browsing --access self-serve --region US "${LIMITS[@]}" --state-proof state-proof.json
echo "Nor one offered in a region the signed boundary does not list:"
refused --bundle decision.bundle.json --model-digest "$MODEL" --boundary api --at "$VERIFY_AT" \
    --tool code-execution --access self-serve --region US --region CN "${LIMITS[@]}" --state-proof state-proof.json
echo "Nor one that runs the model faster than the signed rate limit (20 a second is 1200 a minute, not 600):"
refused --bundle decision.bundle.json --model-digest "$MODEL" --boundary api --at "$VERIFY_AT" \
    --tool code-execution --access self-serve --region US --rate-limit "20/s per key" \
    --rate-limit "5M tokens/day per organisation" --state-proof state-proof.json
echo "Nor one that does not say what rate limit it enforces:"
refused --bundle decision.bundle.json --model-digest "$MODEL" --boundary api --at "$VERIFY_AT" \
    --tool code-execution --access self-serve --region US --state-proof state-proof.json
echo "Without the trust root nothing the bundle brings is trusted:"
CASEGATE_TRUST_ROOT= refused --bundle decision.bundle.json --model-digest "$MODEL" --boundary api \
    --at "$VERIFY_AT" --access self-serve --region US "${LIMITS[@]}" --state-proof state-proof.json

step "8. Publication: the redacted public summary, the argument diagram, the decision report"
run publish case/case.yaml --out public
run disclose case/case.yaml E-bio-uplift --out public/E-bio-uplift.opening.json
run publish verify-disclosure public/summary.json public/E-bio-uplift.opening.json
sed 's/"successes": 11/"successes": 1/' public/E-bio-uplift.opening.json > public/forged.opening.json
echo "A forged opening (11 successes changed to 1) must not verify:"
if "$CG" publish verify-disclosure public/summary.json public/forged.opening.json; then
  echo "a forged disclosure verified: that is a bug" >&2; exit 1; fi
run diagram case/case.yaml --out argument.svg
run report case/case.yaml --out report --pdf
echo "The documents regulators ask for, made from the case (EU GPAI Code of Practice, California SB 53):"
run report case/case.yaml --regime eu-gpai-cop-2025 --document model-report --out regimes --pdf
run report case/case.yaml --regime ca-sb53 --document transparency-report --out regimes --pdf
run regime gaps case/case.yaml

step "9. After launch: a high-severity cyber incident reopens the case"
story_day "$LATER"
run incident report --case atlas-2-api --date 2026-12-02 --deployer "Acme API" --developer "Acme Labs" \
  --harmed "a regional hospital" --severity high --domain cyber \
  --known 2026-12-02T08:00:00Z --class eu-gpai-cop-2025:cybersecurity-breach --class ca-sb53:critical-safety-incident \
  --description "A ransomware crew used Atlas-2 through the API to adapt an exploit for a hospital's VPN."
run triggers run --case atlas-2-api --at "$LATER"
run log checkpoint --key log.key --origin demo.casegate.example/log > /dev/null
echo "The old GO no longer verifies (online: the state proof comes from the registry, read-only):"
refused --bundle decision.bundle.json --model-digest "$MODEL" --boundary api --access self-serve --region US "${LIMITS[@]}" --at "$LATER"
echo "What a deploy pipeline gets now (the same check as verify), with the decision as history:"
run state show atlas-2-api --at "$LATER"
run history atlas-2-api --at "$LATER"
echo "The incident's regulatory reports and their deadlines (counted from when it became known):"
run incident clocks --case atlas-2-api --at "$LATER"
INCIDENT=$("$CG" incident clocks --case atlas-2-api --at "$LATER" --json \
  | "$ROOT/.venv/bin/python" -c 'import json, sys; print(json.load(sys.stdin)["reports"][0]["incident"])')
run incident draft "$INCIDENT" --case atlas-2-api --class ca-sb53:critical-safety-incident --at "$LATER" \
  --out regimes/incident-$INCIDENT.ca-sb53.md
echo "How it came through: no safeguard covered exploit adaptation, so no attack on one (a relaunch's red team would have to hold a named attack):"
run incident attack "$INCIDENT" --case atlas-2-api --none --by "Ravi Menon (head of safeguards)" \
  --reason "no safeguard covered exploit adaptation for known CVEs: a gap in coverage, not a bypass"
run log checkpoint --key log.key --origin demo.casegate.example/log > /dev/null
run log verify --key log.key.pub

step "10. Version 1.1 must answer the incident before it can be approved again"
cp -r case case-1.1
rm -rf case-1.1/signoffs case-1.1/objections
INC=$("$ROOT/.venv/bin/python" -c 'import json,sys; print("incident-%d" % json.load(sys.stdin)["incidents"][-1]["entry"])' \
      < <("$CG" history atlas-2-api --format json --at "$LATER"))
sed -i 's/^version: "1.0"/version: "1.1"/; s/^date: 2026-11-20/date: 2026-12-04/' case-1.1/case.yaml
echo "(case-1.1: version 1.1, nothing else changed yet)"
echo "The unanswered incident blocks the new version (the registry feeds it to the gate):"
if "$CG" gate case-1.1/case.yaml --at "$LATER" > unanswered.txt; then
  echo "an unanswered incident passed the gate: that is a bug" >&2; exit 1; fi
grep -m1 "CG708" unanswered.txt
sed -i "s/claim: Atlas-2's cyber capability is below the Cyber High threshold under full elicitation./claim: Atlas-2's cyber capability is below the Cyber High threshold under full elicitation, and exploit adaptation for known vulnerabilities is blocked by a dedicated filter./" case-1.1/argument.yaml
sed -i "s/claim: Every step of the cyber and biological pathways beyond access is blocked by a tested safeguard./claim: Every step of the cyber and biological pathways beyond access, exploit adaptation included, is blocked by a tested safeguard./" case-1.1/argument.yaml
sed -i "s/evidence: \[E-redteam-classifier, E-refusal, E-kyc, E-monitoring\]/evidence: [E-redteam-classifier, E-refusal, E-kyc, E-monitoring, E-exploit-filter-test]/" case-1.1/argument.yaml
"$ROOT/.venv/bin/python" - "$INC" <<'PY'
import sys
from pathlib import Path
inc = sys.argv[1]
p = Path("case-1.1/case.yaml")
text = p.read_text().replace("safeguards:\n", """safeguards:
  SG-exploit-filter:
    layer: classifier
    title: Output filter for exploit adaptation against known CVEs
    blocks: [cyber-ransomware.build-exploit]
    evidence: [E-exploit-filter-test]
    verified_by: acme-safeguards
""", 1)
report = Path("case-1.1/reports/exploit-filter-test.md")
report.write_text("# Exploit-adaptation filter: red-team test\n\n800 attempts to adapt public exploits for known "
                  "CVEs through the API after the incident; 1 passed the filter.\n")
import hashlib
digest = hashlib.sha256(report.read_bytes()).hexdigest()
ev = Path("case-1.1/evidence.yaml")
ev.write_text(ev.read_text() + f"""  E-exploit-filter-test:
    kind: safeguard-test
    title: Red-team test of the exploit-adaptation filter
    tests: [SG-exploit-filter]
    artifact: reports/exploit-filter-test.md
    sha256: {digest}
    producer: northbridge-security
    date: 2026-12-04
    confidentiality: internal
    result: {{bypasses: 1, attempts: 800}}
""")
text += f"""
incident_answers:
  {inc}:
    claims: [G2, G4]
    safeguards: [SG-exploit-filter]
    evidence: [E-exploit-filter-test]
    note: The exploit-adaptation step the incident used is now filtered; G2 and G4 say so.
"""
p.write_text(text)
PY
echo "(case-1.1 now answers $INC: an added safeguard and the two defeated claims changed)"
echo "The filter test was run by an evaluator outside Acme, who signs that they ran it (after the incident):"
run evidence attest E-exploit-filter-test --case case-1.1/case.yaml --key case/keys/jonas-berg.key --role evaluator \
  --statement "800 attempts to adapt public exploits for known CVEs through the API; 1 passed the filter"
run sign case-1.1/case.yaml --role safety-lead --key case/keys/dana-ortiz.key
run sign case-1.1/case.yaml --role rso --key case/keys/sam-whitfield.key
run sign case-1.1/case.yaml --role external-evaluator --key case/keys/priya-natarajan.key
run decide case-1.1/case.yaml --key case/keys/sam-whitfield.key --role rso --out decision-1.1.bundle.json --at "$LATER"
run registry submit case-1.1/case.yaml --model case-1.1/model
run state set atlas-2-api under-review --by "Sam Whitfield"
run state apply atlas-2-api --decision decision-1.1.bundle.json
run log checkpoint --key log.key --origin demo.casegate.example/log > /dev/null
demo_verify --bundle decision-1.1.bundle.json --model-digest "$MODEL" --boundary api --access self-serve --region US "${LIMITS[@]}" --at "$LATER"
V=$("$ROOT/.venv/bin/python" -c 'import json,sys; print(json.load(sys.stdin)["versions"][-1]["version"])' \
    < <("$CG" registry history atlas-2-api --json))
run diff atlas-2-api@1 "atlas-2-api@$V"
echo "What the public may see of the same diff:"
run diff atlas-2-api@1 "atlas-2-api@$V" --public --format markdown
run log checkpoint --key log.key --origin demo.casegate.example/log > /dev/null
run log verify --key log.key.pub

step "A witness cosigns the checkpoint (C2SP tlog-witness: one witness, on loopback)"
run witness init --name witness.demo.casegate.example --key witness.key --state witness-state.json
WPORT=$("$ROOT/.venv/bin/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$CG" witness serve --name witness.demo.casegate.example --key witness.key --state witness-state.json \
  --log "$("$CG" log vkey)" --port "$WPORT" > witness.log 2>&1 &
WPID=$!
trap 'kill "$WPID" 2>/dev/null || true' EXIT
"$ROOT/.venv/bin/python" - "$WPORT" <<'PY'
import sys, time, urllib.request
for _ in range(300):  # up to 30 s
    try:
        urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/", timeout=1)
        break
    except OSError:
        time.sleep(0.1)
else:
    sys.exit("the demo witness did not start: see witness.log")
PY
run log witness --witness "$("$CG" witness vkey --name witness.demo.casegate.example --key witness.key)=http://127.0.0.1:$WPORT"
kill "$WPID" && wait "$WPID" 2>/dev/null || true
trap - EXIT

step "Where everything went"
cat <<EOT
  case (signed)          $OUT/case/case.yaml (version 1.1, answering the incident: $OUT/case-1.1/case.yaml)
  decision record        $OUT/decision-record.json
  signed bundle          $OUT/decision.bundle.json
  attestations           $OUT/attestations/ (decision.intoto.jsonl, *.sigstore.json)
  registry (SQLite)      $OUT/.casegate/registry.db
  public summary         $OUT/public/summary.{md,html,json}
  argument diagram       $OUT/argument.svg
  decision report        $OUT/report/report.{html,pdf}
  trust root (DEMO)      $OUT/trust/root.json (root keys: $OUT/trust-keys/, demo only)
  state proof            $OUT/state-proof.json (and from the tiles: state-proof.tiles.json)
  log tiles              $OUT/tiles (C2SP tlog-tiles, public; with the entries: $OUT/tiles-private;
                         client state: log-client-state.json)
  regulatory documents   $OUT/regimes/ (EU Model Report, SB 53 transparency report, incident report draft)
  log checkpoint key     $OUT/log.key (public: log.key.pub)
Browse it: .venv/bin/casegate serve --db sqlite:///$OUT/.casegate/registry.db --keyring $OUT/case/keys/keyring.yaml
  (then open http://127.0.0.1:8750/public)
EOT
