//! Word tables: which words before a period are abbreviations, and which
//! words after one open a new sentence.
//!
//! Every lookup lower-cases the word into a small buffer and matches it
//! against byte strings, so the tables compile to a few length switches and
//! comparisons. The case the word was written in still matters: a title such
//! as `Dr` must be written `Dr` or `DR` to count, because `dr` is rarely an
//! abbreviation, while `p`, `vs` or `e.g` count in any case.

/// How a word followed by a period behaves.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Abbreviation {
    /// An ordinary word or number: the period ends the sentence before any
    /// word that does not start with a lower-case letter.
    Plain,
    /// A title or a Latin abbreviation (`Dr.`, `Gen.`, `e.g.`, `vs.`) that
    /// always stands before something else: the period never ends a sentence.
    Prepositive,
    /// A word that stands before a number (`No. 5`, `pp. 10-12`): not an
    /// end before a number, an ordinary word elsewhere.
    BeforeNumber,
    /// A month or a day (`Jan. 5`, `Sept.`): not an end before a number,
    /// otherwise an end only before a sentence opener.
    Date,
    /// An abbreviation that a name may go on after (`St.`, `Mt.`, `Inc.`,
    /// `U.S.`): an end only before a sentence opener.
    Ambiguous,
    /// A single capital: the initial of a name (`John F. Kennedy`), an end
    /// only before a sentence opener, unless a lower-case word stands before
    /// it (`the set S.`).
    Initial,
    /// An abbreviation that closes a place or a time and so often a sentence
    /// too (`Del.`, `Tenn.`, `p.m.`): an end before a
    /// sentence opener, or before a capitalised word that a clause goes on
    /// from (`... in Dover, Del. Voting starts ...`).
    Suffix,
    /// A unit after a number (`lb.`, `oz.`, `cu. ft.`): no end before a
    /// number or a lower-case word, otherwise as a suffix.
    Unit,
    /// The pronoun `I`: an end unless more initials follow (`I. M. Pei`).
    Pronoun,
}

/// The case a word is written in.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Case {
    /// No capital letter: `pp`, `e.g`.
    Lower,
    /// A capital letter first, then no capital: `Dr`, `Sept`.
    Capitalised,
    /// Capitals only, and more than one letter: `DR`, `U.S`.
    Upper,
    /// Anything else: `McKay`, `Ph.D`.
    Mixed,
}

impl Case {
    /// Whether a title or a name written this way is the usual spelling
    /// (`Dr`, `DR`) rather than an ordinary lower-case word.
    fn is_capitalised(self) -> bool {
        matches!(self, Self::Capitalised | Self::Upper)
    }
}

/// Longest word, in bytes, that the tables hold.
const MAX_WORD: usize = 12;

/// `word` in ASCII lower case with the case it was written in, or `None`
/// when it is longer than any table entry or holds anything but ASCII
/// letters and periods.
fn fold(word: &str) -> Option<([u8; MAX_WORD], usize, Case)> {
    let bytes = word.as_bytes();
    if bytes.is_empty() || bytes.len() > MAX_WORD {
        return None;
    }
    let mut lower = [0; MAX_WORD];
    let (mut capitals, mut letters) = (0, 0);
    for (slot, &byte) in lower.iter_mut().zip(bytes) {
        if byte.is_ascii_uppercase() {
            capitals += 1;
        } else if byte != b'.' && !byte.is_ascii_lowercase() {
            return None;
        }
        if byte != b'.' {
            letters += 1;
        }
        *slot = byte.to_ascii_lowercase();
    }
    let case = if capitals == 0 {
        Case::Lower
    } else if capitals == letters && letters > 1 {
        Case::Upper
    } else if capitals == 1 && bytes[0].is_ascii_uppercase() {
        Case::Capitalised
    } else {
        Case::Mixed
    };
    Some((lower, bytes.len(), case))
}

