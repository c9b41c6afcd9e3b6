//! Source names as analysts type them: `Mr Osei`, `Rafael T. Osei`, `Osei`, `OSEI` are one
//! source. Pure functions over names and counts, shared by the claim editor's completion and
//! the review chart's "most cited sources".
//!
//! Two spellings are the same source when their words agree once case, spacing, dots and
//! leading titles (`Mr`, `Dr`, `Health Minister`) are set aside; and two person names are the
//! same when their surnames agree and their given names do as far as both go, an initial
//! standing for any name it starts (`R. T. Osei` is `Rafael T. Osei`). A surname alone, or an
//! initial, matches a fuller name only when no other fuller name fits it too: with `Rafael Osei`
//! and `Kwame Osei` both cited, `Osei` stays apart.

use std::collections::BTreeMap;

use crate::corpus::Reviewed;

/// Words that stand before a name and are not part of it (compared in lower case, without
/// dots): courtesy titles, offices, ranks.
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "lord",
    "lady",
    "baron",
    "baroness",
    "president",
    "vice",
    "minister",
    "secretary",
    "chancellor",
    "premier",
    "pm",
    "senator",
    "sen",
    "rep",
    "representative",
    "governor",
    "gov",
    "mayor",
    "ambassador",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "general",
    "gen",
    "colonel",
    "col",
    "captain",
    "capt",
    "lieutenant",
    "lt",
    "sergeant",
    "sgt",
    "commissioner",
    "judge",
    "justice",
    "rev",
    "reverend",
    "father",
    "sheikh",
    "king",
    "queen",
    "prince",
    "princess",
];

/// Last words that make a name a body, not a person: a surname alone never matches them.
const BODIES: &[&str] = &[
    "agency",
    "army",
    "association",
    "authority",
    "bank",
    "board",
    "bureau",
    "commission",
    "committee",
    "council",
    "court",
    "department",
    "government",
    "group",
    "institute",
    "ministry",
    "news",
    "office",
    "officials",
    "organisation",
    "organization",
    "party",
    "police",
    "press",
    "report",
    "service",
    "spokesperson",
    "times",
    "union",
    "university",
];

/// A source name reduced for comparing: its words in lower case, titles set aside, and whether
/// it reads as a person's name (every word capitalised, the last no body's).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    words: Vec<String>,
    person: bool,
}

impl Name {
    /// Reduces `source`: split on spaces, commas and dots; leading titles dropped when a name
    /// follows them (`Health Minister Osei` is `Osei`; `the Minister` stays as it is).
    pub fn of(source: &str) -> Self {
        let original: Vec<&str> = source
            .split(|c: char| c.is_whitespace() || c == ',' || c == '.')
            .filter(|w| !w.is_empty())
            .collect();
        let lower: Vec<String> = original.iter().map(|w| w.to_lowercase()).collect();
        let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
        // The name starts after the last title among the leading capitalised words.
        let leading = original.iter().take_while(|w| capitalised(w)).count();
        let start = (0..leading)
            .rev()
            .find(|&i| TITLES.contains(&lower[i].as_str()))
            .map_or(0, |i| i + 1);
        let start = if start < original.len() { start } else { 0 };
        let name = &original[start..];
        let person = !name.is_empty()
            && name.len() <= 5
            && name.iter().all(|w| {
                capitalised(w) && w.chars().all(|c| c.is_alphabetic() || "-'’".contains(c))
            })
            && !BODIES.contains(&lower[original.len() - 1].as_str());
        Self {
            words: lower[start..].to_vec(),
            person,
        }
    }

    /// The reduced words, joined: equal keys mean the same source, spelled differently.
    pub fn key(&self) -> String {
        self.words.join(" ")
    }

    /// Whether the words say the same person: the same surname, and given names that agree as
    /// far as both go (an initial agrees with any name it starts). A surname alone agrees with
    /// any name that ends with it; whether that is unambiguous is for the caller to judge.
    pub fn agrees(&self, other: &Self) -> bool {
        if self.words == other.words {
            return !self.words.is_empty();
        }
        if !self.person || !other.person {
            return false;
        }
        let (Some((last, given)), Some((other_last, other_given))) =
            (self.words.split_last(), other.words.split_last())
        else {
            return false;
        };
        if last != other_last {
            return false;
        }
        let (short, long) = if given.len() <= other_given.len() {
            (given, other_given)
        } else {
            (other_given, given)
        };
        match (short.first(), long.first()) {
            (None, _) => true,
            (Some(a), Some(b)) if word_agrees(a, b) => {
                // The rest of the shorter given names, in order, among the rest of the longer.
                let mut rest = long[1..].iter();
                short[1..]
                    .iter()
                    .all(|w| rest.any(|other| word_agrees(w, other)))
            }
            _ => false,
        }
    }

