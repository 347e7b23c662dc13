"""Scheduled broadcasts: definition, EventBridge schedules, fan-out to the outbound queue, paced sends."""
