//! Several persons in one row: case-wise registers list all the victims of an FIR in one
//! cell ("1. Ali s/o Akbar (25) 2. Bilal s/o Akbar (19)", one per line, or `;`-separated), with
//! their CNICs, ages or phones listed in the same order in other cells.
//!
//! [`split_persons`] finds the persons of a name cell; [`split_list`] splits a parallel cell
//! into as many items, so that the reader can emit one record per person, aligning the lists
//! by position and reporting where their lengths disagree.

use crate::normalize::name;

/// A numbering mark at the start of an item: "1.", "2)", "(3)", "4-", "۱۔", "i)", "ii.".
fn numbering_at(s: &str) -> Option<(u32, usize)> {
    let t = s.trim_start();
    let lead = s.len() - t.len();
    let (open, body) = match t.strip_prefix('(') {
        Some(rest) => (1, rest),
        None => (0, t),
    };
    let digits: String = body
        .chars()
        .take_while(|c| c.is_numeric())
        .map(crate::normalize::text::ascii_digit)
        .collect();
    let (value, used) = if digits.is_empty() {
        let roman: String = body
            .chars()
            .take_while(|c| matches!(c, 'i' | 'v' | 'x'))
            .collect();
        let v = match roman.as_str() {
            "i" => 1,
            "ii" => 2,
            "iii" => 3,
            "iv" => 4,
            "v" => 5,
            "vi" => 6,
            "vii" => 7,
            "viii" => 8,
            "ix" => 9,
            "x" => 10,
            _ => return None,
        };
        (v, roman.len())
    } else {
        if digits.chars().count() > 2 {
            return None;
        }
        let bytes: usize = body
            .chars()
            .take_while(|c| c.is_numeric())
            .map(char::len_utf8)
            .sum();
        (digits.parse().ok()?, bytes)
    };
    let after = &body[used..];
    let mark = after.chars().next()?;
    if !matches!(mark, '.' | ')' | '-' | ':' | '۔') {
        return None;
    }
    if open == 1 && mark != ')' {
        return None;
    }
    // "1.5" is a number, not an item: the mark is followed by a space or a letter.
    let rest = &after[mark.len_utf8()..];
    if rest.chars().next().is_some_and(char::is_numeric) {
        return None;
    }
    Some((value, lead + open + used + mark.len_utf8()))
}

/// Items numbered 1, 2, 3… in order ("1. A 2. B", "1) A\n2) B", "(1) A (2) B").
fn numbered_items(cell: &str) -> Option<Vec<String>> {
    let (first, skip) = numbering_at(cell)?;
    if first != 1 {
        return None;
    }
    let mut items = Vec::new();
    let mut expected = 2;
    let mut start = skip;
    let mut i = skip;
    let bytes_at = |k: usize| cell.is_char_boundary(k);
    while i < cell.len() {
        if bytes_at(i) {
            let prev = cell[..i].chars().next_back();
            let boundary = prev.is_some_and(|c| c.is_whitespace() || matches!(c, ',' | ';' | '|'));
            if boundary {
                if let Some((v, used)) = numbering_at(&cell[i..]) {
                    if v == expected {
                        items.push(cell[start..i].to_owned());
                        expected += 1;
                        start = i + used;
                        i = start;
                        continue;
                    }
                }
            }
        }
        i += 1;
    }
    items.push(cell[start..].to_owned());
    let items: Vec<String> = items
        .into_iter()
        .map(|s| s.trim().trim_end_matches([',', ';', '|']).trim().to_owned())
        .collect();
    (items.len() >= 2 && items.iter().all(|s| !s.is_empty())).then_some(items)
}

fn has_letters(s: &str) -> bool {
    s.chars().filter(|c| c.is_alphabetic()).count() >= 2
}

/// Whether a line continues the person above rather than naming a new one: it starts with a
/// relation or residence marker ("s/o Akbar", "r/o Daska") or holds no name.
fn continues_person(line: &str) -> bool {
    let lower = line.trim().to_lowercase();
    let first: String = lower.split_whitespace().next().unwrap_or("").to_owned();
    let first = first.trim_end_matches(['.', ':', ',']);
    let tables = crate::reference::names();
    tables.relations.contains_key(first)
        || [
            "son", "daughter", "wife", "resident", "caste", "age", "aged", "cnic", "r/o",
        ]
        .contains(&first)
        || !has_letters(line)
}

fn names_a_relation(part: &str) -> bool {
    let p = name::parse_name(part);
    p.name.is_some() && (p.father.is_some() || p.husband.is_some())
}

