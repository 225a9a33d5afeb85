"""What pages are shown with: the views templates draw, the macros pages may call, where each page
is published, the sentences outputs share, and the build's one HTML reader. Pure functions of the
model: the stage checks pages with them, the macros module the engine loads draws with them."""
