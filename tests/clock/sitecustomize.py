"""Python runs this at the start of every process the test suite starts (tests/conftest.py puts
this folder on PYTHONPATH): with TESTS_STORY_CLOCK set (read as
scripts/story_clock.py reads CASEGATE_STORY_CLOCK, which tests may clear), the process reads the story's clock
(scripts/story_clock.py), like the suite itself, so what a subprocess records and judges agrees
with the story's dates on any real date."""

import os
import sys

if os.environ.get("TESTS_STORY_CLOCK"):
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "scripts"))
    try:
        import story_clock
    finally:
        del sys.path[0]
    story_clock.start(os.environ["TESTS_STORY_CLOCK"])
