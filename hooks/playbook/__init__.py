"""The playbook's domain logic: load, validate, filter and shape the YAML facts in data/.

Nothing in this package imports MkDocs. The adapters beside it (hooks/playbook_site.py,
hooks/playbook_macros.py) are the only code that knows the site engine, so moving to another
engine means rewriting those two files, not this package.
"""
