"""Reads Hugging Face READMEs and their exports with the Hub's own client and compares them.

Usage: check_hf_roundtrip.py ORIGINALS_DIR EXPORTS_DIR [NAME ...]

For every export (or the NAMEs given): huggingface_hub.ModelCard must read the export with
the same metadata as the original, every key, `model-index` included, compared as
huggingface_hub parses both (`card.data.to_dict()`); the export may add only the
workbench's own key. When huggingface_hub cannot read the original's metadata, it must fail
on the export the same way. Every word of the original's body must still be in the export's
body. Exit 1 on any difference, naming the file and the key.
"""

import os
import sys

from huggingface_hub import ModelCard

OWN_KEYS = {"mlops_governance_card"}


def read(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        return f.read()


def load(text):
    """(metadata dict or None, body, error type name or None), as the Hub reads a card."""
    try:
        card = ModelCard(text)
        return card.data.to_dict(), card.text, None
    except Exception as error:  # the Hub refuses it: compare how
        name = type(error).__name__
        try:
            card = ModelCard(text, ignore_metadata_errors=True)
            return card.data.to_dict(), card.text, name
        except Exception:
            return None, text, name


def check(name, original_path, export_path):
    problems = []
    before, before_body, before_error = load(read(original_path))
    after, after_body, after_error = load(read(export_path))
    if before_error != after_error:
        problems.append(f"huggingface_hub: {before_error} on the original, {after_error} on the export")
    if before is not None:
        if after is None:
            problems.append("huggingface_hub read no metadata from the export")
        else:
            for key, value in before.items():
                if key not in after:
                    problems.append(f"metadata key {key!r} is missing")
                elif after[key] != value:
                    problems.append(f"metadata key {key!r} differs: {value!r} became {after[key]!r}")
            for key in after:
                if key not in before and key not in OWN_KEYS:
                    problems.append(f"metadata key {key!r} was added")
    export_words = set(after_body.split())
    lost = [w for w in before_body.split() if w not in export_words]
    if lost:
        problems.append(f"{len(lost)} words of the body are lost, first {lost[:5]!r}")
    keys = len(before) if before else 0
    results = 0
    if before and isinstance(before.get("model-index"), list):
        results = sum(len(r.get("metrics", [])) for m in before["model-index"] for r in m.get("results", []))
    status = "ok" if not problems else "FAILED"
    print(f"{status}: {name}: {keys} metadata keys, {results} evaluation results"
          + (f" (huggingface_hub: {before_error} on both)" if before_error and not problems else ""))
    for p in problems:
        print(f"    {p}")
    return not problems


def main():
    originals, exports = sys.argv[1], sys.argv[2]
    names = sys.argv[3:] or sorted(os.listdir(exports))
    if not names:
        print("FAILED: no exports to check")
        return 1
    ok = all([check(n, os.path.join(originals, n), os.path.join(exports, n)) for n in names])
    print(f"{len(names)} READMEs checked with huggingface_hub: {'all the same' if ok else 'some differ'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
