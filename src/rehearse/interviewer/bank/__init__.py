"""The curated question bank: YAML files in ``questions/``, one per topic, with a schema."""
