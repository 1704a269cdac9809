"""Frontline: a customer-service training simulator.

Sub-packages: ``content`` (scenario format and safe loader), ``engine`` (UI-free play API),
``cli`` (command line), and the Pygame front end. ``scoring`` is a sibling top-level package.
"""

__version__ = "0.1.0"