    /// How much of a name this is: words, then words that are more than initials.
    fn fullness(&self) -> (usize, usize) {
        let full = self.words.iter().filter(|w| w.chars().count() > 1).count();
        (self.words.len(), full)
    }
}

/// Whether two given names agree: equal, or one an initial of the other.
fn word_agrees(a: &str, b: &str) -> bool {
    let initial = |w: &str, of: &str| w.chars().count() == 1 && of.starts_with(w);
    a == b || initial(a, b) || initial(b, a)
}

/// One source and the spellings counted as it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The name shown: the most used spelling of the fullest name in the group.
    pub name: String,
    /// Claims citing any of its spellings.
    pub count: usize,
    /// The other spellings merged into it, most used first.
    pub variants: Vec<String>,
}

/// Groups `spellings` (each with how many claims cite it) into sources: spellings with the same
/// reduced words, then shorter person names into the one fuller name they agree with, when
/// exactly one does. Most cited first; ties by name.
pub fn group(spellings: &[(String, usize)]) -> Vec<Source> {
    // Spellings with the same reduced words, in one bucket each.
    let mut buckets: BTreeMap<String, (Name, Vec<(String, usize)>)> = BTreeMap::new();
    for (spelling, count) in spellings {
        let trimmed = spelling.trim();
        if trimmed.is_empty() {
            continue;
        }
        let name = Name::of(trimmed);
        let key = if name.words.is_empty() {
            trimmed.to_lowercase()
        } else {
            name.key()
        };
        let bucket = buckets
            .entry(key)
            .or_insert_with(|| (name.clone(), Vec::new()));
        // `Osei` makes the bucket a person's even when `osei` came first.
        bucket.0.person |= name.person;
        match bucket.1.iter_mut().find(|(s, _)| s == trimmed) {
            Some((_, n)) => *n += count,
            None => bucket.1.push((trimmed.to_owned(), *count)),
        }
    }
    let mut buckets: Vec<(Name, Vec<(String, usize)>)> = buckets.into_values().collect();
    // The fullest names first, so that shorter ones find them already placed.
    buckets.sort_by(|a, b| {
        let total = |s: &[(String, usize)]| s.iter().map(|(_, n)| n).sum::<usize>();
        b.0.fullness()
            .cmp(&a.0.fullness())
            .then_with(|| total(&b.1).cmp(&total(&a.1)))
    });
    let mut roots: Vec<(Name, Vec<(String, usize)>)> = Vec::new();
    // Names in different buckets agree only with the same last word: only those are compared,
    // so a folder citing thousands of sources is grouped in about linear time.
    let mut by_last: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (name, spellings) in buckets {
        let last = name.words.last().cloned().unwrap_or_default();
        let same_last = by_last.entry(last).or_default();
        let mut fitting = same_last.iter().filter(|&&i| roots[i].0.agrees(&name));
        if let (Some(&i), None) = (fitting.next(), fitting.next()) {
            roots[i].1.extend(spellings);
        } else {
            same_last.push(roots.len());
            roots.push((name, spellings));
        }
    }
    let mut sources: Vec<Source> = roots
        .into_iter()
        .map(|(_, spellings)| {
            // The root's own spellings came first: the name is the most used of them.
            let root_key = Name::of(&spellings[0].0).key();
            let root_len = spellings
                .iter()
                .position(|(s, _)| Name::of(s).key() != root_key)
                .unwrap_or(spellings.len());
            let name = most_used(&spellings[..root_len]);
            let count = spellings.iter().map(|(_, n)| n).sum();
            let mut others: Vec<(String, usize)> =
                spellings.into_iter().filter(|(s, _)| *s != name).collect();
            others.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            Source {
                name,
                count,
                variants: others.into_iter().map(|(s, _)| s).collect(),
            }
        })
        .collect();
    sources.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
    });
    sources
}

