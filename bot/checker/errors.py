"""The one error the checker raises: a file it will not read, with a message for each audience."""

from __future__ import annotations


class DocumentRefused(Exception):
    """A file that is not a readable draft; `user_message` is Thai, `operator_message` English."""

    def __init__(self, code: str, user_message: str, operator_message: str) -> None:
        super().__init__(operator_message)
        self.code = code
        self.user_message = user_message
        self.operator_message = operator_message
