"""Scripts that print figures (`make bench`); importable so the load smoke test runs the same code."""
