"""Document: the model that gets printed (model.py) and the build from a Plan.

model.py holds the closed set of block kinds and imports nothing from the package;
build.py turns a Plan into a Document (numbering.py computes the labels 一、（一）1.（1）,
phrases.py the year phrases, templating.py runs the Jinja templates in a sandbox);
outline.py gives the structure for scripts.

May import: core, plan
"""
