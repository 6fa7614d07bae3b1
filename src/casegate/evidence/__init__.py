"""Evidence: importing evaluation logs, pinning artifacts by hash, and the statistics claims rest on."""

from ._artifacts import ArtifactState, rehash_artifacts, sha256_file

__all__ = ["ArtifactState", "rehash_artifacts", "sha256_file"]
