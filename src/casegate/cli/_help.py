"""`casegate --help` without importing Typer or any command: the text Typer renders for the
top-level help, kept here with the sizes of the command modules it was rendered from.

When any of those files has changed since (a command added, renamed or re-documented), the kept
text is not used and Typer renders the help as before: a stale text is never shown, the help is
only slower. Refresh it with `python -m casegate.cli._help --write`.
"""

from __future__ import annotations

import os
import sys

MARK = "# --- kept: written by `python -m casegate.cli._help --write` ---"

WIDTH = 80
"""The help is kept as rendered for a terminal at least this wide (Click renders at most this
wide, less a margin of two)."""


def prog_name() -> str:
    """The program name as Click shows it: `casegate`, or `python -m casegate`."""
    path = sys.argv[0] if sys.argv else "casegate"
    main = sys.modules.get("__main__")
    package = getattr(main, "__package__", None)
    if not package:
        return os.path.basename(path)
    name = os.path.splitext(os.path.basename(path))[0]
    module = package if name == "__main__" else f"{package}.{name}"
    return f"python -m {module.lstrip('.')}"


def fingerprint() -> tuple[tuple[str, int], ...]:
    """(module, source size) of the command line's modules; () when a source is missing."""
    from . import _COMMAND_MODULES

    here = os.path.dirname(os.path.abspath(__file__))
    out = []
    for name in ("__init__", "_app", *_COMMAND_MODULES):
        try:
            out.append((name, os.stat(os.path.join(here, f"{name}.py")).st_size))
        except OSError:
            return ()
    return tuple(out)


def current() -> bool:
    """Whether the kept text was rendered from the command modules as they are now."""
    got = fingerprint()
    return bool(got) and got == KEPT_FROM


def print_top_help(to_stderr: bool = False) -> bool:
    """Print the top-level help; False (nothing printed) when the kept text is not current or
    the terminal is narrower than it, so that Typer renders the help."""
    import shutil

    if not current() or shutil.get_terminal_size().columns < WIDTH:
        return False
    text = TOP_HELP.replace("{prog}", prog_name())
    (sys.stderr if to_stderr else sys.stdout).write(text)
    return True


def render_top_help() -> str:
    """The top-level help as Typer renders it from every registered command (at `WIDTH`)."""
    import typer.main

    from . import register_commands

    app = register_commands(None)
    command = typer.main.get_command(app)
    ctx = command.make_context("{prog}", ["--help"], resilient_parsing=True,
                               terminal_width=WIDTH - 2, max_content_width=WIDTH)
    return command.get_help(ctx) + "\n"


if __name__ == "__main__":  # python -m casegate.cli._help [--write]
    text = render_top_help()
    if sys.argv[1:] == ["--write"]:
        with open(__file__, encoding="utf-8") as f:
            source = f.read()
        head = source[:source.index("\n" + MARK + "\n") + 1]
        lines = "".join(f"    {line!r}\n" for line in text.splitlines(keepends=True))
        sizes = "".join(f"    {item!r},\n" for item in fingerprint())
        with open(__file__, "w", encoding="utf-8") as f:
            f.write(f"{head}{MARK}\nTOP_HELP = (\n{lines})\n\nKEPT_FROM: tuple[tuple[str, int], ...] = (\n{sizes})\n")
    else:
        sys.stdout.write(text)

# --- kept: written by `python -m casegate.cli._help --write` ---
TOP_HELP = (
    'Usage: {prog} [OPTIONS] COMMAND [ARGS]...\n'
    '\n'
    '  Make a frontier-AI safety case a release gate.\n'
    '\n'
    'Options:\n'
    '  -V, --version  Print the version and exit.\n'
    '  -h, --help     Show this message and exit.\n'
    '\n'
    'Commands:\n'
    '  check        Check a case against every rule and print the findings.\n'
    '  rules        List every rule, or explain one.\n'
    '  schema       Print the JSON Schema (draft 2020-12) of one kind of...\n'
    '  init         Scaffold a new case from a template.\n'
    "  gate         Decide whether the case's system may cross its boundary.\n"
    '  sign         Sign off the case in a role: write a DSSE envelope next to...\n'
    '  object       Record a signed objection; it stays open (and blocks or...\n'
    '  waive        Waive a finding with a signed, dated waiver.\n'
    '  decide       Check the sign-offs, run the gate, and write the signed...\n'
    '  verify       Verify that a signed decision allows deploying this model...\n'
    '  answer       Answer a signed objection, accept an answer, or uphold an...\n'
    "  state-proof  Write the proof of the case's current state (every log...\n"
    '  disclose     Write the opening of a redacted element: its pointer, salt...\n'
    '  report       Write the decision report for the people who decide: the...\n'
    '  history      What held up: per version, which claims incidents or new...\n'
    '  diff         Show what changed between two versions of a case: claims,...\n'
    '  serve        Start the review board (HTTP API at /api/v1, OpenAPI at...\n'
    '  diagram      Draw the argument as a GSN diagram (SVG), or export it as...\n'
    '  attest       Write the decision and every sign-off, objection and...\n'
    "  digest       Print the model's digest, sha256:<hex>, as `casegate...\n"
    '  redteam      Attack the case with every gaming mutation (relabelled...\n'
    '  evidence     Import evaluation logs as evidence; pin any artifact by...\n'
    '  keys         Signing keys and keyrings.\n'
    "  authors      The case's signed authors list.\n"
    '  registry     Case versions and their recorded history.\n'
    '  log          The append-only log: signed checkpoints, proofs,...\n'
    '  trust        The trust root the deployer holds: root keys and what they...\n'
    '  publish      Write the public summary of a case (`casegate publish...\n'
    '  incident     Incidents after launch, linked to the case they bear on.\n'
    '  monitor      Monitoring signals after launch.\n'
    '  triggers     Post-deployment triggers.\n'
    "  state        A case's lifecycle state: `casegate state CASE_ID` shows...\n"
    '  condition    Conditions of GO WITH CONDITIONS decisions.\n'
    '  policy       Signed changes to a policy, and what it leaves to the...\n'
    '  protocol     Evaluation protocols registered before their runs.\n'
    '  token        API tokens for the review board (stored hashed).\n'
    "  gsn2x        Export to and import from gsn2x's YAML format (v4).\n"
    '  regime       Regulatory regimes: the documents they ask for and...\n'
    '  notify       Webhooks for trigger actions, decisions and objections.\n'
    "  witness      A witness: cosigns a log's checkpoints only while they...\n"
)

KEPT_FROM: tuple[tuple[str, int], ...] = (
    ('__init__', 12177),
    ('_app', 1597),
    ('_check', 5844),
    ('_gate', 3551),
    ('_evidence', 11686),
    ('_sign', 45621),
    ('_registry', 16730),
    ('_trust', 32224),
    ('_publish', 18826),
    ('_monitor', 69745),
    ('_policy', 6625),
    ('_protocol', 2455),
    ('_diff', 4228),
    ('_serve', 6108),
    ('_render', 10983),
    ('_regime', 11153),
    ('_attest', 2983),
    ('_notify', 2777),
    ('_redteam', 2731),
    ('_witness', 7265),
    ('_logwatch', 5016),
    ('_tiles', 9886),
)
