"""The local stack: the whole system on one machine, read from template.yaml.

``python -m localrun`` (what ``make run`` calls) starts an embedded moto server, creates every resource the
template declares, serves the template's HTTP API routes through the real Lambda handlers, polls the
template's SQS event sources, fires its schedules, and mounts a fake Zalo OA API at ``/zalo-api/``.
"""
