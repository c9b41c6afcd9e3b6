//! Source phrases: the noun phrase a reporting verb points at, read backwards from the verb or
//! forwards after it, cut to its edges, and what kind of source it names.

use std::ops::Range;

use super::cues::Cues;
use super::tokens::{Kind, Tokens};

/// Who a source phrase points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Who {
    /// A specific person, body or document.
    Named,
    /// An unnamed or vague speaker.
    Anonymous,
    /// "he", "she", "they", "it": someone named earlier.
    Pronoun,
    /// "I", "we": the writer, so no outside source.
    Writer,
    /// "critics", "some": a vague group, an anonymous source shown with a `weasel` cue.
    Weasel,
    /// A named speaker whose words come second-hand ("X reportedly said"): unsourced.
    Hedged,
}

/// An attribution found in the sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Attribution {
    /// The source's byte range, when there are words for it.
    pub source: Option<Range<usize>>,
    /// What kind of source it is.
    pub who: Who,
}

/// The attribution of the noun phrase `np`: its words as the source, of the kind `who` when the
/// caller knows it, else as the phrase reads.
pub(super) fn found(
    tokens: &Tokens,
    cues: &Cues,
    np: (usize, usize),
    who: Option<Who>,
) -> Attribution {
    Attribution {
        source: Some(tokens.range(np.0, np.1)),
        who: who.unwrap_or_else(|| classify(tokens, cues, np)),
    }
}

/// The subject ending just before token `end` (exclusive), with an appositive when one sits
/// between it and the verb ("Jane Smith, the commander, said").
pub(super) fn subject(tokens: &Tokens, cues: &Cues, end: usize) -> Option<(usize, usize)> {
    let np = appositive_subject(tokens, cues, end)?;
    Some(back_to_name(tokens, cues, np))
}

/// Whether the words from `k` can trail a name after its comma: a place or origin ("from
/// Wembley"), an age ("32"), a bare role ("spokeswoman for the committee", "head of X").
fn trails_name(tokens: &Tokens, cues: &Cues, k: usize) -> bool {
    let w = tokens.lower(k);
    let g = &cues.grammar;
    (g.prepositions.contains(w) && !g.leading.contains(w))
        || (!w.is_empty() && w.chars().all(|c| c.is_ascii_digit()))
        || (!tokens.list[k].capital
            && !w.ends_with('s')
            && (cues.roles.contains(w) || cues.anonymous.contains(w)))
}

/// "Patricia Sanders, spokeswoman for the committee said", "Mr Osei, 32, from Accra, said":
/// a phrase that only trails a name after a comma stands for that name, which leads the source.
fn back_to_name(tokens: &Tokens, cues: &Cues, np: (usize, usize)) -> (usize, usize) {
    let g = &cues.grammar;
    let mut start = np.0;
    let mut steps = 0;
    while steps < 4 && start >= 2 && tokens.list[start - 1].kind == Kind::Comma {
        if !trails_name(tokens, cues, start) {
            break;
        }
        let mut k = start - 1;
        while k > 0
            && tokens.is_word(k - 1)
            && !g.boundaries.contains(tokens.lower(k - 1))
            && start - k < 8
        {
            k -= 1;
        }
        if k == start - 1 {
            break;
        }
        start = k;
        steps += 1;
    }
    let w = tokens.lower(start);
    let name = tokens.list[start].capital
        && !g.leading.contains(w)
        && !g.prepositions.contains(w)
        && !g.determiners.contains(w)
        && !trails_name(tokens, cues, start);
    if steps > 0 && name { (start, np.1) } else { np }
}

/// The subject before `end`, keeping an appositive between commas.
fn appositive_subject(tokens: &Tokens, cues: &Cues, end: usize) -> Option<(usize, usize)> {
    if end == 0 {
        return None;
    }
    if tokens.list[end - 1].kind != Kind::Comma {
        return backward_np(tokens, cues, end);
    }
    // "X, <segment>, said": the segment is an appositive or an aside.
    let close = end - 1;
    let open = (0..close).rev().find(|&k| {
        !tokens.is_word(k) && !matches!(tokens.list[k].kind, Kind::Open | Kind::Close)
    })?;
    if tokens.list[open].kind != Kind::Comma || open + 1 >= close {
        return None;
    }
    let first = tokens.lower(open + 1);
    let name = backward_np(tokens, cues, open);
    if cues.grammar.prepositions.contains(first) {
        // "X, 41, from Leeds, said": the phrase trails a name further back.
        return name.or(Some((open + 1, close - 1)));
    }
    let name = name?;
    if cues.grammar.cuts.contains(first) || first.ends_with("ing") {
        return Some(name);
    }
    let fits = cues.grammar.determiners.contains(first)
        || tokens.list[name.1].capital
        || tokens.list[open + 1].capital;
    (fits && close - open <= 20).then_some((name.0, close - 1))
}