/// How `token`, the word right before a period with any leading
/// punctuation removed (`Mr`, `U.S`, `pp`, `2029`), behaves.
pub(super) fn classify(token: &str) -> Abbreviation {
    let Some((lower, len, case)) = fold(token) else {
        return Abbreviation::Plain;
    };
    let word = &lower[..len];
    let capitalised = case.is_capitalised();
    match word {
        b"i" if case == Case::Capitalised => Abbreviation::Pronoun,
        // Titles, ranks and honorifics.
        b"mr" | b"mrs" | b"ms" | b"mx" | b"messrs" | b"mmes" | b"mme" | b"mlle" | b"dr"
        | b"drs" | b"prof" | b"profs" | b"rev" | b"revd" | b"hon" | b"rt" | b"pres" | b"gov"
        | b"govs" | b"sen" | b"sens" | b"rep" | b"reps" | b"sec" | b"secy" | b"amb" | b"atty"
        | b"gen" | b"gens" | b"lt" | b"lieut" | b"col" | b"maj" | b"capt" | b"cmdr" | b"cdr"
        | b"comdr" | b"adm" | b"brig" | b"sgt" | b"cpl" | b"pvt" | b"pte" | b"ens" | b"det"
        | b"insp" | b"supt" | b"fr" | b"msgr" | b"sra" | b"srta" | b"pfc" | b"spec"
            if capitalised =>
        {
            Abbreviation::Prepositive
        }
        // Latin and editorial abbreviations, and `v.` as in `Roe v. Wade`.
        b"e.g" | b"i.e" | b"a.k.a" | b"w.r.t" | b"viz" | b"cf" | b"vs" | b"approx" | b"esp"
        | b"incl" | b"excl" | b"resp" => Abbreviation::Prepositive,
        b"v" if case == Case::Lower => Abbreviation::Prepositive,
        // Words that stand before a number.
        b"no" | b"nos" | b"nr" | b"vol" | b"vols" | b"fig" | b"figs" | b"pp" | b"art" | b"arts"
        | b"ch" | b"chap" | b"pt" | b"para" | b"paras" | b"op" | b"ca" | b"est" | b"ref"
        | b"refs" | b"tel" | b"ex" | b"eq" | b"pg" | b"ll" | b"apt" | b"rm" | b"rte" | b"hwy"
        | b"rs" | b"stat" | b"stats" => Abbreviation::BeforeNumber,
        // Single lower-case letters before a number: page, circa, born, died.
        // A single capital is an initial instead.
        b"p" | b"c" | b"b" | b"d" if case == Case::Lower => Abbreviation::BeforeNumber,
        // Months and days.
        b"jan" | b"feb" | b"mar" | b"apr" | b"jun" | b"jul" | b"aug" | b"sep" | b"sept"
        | b"oct" | b"nov" | b"dec" | b"mon" | b"tue" | b"tues" | b"wed" | b"thu" | b"thur"
        | b"thurs" | b"fri" | b"sat" | b"sun"
            if capitalised =>
        {
            Abbreviation::Date
        }
        // Place words that stand before a name as often as after one, and
        // company and name suffixes, which a name may go on after (`Meridal
        // Bros. Construction`).
        b"ave" | b"blvd" | b"rd" | b"st" | b"ste" | b"mt" | b"ft" | b"inc" | b"ltd" | b"co"
        | b"cos" | b"corp" | b"bros" | b"plc" | b"llc" | b"jr" | b"sr" | b"esq" | b"dept"
        | b"dist" | b"univ" | b"assn" | b"intl" | b"natl" | b"govt" | b"mfg"
            if capitalised =>
        {
            Abbreviation::Ambiguous
        }
        // U.S. state abbreviations, which close a place name.
        b"ala" | b"ariz" | b"ark" | b"calif" | b"colo" | b"conn" | b"del" | b"fla" | b"ga"
        | b"ill" | b"ind" | b"kan" | b"kans" | b"ky" | b"la" | b"md" | b"mass" | b"mich"
        | b"minn" | b"miss" | b"mo" | b"mont" | b"neb" | b"nev" | b"okla" | b"ore" | b"pa"
        | b"tenn" | b"tex" | b"va" | b"vt" | b"wash" | b"wis" | b"wyo"
            if capitalised =>
        {
            Abbreviation::Suffix
        }
        // The lower-case ones that still close a name (`Jane and co.`).
        b"co" | b"st" | b"al" | b"ave" | b"rd" | b"ltd" | b"inc" => Abbreviation::Ambiguous,
        // Units, written in lower case after a number.
        b"lb" | b"lbs" | b"oz" | b"cu" | b"ft" | b"sq" | b"yd" | b"yds" | b"gm" | b"gr" | b"mi"
        | b"hr" | b"hrs" | b"min" | b"sec" | b"gal" | b"qt" | b"cc"
            if case == Case::Lower =>
        {
            Abbreviation::Unit
        }
        // `etc.` is deliberately absent: it ends a sentence like a word.
        _ if is_initial(word, case) => Abbreviation::Initial,
        // `a.m.` and `p.m.` close a time; other dotted acronyms often stand
        // before a name (`the U.S. Navy`, `10 mm. i.d. tubing`).
        b"a.m" | b"p.m" => Abbreviation::Suffix,
        _ if is_dotted_acronym(word) => Abbreviation::Ambiguous,
        _ => Abbreviation::Plain,
    }
}

