//! The canonical schema: column names and the code lists of categorical fields.
//!
//! Reading maps every house style onto these column names (as text); normalization turns
//! them into typed values and keeps the raw text as `<field>_raw`. Code lists follow
//! `shared/reference/domain.md` (GLOTIP categories, PTPA/PSMA 2018 crime types).

use serde::{Deserialize, Serialize};

/// Columns that say where a record came from; added by the reader.
pub const PROVENANCE_COLUMNS: [&str; 4] = ["source", "source_file", "source_sheet", "source_row"];

/// The canonical fields a circle return may carry, in display order.
pub const CANONICAL_FIELDS: [&str; 28] = [
    "record_id",
    "case_id",
    "fir_no",
    "police_station",
    "name",
    "father_name",
    "husband_name",
    "sex",
    "age",
    "date_of_birth",
    "cnic",
    "passport",
    "phone",
    "nationality",
    "address",
    "district",
    "province",
    "date",
    "law_sections",
    "crime_type",
    "exploitation",
    "case_status",
    "protection_status",
    "destination",
    "role",
    "remarks",
    "source_type",
    "date_of_report",
];

/// Whether a name is a canonical field.
#[must_use]
pub fn is_canonical(name: &str) -> bool {
    CANONICAL_FIELDS.contains(&name) || PROVENANCE_COLUMNS.contains(&name)
}

macro_rules! code_list {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $code:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        #[allow(missing_docs)]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            /// Every value, in display order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The code written in tables.
            #[must_use]
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            /// The value for a code, if it is one.
            #[must_use]
            pub fn from_code(code: &str) -> Option<Self> {
                match code { $($code => Some($name::$variant),)+ _ => None }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.code())
            }
        }
    };
}

code_list! {
    /// Sex as recorded; transgender (khawaja sira) is a category of its own in Pakistani law
    /// (Transgender Persons (Protection of Rights) Act 2018) and on the CNIC.
    Sex { Male => "male", Female => "female", Transgender => "transgender", Unknown => "unknown" }
}

code_list! {
    /// Child (under 18 at the time of the offence) or adult.
    AgeGroup { Child => "child", Adult => "adult", Unknown => "unknown" }
}

code_list! {
    /// The GLOTIP disaggregation of victims (women, men, girls, boys), with transgender persons
    /// in a category of their own whatever their age (never folded into unknown).
    SexAge {
        Man => "man",
        Woman => "woman",
        Boy => "boy",
        Girl => "girl",
        Transgender => "transgender",
        Unknown => "unknown",
    }
}

code_list! {
    /// Trafficking in persons (PTPA 2018, PACHTO 2002), smuggling of migrants (PSMA 2018),
    /// both, offences related to either without being it (the PPC's trafficking-like
    /// sections, 498-B forced marriage, 374 compelled labour, BLSA, THOTA; Emigration
    /// Ordinance s.17, Passport Act), recruitment fraud against emigrants (Emigration
    /// Ordinance ss.18, 19, 22: no illegal entry, so not smuggling under SOM Protocol arts. 3
    /// and 6), another crime, or not known (domain.md §1.7).
    CrimeType {
        Tip => "tip",
        Som => "som",
        Both => "both",
        TipRelated => "tip_related",
        SomRelated => "som_related",
        MigrationFraud => "migration_fraud",
        Other => "other",
        Unknown => "unknown",
    }
}

code_list! {
    /// A person's role in a case. Indicators count victims (and, on request, smuggled
    /// migrants); a migrant booked under Emigration Ordinance s.17(1) or deported is an
    /// offender or a deportee, not a victim.
    Role {
        Victim => "victim",
        SmuggledMigrant => "smuggled_migrant",
        Accused => "accused",
        Complainant => "complainant",
        Witness => "witness",
        Deportee => "deportee",
        Unknown => "unknown",
    }
}

code_list! {
    /// Forms of exploitation (GLOTIP categories, with bonded labour and domestic servitude kept
    /// apart as Pakistani data report them; tables roll both up under forced labour). Armed
    /// combat covers children used as soldiers; mixed is a record that says so.
    Exploitation {
        SexualExploitation => "sexual_exploitation",
        ForcedLabour => "forced_labour",
        BondedLabour => "bonded_labour",
        DomesticServitude => "domestic_servitude",
        Begging => "begging",
        ForcedMarriage => "forced_marriage",
        ForcedCriminality => "forced_criminality",
        OrganRemoval => "organ_removal",
        IllegalAdoption => "illegal_adoption",
        ArmedCombat => "armed_combat",
        Mixed => "mixed",
        Other => "other",
        Unknown => "unknown",
    }
}

code_list! {
    /// Stage of a case.
    CaseStatus {
        Investigation => "investigation",
        Prosecution => "prosecution",
        Convicted => "convicted",
        Acquitted => "acquitted",
        Absconding => "absconding",
        Closed => "closed",
        Unknown => "unknown",
    }
}

code_list! {
    /// A shelter's or protection unit's outcome for a person (never a stage of the case):
    /// in a shelter (Dar-ul-Aman, crisis centre), restored to family, repatriated to another
    /// country, referred to another service, escaped or absconded from the shelter, discharged
    /// (released on a court order or of their own will).
    ProtectionStatus {
        InShelter => "in_shelter",
        RestoredToFamily => "restored_to_family",
        Repatriated => "repatriated",
        Referred => "referred",
        Escaped => "escaped",
        Discharged => "discharged",
        Unknown => "unknown",
    }
}

code_list! {
    /// Kind of the unit that recorded a victim.
    SourceType {
        FiaCircle => "fia_circle",
        Police => "police",
        SocialWelfare => "social_welfare",
        Ngo => "ngo",
        Other => "other",
    }
}

impl SexAge {
    /// The GLOTIP category from sex and age group. Transgender persons are `Transgender`
    /// at any age; unknown sex, or unknown age of a man or woman, give `Unknown`.
    #[must_use]
    pub fn from_sex_and_age_group(sex: Sex, age_group: AgeGroup) -> Self {
        match (sex, age_group) {
            (Sex::Transgender, _) => Self::Transgender,
            (Sex::Male, AgeGroup::Adult) => Self::Man,
            (Sex::Female, AgeGroup::Adult) => Self::Woman,
            (Sex::Male, AgeGroup::Child) => Self::Boy,
            (Sex::Female, AgeGroup::Child) => Self::Girl,
            _ => Self::Unknown,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for e in Exploitation::ALL {
            assert_eq!(Exploitation::from_code(e.code()), Some(*e));
        }
        assert_eq!(serde_json::to_string(&CrimeType::Som).unwrap(), "\"som\"");
    }

    #[test]
    fn sex_age() {
        assert_eq!(
            SexAge::from_sex_and_age_group(Sex::Female, AgeGroup::Child),
            SexAge::Girl
        );
        // Transgender victims keep their own row in every table (DESIGN.md).
        for group in AgeGroup::ALL {
            assert_eq!(
                SexAge::from_sex_and_age_group(Sex::Transgender, *group),
                SexAge::Transgender
            );
        }
        assert_eq!(
            SexAge::from_sex_and_age_group(Sex::Male, AgeGroup::Unknown),
            SexAge::Unknown
        );
    }
}
