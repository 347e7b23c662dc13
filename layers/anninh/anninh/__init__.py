"""Kết nối Zalo an ninh: the shared domain package of every Lambda function and the `anninh` CLI."""

__version__ = "0.1.0"