/// Whether a residence is a ditto ("r/o -do-", "r/o same", "r/o ditto"): the person above's.
fn is_ditto_residence(text: &str) -> bool {
    let core: String = text
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == ' ')
        .collect::<String>()
        .trim()
        .to_lowercase();
    matches!(
        core.as_str(),
        "do" | "ditto" | "same" | "same as above" | "as above" | "ایضاً" | "ایضا"
    )
}

/// Persons of one cell with "r/o -do-" replaced by the residence of the person before.
fn resolve_ditto_residences(parts: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(parts.len());
    let mut last_residence: Option<String> = None;
    for part in parts {
        let fixed = match crate::normalize::place::residence_in_name(&part) {
            Some(res) => {
                let start = res.as_ptr() as usize - part.as_ptr() as usize;
                if is_ditto_residence(res) {
                    match &last_residence {
                        Some(prev) => format!(
                            "{} {prev}",
                            part[..start].trim_end_matches(['-', ':', '.', ' '])
                        ),
                        None => part.clone(),
                    }
                } else {
                    last_residence = Some(res.to_owned());
                    part.clone()
                }
            }
            None => part.clone(),
        };
        out.push(fixed);
    }
    out
}

/// The persons named in one cell, when it names two or more: numbered items, lines, or
/// `;`-separated parts (or `,`/`&`/"and" between parts that each carry their own parentage).
/// Numbering marks are removed; each person's own text (with its parentage and any age in
/// brackets) is kept.
#[must_use]
pub fn split_persons(cell: &str) -> Option<Vec<String>> {
    split_persons_raw(cell).map(resolve_ditto_residences)
}

fn split_persons_raw(cell: &str) -> Option<Vec<String>> {
    let cell = cell.trim();
    // Runs on every name cell: most name one person and have no separator or numbering.
    let numbered = cell
        .chars()
        .next()
        .is_some_and(|c| c.is_numeric() || matches!(c, '(' | 'i'));
    if cell.is_empty()
        || !(numbered || cell.contains(['\n', ';', '|', ',', '&', '،']) || cell.contains(" and "))
    {
        return None;
    }
    if let Some(items) = numbered_items(cell) {
        return items.iter().all(|s| has_letters(s)).then_some(items);
    }
    let lines: Vec<&str> = cell
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if lines.len() >= 2 && lines.iter().skip(1).all(|l| !continues_person(l)) {
        return Some(lines.iter().map(|s| (*s).to_owned()).collect());
    }
    for sep in [";", "|"] {
        let parts: Vec<&str> = cell
            .split(sep)
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        if parts.len() >= 2 && parts.iter().all(|p| has_letters(p) && !continues_person(p)) {
            return Some(parts.iter().map(|s| (*s).to_owned()).collect());
        }
    }
    // ",", "&", "and": only between parts that each name their own father or husband
    // ("Ali s/o Akbar, Bilal s/o Nazir"), since a comma also sits inside one person's cell.
    let normalized = cell.replace(" & ", ",").replace(" and ", ",");
    let parts: Vec<&str> = normalized
        .split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() >= 2 && parts.iter().all(|p| names_a_relation(p)) {
        return Some(parts.iter().map(|s| (*s).to_owned()).collect());
    }
    None
}

/// A parallel cell split into exactly `k` items, when it lists that many: numbered items,
/// lines, `;`-separated parts, and (when `commas` is true: short personal values, where a
/// comma cannot be part of one value as it is in an address) `,` or `/`-separated parts or
/// whitespace-separated numbers.
#[must_use]
pub fn split_list(cell: &str, k: usize, commas: bool) -> Option<Vec<String>> {
    let cell = cell.trim();
    if k < 2 || cell.is_empty() {
        return None;
    }
    let pick = |parts: Vec<String>| (parts.len() == k).then_some(parts);
    if let Some(items) = numbered_items(cell) {
        return pick(items);
    }
    let split = |sep: &[char]| -> Vec<String> {
        cell.split(sep)
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(str::to_owned)
            .collect()
    };
    for seps in [&['\n', '\r'][..], &[';'], &['|']] {
        let parts = split(seps);
        if parts.len() >= 2 {
            return pick(parts);
        }
    }
    if !commas {
        return None;
    }
    let parts = split(&[',', '،']);
    if parts.len() >= 2 {
        return pick(parts);
    }
    // "35202-1234567-1/35202-7654321-3": slashes between long numbers only (a date has them
    // too).
    let parts = split(&['/']);
    if parts.len() == k
        && parts
            .iter()
            .all(|p| p.chars().filter(char::is_ascii_digit).count() >= 10)
    {
        return Some(parts);
    }
    // "25 19", "25 & 19", "25 and 19": numbers separated by spaces or conjunctions.
    let words: Vec<String> = cell
        .split(|c: char| c.is_whitespace() || c == '&')
        .filter(|w| !w.is_empty() && *w != "and")
        .map(str::to_owned)
        .collect();
    if words.len() == k
        && words
            .iter()
            .all(|w| w.chars().all(|c| c.is_numeric() || c == '-'))
    {
        return Some(words);
    }
    None
}

