"""Switch PyThaiNLP to offline, read-only mode before anything imports it."""

import os

# Without these, PyThaiNLP may try to download a corpus, or create ~/pythainlp-data on import.
os.environ.setdefault("PYTHAINLP_OFFLINE", "1")
os.environ.setdefault("PYTHAINLP_READ_ONLY", "1")
