"""The code lists of employment-service case work (codelists/data/services_lists.csv, with their legal source)."""

# Item codes of these lists are reference data (codelists.CodeItem), loaded by `vieclam load_reference`.
TOPICS_LIST = "counselling-topics"
CHANNELS_LIST = "counselling-channels"
UNIT_KINDS_LIST = "group-session-unit-kinds"
