"""Code lists of the canonical schema in display order (GLOTIP order, unknown last)."""

#: Display order of categorical codes (src/schema.rs); unknown last.
LEVELS = {
    "sex": ["female", "male", "transgender", "unknown"],
    "age_group": ["adult", "child", "unknown"],
    "sex_age": ["woman", "man", "girl", "boy", "unknown"],
    "citizenship": ["national", "foreign", "unknown"],
    "crime_type": ["tip", "som", "both", "other", "unknown"],
    "exploitation": [
        "sexual_exploitation",
        "forced_labour",
        "bonded_labour",
        "domestic_servitude",
        "begging",
        "forced_marriage",
        "forced_criminality",
        "organ_removal",
        "illegal_adoption",
        "other",
        "unknown",
    ],
}
