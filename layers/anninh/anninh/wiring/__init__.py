"""Composition roots: one module per Lambda function, named after its folder in functions/, whose one public
function ``build(env=None)`` returns what that handler needs (a typed deps dataclass or the service itself).

Handlers call ``from anninh.wiring import <function> as wiring; deps = wiring.build()``. What several
functions share (the Zalo client and token manager, the outbound queue and article quota) lives in private
modules ``_<topic>.py`` imported only by these modules; every environment value comes from anninh.settings.
Only this package binds the DynamoDB adapters in ``anninh.store`` and the Zalo client to the services and the
domain; nothing in the layer imports it, so the domain packages never climb back to the adapters that
implement their ports. tests/unit/architecture/test_wiring.py checks all of this.
"""
