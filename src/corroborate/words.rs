//! What a sentence states, reduced to what two sentences can be compared on: its content words
//! (lower case, stemmed, common synonyms folded together, function words and attribution left
//! out) and, apart from them, the numbers, dates and names it gives.
//!
//! Numbers, dates and names are kept out of the words on purpose: two reports that give a
//! different casualty figure make the same claim and disagree on one fact, which is worth
//! showing, not a reason to miss the link.

use std::collections::{HashMap, HashSet};
use std::hash::BuildHasher as _;
use std::ops::Range;
use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};

/// The kinds of fact compared apart from the words.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum FactKind {
    /// A number, in digits or words ("3", "three", "1.5 million").
    Number,
    /// A year, month, day of the month or of the week, "yesterday".
    Date,
    /// A run of capitalised words inside the sentence ("Anna Berg", "Red Cross").
    Name,
}

impl FactKind {
    /// The word written in JSON (`differences[].kind`).
    pub fn name(self) -> &'static str {
        match self {
            Self::Number => "number",
            Self::Date => "date",
            Self::Name => "name",
        }
    }
}

/// One number, date or name of a sentence.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Fact {
    /// What it is.
    pub kind: FactKind,
    /// Its normalised value: "3" for "three" and "3", "march 5" for "5 March", a name in lower
    /// case without titles.
    pub key: String,
    /// As the sentence writes it.
    pub written: String,
}

/// A sentence reduced for comparison.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Features {
    /// Ids of the content words, sorted and without repeats.
    pub words: Vec<u64>,
    /// The numbers, dates and names, in text order.
    pub facts: Vec<Fact>,
    /// Ids of the facts as tokens (a number's value, each word of a date or a name), sorted and
    /// without repeats: a sentence made mostly of names and figures ("Mr Hague became an MP at
    /// 27") is still compared, and a shared name or figure counts towards the match.
    pub fact_words: Vec<u64>,
}

impl Features {
    /// How many words and fact tokens the sentence has.
    pub fn len(&self) -> usize {
        self.words.len() + self.fact_words.len()
    }

