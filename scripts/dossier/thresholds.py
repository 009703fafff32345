"""Every threshold of the pipeline, named and documented, in one place.

One frozen dataclass per stage (or family of heuristics), each field with the reason for its value;
the stages read the single instance below each class. Changing a number here is changing a heuristic:
run `make eval` before and after.
"""

from __future__ import annotations
