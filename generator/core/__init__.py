"""Core: the facts every stage shares, and nothing else.

Holds the location and finding types (location.py), the one catalogue of finding codes
(codes.py), dates (dates.py), Chinese numerals both ways (numerals.py), the 发文字号 and
year patterns (patterns.py), and where the bundled templates and style sheets live
(resources.py).

May import: (nothing from the package)
"""
