"""The implementation playbook: Markdown pages and YAML facts, built into two static sites.

The build is a pipeline of four steps, one sub-package each:

    load     data/, docs/ front matter and the site settings -> one validated, frozen model
    stage    model + docs/ -> build/<audience>/, a plain MkDocs project holding only what that
             audience may see
    render   an MkDocs-compatible engine on each staged tree, then the steps that read its output
    publish  both sites switch together, or neither does

Nothing here imports an engine except render/engine.py, which only runs one in a subprocess.
"""
