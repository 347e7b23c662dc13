"""Reaching citizens outside Zalo: printed flyers with the unit OA QR code."""
