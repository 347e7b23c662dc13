"""The public page of each unit: what it offers and what it achieved, with nothing about any reporter."""
