"""The Pygame front end of Frontline (the only package that imports pygame).

``simulator.app.launch.launch(args)`` is the entry point. Modules needed for the first title
frame stay light (no pydantic, transitions or SQLAlchemy); everything else is imported lazily.
"""