/// The noun phrase that ends just before token `end`, read backwards.
pub(super) fn backward_np(tokens: &Tokens, cues: &Cues, end: usize) -> Option<(usize, usize)> {
    let mut start = end;
    let mut depth = 0usize;
    while start > 0 && end - start < 16 {
        let k = start - 1;
        match tokens.list[k].kind {
            Kind::Word => {
                let w = tokens.lower(k);
                if w == "and" || w == "&" {
                    let joins = k > 0
                        && tokens.list[k - 1].capital
                        && tokens.list.get(k + 1).is_some_and(|t| t.capital);
                    if !joins {
                        break;
                    }
                } else if cues.grammar.boundaries.contains(w) && depth == 0 {
                    break;
                }
            }
            Kind::Close => depth += 1,
            Kind::Open if depth > 0 => depth -= 1,
            _ if depth > 0 => {}
            _ => break,
        }
        start = k;
    }
    trim_np(tokens, cues, start, end)
}

/// Cuts a phrase read backwards to its source: no relative clause, no leading time words, no
/// preceding clause.
pub(super) fn trim_np(
    tokens: &Tokens,
    cues: &Cues,
    mut start: usize,
    mut end: usize,
) -> Option<(usize, usize)> {
    if let Some(cut) =
        (start..end).find(|&k| cues.grammar.cuts.contains(tokens.lower(k)) && k > start)
    {
        end = cut;
    }
    // A determiner not after a preposition starts a new phrase: "On Tuesday the minister".
    if let Some(k) = (start + 1..end).rev().find(|&k| {
        cues.grammar.determiners.contains(tokens.lower(k))
            && !cues.grammar.prepositions.contains(tokens.lower(k - 1))
            && !(tokens.list[k - 1].capital
                && k > start + 1
                && tokens.list.get(k + 1).is_some_and(|t| t.capital))
            && tokens.lower(k - 1) != "and"
            && tokens.is_word(k - 1)
    }) {
        start = k;
    }
    while start < end
        && (cues.grammar.leading.contains(tokens.lower(start))
            || tokens.lower(start).chars().all(|c| c.is_ascii_digit()))
        && !(tokens.lower(start) == "may" && tokens.list[start].capital && start > 0)
    {
        start += 1;
    }
    while end > start && !tokens.is_word(end - 1) && tokens.list[end - 1].kind != Kind::Close {
        end -= 1;
    }
    if start >= end {
        return None;
    }
    let only_closed = (start..end).all(|k| {
        let w = tokens.lower(k);
        !tokens.is_word(k) || cues.grammar.determiners.contains(w) || w == "there" || w == "this"
    });
    let has_verbish = (start..end).any(|k| {
        cues.verbs.contains(tokens.lower(k))
            && !tokens.list[k].capital
            && !cues.documents.contains(tokens.lower(k))
    });
    // A verb phrase is not a subject: "The report did not assign [blame]".
    let finite = (start..end).any(|k| {
        let w = tokens.lower(k);
        !tokens.list[k].capital
            && (cues.grammar.finite.contains(w) || cues.grammar.negations.contains(w))
    });
    (!only_closed && !has_verbish && !finite).then_some((start, end - 1))
}

