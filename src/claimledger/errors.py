"""One error tree. Every error has a stable code and says what, where and what next."""

from __future__ import annotations


class ClaimledgerError(Exception):
    """Base of all claimledger errors; `code` is stable across releases."""

    code = "CL000"

    def __init__(self, message: str, *, origin: str | None = None) -> None:
        self.message = message
        self.origin = origin
        super().__init__(self.one_line())

    def one_line(self) -> str:
        where = f"{self.origin}: " if self.origin else ""
        return f"[{self.code}] {where}{self.message}"


class InputError(ClaimledgerError):
    """An input that cannot become a report; the batch goes on without it."""

    code = "CL100"


class MissingInput(InputError):
    code = "CL101"


class EmptyInput(InputError):
    code = "CL102"


class BinaryInput(InputError):
    code = "CL103"


class UndecodableInput(InputError):
    code = "CL104"


class InputTooLarge(InputError):
    code = "CL105"


class MalformedHTML(InputError):
    code = "CL106"


class MalformedRecord(InputError):
    """A JSONL line or CSV row that is not a report."""

    code = "CL107"


class UnsupportedInput(InputError):
    code = "CL108"


class ConfigError(ClaimledgerError):
    """Bad settings or usage; the CLI exits 2."""

    code = "CL200"


class BadDate(ConfigError):
    code = "CL201"


class BadGazetteer(ConfigError):
    code = "CL202"


class ModelMissing(ConfigError):
    code = "CL203"


class BadGrade(ConfigError):
    """An analyst grade outside the Admiralty scales (reliability A–F, credibility 1–6)."""

    code = "CL204"


class OutputError(ConfigError):
    """An output file that cannot be written (a missing folder, no permission)."""

    code = "CL205"


class BadParameter(ConfigError):
    """An API request whose parameters or body do not validate."""

    code = "CL206"


class StoreError(ClaimledgerError):
    code = "CL300"


class NotFound(StoreError):
    code = "CL301"
