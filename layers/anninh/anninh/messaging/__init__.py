"""Replies and their exactly-once delivery: the low package the conversation, tips and questions all
use to message a citizen (it imports nothing else of the layer)."""
