"""Events other apps may follow without pilots knowing them (dependencies run one way)."""

from django.dispatch import Signal

# Sent by pilots.services, inside the saving transaction, after a pilot's content changed
# (its form or a new progress update). Arguments: pilot, actor. Rounds listen to send an
# approved entry back to review: an approval covers the content it saw, nothing later.
pilot_content_changed = Signal()
