"""The caps every content reader enforces, in one place so that the readers cannot drift apart.

Contract: plain module constants, read by the readers at call time (``limits.MAX_DEPTH``), so a test
that patches one here changes every reader at once. ``files.read_content`` refuses a file over
``MAX_FILE_BYTES``; the strict YAML reader (``safe_yaml``) and the fast path (``fast_yaml``) refuse
or decline nesting deeper than ``MAX_DEPTH`` and more than ``MAX_VALUES`` values, and the strict
reader stops collecting problems at ``MAX_PROBLEMS``. ``FAST_PATH_MIN_CHARS`` is where the
facade (``yaml_reader.parse_yaml``) starts to use the fast path: below it the strict reader is
cheaper than loading the Rust parser.
"""

from __future__ import annotations

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_DEPTH = 40
MAX_PROBLEMS = 50
# Every value costs Python work: a file of tiny items just under the size cap would otherwise take
# tens of seconds. The benchmark's 10,000-node scenario (8.9 MB) holds about 783,000 values.
MAX_VALUES = 1_000_000
# A shipped scenario (25-45 KB) parses strictly in 10-20 ms; importing yaml_rs alone costs 10-15 ms
# and the fast path saves about 0.4 ms per KB, so it pays from about this size on.
FAST_PATH_MIN_CHARS = 64 * 1024
