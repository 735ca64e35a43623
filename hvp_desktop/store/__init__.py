"""The encrypted working file: engine, mappings, migrations, audit chain, operations."""
