"""Onboarding progress: readiness per curriculum stage and what to practise next (no I/O, no pygame)."""
