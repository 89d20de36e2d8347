"""policybot: answers Thai local-government officials' questions on international cooperation."""

from bot import offline as _offline  # noqa: F401  (must run before any PyThaiNLP import)

__version__ = "0.1.0"
