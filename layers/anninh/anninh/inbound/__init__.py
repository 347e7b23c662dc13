"""From Zalo's webhook call to the inbound queue: size, JSON, signature, replay window, enqueue."""