/// The most used of `spellings`; of those used as often, one not shouted in capitals (`the
/// ministry` rather than `THE MINISTRY`; an acronym such as `CTD` or `UNHCR` is no shout), else
/// the first.
fn most_used(spellings: &[(String, usize)]) -> String {
    let shouted = |s: &str| {
        let letters = s.chars().filter(|c| c.is_alphabetic()).count();
        letters > 5 && !s.chars().any(char::is_lowercase)
    };
    let mut best: Option<&(String, usize)> = None;
    for s in spellings {
        let better =
            best.is_none_or(|b| s.1 > b.1 || (s.1 == b.1 && shouted(&b.0) && !shouted(&s.0)));
        if better {
            best = Some(s);
        }
    }
    best.map(|(s, _)| s.clone()).unwrap_or_default()
}

/// What to offer for `typed` in a source field, from the `known` sources with their counts: the
/// most used known source that starts with what was typed (in any case), else the one source
/// whose spellings agree with it (`Mr Osei` offers `Rafael T. Osei`). `None` when nothing
/// fits, more than one source does, or the offer is what was typed.
pub fn complete(typed: &str, known: &[(String, usize)]) -> Option<String> {
    let typed = typed.trim_start();
    if typed.trim().is_empty() {
        return None;
    }
    let mut ranked: Vec<&(String, usize)> = known.iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let lower = typed.to_lowercase();
    if let Some((known, _)) = ranked
        .iter()
        .find(|(k, _)| k.len() > typed.len() && k.to_lowercase().starts_with(&lower))
    {
        return Some(known.clone());
    }
    // What is being typed need not be capitalised to be a name.
    let name = Name::of(&capitalised(typed));
    let agreeing: Vec<(String, usize)> = ranked
        .into_iter()
        .filter(|(k, _)| Name::of(k).agrees(&name))
        .cloned()
        .collect();
    let mut sources = group(&agreeing).into_iter();
    match (sources.next(), sources.next()) {
        (Some(source), None) if source.name != typed => Some(source.name),
        _ => None,
    }
}

/// `text` with the first letter of every word in upper case.
fn capitalised(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut start = true;
    for c in text.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
        start = c.is_whitespace() || c == '.' || c == ',';
    }
    out
}

/// The sources the claims of `reports` cite, each spelling with how many claims cite it.
pub fn cited<'a>(reports: impl IntoIterator<Item = &'a Reviewed>) -> Vec<(String, usize)> {
    count(
        reports
            .into_iter()
            .flat_map(|r| &r.claims)
            .filter_map(|c| c.source.as_deref()),
    )
}

