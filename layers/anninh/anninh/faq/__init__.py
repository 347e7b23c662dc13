"""Vietnamese FAQ engine: normalisation, knowledge base, matcher and its command line.

Public entry point: :class:`anninh.faq.engine.FaqEngine`.
"""