/// Fields whose value belongs to one person: a single value cannot be shared out among
/// several persons of a row.
#[must_use]
pub fn is_personal(field: &str) -> bool {
    matches!(
        field,
        "cnic" | "passport" | "phone" | "age" | "date_of_birth" | "record_id"
    )
}

/// Fields whose values are short enough that a comma separates two of them (not an
/// address, remarks or sections, where commas sit inside one value).
#[must_use]
pub fn lists_with_commas(field: &str) -> bool {
    is_personal(field)
        || matches!(
            field,
            "sex" | "nationality" | "father_name" | "husband_name" | "name"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_lines_and_separated_persons() {
        assert_eq!(
            split_persons("1. Ali s/o Akbar (25) 2. Bilal s/o Akbar (19)").unwrap(),
            ["Ali s/o Akbar (25)", "Bilal s/o Akbar (19)"]
        );
        assert_eq!(
            split_persons("1) Ayesha\n2) Sana\n3) Hina").unwrap(),
            ["Ayesha", "Sana", "Hina"]
        );
        assert_eq!(
            split_persons("(1) Ayesha d/o Aslam (2) Sana d/o Aslam").unwrap(),
            ["Ayesha d/o Aslam", "Sana d/o Aslam"]
        );
        assert_eq!(
            split_persons("Ali s/o Akbar; Bilal s/o Nazir").unwrap(),
            ["Ali s/o Akbar", "Bilal s/o Nazir"]
        );
        assert_eq!(
            split_persons("Ali s/o Akbar, Bilal s/o Nazir").unwrap(),
            ["Ali s/o Akbar", "Bilal s/o Nazir"]
        );
        assert_eq!(
            split_persons("Ali Raza\nBilal Ahmed").unwrap(),
            ["Ali Raza", "Bilal Ahmed"]
        );
        assert_eq!(
            split_persons("۱۔ علی ولد اکبر ۲۔ بلال ولد اکبر").unwrap(),
            ["علی ولد اکبر", "بلال ولد اکبر"]
        );
    }

    #[test]
    fn ditto_residences() {
        assert_eq!(
            split_persons(
                "1. Zishan s/o Lal Din r/o Sandhu Wala, Sialkot 2. Majid s/o Lal Din r/o -do-"
            )
            .unwrap(),
            [
                "Zishan s/o Lal Din r/o Sandhu Wala, Sialkot",
                "Majid s/o Lal Din r/o Sandhu Wala, Sialkot"
            ]
        );
    }

    #[test]
    fn one_person_stays_one() {
        for cell in [
            "Ali s/o Akbar",
            "Ali s/o Akbar\nr/o Daska",
            "Mst. Sana, d/o Rafiq",
            "Ali s/o Akbar, r/o House 12, Daska",
            "Ali s/o Akbar (25)",
            "2. Ali",
            "Ali 1.5",
            "",
        ] {
            assert_eq!(split_persons(cell), None, "{cell:?}");
        }
    }

    #[test]
    fn parallel_lists() {
        assert_eq!(
            split_list("35202-1234567-1\n35202-7654321-3", 2, true).unwrap(),
            ["35202-1234567-1", "35202-7654321-3"]
        );
        assert_eq!(
            split_list("1. 35202-1234567-1 2. 35202-7654321-3", 2, true).unwrap(),
            ["35202-1234567-1", "35202-7654321-3"]
        );
        assert_eq!(split_list("25, 19", 2, true).unwrap(), ["25", "19"]);
        assert_eq!(split_list("25 19", 2, true).unwrap(), ["25", "19"]);
        assert_eq!(
            split_list("3520212345671/3520276543213", 2, true).unwrap(),
            ["3520212345671", "3520276543213"]
        );
        assert_eq!(split_list("25, 19, 30", 2, true), None);
        assert_eq!(split_list("House 12, Daska", 2, false), None);
        assert_eq!(split_list("12/03/2022", 2, true), None);
        assert_eq!(split_list("25", 2, true), None);
    }
}