/// Each distinct spelling of `sources` (trimmed; empty ones left out) with how often it comes.
pub fn count<'a>(sources: impl IntoIterator<Item = &'a str>) -> Vec<(String, usize)> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for source in sources.into_iter().map(str::trim).filter(|s| !s.is_empty()) {
        *counts.entry(source).or_default() += 1;
    }
    counts.into_iter().map(|(s, n)| (s.to_owned(), n)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn known(list: &[(&str, usize)]) -> Vec<(String, usize)> {
        list.iter().map(|(s, n)| ((*s).to_owned(), *n)).collect()
    }

    fn same(a: &str, b: &str) -> bool {
        Name::of(a).agrees(&Name::of(b))
    }

    #[test]
    fn case_spacing_dots_and_titles_are_set_aside() {
        assert!(same("Mr Osei", "osei"));
        assert!(same("Rafael  T. Osei", "rafael t osei"));
        assert!(same("Health Minister Rafael Osei", "Rafael Osei"));
        assert!(same("Dr. Amina Yusuf", "Amina Yusuf"));
        assert!(same("President Osei", "Rafael T. Osei"));
        assert_eq!(
            Name::of("the Minister").key(),
            "the minister",
            "no name follows"
        );
        assert_eq!(Name::of("Minister").key(), "minister");
        assert_eq!(Name::of("Foreign Minister").key(), "foreign minister");
    }

    #[test]
    fn initials_stand_for_the_names_they_start() {
        assert!(same("R. T. Osei", "Rafael T. Osei"));
        assert!(same("R.T. Osei", "Rafael Tunde Osei"));
        assert!(
            same("Rafael Osei", "Rafael T. Osei"),
            "a middle name left out"
        );
        assert!(!same("K. Osei", "Rafael Osei"));
        assert!(!same("Kwame Osei", "Rafael Osei"));
        assert!(!same("Rafael Mensah", "Rafael Osei"));
    }

    #[test]
    fn bodies_and_lower_case_descriptions_match_only_whole() {
        assert!(!same("Ministry", "Health Ministry"));
        assert!(!same("police", "Kenya police"));
        assert!(!same("officials", "senior officials"));
        assert!(same("the UN report", "The UN  report"));
        assert!(!same("", ""), "nothing is no source");
    }

    #[test]
    fn variants_merge_into_the_fullest_name() {
        let sources = group(&known(&[
            ("Rafael T. Osei", 2),
            ("Mr Osei", 3),
            ("Osei", 1),
            ("osei", 1),
            ("the ministry", 4),
        ]));
        assert_eq!(
            sources[0],
            Source {
                name: "Rafael T. Osei".into(),
                count: 7,
                variants: vec!["Mr Osei".into(), "Osei".into(), "osei".into()],
            }
        );
        assert_eq!(sources[1].name, "the ministry");
        assert!(sources[1].variants.is_empty());
    }

    #[test]
    fn a_surname_shared_by_two_people_stays_apart() {
        let sources = group(&known(&[
            ("Rafael Osei", 2),
            ("Kwame Osei", 2),
            ("Osei", 5),
            ("R. Osei", 1),
        ]));
        let names: Vec<(&str, usize)> =
            sources.iter().map(|s| (s.name.as_str(), s.count)).collect();
        assert_eq!(names, [("Osei", 5), ("Rafael Osei", 3), ("Kwame Osei", 2)]);
    }

    #[test]
    fn completion_offers_the_most_used_known_start_then_a_variant() {
        let known = known(&[("Rafael T. Osei", 2), ("Reuters", 5), ("the ministry", 1)]);
        assert_eq!(complete("R", &known).as_deref(), Some("Reuters"));
        assert_eq!(complete("ra", &known).as_deref(), Some("Rafael T. Osei"));
        assert_eq!(
            complete("Mr Osei", &known).as_deref(),
            Some("Rafael T. Osei")
        );
        assert_eq!(complete("osei", &known).as_deref(), Some("Rafael T. Osei"));
        assert_eq!(
            complete("THE MINISTRY", &known).as_deref(),
            Some("the ministry")
        );
        assert_eq!(complete("Reuters", &known), None, "already there");
        assert_eq!(complete("", &known), None);
        assert_eq!(complete("Amina", &known), None);
    }

    #[test]
    fn counting_and_citing_trim_and_skip_empty_sources() {
        assert_eq!(
            count([" CTD", "CTD", "", "  ", "army"]),
            known(&[("CTD", 2), ("army", 1)])
        );
    }

    fn spelling() -> impl Strategy<Value = String> {
        prop::sample::select(vec![
            "Rafael T. Osei",
            "Mr Osei",
            "osei",
            "R. Osei",
            "Kwame Osei",
            "the ministry",
            "The  Ministry",
            "Dr Amina Yusuf",
            "A. Yusuf",
            "Reuters",
            "officials",
        ])
        .prop_map(str::to_owned)
    }

    proptest! {
        #[test]
        fn agreeing_is_symmetric_and_blind_to_case_and_spacing(a in "[A-Za-z. ]{0,24}", b in "[A-Za-z. ]{0,24}") {
            prop_assert_eq!(same(&a, &b), same(&b, &a));
            let spaced = a.replace(' ', "  ");
            prop_assert_eq!(Name::of(&a).key(), Name::of(&spaced).key());
            if !Name::of(&a).key().is_empty() {
                prop_assert!(same(&a, &a));
                let padded = format!(" {a} ");
                prop_assert!(same(&a, &padded));
            }
        }

        #[test]
        fn grouping_keeps_every_claim_and_every_spelling_once(
            spellings in prop::collection::vec((spelling(), 1usize..5), 0..12)
        ) {
            let sources = group(&spellings);
            let total: usize = spellings.iter().map(|(_, n)| n).sum();
            prop_assert_eq!(sources.iter().map(|s| s.count).sum::<usize>(), total);
            let mut shown: Vec<&str> = sources
                .iter()
                .flat_map(|s| std::iter::once(s.name.as_str()).chain(s.variants.iter().map(String::as_str)))
                .collect();
            shown.sort_unstable();
            let mut distinct: Vec<&str> = spellings.iter().map(|(s, _)| s.trim()).collect();
            distinct.sort_unstable();
            distinct.dedup();
            prop_assert_eq!(shown, distinct);
        }

        #[test]
        fn completion_offers_only_known_sources(
            typed in "[A-Za-z. ]{0,12}",
            spellings in prop::collection::vec((spelling(), 1usize..5), 0..8)
        ) {
            if let Some(offer) = complete(&typed, &spellings) {
                prop_assert!(spellings.iter().any(|(s, _)| s.trim() == offer));
                prop_assert_ne!(offer, typed);
            }
        }
    }
}
