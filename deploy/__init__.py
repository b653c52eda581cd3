"""Running the dashboard for a team: HAProxy in front of several replicas sharing one store (README.md)."""
