"""Rollover: last year's plan file → next year's, edited as text so that what the user
wrote survives; review.py keeps the ``review:`` list of what waits for a human.

May import: core, source, plan, document, diff, progress
"""
