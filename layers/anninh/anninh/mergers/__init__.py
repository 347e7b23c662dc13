"""Unit mergers and renames: a service across the domains (units, tips, content, officers, statistics)."""