/// The noun phrase that starts at token `from`, read forwards (after "according to", "said").
pub(super) fn forward_np(
    tokens: &Tokens,
    cues: &Cues,
    from: usize,
    apposition: bool,
) -> Option<(usize, usize)> {
    let first = tokens.lower(from);
    if !tokens.is_word(from)
        || cues.grammar.boundaries.contains(first)
        || (first.ends_with("ly") && !tokens.list[from].capital)
        || (cues.verbs.contains(first) && !cues.documents.contains(first))
    {
        return None;
    }
    let mut end = from;
    let mut depth = 0usize;
    while end < tokens.len() && end - from < 14 {
        match tokens.list[end].kind {
            Kind::Word => {
                let w = tokens.lower(end);
                if depth == 0 && end > from {
                    if cues.grammar.forward_stops.contains(w) {
                        break;
                    }
                    if w == "in" && matches!(tokens.lower(end + 1), "a" | "an") {
                        break;
                    }
                    if w == "and" {
                        let joins = tokens.list[end - 1].capital
                            && tokens.list.get(end + 1).is_some_and(|t| t.capital);
                        if !joins {
                            break;
                        }
                    }
                    if cues.verbs.contains(w)
                        && !tokens.list[end].capital
                        && !cues.documents.contains(w)
                    {
                        break;
                    }
                }
            }
            Kind::Open => depth += 1,
            Kind::Close if depth > 0 => depth -= 1,
            _ if depth > 0 => {}
            _ => break,
        }
        end += 1;
    }
    while end > from && !tokens.is_word(end - 1) && tokens.list[end - 1].kind != Kind::Close {
        end -= 1;
    }
    if end <= from || (from..end).all(|k| cues.grammar.determiners.contains(tokens.lower(k))) {
        return None;
    }
    let mut last = end - 1;
    // "said Jane Smith, the commander of the unit." / "said the coach, Pia Lund."
    if apposition
        && tokens.list.get(end).is_some_and(|t| t.kind == Kind::Comma)
        && tokens.is_word(end + 1)
        && !cues.grammar.forward_stops.contains(tokens.lower(end + 1))
        && !cues.grammar.cuts.contains(tokens.lower(end + 1))
        && !tokens.lower(end + 1).ends_with("ing")
        && (tokens.list[last].capital || tokens.list[end + 1].capital)
    {
        let mut k = end + 1;
        while k < tokens.len()
            && tokens.is_word(k)
            && !cues.grammar.cuts.contains(tokens.lower(k))
            && k - end < 12
        {
            k += 1;
        }
        if k >= tokens.len() || !tokens.is_word(k) {
            last = k - 1;
        }
    }
    Some((from, last))
}

/// What kind of source the phrase `np` (token range, inclusive) names.
pub(super) fn classify(tokens: &Tokens, cues: &Cues, np: (usize, usize)) -> Who {
    let (start, end) = np;
    let first = tokens.lower(start);
    if start == end {
        if cues.grammar.pronouns.contains(first) {
            return Who::Pronoun;
        }
        if cues.grammar.writer.contains(first) {
            return Who::Writer;
        }
    }
    let head = head_word(tokens, cues, np);
    let head_word = tokens.lower(head);
    let comma = (start..=end).find(|&k| tokens.list[k].kind == Kind::Comma);
    let named_apposition = comma.is_some_and(|c| {
        (c + 1..=end)
            .filter(|&k| {
                tokens.list[k].capital && !cues.grammar.determiners.contains(tokens.lower(k))
            })
            .count()
            >= 2
    });
    if named_apposition && !tokens.list[head].capital {
        return Who::Named;
    }
    if cues.weasels.contains(head_word)
        || (matches!(first, "some" | "many" | "most" | "few") && head - start <= 1)
    {
        return Who::Weasel;
    }
    if cues.anonymous.contains(head_word) {
        return Who::Anonymous;
    }
    // A proper name: a capital not at the sentence's start, or a capital that is not a common
    // word there.
    let proper = (start..=end).any(|k| {
        tokens.list[k].capital
            && (k > 0 || !cues.grammar.determiners.contains(tokens.lower(k)))
            && !cues.grammar.indefinites.contains(tokens.lower(k))
            && !cues.grammar.determiners.contains(tokens.lower(k))
    });
    if cues.documents.contains(head_word) {
        let definite = cues.grammar.determiners.contains(first) && !matches!(first, "a" | "an");
        // "a report by the government's finance watchdog": made by an identified body.
        let by_body = (head + 1..end).any(|k| {
            matches!(tokens.lower(k), "by" | "from" | "for")
                && (tokens.lower(k + 1) == "the"
                    || tokens.lower(k + 1).ends_with("'s")
                    || tokens.lower(k + 2).ends_with("'s"))
        });
        return if proper || definite || by_body || tokens.lower(head).ends_with("'s") {
            Who::Named
        } else {
            Who::Anonymous
        };
    }
    if cues.grammar.indefinites.contains(first) && !proper {
        return Who::Anonymous;
    }
    Who::Named
}

