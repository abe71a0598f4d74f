"""Loading the linguistic layer: by name, by path, and a clear error otherwise."""

import pytest
from typer.testing import CliRunner

from dateline import nlp as nlp_module
from dateline.cli import app
from dateline.errors import ModelError


def test_default_model_parses_and_tags_names(nlp) -> None:
    doc = nlp("Foreign Minister Sergey Lavrov met Kazakh President Kassym-Jomart Tokayev in Astana.")
    assert any(ent.label_ == "PERSON" for ent in doc.ents)
    assert all(tok.dep_ for tok in doc)


def test_model_loads_by_path(nlp) -> None:
    path = nlp_module._vendored_target(nlp_module.DEFAULT_MODEL)
    if path is None or "/" not in path:
        pytest.skip("default model installed as a package, not vendored by path")
    assert nlp_module.load(path).pipe_names == nlp.pipe_names


def test_unknown_model_is_a_clear_error() -> None:
    assert nlp_module.available() and not nlp_module.available("no_such_pipeline")
    with pytest.raises(ModelError, match="no_such_pipeline"):
        nlp_module.load("no_such_pipeline")


def test_cli_reports_a_bad_model_in_one_line(tmp_path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Headline\n\nThe minister said the talks went well.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(article), "--model", "no_such_pipeline"])
    assert result.exit_code == 2
    assert "no_such_pipeline" in result.output
    assert "Traceback" not in result.output


def test_a_line_break_ends_a_sentence(nlp) -> None:
    # A headline without a full stop must not run into the first sentence of the body.
    doc = nlp("Reporter shot dead in the port city\n\nGunmen killed a journalist on Tuesday, police said.")
    sentences = [s.text.strip() for s in doc.sents]
    assert sentences[0] == "Reporter shot dead in the port city"
    assert sentences[1].startswith("Gunmen killed")
