"""Statistics per unit and Vietnam day, kept as counters (no scans), rolled up the unit tree."""
