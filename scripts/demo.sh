#!/usr/bin/env bash
# The casegate demo: the bundled Atlas-2 API case, end to end, on the embedded SQLite registry.
# Everything it writes goes under out/demo/ (the example in examples/ is never modified).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CG="$ROOT/.venv/bin/casegate"
OUT="$ROOT/out/demo"
MODEL=sha256:9f2c1a7be04d6f3e2a8c5b1d0e9f7a6c3b2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f
# The demo runs as of fixed dates, so it tells the same story whenever it is run: the checks as
# of DAY (inside the evidence's lifetime), the deploy check on AT, the incident the day after.
DAY=2026-11-27
AT=2026-12-01
LATER=2026-12-04

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
run() { printf '$ casegate %s\n' "$*"; "$CG" "$@"; }

rm -rf "$OUT"
mkdir -p "$OUT/evals"
cp -r "$ROOT/examples/atlas-api" "$OUT/case"
chmod 600 "$OUT"/case/keys/*.key          # git does not keep file modes; casegate refuses readable keys
cp "$ROOT"/tests/fixtures/evidence/logs/inspect/{arith-clean,rnd-agent}.eval "$OUT/evals/"
cp -r "$ROOT/tests/fixtures/evidence/logs/lm-eval" "$OUT/evals/"
cd "$OUT"
export CASEGATE_DATABASE_URL="sqlite:///$OUT/.casegate/registry.db"
export CASEGATE_KEYRING=case/keys/keyring.yaml

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
run gate case/case.yaml --record decision-record.json

step "4. Separated authority: three people sign in their roles; the RSO signs the decision"
run sign case/case.yaml --role safety-lead --key case/keys/dana-ortiz.key
run sign case/case.yaml --role rso --key case/keys/sam-whitfield.key
run sign case/case.yaml --role external-evaluator --key case/keys/priya-natarajan.key
run decide case/case.yaml --key case/keys/sam-whitfield.key --role rso --out decision.bundle.json
run attest decision.bundle.json --out attestations

step "5. Record it: the registry (SQLite, .casegate/registry.db) and its append-only log"
run registry submit case/case.yaml
run state set atlas-2-api under-review --by "Sam Whitfield"
run state set atlas-2-api approved-with-conditions --decision decision.bundle.json
"$CG" keys generate log.key > /dev/null
run log checkpoint --key log.key --origin demo.casegate.example/log
run log verify --key log.key.pub

step "6. Deploy-time verification (offline, bound to the model digest and the boundary)"
run verify --bundle decision.bundle.json --model-digest "$MODEL" --boundary api --at "$AT"
echo "A wider boundary must not verify:"
if "$CG" verify --bundle decision.bundle.json --model-digest "$MODEL" --boundary consumer --at "$AT"; then
  echo "consumer verified: that is a bug" >&2; exit 1; fi

step "7. Publication: the redacted public summary, the argument diagram, the decision report"
run publish case/case.yaml --out public
run disclose case/case.yaml E-bio-uplift --out public/E-bio-uplift.opening.json
run publish verify-disclosure public/summary.json public/E-bio-uplift.opening.json
sed 's/"successes": 11/"successes": 1/' public/E-bio-uplift.opening.json > public/forged.opening.json
echo "A forged opening (11 successes changed to 1) must not verify:"
if "$CG" publish verify-disclosure public/summary.json public/forged.opening.json; then
  echo "a forged disclosure verified: that is a bug" >&2; exit 1; fi
run diagram case/case.yaml --out argument.svg
run report case/case.yaml --out report --pdf

step "8. After launch: a high-severity cyber incident reopens the case"
run incident report --case atlas-2-api --date 2026-12-03 --deployer "Acme API" --developer "Acme Labs" \
  --harmed "a regional hospital" --severity high --domain cyber \
  --description "A ransomware crew used Atlas-2 through the API to adapt an exploit for a hospital's VPN."
run triggers run --case atlas-2-api --at "$LATER"
echo "The old GO no longer verifies:"
if "$CG" verify --bundle decision.bundle.json --model-digest "$MODEL" --boundary api --at "$LATER"; then
  echo "the reopened case still verified: that is a bug" >&2; exit 1; fi
echo "What a deploy pipeline gets now (the same check as verify), with the decision as history:"
run state show atlas-2-api --at "$LATER"
run history atlas-2-api --at "$LATER"
run log checkpoint --key log.key --origin demo.casegate.example/log > /dev/null
run log verify --key log.key.pub

step "9. Version 1.1 must answer the incident before it can be approved again"
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
    evidence: [E-redteam-classifier]
    verified_by: acme-safeguards
""", 1)
text += f"""
incident_answers:
  {inc}:
    claims: [G2, G4]
    safeguards: [SG-exploit-filter]
    note: The exploit-adaptation step the incident used is now filtered; G2 and G4 say so.
"""
p.write_text(text)
PY
echo "(case-1.1 now answers $INC: an added safeguard and the two defeated claims changed)"
run sign case-1.1/case.yaml --role safety-lead --key case/keys/dana-ortiz.key
run sign case-1.1/case.yaml --role rso --key case/keys/sam-whitfield.key
run sign case-1.1/case.yaml --role external-evaluator --key case/keys/priya-natarajan.key
run decide case-1.1/case.yaml --key case/keys/sam-whitfield.key --role rso --out decision-1.1.bundle.json --at "$LATER"
run registry submit case-1.1/case.yaml
run state set atlas-2-api under-review --by "Sam Whitfield"
run state apply atlas-2-api --decision decision-1.1.bundle.json
run verify --bundle decision-1.1.bundle.json --model-digest "$MODEL" --boundary api --at "$LATER"
V=$("$ROOT/.venv/bin/python" -c 'import json,sys; print(json.load(sys.stdin)["versions"][-1]["version"])' \
    < <("$CG" registry history atlas-2-api --json))
run diff atlas-2-api@1 "atlas-2-api@$V"
echo "What the public may see of the same diff:"
run diff atlas-2-api@1 "atlas-2-api@$V" --public --format markdown
run log checkpoint --key log.key --origin demo.casegate.example/log > /dev/null
run log verify --key log.key.pub

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
  log checkpoint key     $OUT/log.key (public: log.key.pub)
Browse it: .venv/bin/casegate serve --db sqlite:///$OUT/.casegate/registry.db --keyring $OUT/case/keys/keyring.yaml
  (then open http://127.0.0.1:8750/public)
EOT