    /// Whether it has none (too short to be compared, or not kept).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Words that say nothing on their own.
const STOPWORDS: &str = "\
    a about above after again against all almost along already also although am among an and \
    another any approximately are around as at be because been before being between both but by \
    can cent could did do does doing during each either else even ever every for from further \
    had has have having he her here hers herself him himself his how however i if in into is it \
    its itself just least less like may me might more most much must my nearly of off on once \
    only or other our ours out over own per percent perhaps quite rather really same shall she \
    should since so some such than that the their theirs them themselves then there these they \
    this those though through thus to too under until up upon us very was we were what when \
    where whether which while who whom whose why will with within would yet you your";

/// Attribution: who said it is not what is said, also where the suggestion rules did not mark
/// it.
const ATTRIBUTION: &str = "\
    according added adding announced claimed confirmed reported reportedly said say saying says \
    spokesman spokeswoman spokesperson stated statement tell telling told";

/// Negations: content, all folded onto "not".
const NEGATIONS: &str = "no not never nor none nobody nothing";

/// Common words folded onto one form before stemming, so a light rewording still matches: one
/// line per form, `form: the words folded onto it`. Deliberately short: only words a copy editor
/// swaps without changing the claim.
const SYNONYMS: &str = "
    die: killed died dead death deaths dying lives
    injure: wounded hurt injuries injured
    start: began begun begin begins commenced
    fire: blaze flames
    big: large huge
    close: shut
    buy: purchase purchased bought acquire acquired
    rise: rose risen increase increased
    fall: fell fallen dropped drop decline declined
    child: kids children
    house: homes houses home
    building: buildings
    car: vehicles vehicle cars
    help: assist assisted
    company: firm firms companies
    investigation: inquiry probe
    evacuate: evacuated
    police: cops
    detain: arrest arrested detained
";

/// Titles kept in a name as written but not in its key ("Mayor Anna Berg" is "anna berg").
const TITLES: &str = "\
    mr mrs ms miss dr sir dame lord lady president minister prime secretary chancellor mayor \
    chief inspector sergeant officer captain general judge professor prof senator governor king \
    queen prince princess st";

/// Months, each with its short forms.
const MONTHS: &str = "
    january: jan
    february: feb
    march: mar
    april: apr
    may:
    june: jun
    july: jul
    august: aug
    september: sep sept
    october: oct
    november: nov
    december: dec
";

/// Days of the week, and days said relative to the report.
const DAYS: &str = "\
    monday tuesday wednesday thursday friday saturday sunday yesterday today tomorrow tonight";

/// Numbers in words below twenty, from zero.
const SMALL: &str = "\
    zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen \
    fifteen sixteen seventeen eighteen nineteen";

/// Tens in words, from twenty.
const TENS: &str = "twenty thirty forty fifty sixty seventy eighty ninety";

/// Scale words and suffixes: "3 million", "3m", "3bn".
const SCALES: &[(&str, f64)] = &[
    ("hundred", 1e2),
    ("thousand", 1e3),
    ("k", 1e3),
    ("million", 1e6),
    ("m", 1e6),
    ("billion", 1e9),
    ("bn", 1e9),
    ("trillion", 1e12),
];

/// The lists above, read once.
struct Lists {
    stopwords: HashSet<&'static str>,
    negations: HashSet<&'static str>,
    synonyms: HashMap<&'static str, &'static str>,
    titles: HashSet<&'static str>,
    months: HashMap<&'static str, &'static str>,
    days: HashSet<&'static str>,
    units: HashMap<&'static str, f64>,
}

static LISTS: LazyLock<Lists> = LazyLock::new(|| {
    let numbers = SMALL
        .split_whitespace()
        .zip(0u32..)
        .chain(TENS.split_whitespace().zip((2u32..).map(|t| t * 10)))
        .map(|(w, v)| (w, f64::from(v)))
        .chain([("dozen", 12.0)])
        .collect();
    Lists {
        stopwords: STOPWORDS
            .split_whitespace()
            .chain(ATTRIBUTION.split_whitespace())
            .collect(),
        negations: NEGATIONS.split_whitespace().collect(),
        synonyms: folded(SYNONYMS),
        titles: TITLES.split_whitespace().collect(),
        months: folded(MONTHS),
        days: DAYS.split_whitespace().collect(),
        units: numbers,
    }
});

/// `word -> form` from lines `form: word word…`; each form maps to itself too.
fn folded(lines: &'static str) -> HashMap<&'static str, &'static str> {
    lines
        .lines()
        .filter_map(|line| line.split_once(':'))
        .flat_map(|(form, words)| {
            let form = form.trim();
            words
                .split_whitespace()
                .chain([form])
                .map(move |w| (w, form))
        })
        .collect()
}

static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

/// A word as found in the text.
#[derive(Debug, Clone)]
struct Token<'t> {
    text: &'t str,
    span: Range<usize>,
    /// The first word of the sentence or of a quotation in it: its capital says nothing.
    initial: bool,
}

/// The features of `text[sentence]`, leaving out the bytes in `skip` (the attribution: the
/// source's words and the reporting verb), which must lie inside the sentence.
pub fn features(text: &str, sentence: Range<usize>, skip: &[Range<usize>]) -> Features {
    let tokens = tokens(text, sentence, skip);
    let mut out = Features::default();
    let mut i = 0;
    while i < tokens.len() {
        i += one(text, &tokens, i, &mut out);
    }
    out.words.sort_unstable();
    out.words.dedup();
    out.fact_words = out
        .facts
        .iter()
        .flat_map(|fact| {
            let mark = match fact.kind {
                FactKind::Number => '#',
                FactKind::Date => '@',
                FactKind::Name => '$',
            };
            fact.key
                .split_whitespace()
                .map(move |w| word_id(&format!("{mark}{w}")))
        })
        .collect();
    out.fact_words.sort_unstable();
    out.fact_words.dedup();
    out
}

