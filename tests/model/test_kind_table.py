"""The built-in boundary-kind table is built without validation (literal values): each entry
must be what validating its values makes, field for field and in which fields were given."""

from __future__ import annotations

from casegate.model import DEFAULT_KIND_TABLE, BoundaryKind, KindProperties


def test_the_built_in_kind_table_is_what_validation_makes() -> None:
    assert set(DEFAULT_KIND_TABLE) == set(BoundaryKind)
    for kind, props in DEFAULT_KIND_TABLE.items():
        given = {name: getattr(props, name) for name in props.model_fields_set}
        again = KindProperties.model_validate(given, strict=True)
        assert again == props, kind
        assert again.model_fields_set == props.model_fields_set, kind
        assert again.model_dump() == props.model_dump(), kind


def test_an_entry_left_with_its_default_weights_shares_no_list() -> None:
    # the default is copied for each entry, as validation copies it
    a, b = DEFAULT_KIND_TABLE[BoundaryKind.api], DEFAULT_KIND_TABLE[BoundaryKind.consumer]
    assert a.weights == b.weights == ["none"] and a.weights is not b.weights
