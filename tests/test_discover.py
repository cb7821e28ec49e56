from pipeline.discover import FileRecord, mark_duplicates


def rec(path, sha, key="wikipedia:Russian involvement in the Syrian civil war"):
    return FileRecord(path, sha * 64, 10, "wikipedia", None, key)


def test_two_versions_of_one_document_keep_distinct_keys_whatever_their_order():
    a, b = rec("z_old.md", "b"), rec("a_new.md", "a")
    for order in ([a, b], [b, a]):
        out = {r.path: r for r in mark_duplicates(order)}
        assert out["a_new.md"].id_key == "wikipedia:Russian involvement in the Syrian civil war"
        assert out["z_old.md"].id_key == "wikipedia:Russian involvement in the Syrian civil war#" + "b" * 16


def test_identical_bytes_quarantined_as_duplicate_of_first_path():
    out = {r.path: r for r in mark_duplicates([rec("b.md", "c"), rec("a.md", "c")])}
    assert out["a.md"].problem is None
    assert (out["b.md"].problem, out["b.md"].format) == ("duplicate of a.md", None)


def test_document_without_key_uses_its_doc_id():
    r = rec("x.md", "d", key=None)
    assert mark_duplicates([r])[0].id_key == "d" * 16
