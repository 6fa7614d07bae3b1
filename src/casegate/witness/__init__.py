"""Witnesses (C2SP tlog-witness): independent parties that cosign the log's checkpoints only when
each one extends the history they cosigned before, so a log cannot show two histories to two
readers without being caught. The witness side (`Witness.add_checkpoint`, durable state) and the
log side (`collect_cosignatures`)."""

from ._state import LogState, WitnessState
from ._submit import WitnessEndpoint, WitnessResult, collect_cosignatures, submit_to_witness
from ._witness import (
    MAX_REQUEST_BYTES,
    SIZE_CONTENT_TYPE,
    AddCheckpoint,
    TrustedLog,
    Witness,
    WitnessRefusal,
    parse_request,
    request_body,
    trusted_log,
)

__all__ = [
    "MAX_REQUEST_BYTES", "SIZE_CONTENT_TYPE", "AddCheckpoint", "LogState", "TrustedLog", "Witness",
    "WitnessEndpoint", "WitnessRefusal", "WitnessResult", "WitnessState", "collect_cosignatures",
    "parse_request", "request_body", "submit_to_witness", "trusted_log",
]