/// A single capital letter, as in the initial of a name (`John F. Kennedy`).
fn is_initial(word: &[u8], case: Case) -> bool {
    word.len() == 1 && case == Case::Capitalised
}

/// Letters in groups of one or two joined by periods: `u.s`, `a.m`, `ph.d`.
fn is_dotted_acronym(word: &[u8]) -> bool {
    word.contains(&b'.')
        && word
            .split(|&byte| byte == b'.')
            .all(|part| (1..=2).contains(&part.len()))
}

/// Whether `word`, the letters of the next word, as written, opens a new
/// sentence after an ambiguous abbreviation (`... to the U.S. He left`).
///
/// These are the capitalised words that seldom stand inside a sentence
/// right after a name or an abbreviation: determiners, pronouns,
/// conjunctions, prepositions, common adverbs and auxiliaries, and a few
/// words that open news sentences (`Officials`, `Police`). With
/// `before_period` (the word is itself followed by a period) only the
/// personal titles count, as in `at 6 P.M. Mr. Smith`.
pub(super) fn is_sentence_opener(word: &str, before_period: bool) -> bool {
    let Some((lower, len, case)) = fold(word) else {
        return false;
    };
    if !case.is_capitalised() {
        return false;
    }
    let word = &lower[..len];
    if before_period {
        return matches!(word, b"mr" | b"mrs" | b"ms" | b"mx" | b"dr" | b"prof");
    }
    SENTENCE_OPENERS
        .iter()
        .any(|opener| opener.as_bytes() == word)
}

/// The words that [`is_sentence_opener`] accepts, in lower case.
const SENTENCE_OPENERS: &[&str] = &[
    "a",
    "an",
    "the",
    "this",
    "that",
    "these",
    "those",
    "there",
    "then",
    "thus",
    "here",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "its",
    "their",
    "our",
    "my",
    "your",
    "one",
    "but",
    "and",
    "or",
    "so",
    "yet",
    "nor",
    "in",
    "on",
    "at",
    "as",
    "by",
    "for",
    "from",
    "with",
    "to",
    "of",
    "after",
    "before",
    "when",
    "while",
    "since",
    "because",
    "although",
    "though",
    "if",
    "unless",
    "however",
    "meanwhile",
    "moreover",
    "still",
    "now",
    "some",
    "many",
    "most",
    "all",
    "both",
    "each",
    "every",
    "few",
    "several",
    "any",
    "other",
    "others",
    "another",
    "no",
    "not",
    "none",
    "only",
    "even",
    "what",
    "who",
    "why",
    "how",
    "where",
    "which",
    "according",
    "despite",
    "during",
    "later",
    "earlier",
    "instead",
    "also",
    "today",
    "yesterday",
    "is",
    "are",
    "was",
    "were",
    "did",
    "does",
    "has",
    "have",
    "had",
    "will",
    "would",
    "can",
    "could",
    "should",
    "such",
    "more",
    "officials",
    "police",
    "investigators",
    "analysts",
    "critics",
    "residents",
    "shares",
    "hence",
    "therefore",
    "conversely",
    "clearly",
    "indeed",
    "furthermore",
    "let",
    "suppose",
    "consider",
];

