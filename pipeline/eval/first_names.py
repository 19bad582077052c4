"""Build the first-name list the text-page writers model reads (pipeline/stages/extract/first_names.txt).

    python -m pipeline.eval.first_names

The names are the given names Faker (MIT licence; `pip install faker`, for building only)
ships for its person providers, about 80 locales from Icelandic to Korean: which words begin a
person's name tells a byline ("Karin Fischer") from a menu entry or a section shaped like one
("Paid Content", "Alle Anzeigen"). Of the labelled writers' names of two words or more, 91%
start with one. Written lower-cased, one per line, sorted, so that a rebuild's diff shows
what changed.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import pkgutil
import unicodedata

from pipeline.stages.extract.writers_model import FIRST_NAMES_PATH

_NAME_LISTS = ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary", "first_names_unisex")
_HEADER = ("# Given names from Faker's person providers (https://github.com/joke2k/faker), lower-cased;\n"
           "# built by python -m pipeline.eval.first_names. Faker's licence:\n#\n")


def faker_first_names() -> set[str]:
    import faker.providers.person as providers

    names: set[str] = set()
    for module in pkgutil.iter_modules(providers.__path__):
        provider = importlib.import_module(f"{providers.__name__}.{module.name}").Provider
        for attribute in _NAME_LISTS:
            listed = provider.__dict__.get(attribute)  # a locale's own list, not one inherited
            if isinstance(listed, dict):  # names weighted by frequency
                listed = list(listed)
            if isinstance(listed, (list, tuple)):
                names.update(unicodedata.normalize("NFC", name).lower() for name in listed if isinstance(name, str))
    return {name for name in names if len(name) >= 2 and " " not in name}


def faker_licence() -> str:
    """The licence Faker ships with, which copies of its data carry."""
    distribution = importlib.metadata.distribution("faker")
    path = next(file for file in distribution.files or () if file.name.upper().startswith("LICENSE"))
    return path.read_text(encoding="utf-8")


def main() -> int:
    names = sorted(faker_first_names())
    licence = "".join(f"# {line}".rstrip() + "\n" for line in faker_licence().strip().splitlines())
    FIRST_NAMES_PATH.write_text(_HEADER + licence + "".join(f"{name}\n" for name in names), encoding="utf-8")
    print(f"wrote {FIRST_NAMES_PATH} ({len(names)} names)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
