"""Search: what the build writes for the site's search worker (overrides/assets/playbook/
search-worker.js), from the staged, audience-filtered playbook and the rendered pages. Imports
only playbook.model, lxml and snowballstemmer: never the stage, the render step or an engine."""
