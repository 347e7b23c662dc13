"""Composition roots: one module per Lambda function builds what its handler needs from settings.

Only these modules bind the DynamoDB adapters in ``anninh.store`` and the Zalo client to the services and
the domain; nothing in the layer imports this package (handlers in ``functions/`` do), so the domain
packages never climb back to the adapters that implement their ports.
"""
