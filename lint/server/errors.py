"""The one error a request can end in: an HTTP status and a message saying what to change."""
from __future__ import annotations


class RequestError(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message
