"""The programme: entities, rules R1–R21, lifecycle. Pure Python: no Qt, no SQL."""
