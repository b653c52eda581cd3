"""How actors are named in the pickers: the name and the aliases the briefing gives, in any script
(never a generated spelling: a typed 'Gruene' is matched on the server, `Briefing.best_actor`)."""

from __future__ import annotations

from dashboard.briefing import Briefing


def actor_label(briefing: Briefing) -> dict[str, str]:
    """Name plus the briefing's aliases, so typing 习近平, Путин or 'Xi' finds the actor in the list."""
    labels = {}
    for row in briefing.actors.itertuples(index=False):
        aliases = [a for a in (row.aliases if isinstance(row.aliases, list) else []) if a]
        labels[row.id] = f"{row.name} ({' · '.join(aliases)})" if aliases else str(row.name)
    return labels
