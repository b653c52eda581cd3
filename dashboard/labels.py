"""How actors are named in the pickers: name, aliases in any script, and the unaccented spelling, so
typing finds them however the reader spells them."""

from __future__ import annotations

from dashboard.briefing import Briefing
from dashboard.text import unaccented


def actor_label(briefing: Briefing) -> dict[str, str]:
    """Name plus aliases, so typing 习近平, Путин or 'Xi' finds the actor in the list; a name with
    accents also carries its unaccented spelling, so 'Grune' finds GRÜNE."""
    labels = {}
    for row in briefing.actors.itertuples(index=False):
        aliases = [a for a in (row.aliases if isinstance(row.aliases, list) else []) if a]
        plain = unaccented(str(row.name))
        if plain != row.name and plain not in aliases:
            aliases.append(plain)
        labels[row.id] = f"{row.name} ({' · '.join(aliases)})" if aliases else str(row.name)
    return labels
