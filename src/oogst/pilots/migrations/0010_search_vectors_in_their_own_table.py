"""PostgreSQL: the search vectors move from a pilots_pilot column to the table `pilots_search`.

Ranking reads the vector of every match; as a column, vectors over about 2 KB lived in TOAST
and were fetched one by one. SQLite (FTS5) is unchanged.
"""

from django.db import migrations

from oogst.pilots.search import move_postgresql_vectors


class Migration(migrations.Migration):
    dependencies = [("pilots", "0009_indicators_measurements_budget_lines")]
    operations = [migrations.RunPython(move_postgresql_vectors, migrations.RunPython.noop)]