/// A determiner and the capitalised or source words after it: "Meridian Power Systems".
pub(super) fn head_run(tokens: &Tokens, cues: &Cues, from: usize) -> Option<(usize, usize)> {
    let mut k = from;
    if cues.grammar.determiners.contains(tokens.lower(k)) {
        k += 1;
    }
    let begin = k;
    while k < tokens.len()
        && tokens.is_word(k)
        && (tokens.list[k].capital
            || cues.anonymous.contains(tokens.lower(k))
            || cues.documents.contains(tokens.lower(k))
            || cues.roles.contains(tokens.lower(k))
            || matches!(
                tokens.lower(k),
                "senior" | "former" | "local" | "deputy" | "top"
            ))
    {
        k += 1;
    }
    (k > begin).then(|| (from, k - 1))
}

/// The head of the phrase `np`: its last word before a comma or a preposition.
pub(super) fn head_word(tokens: &Tokens, cues: &Cues, np: (usize, usize)) -> usize {
    let (start, end) = np;
    let mut head = start;
    for k in start..=end {
        if !tokens.is_word(k) {
            if tokens.list[k].kind == Kind::Comma {
                break;
            }
            continue;
        }
        if k > start && cues.grammar.prepositions.contains(tokens.lower(k)) {
            break;
        }
        head = k;
    }
    head
}

/// The sentence's subject, for a verb or participle whose own subject is not next to it ("DEC
/// has no link to the site and says …", "Charities reacted with alarm, saying …"): the first
/// words up to a verb, after leading linking words.
pub(super) fn sentence_subject(tokens: &Tokens, cues: &Cues) -> Option<(usize, usize)> {
    let g = &cues.grammar;
    let mut start = 0;
    while start < tokens.len()
        && (!tokens.is_word(start)
            || g.boundaries.contains(tokens.lower(start))
            || g.leading.contains(tokens.lower(start)))
    {
        start += 1;
    }
    let mut end = start;
    while end < tokens.len() && end - start < 10 {
        let w = tokens.lower(end);
        let verbish = !tokens.list[end].capital
            && (g.finite.contains(w)
                || g.auxiliaries.contains(w)
                || g.blockers.contains(w)
                || cues.verbs.contains(w)
                || (w.ends_with("ed") && end > start));
        if !tokens.is_word(end) || verbish || (g.boundaries.contains(w) && w != "and") {
            break;
        }
        end += 1;
    }
    // It must run up to its verb: "Indian and Hong Kong stock markets reached …, suggesting"
    // has no speaker to find.
    let at_verb = end < tokens.len() && tokens.is_word(end);
    (end > start && at_verb)
        .then(|| trim_np(tokens, cues, start, end))
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::super::expect_first;

    const S: Option<&str> = Some("sourced");
    const NAMED: Option<&str> = Some("named");
    const ANON: Option<&str> = Some("anonymous");

    #[test]
    fn ordinary_group_nouns_are_anonymous_and_identified_bodies_named() {
        expect_first(&[
            (
                "Shoppers said the prices had risen twice in a month.",
                S,
                ANON,
                "Shoppers",
            ),
            (
                "Local residents told the council the road was unsafe.",
                S,
                ANON,
                "Local residents",
            ),
            (
                "Organisers said 4,000 runners had entered.",
                S,
                ANON,
                "Organisers",
            ),
            (
                "A review by the county's audit office found the contract was overpriced.",
                S,
                NAMED,
                "A review by the county's audit office",
            ),
            (
                "The bookmaker said it had stopped taking bets.",
                S,
                NAMED,
                "The bookmaker",
            ),
        ]);
    }

    #[test]
    fn source_spans_keep_the_name_and_its_organisation() {
        expect_first(&[
            (
                "Oskar Lind, spokesman for the Port Authority said the quay had reopened.",
                S,
                NAMED,
                "Oskar Lind, spokesman for the Port Authority",
            ),
            (
                "Ms Amadi, 41, from Leeds, said the flat had flooded twice.",
                S,
                NAMED,
                "Ms Amadi, 41, from Leeds",
            ),
            (
                "Tom Reyes of the Friends of the Earth said the river was dying.",
                S,
                NAMED,
                "Tom Reyes of the Friends of the Earth",
            ),
            (
                "On Monday, officials said the border was shut.",
                S,
                ANON,
                "officials",
            ),
            (
                "In Lagos, a spokeswoman said the flights resumed.",
                S,
                ANON,
                "a spokeswoman",
            ),
        ]);
    }
}
