"""Code lists of the canonical schema in display order (GLOTIP order, unknown last).

Also the GLOTIP forms of exploitation a person is counted under once: the schema keeps
bonded labour and domestic servitude apart (as Pakistani returns report them), GLOTIP
tables roll both up under forced labour, and a person with more than one form after the
roll-up counts once under ``mixed`` (an "other purposes" form, as in the GLOTIP
questionnaire).
"""

#: Display order of categorical codes (src/schema.rs); unknown last.
LEVELS = {
    "sex": ["female", "male", "transgender", "unknown"],
    "age_group": ["adult", "child", "unknown"],
    "sex_age": ["woman", "man", "girl", "boy", "transgender", "unknown"],
    "citizenship": ["national", "foreign", "unknown"],
    "crime_type": [
        "tip",
        "som",
        "both",
        "tip_related",
        "som_related",
        "migration_fraud",
        "other",
        "unknown",
    ],
    "role": [
        "victim",
        "smuggled_migrant",
        "accused",
        "complainant",
        "witness",
        "deportee",
        "unknown",
    ],
    "protection_status": [
        "in_shelter",
        "restored_to_family",
        "repatriated",
        "referred",
        "escaped",
        "discharged",
        "unknown",
    ],
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
        "armed_combat",
        "mixed",
        "other",
        "unknown",
    ],
    "form_group": ["sexual_exploitation", "forced_labour", "other_purposes", "unknown"],
    "offence": ["trafficking", "smuggling", "other"],
    "stage": ["suspected", "arrested", "prosecuted", "convicted", "acquitted"],
    "form": [
        "sexual_exploitation",
        "forced_labour",
        "forced_criminality",
        "begging",
        "forced_marriage",
        "organ_removal",
        "illegal_adoption",
        "armed_combat",
        "mixed",
        "other",
        "unknown",
    ],
}

#: Forms GLOTIP counts under forced labour.
ROLL_UP = {"bonded_labour": "forced_labour", "domestic_servitude": "forced_labour"}
#: The top-level GLOTIP form of each rolled-up form; the rest are "other purposes".
FORM_GROUP = {
    "sexual_exploitation": "sexual_exploitation",
    "forced_labour": "forced_labour",
    "unknown": "unknown",
}

#: Crime types that are trafficking in persons.
TIP_TYPES = ("tip", "both")
#: Crime types that are smuggling of migrants.
SOM_TYPES = ("som", "both")
#: Order in which a person's crime types across records resolve (src/normalize/offence.rs):
#: trafficking and smuggling together are both; then the first of this list.
CRIME_PRECEDENCE = (
    "tip",
    "som",
    "tip_related",
    "som_related",
    "migration_fraud",
    "other",
    "unknown",
)
#: Order in which a person's roles across records resolve: a person any unit recorded as a
#: victim is a victim (PTPA s.6: not criminally liable), then a smuggled migrant, ...
ROLE_PRECEDENCE = (
    "victim",
    "smuggled_migrant",
    "deportee",
    "accused",
    "complainant",
    "witness",
    "unknown",
)
