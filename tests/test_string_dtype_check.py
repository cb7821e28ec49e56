"""pandera's dtype check of string columns answers once for a whole column that matches
(``schemas.base._string_check_answers_once``), and still row by row otherwise: the same verdicts."""

from __future__ import annotations

import pandas as pd
import pandera.errors
import pandera.pandas as pa
import pytest
from pandera.engines import pandas_engine

import schemas  # noqa: F401  (installs the single answer)


def test_a_matching_string_column_is_answered_once_and_any_other_row_by_row():
    strings = pd.Series(["Aleppo", None, "Homs"], dtype="string")
    answer = pandas_engine.STRING.check(pandas_engine.STRING(), pandas_engine.Engine.dtype(strings.dtype), strings)
    assert answer is True
    mixed = pd.Series(["Aleppo", 7, None], dtype="object")
    answer = pandas_engine.STRING.check(pandas_engine.STRING(), pandas_engine.Engine.dtype(mixed.dtype), mixed)
    assert list(answer) == [True, False, True]          # 7 is no string; a missing value may be


def test_string_columns_pass_and_fail_validation_as_before():
    schema = pa.DataFrameSchema({"place": pa.Column(pd.StringDtype(), nullable=True)}, coerce=False)
    schema.validate(pd.DataFrame({"place": pd.Series(["Aleppo", None], dtype="string")}))
    with pytest.raises(pandera.errors.SchemaErrors) as caught:
        schema.validate(pd.DataFrame({"place": pd.Series(["Aleppo", 7], dtype="object")}), lazy=True)
    assert caught.value.failure_cases["check"].str.startswith("dtype(").all()