/// Whether `word`, a lower-case word after a capitalised one, joins the two
/// into one name or phrase (`Department of`, `Smith and`, `van der`) rather
/// than going on with a clause (`Shares fell`).
pub(super) fn is_connector(word: &str) -> bool {
    matches!(
        word,
        "of" | "and"
            | "or"
            | "in"
            | "for"
            | "on"
            | "at"
            | "to"
            | "de"
            | "da"
            | "del"
            | "della"
            | "di"
            | "du"
            | "van"
            | "von"
            | "der"
            | "den"
            | "la"
            | "le"
            | "y"
            | "e"
            | "bin"
            | "al"
            | "that"
            | "which"
            | "who"
            | "whose"
    )
}

/// Whether `word` is a function word (`the`, `of`, `and`, `is`) that no
/// sentence or heading ends with.
pub(super) fn is_function_word(word: &str) -> bool {
    matches!(
        word,
        "a" | "an"
            | "the"
            | "of"
            | "and"
            | "or"
            | "in"
            | "on"
            | "at"
            | "to"
            | "for"
            | "from"
            | "with"
            | "by"
            | "as"
            | "that"
            | "than"
            | "is"
            | "are"
            | "was"
            | "were"
            | "his"
            | "her"
            | "its"
            | "their"
    )
}

/// Whether `word` names a day or a month (`Friday`, `June`), which follows a
/// time or a place inside a sentence (`at 6 p.m. Friday`).
pub(super) fn is_date_word(word: &str) -> bool {
    matches!(
        word,
        "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
            | "January"
            | "February"
            | "March"
            | "April"
            | "May"
            | "June"
            | "July"
            | "August"
            | "September"
            | "October"
            | "November"
            | "December"
    )
}

/// Whether `word` is a verb that reports speech, so that a capitalised
/// name before it still belongs to the quotation's sentence
/// (`"Why?" Mara asked.`).
pub(super) fn is_speech_verb(word: &str) -> bool {
    SPEECH_VERBS.contains(&word)
}

/// The verbs that [`is_speech_verb`] accepts.
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "asked",
    "asks",
    "replied",
    "added",
    "shouted",
    "cried",
    "wrote",
    "told",
    "whispered",
    "yelled",
    "insisted",
    "explained",
    "answered",
    "wondered",
    "demanded",
    "warned",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_decides_titles_but_not_latin() {
        assert_eq!(classify("Dr"), Abbreviation::Prepositive);
        assert_eq!(classify("DR"), Abbreviation::Prepositive);
        assert_eq!(classify("dr"), Abbreviation::Plain);
        assert_eq!(classify("E.G"), Abbreviation::Prepositive);
        assert_eq!(classify("e.g"), Abbreviation::Prepositive);
        assert_eq!(classify("Sat"), Abbreviation::Date);
        assert_eq!(classify("sat"), Abbreviation::Plain);
    }

    #[test]
    fn acronyms_and_initials_are_ambiguous() {
        for token in ["a.m", "p.m", "P.M", "Del", "Tenn"] {
            assert_eq!(classify(token), Abbreviation::Suffix, "{token}");
        }
        assert_eq!(classify("F"), Abbreviation::Initial);
        for token in ["U.S", "Ph.D", "U.S.A", "i.d", "Inc", "St", "Mt"] {
            assert_eq!(classify(token), Abbreviation::Ambiguous, "{token}");
        }
        for token in ["lb", "oz", "cu"] {
            assert_eq!(classify(token), Abbreviation::Unit, "{token}");
        }
        for token in [
            "example.com",
            "2029",
            "etc",
            "3.14",
            "",
            "verylongwordindeed",
        ] {
            assert_eq!(classify(token), Abbreviation::Plain, "{token}");
        }
        assert_eq!(classify("I"), Abbreviation::Pronoun);
    }

    #[test]
    fn openers_must_be_capitalised() {
        assert!(is_sentence_opener("The", false));
        assert!(is_sentence_opener("THE", false));
        assert!(!is_sentence_opener("the", false));
        assert!(!is_sentence_opener("Kennedy", false));
        assert!(is_sentence_opener("Mr", true));
        assert!(!is_sentence_opener("The", true));
    }
}