/// Reads the fact or word starting at `tokens[i]`; returns how many tokens it took.
fn one(text: &str, tokens: &[Token<'_>], i: usize, out: &mut Features) -> usize {
    let token = &tokens[i];
    let lower = token.text.to_lowercase();
    if let Some((value, used)) = number(tokens, i) {
        return number_or_date(text, tokens, i, value, used, out);
    }
    if let Some(month) = month(token) {
        let day = tokens
            .get(i + 1)
            .filter(|t| adjacent(text, token, t))
            .and_then(|t| day_number(t.text));
        let (key, used) = match day {
            Some(d) => (format!("{month} {d}"), 2),
            None => (month.to_owned(), 1),
        };
        push_fact(text, out, FactKind::Date, key, &tokens[i..i + used]);
        return used;
    }
    if LISTS.days.contains(lower.as_str()) {
        push_fact(text, out, FactKind::Date, lower, &tokens[i..=i]);
        return 1;
    }
    let used = name_run(text, tokens, i);
    if used > 0 {
        let run = &tokens[i..i + used];
        let key: Vec<String> = run
            .iter()
            .map(|t| t.text.to_lowercase())
            .filter(|w| !LISTS.titles.contains(w.as_str()))
            .collect();
        if !key.is_empty() {
            push_fact(text, out, FactKind::Name, key.join(" "), run);
        }
        return used;
    }
    if let Some(word) = content_word(&lower) {
        out.words.push(word_id(&word));
    }
    1
}

/// A number (with a scale word after it) at `tokens[i]`: its value and how many tokens it took.
fn number(tokens: &[Token<'_>], i: usize) -> Option<(f64, usize)> {
    let first = &tokens[i];
    let (mut value, mut used) = if first.text.starts_with(|c: char| c.is_ascii_digit()) {
        let digits_end = first
            .text
            .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
            .unwrap_or(first.text.len());
        let value: f64 = first.text[..digits_end].replace(',', "").parse().ok()?;
        let suffix = first.text[digits_end..].to_lowercase();
        match scale(&suffix) {
            Some(s) => (value * s, 1),
            None if suffix.is_empty() || ["st", "nd", "rd", "th"].contains(&suffix.as_str()) => {
                (value, 1)
            }
            None => return None,
        }
    } else {
        words_number(tokens, i)?
    };
    while let Some(s) = tokens
        .get(i + used)
        .and_then(|t| scale(&t.text.to_lowercase()))
    {
        if tokens[i + used].text.len() == 1 {
            break;
        }
        value *= s;
        used += 1;
    }
    Some((value, used))
}

/// A number written in words from `tokens[i]` ("twenty-five", "three hundred").
fn words_number(tokens: &[Token<'_>], i: usize) -> Option<(f64, usize)> {
    let mut total = 0.0;
    let mut current = 0.0;
    let mut used = 0;
    while let Some(t) = tokens.get(i + used) {
        let lower = t.text.to_lowercase();
        if let Some(v) = LISTS.units.get(lower.as_str()) {
            current += v;
        } else if used > 0 && lower == "hundred" {
            current *= 100.0;
        } else if used > 0
            && let Some(s) = scale(&lower).filter(|s| *s >= 1e3 && lower.len() > 2)
        {
            total += current * s;
            current = 0.0;
        } else if used > 0 && lower == "and" && tokens.get(i + used + 1).is_some_and(is_unit) {
            // "two hundred and five"
        } else {
            break;
        }
        used += 1;
    }
    (used > 0).then_some((total + current, used))
}

fn is_unit(t: &Token<'_>) -> bool {
    LISTS.units.contains_key(t.text.to_lowercase().as_str())
}

fn scale(word: &str) -> Option<f64> {
    SCALES.iter().find(|(w, _)| *w == word).map(|(_, s)| *s)
}

/// Records a number, or a date when it is a year or a day next to a month.
fn number_or_date(
    text: &str,
    tokens: &[Token<'_>],
    i: usize,
    value: f64,
    used: usize,
    out: &mut Features,
) -> usize {
    let token = &tokens[i];
    let after_month = tokens
        .get(i + used)
        .filter(|t| adjacent(text, &tokens[i + used - 1], t))
        .and_then(month);
    if let (Some(month), Some(day)) = (after_month, day_number(token.text)) {
        push_fact(
            text,
            out,
            FactKind::Date,
            format!("{month} {day}"),
            &tokens[i..=i + used],
        );
        return used + 1;
    }
    let is_year = used == 1
        && token.text.len() == 4
        && token.text.bytes().all(|b| b.is_ascii_digit())
        && (1900.0..=2100.0).contains(&value);
    let (kind, key) = if is_year {
        (FactKind::Date, token.text.to_owned())
    } else {
        (FactKind::Number, number_key(value))
    };
    push_fact(text, out, kind, key, &tokens[i..i + used]);
    used
}

/// A number's key: its value, without a trailing ".0".
fn number_key(value: f64) -> String {
    let rounded = (value * 1000.0).round() / 1000.0;
    let mut key = format!("{rounded}");
    if key.contains('.') {
        key = key.trim_end_matches('0').trim_end_matches('.').to_owned();
    }
    key
}

/// The day of the month a token gives ("5", "5th"), if it can be one.
fn day_number(word: &str) -> Option<u32> {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let rest = &word[digits.len()..];
    if !(rest.is_empty() || ["st", "nd", "rd", "th"].contains(&rest)) {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

/// The month a token names. Month names that are also common words ("may", "march") count
/// only with a capital.
fn month(token: &Token<'_>) -> Option<&'static str> {
    let lower = token.text.to_lowercase();
    let capital = token.text.starts_with(char::is_uppercase);
    let (word, full) = LISTS.months.get_key_value(lower.as_str())?;
    (capital || (word == full && !["may", "march"].contains(word))).then_some(*full)
}

/// How many tokens from `tokens[i]` form a name: capitalised words next to each other, not the
/// sentence's first word alone, not a function word.
fn name_run(text: &str, tokens: &[Token<'_>], i: usize) -> usize {
    let capitalised = |t: &Token<'_>| {
        t.text.starts_with(char::is_uppercase)
            && !LISTS.stopwords.contains(t.text.to_lowercase().as_str())
            && month(t).is_none()
            && !LISTS.days.contains(t.text.to_lowercase().as_str())
    };
    if !capitalised(&tokens[i]) {
        return 0;
    }
    let mut used = 1;
    while let Some(next) = tokens.get(i + used) {
        if !(capitalised(next) && adjacent(text, &tokens[i + used - 1], next)) || next.initial {
            break;
        }
        used += 1;
    }
    if tokens[i].initial && used == 1 {
        0
    } else {
        used
    }
}

/// Whether only spaces lie between two tokens (no comma, no stop, no skipped attribution).
fn adjacent(text: &str, a: &Token<'_>, b: &Token<'_>) -> bool {
    text.get(a.span.end..b.span.start)
        .is_some_and(|gap| gap.chars().all(|c| c == ' ' || c == '-'))
}

fn push_fact(text: &str, out: &mut Features, kind: FactKind, key: String, run: &[Token<'_>]) {
    let (Some(first), Some(last)) = (run.first(), run.last()) else {
        return;
    };
    let written = text
        .get(first.span.start..last.span.end)
        .unwrap_or(first.text)
        .to_owned();
    out.facts.push(Fact { kind, key, written });
}

/// The normalised form of a lower-case word that carries content, or `None` for a function word.
fn content_word(lower: &str) -> Option<String> {
    if lower.ends_with("n't") {
        return Some("not".to_owned());
    }
    if LISTS.negations.contains(lower) {
        return Some("not".to_owned());
    }
    if LISTS.stopwords.contains(lower) || lower.chars().count() < 2 {
        return None;
    }
    let lower = lower.strip_suffix("'s").unwrap_or(lower);
    let folded = LISTS.synonyms.get(lower).copied().unwrap_or(lower);
    Some(STEMMER.stem(folded).into_owned())
}

/// A word's id: a fixed hash, the same in every run (signatures may be cached).
pub fn word_id(word: &str) -> u64 {
    foldhash::fast::FixedState::with_seed(0x5eed_c0de).hash_one(word)
}

/// The words of `text[sentence]` outside `skip`, in order.
fn tokens<'t>(text: &'t str, sentence: Range<usize>, skip: &[Range<usize>]) -> Vec<Token<'t>> {
    let Some(body) = text.get(sentence.clone()) else {
        return Vec::new();
    };
    let mut tokens = Vec::new();
    let mut initial = true;
    let chars: Vec<(usize, char)> = body.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        let (at, c) = chars[k];
        if !c.is_alphanumeric() {
            if matches!(c, '"' | '“' | '‘' | ':' | '(') {
                initial = true;
            }
            k += 1;
            continue;
        }
        let start = at;
        let mut end = at + c.len_utf8();
        k += 1;
        while k < chars.len() {
            let (at, c) = chars[k];
            let joins = |next: Option<&(usize, char)>, test: fn(char) -> bool| {
                next.is_some_and(|(_, n)| test(*n))
            };
            let inner = match c {
                '.' | ',' => {
                    body[start..at].ends_with(|p: char| p.is_ascii_digit())
                        && joins(chars.get(k + 1), |n| n.is_ascii_digit())
                }
                '\'' | '’' => joins(chars.get(k + 1), char::is_alphabetic),
                _ => c.is_alphanumeric(),
            };
            if !inner {
                break;
            }
            end = at + c.len_utf8();
            k += 1;
        }
        let span = sentence.start + start..sentence.start + end;
        if !skip
            .iter()
            .any(|s| s.start < span.end && span.start < s.end)
        {
            let word = &body[start..end];
            tokens.push(Token {
                text: word.strip_suffix("’s").unwrap_or(word),
                span,
                initial,
            });
        }
        initial = false;
    }
    tokens
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn of(text: &str) -> Features {
        features(text, 0..text.len(), &[])
    }

    fn facts(text: &str, kind: FactKind) -> Vec<String> {
        of(text)
            .facts
            .into_iter()
            .filter(|f| f.kind == kind)
            .map(|f| f.key)
            .collect()
    }

    #[test]
    fn numbers_in_digits_and_words_share_a_key() {
        assert_eq!(facts("Three officers were hurt.", FactKind::Number), ["3"]);
        assert_eq!(facts("Some 3 officers were hurt.", FactKind::Number), ["3"]);
        assert_eq!(
            facts("It cost twenty-five million pounds.", FactKind::Number),
            ["25000000"]
        );
        assert_eq!(
            facts("It cost 25m pounds, or 1,200 each.", FactKind::Number),
            ["25000000", "1200"]
        );
        assert_eq!(
            facts("About 1.5 million people.", FactKind::Number),
            ["1500000"]
        );
    }

    #[test]
    fn dates_are_years_months_and_days() {
        assert_eq!(
            facts("The bridge opened on 5 March 2019.", FactKind::Date),
            ["march 5", "2019"]
        );
        assert_eq!(
            facts("It opened on March 5th, on a Tuesday.", FactKind::Date),
            ["march 5", "tuesday"]
        );
        assert!(facts("Protesters may march today.", FactKind::Date) == ["today"]);
    }

    #[test]
    fn names_are_capitalised_runs_without_titles() {
        assert_eq!(
            facts(
                "The ferry was stopped by Mayor Anna Berg at Kestrel Quay.",
                FactKind::Name
            ),
            ["anna berg", "kestrel quay"]
        );
        assert!(facts("Officers closed the road.", FactKind::Name).is_empty());
    }

    #[test]
    fn rewording_keeps_the_content_words() {
        let a = of("Two officers were injured when the crowd turned violent.");
        let b = of("Three officers were hurt as the crowd turned violent.");
        assert_eq!(a.words, b.words);
        assert_eq!(a.words.len(), 5, "officer, injure, crowd, turn, violent");
    }

    #[test]
    fn negation_is_content_and_attribution_is_skipped() {
        let text = "The mayor did not close the bridge, police said.";
        let said = text.find("police").unwrap();
        let attribution = said..text.len();
        let skipped = features(text, 0..text.len(), std::slice::from_ref(&attribution));
        let plain = of("The mayor didn't close the bridge.");
        assert_eq!(skipped.words, plain.words);
        assert!(skipped.words.contains(&word_id("not")));
    }
}
