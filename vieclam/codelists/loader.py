def load_codelists() -> dict[str, int]:
    return {}
