"""The eight questions every decision answers, and an answer to one of them. Apart from the
decision record: `check` composes the answers (a regime's sections ask for them) without building
the record's models."""

from ._base import EMPTY_LIST, Frozen

EIGHT_QUESTIONS: tuple[tuple[str, str], ...] = (
    ("capability", "What capability was found?"),
    ("pathway", "What harm pathway was considered?"),
    ("safeguards", "What safeguards block it?"),
    ("checked-by", "Who checked the evidence?"),
    ("objectors", "Who could object?"),
    ("uncertainty", "What remains uncertain?"),
    ("at-scale", "What happens if the model behaves differently at scale?"),
    ("retreat", "What evidence would force retreat?"),
)
"""The eight questions every decision must answer: (key, question)."""


class Answer(Frozen):
    """The case's answer to one of the eight questions, pointing at where it came from."""

    key: str
    """Question key (see EIGHT_QUESTIONS)."""
    question: str
    """The question."""
    answer: str
    """The answer, composed from the case's data ('' when it cannot be answered)."""
    sources: list[str] = EMPTY_LIST
    """Element references the answer came from, e.g. 'evidence.E-ctf', 'safeguards.SG-classifier'."""
    answerable: bool = True
    """False when the case lacks what the answer needs (a blocking finding)."""
