"""Limits that keep one citizen from flooding the system or the officers."""
